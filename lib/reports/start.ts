/**
 * Starting the report of a year for the clerk's agency: from last year's published report (approved or
 * imported) when there is one, so that what carries over is filled in; else empty.
 */
import { z } from "zod";
import type { Executor } from "@/db/client";
import { getAgency } from "@/db/queries/agencies";
import { createReport, getPublishedReportContent } from "@/db/queries/reports";
import type { UserProfile } from "@/db/queries/users";
import { actionFailure, type ActionResult } from "@/lib/actions";
import { actorScope, decideAccount } from "@/lib/permissions";
import { startFromPrevious } from "@/lib/report/carry-forward";
import { editionForYear } from "@/lib/report/editions";
import { reportFigures } from "@/lib/report/figures";
import { emptyReport } from "@/lib/report/model";
import { FIRST_REPORT_YEAR } from "@/lib/reporting-year";
import { readStoredReport } from "@/lib/stored-report";
import { recordRefusal } from "@/lib/refusals";
import { countStoredReport } from "@/lib/workflow/findings";

export const startReportSchema = z.object({
  year: z.coerce
    .number({ error: "年度必须是数字" })
    .int("年度必须是整数")
    .min(FIRST_REPORT_YEAR, `年度不能早于 ${FIRST_REPORT_YEAR} 年`)
    .refine((year) => year <= new Date().getFullYear(), "不能开始未来年度的报告"),
});
export type StartReportInput = z.output<typeof startReportSchema>;

/** Start (or open, if it exists) the report of a year for the clerk's agency. */
export async function startReport(db: Executor, actor: UserProfile, input: StartReportInput): Promise<ActionResult<{ id: number; created: boolean }>> {
  const permitted = decideAccount(actor, "startReport");
  if (!permitted.ok) {
    await recordRefusal(db, actor, "开始填写年度报告", permitted.reason, null);
    return actionFailure(permitted.reason);
  }
  const agency = await getAgency(db, actor.agencyId);
  if (!agency) return actionFailure("找不到您所在的机关。");
  const { year } = input;
  const edition = editionForYear(year);
  const agencyInfo = { name: agency.name, level: agency.level };
  const previous = await getPublishedReportContent(db, agency.id, year - 1);
  const content = previous
    ? startFromPrevious(readStoredReport(previous), year, agencyInfo)
    : emptyReport(edition, year, agencyInfo);
  const counts = countStoredReport(content, previous, []);
  return { ok: true, data: await createReport(db, actorScope(actor), { year, edition, content, counts, figures: reportFigures(content) }) };
}
