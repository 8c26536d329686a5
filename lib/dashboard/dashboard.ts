/**
 * One line of the progress overview: an agency's report of the selected year with its status, the
 * findings the engine reports on the stored content, and the days left to the agency's deadline.
 */
import type { Executor } from "@/db/client";
import {
  listUncountedProgress,
  officeDeadlines,
  queryDirectProgress,
  readDashboardEntries,
  storeMissingCounts,
  type DashboardEntry,
  type DirectProgressEntry,
  type ProgressEntry,
  type SubtreeProgressEntry,
} from "@/db/queries/dashboard";
import type { ActorScope } from "@/db/queries/scope";
import { z } from "zod";
import { AGENCY_LEVELS, type AgencyLevel } from "@/lib/report/model";
import type { ReportStatus } from "@/db/schema";
import { beijingDay, daysUntil, reportDeadline, type Deadline } from "./deadlines";
import { countStoredReport, type CheckCounts } from "@/lib/workflow/findings";

export type DashboardRow = {
  agencyId: number;
  agencyName: string;
  level: AgencyLevel;
  report: {
    id: number;
    status: ReportStatus;
    updatedAt: Date;
    /** Errors and warnings not yet acknowledged; null when the stored content cannot be read as a report. */
    counts: CheckCounts | null;
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

/** A line of the overview from an agency's report read with its content, counted by checking that content. */
export function dashboardRow(entry: DashboardEntry, year: number, now: Date): DashboardRow {
  const report = entry.report;
  const progress = deadlineProgress(entry, year, now);
  const counts = report ? countStoredReport(report.content, entry.previousContent, report.acknowledgements) : null;
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

/** The columns the overview sorts by: agency name, status, errors, last saved. */
export const PROGRESS_SORTS = ["name", "status", "errors", "updated"] as const;
export type ProgressSort = (typeof PROGRESS_SORTS)[number];

/** What the overview's address may ask for; anything it cannot read falls back to no filter, by name, page 1. */
export const progressFilterSchema = z.object({
  q: z.string().trim().max(50).catch(""),
  status: z.enum(["all", "none", "draft", "submitted", "returned", "approved", "imported"]).catch("all"),
  level: z.enum(["all", ...AGENCY_LEVELS]).catch("all"),
  late: z.enum(["1", ""]).catch(""),
  /** Only reports with errors (or whose content cannot be read). */
  errors: z.enum(["1", ""]).catch(""),
  sort: z.enum(PROGRESS_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
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
 * Check the content of reports that have no stored counts, and store what was counted so that the database
 * reads it from the row from now on (reports saved before the counts were stored, or written by other tools).
 * Returns the counts by report (null: the content cannot be read as a report).
 */
async function countMissing(db: Executor, year: number, officeId: number, entries: DirectProgressEntry[]): Promise<Map<number, CheckCounts | null>> {
  const found = new Map<number, CheckCounts | null>();
  const missing = entries.filter((entry) => entry.reportId !== null && (entry.errorCount === null || entry.warningCount === null));
  if (missing.length === 0) return found;
  const read = new Map((await readDashboardEntries(db, year, officeId, missing)).map((entry) => [entry.agencyId, entry]));
  const counted: { reportId: number; version: number; counts: CheckCounts }[] = [];
  for (const entry of missing) {
    const report = read.get(entry.agencyId)?.report;
    if (!report || report.id !== entry.reportId) continue;
    const counts = countStoredReport(report.content, read.get(entry.agencyId)?.previousContent, report.acknowledgements);
    found.set(report.id, counts);
    if (counts && entry.version !== null) counted.push({ reportId: report.id, version: entry.version, counts });
  }
  await storeMissingCounts(db, counted);
  return found;
}

/** The moment from which a report with this deadline is late: the start of the day after it, in Beijing. */
function lateFromDeadline(deadline: Deadline | null): Date | null {
  if (!deadline) return null;
  const [y, m, d] = deadline.date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1) - 8 * 3_600_000);
}

/**
 * The office's own agencies for the progress overview: counted over all of them, searched by name, filtered by
 * status, level, lateness and errors, sorted and paged in the database from what it holds beside the reports
 * (their stored check counts); report content is read only for reports whose counts were never stored.
 */
export async function loadProgressPage(
  db: Executor,
  scope: ActorScope,
  input: { year: number; officeId: number; filter: ProgressFilter; now: Date },
): Promise<ProgressPage> {
  const { year, officeId, filter, now } = input;
  // Filtering or sorting by errors needs every report's counts in the database; else only the page's are counted.
  if (filter.errors === "1" || filter.sort === "errors") await countMissing(db, year, officeId, await listUncountedProgress(db, scope, year, officeId));
  const deadlines = await officeDeadlines(db, officeId);
  // Every agency listed but the office itself is directly under it: its deadline depends on its level alone.
  const levels = Object.fromEntries(
    AGENCY_LEVELS.map((level) => [level, lateFromDeadline(reportDeadline(level, year, deadlines?.own ?? null))]),
  ) as Record<AgencyLevel, Date | null>;
  const office = deadlines ? lateFromDeadline(reportDeadline(deadlines.level, year, deadlines.parent)) : null;
  const { rows: entries, matching, page, summary } = await queryDirectProgress(db, scope, {
    year,
    officeId,
    lateFrom: { office, levels },
    now,
    nameContains: filter.q || undefined,
    status: filter.status === "all" ? undefined : filter.status,
    level: filter.level === "all" ? undefined : filter.level,
    late: filter.late === "1",
    errors: filter.errors === "1",
    sort: filter.sort,
    dir: filter.dir,
    page: filter.page,
    pageSize: PROGRESS_PAGE_SIZE,
  });
  const counted = await countMissing(db, year, officeId, entries);
  const rows = entries.map((entry): DashboardRow => {
    const stored = entry.errorCount !== null && entry.warningCount !== null ? { errors: entry.errorCount, warnings: entry.warningCount } : null;
    return {
      agencyId: entry.agencyId,
      agencyName: entry.agencyName,
      level: entry.level,
      report:
        entry.reportId !== null && entry.status !== null && entry.updatedAt !== null
          ? { id: entry.reportId, status: entry.status, updatedAt: entry.updatedAt, counts: stored ?? counted.get(entry.reportId) ?? null }
          : null,
      ...deadlineProgress(entry, year, now),
    };
  });
  return { summary, matching, rows, page, pageCount: Math.max(1, Math.ceil(matching / PROGRESS_PAGE_SIZE)) };
}
