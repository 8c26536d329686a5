/**
 * GET /api/county/xlsx?year=YYYY — the county figures of a year as an XLSX workbook (see workbook.ts).
 *
 * County admins only: 401 without a session, 403 for other roles, 400 for a missing or impossible
 * year. Every download is recorded in the audit log.
 */
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { getSignedIn, PASSWORD_CHANGE_FIRST } from "@/lib/auth/guards";
import { actorScope, decideAccount } from "@/lib/permissions";
import { recordRefusal } from "@/lib/refusals";
import { aggregateTitle } from "@/lib/report/aggregate";
import { contentDisposition } from "@/lib/report/export";
import { FIRST_REPORT_YEAR } from "@/lib/reporting-year";
import { loadCountyFigures } from "@/app/(app)/county/figures";
import { countyWorkbook, XLSX_CONTENT_TYPE } from "./workbook";

export const dynamic = "force-dynamic";

function fail(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function GET(request: Request): Promise<Response> {
  const user = (await getSignedIn())?.user;
  if (!user) return fail(401, "请先登录后再下载汇总表。");
  if (user.mustChangePassword) return fail(403, PASSWORD_CHANGE_FIRST);
  const db = getDb();
  const permitted = decideAccount(user, "viewCountyFigures");
  if (!permitted.ok) {
    recordRefusal(db, user, "下载全县汇总表", permitted.reason, null);
    return fail(403, permitted.reason);
  }

  const param = new URL(request.url).searchParams.get("year") ?? "";
  const year = /^\d{4}$/.test(param) ? Number(param) : NaN;
  if (!(year >= FIRST_REPORT_YEAR && year <= new Date().getFullYear())) {
    return fail(400, `请指定报告年度（${FIRST_REPORT_YEAR} 年至今年），例如 ?year=${FIRST_REPORT_YEAR + 1}。`);
  }

  const figures = loadCountyFigures(db, actorScope(user), user.agencyName, year);
  const body = await countyWorkbook(figures);
  recordAudit(db, {
    action: "report-downloaded",
    userId: user.id,
    username: user.username,
    agencyId: user.agencyId,
    detail: "county-xlsx",
  });
  const fileName = `${aggregateTitle(user.agencyName.trim(), year).replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_")}.xlsx`;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": contentDisposition(fileName, `county-report-${year}.xlsx`),
      "Content-Length": String(body.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
