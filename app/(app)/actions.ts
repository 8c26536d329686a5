"use server";

import { startReport as startReportService, startReportSchema } from "@/lib/reports/start";
import { runCore } from "@/lib/workflow/run-action";

/** Start (or open, if it exists) the report of a year for the signed-in clerk's agency. */
export async function startReport(input: unknown) {
  return runCore(startReportSchema, input, startReportService);
}
