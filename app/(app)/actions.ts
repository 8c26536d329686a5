"use server";

import { startReport as startReportService, startReportSchema } from "@/lib/reports/start";
import { runAction } from "@/lib/run-action";

/** Start (or open, if it exists) the report of a year for the signed-in clerk's agency. */
export async function startReport(input: unknown) {
  return runAction(startReportSchema, input, startReportService);
}
