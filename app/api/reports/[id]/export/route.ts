/**
 * GET /api/reports/{id}/export?format=docx|html|md — the report as a download.
 *
 * 401 without a session; 400 for a format other than docx, html or md; 404 for a report the user may
 * not read (another agency's report finds nothing). A report that is not approved is exported marked
 * 「草稿」. Every download is recorded in the audit log.
 */
import { getDb } from "@/lib/db";
import { recordAudit } from "@/db/queries/audit";
import { getReportForActor } from "@/db/queries/reports";
import { jsonError, signedInUser } from "@/lib/http/route-responses";
import { tryReadStoredReport } from "@/lib/stored-report";
import { actorScope, decide, REPORT_NOT_FOUND } from "@/lib/permissions";
import { recordRefusal } from "@/lib/refusals";
import { contentDisposition, EXPORT_FORMATS, exportReport, isExportFormat } from "@/lib/report/export";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const signedIn = await signedInUser("请先登录后再下载报告。");
  if ("response" in signedIn) return signedIn.response;
  const { user } = signedIn;
  const db = getDb();

  const format = new URL(request.url).searchParams.get("format");
  if (!isExportFormat(format)) return jsonError(400, `不支持的导出格式，请选择 ${EXPORT_FORMATS.join("、")}。`);

  const { id } = await context.params;
  const reportId = /^\d{1,15}$/.test(id) ? Number(id) : undefined;
  const stored = await (reportId === undefined ? undefined : getReportForActor(db, actorScope(user), reportId));
  const permitted = stored ? decide(user, stored, "export") : { ok: false as const, reason: REPORT_NOT_FOUND };
  if (!stored || !permitted.ok) {
    await recordRefusal(db, user, "下载报告", permitted.ok ? REPORT_NOT_FOUND : permitted.reason, null, reportId);
    return jsonError(404, "找不到该报告，或您无权查看。");
  }

  const report = tryReadStoredReport(stored.content);
  if (!report) return jsonError(500, "报告内容无法读取，暂时不能导出，请联系管理员。");

  const draft = stored.status !== "approved";
  const file = await exportReport(report, format, { draft });
  await recordAudit(db, {
    action: "report-downloaded",
    userId: user.id,
    username: user.username,
    reportId: stored.id,
    agencyId: stored.agencyId,
    detail: draft ? `${format}（草稿）` : format,
  });
  const headers: Record<string, string> = {
    "Content-Type": file.contentType,
    "Content-Disposition": contentDisposition(file.fileName, file.asciiFileName),
    "Content-Length": String(file.body.byteLength),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
  // Opened in the browser instead of saved, the page may only use its own inline style.
  if (format === "html") headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'";
  return new Response(file.body, { status: 200, headers });
}
