/**
 * One line of the progress overview: an agency's report of the selected year with its status, the
 * findings the engine reports on the stored content, and the days left to the agency's deadline.
 */
import type { DashboardEntry } from "@/db/queries/dashboard";
import type { AgencyLevel } from "@/lib/report/model";
import type { ReportStatus } from "@/db/schema";
import { summarizeFindings } from "@/lib/report";
import { beijingDay, daysUntil, reportDeadline, type Deadline } from "./deadlines";
import { checkStoredReport } from "@/lib/workflow/findings";

export type DashboardRow = {
  agencyId: number;
  agencyName: string;
  level: AgencyLevel;
  report: {
    id: number;
    status: ReportStatus;
    updatedAt: Date;
    /** Null when the stored content cannot be read as a report. */
    counts: { errors: number; warnings: number; unacknowledgedWarnings: number } | null;
  } | null;
  deadline: Deadline | null;
  /** Days from today (Beijing) to the deadline; negative once it has passed. */
  daysLeft: number | null;
  /** Approved, and by the deadline (or no deadline is known). */
  done: boolean;
  /** Past the deadline and not approved, or approved only after it. */
  late: boolean;
};

export function dashboardRow(entry: DashboardEntry, year: number, now: Date): DashboardRow {
  const deadline = reportDeadline(entry.level, year, entry.townshipDeadline);
  const daysLeft = deadline ? daysUntil(deadline.date, now) : null;
  const report = entry.report;
  const approved = report?.status === "approved";
  const approvedLate =
    approved && deadline !== null && report.approvedAt !== null && beijingDay(report.approvedAt) > deadline.date;
  let counts: NonNullable<DashboardRow["report"]>["counts"] = null;
  if (report) {
    const check = checkStoredReport(report.content, entry.previousContent, report.acknowledgements);
    if (check.ok) {
      const { errors, warnings, unacknowledgedWarnings } = summarizeFindings(check.findings);
      counts = { errors, warnings, unacknowledgedWarnings };
    }
  }
  return {
    agencyId: entry.agencyId,
    agencyName: entry.agencyName,
    level: entry.level,
    report: report ? { id: report.id, status: report.status, updatedAt: report.updatedAt, counts } : null,
    deadline,
    daysLeft,
    done: approved && !approvedLate,
    late: approved ? approvedLate : daysLeft !== null && daysLeft < 0,
  };
}
