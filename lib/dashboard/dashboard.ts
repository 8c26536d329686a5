/**
 * One line of the progress overview: an agency's report of the selected year with its status, the
 * findings the engine reports on the stored content, and the days left to the agency's deadline.
 */
import type { DashboardEntry, SubtreeProgressEntry } from "@/db/queries/dashboard";
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
  const deadline = reportDeadline(entry.level, year, entry.parentDeadline);
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

/** The progress of an office below the one looked at: its whole subtree, counted by status. */
export type ChildOfficeProgress = {
  officeId: number;
  name: string;
  agencies: number;
  approved: number;
  submitted: number;
  /** Drafts and returned reports: being written. */
  inProgress: number;
  /** Imported past reports waiting for confirmation. */
  imported: number;
  notStarted: number;
  /** Past the deadline and not approved. */
  late: number;
};

/** One line per child office, in name order, from the status of every agency below it. */
export function childOfficeProgress(entries: SubtreeProgressEntry[], year: number, now: Date): ChildOfficeProgress[] {
  const byOffice = new Map<number, ChildOfficeProgress>();
  for (const entry of entries) {
    const progress = byOffice.get(entry.childOfficeId) ?? {
      officeId: entry.childOfficeId,
      name: "",
      agencies: 0,
      approved: 0,
      submitted: 0,
      inProgress: 0,
      imported: 0,
      notStarted: 0,
      late: 0,
    };
    byOffice.set(entry.childOfficeId, progress);
    if (entry.agencyId === entry.childOfficeId) progress.name = entry.agencyName;
    progress.agencies += 1;
    if (entry.status === null) progress.notStarted += 1;
    else if (entry.status === "approved") progress.approved += 1;
    else if (entry.status === "submitted") progress.submitted += 1;
    else if (entry.status === "imported") progress.imported += 1;
    else progress.inProgress += 1;
    const deadline = reportDeadline(entry.level, year, entry.parentDeadline);
    if (entry.status !== "approved" && deadline && daysUntil(deadline.date, now) < 0) progress.late += 1;
  }
  // By name as the database orders names, like every other list of agencies.
  return [...byOffice.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
