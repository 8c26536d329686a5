import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getApprovedReportContent, getReportForActor } from "@/db/queries/reports";
import { mayEditContent, mayResolveComments } from "@/lib/workflow/transitions";
import { requireUser, scopeOf } from "@/lib/auth/guards";
import { readStoredAcknowledgements, readStoredReport } from "@/lib/stored-report";
import { defaultTitle } from "@/lib/report/model";
import { ReportWorkspace } from "@/components/report/ReportWorkspace";
import type { TableNotes } from "@/components/report/editor/values";
import { toCommentViews } from "@/components/workflow/CommentList";
import { listComments } from "@/db/queries/comments";
import { getUserProfile } from "@/db/queries/users";
import { saveReport } from "./actions";

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const reportId = Number((await params).id);
  const db = getDb();
  const stored = Number.isInteger(reportId) ? getReportForActor(db, scopeOf(user), reportId) : undefined;
  if (!stored) notFound();
  const report = readStoredReport(stored.content);
  const previousContent = getApprovedReportContent(db, stored.agencyId, stored.year - 1);
  const previous = previousContent ? readStoredReport(previousContent) : null;
  const editable = user.agencyId === stored.agencyId && mayEditContent(user.role, stored.status);
  const canComment = user.role === "supervisor" && user.agencyId === stored.agencyId && stored.status === "submitted";
  const canResolveComments = user.agencyId === stored.agencyId && mayResolveComments(user.role, stored.status);
  const comments = toCommentViews(listComments(db, scopeOf(user), stored.id));
  const approvedByName = stored.approvedBy ? (getUserProfile(db, stored.approvedBy)?.displayName ?? null) : null;
  const exportLink = (format: string) => `/api/reports/${stored.id}/export?format=${format}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/" className="text-brand-600 hover:underline">
            ← 年度报告
          </Link>
          <h1 className="text-xl font-semibold">{report.title || defaultTitle(report.agency.name, report.year)}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-600">{stored.status === "approved" ? "下载定稿：" : "下载草稿："}</span>
          <a href={exportLink("docx")} className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50">
            Word（DOCX）
          </a>
          <a href={exportLink("html")} className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50">
            网页（HTML）
          </a>
          <a href={exportLink("md")} className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50">
            Markdown
          </a>
        </div>
      </div>
      {previous && (
        <p className="text-xs text-slate-500">表格中灰色小字“上年”为 {stored.year - 1} 年已批准报告中的数字，供对照。</p>
      )}
      <ReportWorkspace
        editor={{
          reportId: stored.id,
          report,
          acknowledgements: readStoredAcknowledgements(stored.acknowledgements),
          tableNotes: (stored.tableNotes ?? {}) as TableNotes,
          version: stored.version,
          savedAt: stored.updatedAt.toISOString(),
          previous,
          readOnly: !editable,
          save: saveReport.bind(null, stored.id),
        }}
        workflow={{
          status: stored.status,
          viewerRole: user.role,
          approvedByName,
          approvedAt: stored.approvedAt?.toISOString() ?? null,
        }}
        comments={comments}
        canComment={canComment}
        canResolveComments={canResolveComments}
        viewerId={user.id}
      />
    </div>
  );
}
