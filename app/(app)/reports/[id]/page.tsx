import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db";
import { getPublishedReportContent, getReportForActor } from "@/db/queries/reports";
import { requireUser } from "@/lib/auth/guards";
import { actorScope, reportPermissions } from "@/lib/permissions";
import { readStoredAcknowledgements, readStoredReport } from "@/lib/stored-report";
import { defaultTitle } from "@/lib/report/model";
import { ReportWorkspace } from "@/components/report/ReportWorkspace";
import type { TableNotes } from "@/lib/report/table-notes";
import { toCommentViews } from "@/components/workflow/CommentList";
import { listComments } from "@/db/queries/comments";
import { getUserProfile } from "@/db/queries/users";
import { saveReport } from "./actions";

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const reportId = Number((await params).id);
  const db = getDb();
  const stored = await (Number.isInteger(reportId) ? getReportForActor(db, actorScope(user), reportId) : undefined);
  if (!stored) notFound();
  const report = readStoredReport(stored.content);
  const previousContent = await getPublishedReportContent(db, stored.agencyId, stored.year - 1);
  const previous = previousContent ? readStoredReport(previousContent) : null;
  const permissions = reportPermissions(user, stored);
  const comments = toCommentViews(await listComments(db, actorScope(user), stored.id));
  const nameOf = async (userId: number | null) => (userId ? ((await getUserProfile(db, userId))?.displayName ?? null) : null);
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
        <p className="text-xs text-slate-500">表格中灰色小字“上年”为 {stored.year - 1} 年已发布报告中的数字，供对照。</p>
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
          readOnly: !permissions.edit,
          save: saveReport.bind(null, stored.id),
        }}
        workflow={{
          status: stored.status,
          approvedByName: await nameOf(stored.approvedBy),
          approvedAt: stored.approvedAt?.toISOString() ?? null,
          imported:
            stored.importedAt || stored.importedFrom
              ? {
                  byName: await nameOf(stored.importedBy),
                  at: stored.importedAt?.toISOString() ?? null,
                  fileName: stored.importedFrom,
                }
              : null,
        }}
        comments={comments}
        permissions={permissions}
        viewerId={user.id}
      />
    </div>
  );
}
