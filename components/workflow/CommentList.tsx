import type { ReportComment } from "@/db/queries/comments";
import { formatDateTime } from "@/lib/format";
import { roleLabels } from "@/lib/labels";
import { labelText, type EditionId } from "@/lib/report";
import { commentSectionTitle } from "@/lib/workflow/cells";
import { DeleteCommentButton, ResolveCommentButton } from "./CommentActions";

/** A comment as it travels to the browser (dates as ISO text). */
export type CommentView = Omit<ReportComment, "createdAt" | "resolvedAt"> & { createdAt: string; resolvedAt: string | null };

export function toCommentViews(comments: ReportComment[]): CommentView[] {
  return comments.map((comment) => ({
    ...comment,
    createdAt: comment.createdAt.toISOString(),
    resolvedAt: comment.resolvedAt?.toISOString() ?? null,
  }));
}

/**
 * Review comments of one section (or, without `section`, of the whole report grouped by section),
 * each with the cell it points at, its author and time, and whether it has been dealt with. Renders
 * nothing when there are none.
 */
export function CommentList({
  comments,
  edition,
  section,
  heading = "审核意见",
  resolveFor,
  deleteFor,
  onOpenCell,
}: {
  comments: CommentView[];
  edition: EditionId;
  /** A section key (general, front, overview, activeDisclosure, requests, reviewLitigation, problems, otherMatters). */
  section?: string;
  heading?: string;
  /** The report whose comments the viewer may mark as dealt with; absent when they may not. */
  resolveFor?: number;
  /** The report and the viewer whose own comments may be deleted (a supervisor reviewing); absent otherwise. */
  deleteFor?: { reportId: number; authorId: number };
  /** Shows the comment's cell in the editor and focuses it; without it the cell's name is plain text. */
  onOpenCell?: (comment: CommentView) => void;
}) {
  const shown = section === undefined ? comments : comments.filter((comment) => comment.section === section);
  if (shown.length === 0) return null;
  const open = shown.filter((comment) => comment.resolvedAt === null).length;
  return (
    <section
      aria-label={heading}
      data-testid={`comments-${section ?? "all"}`}
      className="rounded border border-amber-300 bg-amber-50 px-4 py-3"
    >
      <h3 className="mb-2 font-semibold text-amber-900">
        {heading}
        <span className="ml-2 text-sm font-normal text-amber-800">
          共 {shown.length} 条{open < shown.length ? `，未处理 ${open} 条` : ""}
        </span>
      </h3>
      <ol className="space-y-2">
        {shown.map((comment) => (
          <li
            key={comment.id}
            className={`rounded px-3 py-2 ring-1 ${comment.resolvedAt ? "bg-slate-50 text-slate-500 ring-slate-200" : "bg-white ring-amber-200"}`}
            data-resolved={comment.resolvedAt ? "true" : "false"}
          >
            <div className="flex flex-wrap items-baseline gap-x-2 text-sm text-slate-600">
              {section === undefined && (
                <span className="font-medium text-slate-800">{commentSectionTitle(edition, comment.section)}</span>
              )}
              {comment.cell &&
                (onOpenCell ? (
                  <button
                    type="button"
                    onClick={() => onOpenCell(comment)}
                    title="转到此单元格"
                    className="rounded bg-amber-100 px-1.5 text-left text-amber-900 underline decoration-amber-400 underline-offset-2 hover:bg-amber-200"
                  >
                    {labelText(edition, comment.cell)}
                  </button>
                ) : (
                  <span className="rounded bg-amber-100 px-1.5 text-amber-900">{labelText(edition, comment.cell)}</span>
                ))}
              <span>
                {comment.authorName}（{roleLabels[comment.authorRole]}）
              </span>
              <time dateTime={comment.createdAt}>{formatDateTime(new Date(comment.createdAt))}</time>
            </div>
            <p className="mt-1 whitespace-pre-wrap">{comment.body}</p>
            {(comment.resolvedAt || resolveFor !== undefined || deleteFor?.authorId === comment.authorId) && (
              <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                {comment.resolvedAt && (
                  <span className="text-emerald-700">
                    已处理：{comment.resolverName}，{formatDateTime(new Date(comment.resolvedAt))}
                  </span>
                )}
                {resolveFor !== undefined && (
                  <ResolveCommentButton reportId={resolveFor} commentId={comment.id} resolved={comment.resolvedAt !== null} />
                )}
                {deleteFor?.authorId === comment.authorId && (
                  <DeleteCommentButton reportId={deleteFor.reportId} commentId={comment.id} />
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
