/**
 * One line of the progress overview: an agency's report of the selected year with its status, the
 * findings the engine reports on the stored content, and the days left to the agency's deadline.
 */
import type { Executor } from "@/db/client";
import {
  listDirectProgress,
  readDashboardEntries,
  type DashboardEntry,
  type ProgressEntry,
  type SubtreeProgressEntry,
} from "@/db/queries/dashboard";
import type { ActorScope } from "@/db/queries/scope";
import { z } from "zod";
import { AGENCY_LEVELS, type AgencyLevel } from "@/lib/report/model";
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

/** Where an agency's report of a year stands against its deadline. */
export type DeadlineProgress = Pick<DashboardRow, "deadline" | "daysLeft" | "done" | "late">;

function deadlineProgress(entry: ProgressEntry, year: number, now: Date): DeadlineProgress {
  const deadline = reportDeadline(entry.level, year, entry.parentDeadline);
  const daysLeft = deadline ? daysUntil(deadline.date, now) : null;
  const approved = entry.status === "approved";
  const approvedLate =
    approved && deadline !== null && entry.approvedAt !== null && beijingDay(entry.approvedAt) > deadline.date;
  return {
    deadline,
    daysLeft,
    done: approved && !approvedLate,
    late: approved ? approvedLate : daysLeft !== null && daysLeft < 0,
  };
}

export function dashboardRow(entry: DashboardEntry, year: number, now: Date): DashboardRow {
  const report = entry.report;
  const progress = deadlineProgress(entry, year, now);
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
    ...progress,
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
    if (entry.status !== "approved" && deadlineProgress(entry, year, now).late) progress.late += 1;
  }
  // By name as the database orders names, like every other list of agencies.
  return [...byOffice.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** How many agencies the progress overview lists on one page. */
export const PROGRESS_PAGE_SIZE = 50;

/** What the overview's address may ask for; anything it cannot read falls back to no filter, page 1. */
export const progressFilterSchema = z.object({
  q: z.string().trim().max(50).catch(""),
  status: z.enum(["all", "none", "draft", "submitted", "returned", "approved", "imported"]).catch("all"),
  level: z.enum(["all", ...AGENCY_LEVELS]).catch("all"),
  late: z.enum(["1", ""]).catch(""),
  page: z.coerce.number().int().min(1).catch(1),
});
export type ProgressFilter = z.output<typeof progressFilterSchema>;

export type ProgressPage = {
  /** Over every agency of the office, whatever the filter. */
  summary: { total: number; approved: number; submitted: number; notStarted: number; lateOpen: number };
  /** The agencies the filter keeps, and the page of them shown (with their findings counted). */
  matching: number;
  rows: DashboardRow[];
  page: number;
  pageCount: number;
};

/**
 * The office's own agencies for the progress overview: counted over all of them, filtered by name, status
 * and lateness from what the database holds beside the reports, and only the page shown reads and checks
 * report content.
 */
export async function loadProgressPage(
  db: Executor,
  scope: ActorScope,
  input: { year: number; officeId: number; filter: ProgressFilter; now: Date },
): Promise<ProgressPage> {
  const { year, officeId, filter, now } = input;
  const entries = (await listDirectProgress(db, scope, year, officeId)).map((entry) => ({ entry, progress: deadlineProgress(entry, year, now) }));
  const summary = {
    total: entries.length,
    approved: entries.filter(({ entry }) => entry.status === "approved").length,
    submitted: entries.filter(({ entry }) => entry.status === "submitted").length,
    notStarted: entries.filter(({ entry }) => entry.status === null).length,
    lateOpen: entries.filter(({ entry, progress }) => progress.late && entry.status !== "approved").length,
  };
  const matching = entries.filter(
    ({ entry, progress }) =>
      (filter.q === "" || entry.agencyName.includes(filter.q)) &&
      (filter.status === "all" || (filter.status === "none" ? entry.status === null : entry.status === filter.status)) &&
      (filter.level === "all" || entry.level === filter.level) &&
      (filter.late === "" || progress.late),
  );
  const pageCount = Math.max(1, Math.ceil(matching.length / PROGRESS_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const shown = matching.slice((page - 1) * PROGRESS_PAGE_SIZE, page * PROGRESS_PAGE_SIZE).map(({ entry }) => entry);
  const rows = (await readDashboardEntries(db, year, officeId, shown)).map((entry) => dashboardRow(entry, year, now));
  return { summary, matching: matching.length, rows, page, pageCount };
}
