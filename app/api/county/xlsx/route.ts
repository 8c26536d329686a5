/**
 * GET /api/county/xlsx?year=YYYY[&office=ID] — the roll-up of a year as an XLSX workbook
 * (lib/county/workbook.ts), of the admin's own office or of an office below it.
 *
 * Office admins only: 401 without a session, 403 for others (audited), 404 for an office outside the admin's
 * reach (audited), 400 for a missing or impossible year. Every download is recorded in the audit log.
 */
import { databaseLocationOf } from "@/db/client";
import { getDb } from "@/lib/db";
import { jsonError, signedInUser } from "@/lib/http/route-responses";
import { countyWorkbookDownload, XLSX_CONTENT_TYPE } from "@/lib/county/workbook";
import { contentDisposition } from "@/lib/report/export";
import { FIRST_REPORT_YEAR } from "@/lib/reporting-year";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const signedIn = await signedInUser("请先登录后再下载汇总表。");
  if ("response" in signedIn) return signedIn.response;
  const { user } = signedIn;

  const params = new URL(request.url).searchParams;
  const param = params.get("year") ?? "";
  const office = params.get("office");
  const officeId = office === null ? user.agencyId : /^\d{1,12}$/.test(office) ? Number(office) : NaN;
  if (Number.isNaN(officeId)) return jsonError(400, "政务公开办编号无效。");
  const year = /^\d{4}$/.test(param) ? Number(param) : NaN;
  if (!(year >= FIRST_REPORT_YEAR && year <= new Date().getFullYear())) {
    return jsonError(400, `请指定报告年度（${FIRST_REPORT_YEAR} 年至今年），例如 ?year=${FIRST_REPORT_YEAR + 1}。`);
  }

  const db = getDb();
  // Built in a worker thread with its own connection to the same database, so other requests go on meanwhile.
  const download = await countyWorkbookDownload(db, user, year, officeId, databaseLocationOf(db));
  if (!download.ok) return jsonError(download.status, download.message);
  return new Response(download.body, {
    status: 200,
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": contentDisposition(download.fileName, download.asciiFileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
