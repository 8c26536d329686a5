"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { getAgency } from "@/db/queries/agencies";
import { createReport, getApprovedReportContent } from "@/db/queries/reports";
import { requireUser, scopeOf } from "@/lib/auth/guards";
import { actionFailure, zodFailure, type ActionResult } from "@/lib/actions";
import { FIRST_REPORT_YEAR } from "@/lib/reporting-year";
import { editionForYear } from "@/lib/report/editions";
import { emptyReport } from "@/lib/report/model";
import { startFromPrevious } from "@/lib/report/carry-forward";
import { readStoredReport } from "@/lib/stored-report";

const startReportSchema = z.object({
  year: z.coerce
    .number({ error: "年度必须是数字" })
    .int("年度必须是整数")
    .min(FIRST_REPORT_YEAR, `年度不能早于 ${FIRST_REPORT_YEAR} 年`)
    .max(new Date().getFullYear(), "不能开始未来年度的报告"),
});

/** Start (or open, if it exists) the report of a year for the signed-in clerk's agency. */
export async function startReport(input: unknown): Promise<ActionResult<{ id: number; created: boolean }>> {
  const user = await requireUser();
  if (user.role !== "clerk") return actionFailure("只有经办人可以开始填写年度报告。");
  const parsed = startReportSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const db = getDb();
  const agency = getAgency(db, user.agencyId);
  if (!agency) return actionFailure("找不到您所在的机关。");
  const { year } = parsed.data;
  const edition = editionForYear(year);
  const agencyInfo = { name: agency.name, level: agency.level };
  const previous = getApprovedReportContent(db, agency.id, year - 1);
  const content = previous
    ? startFromPrevious(readStoredReport(previous), year, agencyInfo)
    : emptyReport(edition, year, agencyInfo);
  return { ok: true, data: createReport(db, scopeOf(user), { year, edition, content }) };
}
