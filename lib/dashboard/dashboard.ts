/**
 * One line of the progress overview: an agency's report of the selected year with its status, the
 * findings the engine reports on the stored content, and the days left to the agency's deadline.
 */
import type { Executor } from "@/db/client";
import {
  listDirectProgress,
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

/** An agency of the overview being filtered and sorted; counts undefined while not known (not stored, not yet checked). */
type Line = { entry: DirectProgressEntry; progress: DeadlineProgress; counts: CheckCounts | null | undefined; order: number };

/** Workflow order: not started, being written, waiting for confirmation or review, approved. */
const STATUS_ORDER: Record<ReportStatus | "none", number> = { none: 0, draft: 1, returned: 2, imported: 3, submitted: 4, approved: 5 };

/**
 * The value a line sorts by in a column; undefined for a line with none (no report), which comes last in
 * either direction. Content that cannot be read counts as more errors than any.
 */
function sortKey(line: Line, sort: ProgressSort): number | undefined {
  switch (sort) {
    case "name":
      return line.order;
    case "status":
      return STATUS_ORDER[line.entry.status ?? "none"];
    case "errors":
      return line.entry.reportId === null ? undefined : line.counts === null ? Number.POSITIVE_INFINITY : (line.counts?.errors ?? 0);
    case "updated":
      return line.entry.updatedAt?.getTime();
  }
}

function sortLines(lines: Line[], sort: ProgressSort, dir: "asc" | "desc", officeId: number): Line[] {
  const sign = dir === "asc" ? 1 : -1;
  const sorted = [...lines].sort((a, b) => {
    const ka = sortKey(a, sort);
    const kb = sortKey(b, sort);
    if (ka === undefined || kb === undefined) return ka === kb ? a.order - b.order : ka === undefined ? 1 : -1;
    // Ties in name order (the database's, as listed).
    return ka !== kb ? sign * (ka - kb) : a.order - b.order;
  });
  // By name, the office itself heads its own list, as everywhere else.
  if (sort !== "name" || dir !== "asc") return sorted;
  return [...sorted.filter((line) => line.entry.agencyId === officeId), ...sorted.filter((line) => line.entry.agencyId !== officeId)];
}

/**
 * Check the content of the lines' reports that have no stored counts, and store what was counted so the next
 * view reads it from the row (reports saved before the counts were stored, or written by other tools).
 */
async function countMissing(db: Executor, year: number, officeId: number, lines: Line[]): Promise<void> {
  const missing = lines.filter((line) => line.entry.reportId !== null && line.counts === undefined);
  if (missing.length === 0) return;
  const read = new Map((await readDashboardEntries(db, year, officeId, missing.map((line) => line.entry))).map((entry) => [entry.agencyId, entry]));
  const counted: { reportId: number; version: number; counts: CheckCounts }[] = [];
  for (const line of missing) {
    const report = read.get(line.entry.agencyId)?.report;
    if (!report || report.id !== line.entry.reportId) continue;
    line.counts = countStoredReport(report.content, read.get(line.entry.agencyId)?.previousContent, report.acknowledgements);
    if (line.counts && line.entry.version !== null) counted.push({ reportId: report.id, version: line.entry.version, counts: line.counts });
  }
  await storeMissingCounts(db, counted);
}

/**
 * The office's own agencies for the progress overview: counted over all of them, filtered by name, status,
 * lateness and errors and sorted from what the database holds beside the reports (their stored check
 * counts); report content is read only for reports whose counts were never stored.
 */
export async function loadProgressPage(
  db: Executor,
  scope: ActorScope,
  input: { year: number; officeId: number; filter: ProgressFilter; now: Date },
): Promise<ProgressPage> {
  const { year, officeId, filter, now } = input;
  const lines: Line[] = (await listDirectProgress(db, scope, year, officeId)).map((entry, order) => ({
    entry,
    progress: deadlineProgress(entry, year, now),
    counts: entry.errorCount !== null && entry.warningCount !== null ? { errors: entry.errorCount, warnings: entry.warningCount } : undefined,
    order,
  }));
  const summary = {
    total: lines.length,
    approved: lines.filter(({ entry }) => entry.status === "approved").length,
    submitted: lines.filter(({ entry }) => entry.status === "submitted").length,
    notStarted: lines.filter(({ entry }) => entry.status === null).length,
    lateOpen: lines.filter(({ entry, progress }) => progress.late && entry.status !== "approved").length,
  };
  let matching = lines.filter(
    ({ entry, progress }) =>
      (filter.q === "" || entry.agencyName.includes(filter.q)) &&
      (filter.status === "all" || (filter.status === "none" ? entry.status === null : entry.status === filter.status)) &&
      (filter.level === "all" || entry.level === filter.level) &&
      (filter.late === "" || progress.late),
  );
  // Filtering or sorting by errors needs every matching line's counts; else only the page's.
  if (filter.errors === "1" || filter.sort === "errors") await countMissing(db, year, officeId, matching);
  if (filter.errors === "1") matching = matching.filter(({ entry, counts }) => entry.reportId !== null && (counts === null || (counts?.errors ?? 0) > 0));
  matching = sortLines(matching, filter.sort, filter.dir, officeId);
  const pageCount = Math.max(1, Math.ceil(matching.length / PROGRESS_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const shown = matching.slice((page - 1) * PROGRESS_PAGE_SIZE, page * PROGRESS_PAGE_SIZE);
  await countMissing(db, year, officeId, shown);
  const rows = shown.map(({ entry, progress, counts }): DashboardRow => ({
    agencyId: entry.agencyId,
    agencyName: entry.agencyName,
    level: entry.level,
    report:
      entry.reportId !== null && entry.status !== null && entry.updatedAt !== null
        ? { id: entry.reportId, status: entry.status, updatedAt: entry.updatedAt, counts: counts ?? null }
        : null,
    ...progress,
  }));
  return { summary, matching: matching.length, rows, page, pageCount };
}
