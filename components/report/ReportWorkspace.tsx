"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import type { ReportStatus } from "@/db/schema";
import type { ReportPermissions } from "@/lib/permissions";
import { WorkflowBar } from "@/components/workflow/WorkflowBar";
import { CommentList, type CommentView } from "@/components/workflow/CommentList";
import { CommentForm } from "@/components/workflow/CommentForm";
import { parseCellPath } from "@/lib/report/model";
import { ReportEditor, type EditorApi, type ReportEditorProps } from "./editor/ReportEditor";
import type { CellComment } from "./editor/context";
import { EDITOR_SECTIONS, type EditorSection } from "./editor/sections";

function isEditorSection(section: string): section is EditorSection {
  return EDITOR_SECTIONS.some((candidate) => candidate.key === section);
}

/**
 * One report on screen: the workflow bar (submit / return / approve / reopen), the section forms, and the
 * supervisors' comments in place under each section.
 */
export function ReportWorkspace({
  editor,
  workflow,
  comments,
  permissions,
  viewerId,
}: {
  editor: Omit<ReportEditorProps, "checkSlot" | "sectionSlot" | "apiRef" | "cellComments" | "onCommentOnCell">;
  workflow: {
    status: ReportStatus;
    approvedByName: string | null;
    approvedAt: string | null;
    /** For an imported past report: who imported it, when (ISO) and from which file. */
    imported: { byName: string | null; at: string | null; fileName: string | null } | null;
  };
  comments: CommentView[];
  /** What the viewer may do, as the server's permission module answered. */
  permissions: ReportPermissions;
  viewerId: number;
}) {
  const editorApi = useRef<EditorApi | null>(null);
  const edition = editor.report.edition;
  // Only comments still open mark their cells: a dealt-with one no longer asks for attention.
  const cellComments = useMemo(() => {
    const byCell = new Map<string, CellComment[]>();
    for (const comment of comments) {
      if (!comment.cell || comment.resolvedAt !== null) continue;
      const list = byCell.get(comment.cell) ?? [];
      list.push({ id: comment.id, body: comment.body, author: comment.authorName });
      byCell.set(comment.cell, list);
    }
    return byCell;
  }, [comments]);
  const canComment = permissions.comment;
  // A comment's cell name leads to the cell: its section is shown and the cell focused.
  const openCell = useCallback((comment: CommentView) => {
    if (comment.cell && isEditorSection(comment.section)) editorApi.current?.focusField(comment.section, comment.cell);
  }, []);
  // 「对此单元格提意见」 on a cell opens its section's comment form with the cell chosen; the form takes the
  // request once (a form shown again later does not take focus).
  const [commentTarget, setCommentTarget] = useState<{ cell: string } | null>(null);
  const commentOnCell = useCallback((cell: string) => setCommentTarget({ cell }), []);
  const targetTaken = useCallback(() => setCommentTarget(null), []);
  const targetIn = (section: string) => (commentTarget && parseCellPath(commentTarget.cell).table === section ? commentTarget : null);
  const resolveFor = permissions.resolveComments ? editor.reportId : undefined;
  // A supervisor reviewing may take back their own comments until the report leaves review.
  const deleteFor = permissions.deleteOwnComment ? { reportId: editor.reportId, authorId: viewerId } : undefined;
  return (
    <div className="space-y-4">
      <WorkflowBar
        reportId={editor.reportId}
        status={workflow.status}
        version={editor.version}
        permissions={permissions}
        approvedByName={workflow.approvedByName}
        approvedAt={workflow.approvedAt}
        imported={workflow.imported}
        beforeSubmit={async () => {
          await editorApi.current?.flush();
        }}
      />
      <CommentList
        comments={comments}
        edition={edition}
        section="general"
        heading="审核意见（总体）"
        resolveFor={resolveFor}
        deleteFor={deleteFor}
        onOpenCell={openCell}
      />
      <ReportEditor
        {...editor}
        apiRef={editorApi}
        cellComments={cellComments}
        onCommentOnCell={canComment ? commentOnCell : undefined}
        checkSlot={
          <div className="space-y-3">
            <p className="text-slate-700">
              提交审核前，请改正全部“错误”；每条“提醒”须改正，或点击“确认无误并说明理由”。下方列出全部检查结果和审核意见。
            </p>
            <CommentList
              comments={comments}
              edition={edition}
              heading="全部审核意见"
              resolveFor={resolveFor}
              deleteFor={deleteFor}
              onOpenCell={openCell}
            />
            {canComment && <CommentForm reportId={editor.reportId} section="general" report={editor.report} />}
          </div>
        }
        sectionSlot={(section) =>
          section === "check" ? null : (
            <>
              <CommentList
                comments={comments}
                edition={edition}
                section={section}
                resolveFor={resolveFor}
                deleteFor={deleteFor}
                onOpenCell={openCell}
              />
              {canComment && (
                <CommentForm
                  reportId={editor.reportId}
                  section={section}
                  report={editor.report}
                  target={targetIn(section)}
                  onTargetTaken={targetTaken}
                />
              )}
            </>
          )
        }
      />
    </div>
  );
}
