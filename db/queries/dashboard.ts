import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { EditionId } from "@/lib/report/editions/types";
import { AGENCY_LEVELS, type AgencyLevel } from "@/lib/report/model";
import { alias } from "drizzle-orm/sqlite-core";
import { first, type Executor } from "../client";
import { agencies, reports, type ReportStatus } from "../schema";
import { agencyNameContains, childOfficeLine, childOfficesOf, isDirectAgencyOf } from "./offices";
import { PUBLISHED_STATUSES } from "./reports";
import { inScope, type ActorScope } from "./scope";

/** What the progress overview needs to know of an agency to count, filter and page it (never the content). */
export type ProgressEntry = {
  agencyId: number;
  agencyName: string;
  level: AgencyLevel;
  /** The date (MM-DD) the agency's parent office sets for the agencies directly under it; null when none. */
  parentDeadline: string | null;
  status: ReportStatus | null;
  approvedAt: Date | null;
};

/** An agency the overview lists directly, with what the database holds beside its report of the year (never the content). */
export type DirectProgressEntry = ProgressEntry & {
  reportId: number | null;
  version: number | null;
  updatedAt: Date | null;
  /** The report's stored check counts; null when not stored (yet), or when there is no report. */
  errorCount: number | null;
  warningCount: number | null;
};

/** An agency of the overview with its report of the year (if started), read to be checked. */
export type DashboardEntry = ProgressEntry & {
  /** The office being looked at itself. */
  isOwnOffice: boolean;
  report: {
    id: number;
    edition: EditionId;
    status: ReportStatus;
    updatedAt: Date;
    approvedAt: Date | null;
    content: unknown;
    acknowledgements: unknown;
  } | null;
  /** The approved report of the year before, for the cross-year checks. */
  previousContent: unknown | null;
};

/** An overview line of each agency: its report of the year (if any, never the content) and its parent's deadline. */
function directProgressLines(db: Executor, year: number) {
  const parent = alias(agencies, "parent");
  return db
    .select({
      agencyId: agencies.id,
      agencyName: agencies.name,
      level: agencies.level,
      parentDeadline: parent.childrenDeadline,
      status: reports.status,
      approvedAt: reports.approvedAt,
      reportId: reports.id,
      version: reports.version,
      updatedAt: reports.updatedAt,
      errorCount: reports.errorCount,
      warningCount: reports.warningCount,
    })
    .from(agencies)
    .leftJoin(parent, eq(agencies.parentId, parent.id))
    .leftJoin(reports, and(eq(reports.agencyId, agencies.id), eq(reports.year, year)))
    .$dynamic();
}

/**
 * The office and the agencies directly under it that are not offices (child offices are counted in
 * listChildOfficeProgress), office first, then by name, limited to what the scope reaches: a supervisor's
 * list holds only their own agency.
 */
export async function listDirectProgress(db: Executor, scope: ActorScope, year: number, officeId: number): Promise<DirectProgressEntry[]> {
  const rows = await directProgressLines(db, year)
    .where(and(isDirectAgencyOf(officeId), inScope(db, agencies.id, scope)))
    .orderBy(asc(agencies.name));
  return [...rows.filter((row) => row.agencyId === officeId), ...rows.filter((row) => row.agencyId !== officeId)];
}

/** When a report of the year becomes late, for each kind of agency the overview lists (null: it has no deadline). */
export type LateFrom = { office: Date | null; levels: Record<AgencyLevel, Date | null> };

/** What the progress overview asks of its list: a search, filters, an order and a page. */
export type ProgressQuery = {
  year: number;
  officeId: number;
  /** The moments from which a report not yet approved, or approved, is late (the day after its deadline). */
  lateFrom: LateFrom;
  now: Date;
  nameContains?: string;
  /** none: not started. */
  status?: ReportStatus | "none";
  level?: AgencyLevel;
  late?: boolean;
  /** Only reports with errors, or whose content could not be read (no stored counts). */
  errors?: boolean;
  sort: "name" | "status" | "errors" | "updated";
  dir: "asc" | "desc";
  /** The page asked for (the last one when past it), of `pageSize` lines. */
  page: number;
  pageSize: number;
};

/** Counted over every agency the overview lists, whatever the filter. */
export type ProgressSummary = { total: number; approved: number; submitted: number; notStarted: number; lateOpen: number };

/** Whether the agency's report of the year is late, as the SQL of `query` (see LateFrom). */
function lateCondition(query: ProgressQuery): SQL {
  const approved = eq(reports.status, "approved");
  const lateFor = (from: Date | null): SQL | undefined => {
    if (from === null) return undefined;
    // Approved after its deadline; or not approved and the deadline has passed.
    const open = query.now.getTime() >= from.getTime() ? sql`(${reports.status} is null or ${reports.status} <> 'approved')` : undefined;
    return or(and(approved, gte(reports.approvedAt, from)), open);
  };
  const kinds = [
    and(eq(agencies.id, query.officeId), lateFor(query.lateFrom.office)),
    ...AGENCY_LEVELS.map((level) => and(ne(agencies.id, query.officeId), eq(agencies.level, level), lateFor(query.lateFrom.levels[level]))),
  ];
  return sql`coalesce(${or(...kinds.filter((kind) => kind !== undefined)) ?? sql`1 = 0`}, 1 = 0)`;
}

/** Workflow order: not started, being written, waiting for confirmation or review, approved. */
const statusOrder = sql<number>`case ${reports.status} when 'draft' then 1 when 'returned' then 2 when 'imported' then 3 when 'submitted' then 4 when 'approved' then 5 else 0 end`;

/**
 * A page of the office's own agencies (listDirectProgress's) as the overview asks for it: searched, filtered,
 * ordered and paged in the database, with how many match and the summary over all of them.
 */
export async function queryDirectProgress(
  db: Executor,
  scope: ActorScope,
  query: ProgressQuery,
): Promise<{ rows: DirectProgressEntry[]; matching: number; page: number; summary: ProgressSummary }> {
  const late = lateCondition(query);
  const listed = and(isDirectAgencyOf(query.officeId), inScope(db, agencies.id, scope));
  const filter = and(
    listed,
    query.nameContains ? agencyNameContains(query.nameContains) : undefined,
    query.status === undefined ? undefined : query.status === "none" ? isNull(reports.id) : eq(reports.status, query.status),
    query.level === undefined ? undefined : eq(agencies.level, query.level),
    query.late ? late : undefined,
    query.errors ? and(isNotNull(reports.id), or(isNull(reports.errorCount), gt(reports.errorCount, 0))) : undefined,
  );
  const counted = (condition: SQL | undefined) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`.mapWith(Number);
  const summaryRow = await first(
    db
      .select({
        total: count(),
        approved: counted(eq(reports.status, "approved")),
        submitted: counted(eq(reports.status, "submitted")),
        notStarted: counted(isNull(reports.id)),
        lateOpen: counted(and(late, sql`(${reports.status} is null or ${reports.status} <> 'approved')`)),
        matching: counted(filter),
      })
      .from(agencies)
      .leftJoin(reports, and(eq(reports.agencyId, agencies.id), eq(reports.year, query.year)))
      .where(listed),
  );
  const { matching, ...summary } = summaryRow ?? { total: 0, approved: 0, submitted: 0, notStarted: 0, lateOpen: 0, matching: 0 };
  const page = Math.min(query.page, Math.max(1, Math.ceil(matching / query.pageSize)));
  // A line with nothing to sort by (no report) comes last in either direction; ties by name.
  const key: SQL | undefined =
    query.sort === "status"
      ? statusOrder
      : query.sort === "errors"
        ? sql`case when ${reports.id} is null then null when ${reports.errorCount} is null then 1000000000 else ${reports.errorCount} end`
        : query.sort === "updated"
          ? sql`${reports.updatedAt}`
          : undefined;
  const order: SQL[] = [];
  if (key) order.push(sql`case when ${key} is null then 1 else 0 end`, query.dir === "asc" ? asc(key) : desc(key));
  // By name, the office itself heads its own list, as everywhere else (and ends it, the other way round).
  else if (query.dir === "asc") order.push(sql`case when ${agencies.id} = ${query.officeId} then 0 else 1 end`, asc(agencies.name));
  else order.push(sql`case when ${agencies.id} = ${query.officeId} then 1 else 0 end`, desc(agencies.name));
  order.push(asc(agencies.name), asc(agencies.id));
  const rows = await directProgressLines(db, query.year)
    .where(filter)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((page - 1) * query.pageSize);
  return { rows, matching, page, summary };
}

/**
 * The office's own agencies whose report of the year has no stored check counts (saved before they were
 * stored, or written by other tools).
 */
export async function listUncountedProgress(db: Executor, scope: ActorScope, year: number, officeId: number): Promise<DirectProgressEntry[]> {
  return await directProgressLines(db, year).where(
    and(isDirectAgencyOf(officeId), inScope(db, agencies.id, scope), isNotNull(reports.id), isNull(reports.errorCount)),
  );
}

/** The office's level and the dates (MM-DD) it and the office above it set for the agencies directly under them. */
export async function officeDeadlines(
  db: Executor,
  officeId: number,
): Promise<{ level: AgencyLevel; own: string | null; parent: string | null } | undefined> {
  const parent = alias(agencies, "parent");
  return await first(
    db
      .select({ level: agencies.level, own: agencies.childrenDeadline, parent: parent.childrenDeadline })
      .from(agencies)
      .leftJoin(parent, eq(agencies.parentId, parent.id))
      .where(eq(agencies.id, officeId)),
  );
}

/** The office's agencies (as listDirectProgress lists them), each with its reports read to be checked. */
export async function listDashboardEntries(db: Executor, scope: ActorScope, year: number, officeId: number = scope.agencyId): Promise<DashboardEntry[]> {
  return readDashboardEntries(db, year, officeId, (await listDirectProgress(db, scope, year, officeId)));
}

/**
 * Agencies listDirectProgress listed (all or a page of them) with their report of the year and the published
 * report of the year before, read to be checked.
 */
export async function readDashboardEntries(db: Executor, year: number, officeId: number, entries: ProgressEntry[]): Promise<DashboardEntry[]> {
  const read: DashboardEntry[] = [];
  // A bounded number of ids per statement (both databases limit a statement's parameters).
  for (let start = 0; start < entries.length; start += 500) {
    read.push(...(await readDashboardChunk(db, year, officeId, entries.slice(start, start + 500))));
  }
  return read;
}

async function readDashboardChunk(db: Executor, year: number, officeId: number, entries: ProgressEntry[]): Promise<DashboardEntry[]> {
  const ids = entries.map((entry) => entry.agencyId);
  const ofYear = (reportYear: number, statuses?: ReportStatus[]) =>
    db
      .select({
        agencyId: reports.agencyId,
        id: reports.id,
        edition: reports.edition,
        status: reports.status,
        updatedAt: reports.updatedAt,
        approvedAt: reports.approvedAt,
        content: reports.content,
        acknowledgements: reports.acknowledgements,
      })
      .from(reports)
      .where(and(inArray(reports.agencyId, ids), eq(reports.year, reportYear), statuses ? inArray(reports.status, statuses) : undefined));
  const current = new Map((await ofYear(year)).map((row) => [row.agencyId, row]));
  const previous = new Map((await ofYear(year - 1, PUBLISHED_STATUSES)).map((row) => [row.agencyId, row.content]));
  return entries.map((entry): DashboardEntry => {
    const report = current.get(entry.agencyId);
    const previousContent = previous.get(entry.agencyId);
    return {
      ...entry,
      isOwnOffice: entry.agencyId === officeId,
      report: report
        ? {
            id: report.id,
            edition: report.edition,
            status: report.status,
            updatedAt: report.updatedAt,
            approvedAt: report.approvedAt,
            content: JSON.parse(report.content),
            acknowledgements: JSON.parse(report.acknowledgements),
          }
        : null,
      previousContent: previousContent === undefined ? null : JSON.parse(previousContent),
    };
  });
}

/**
 * Store check counts computed for reports that had none, each only if the report is still the version that
 * was checked and no counts were stored meanwhile (a save or a workflow step stores its own).
 */
export async function storeMissingCounts(
  db: Executor,
  counted: { reportId: number; version: number; counts: { errors: number; warnings: number } }[],
): Promise<void> {
  for (const { reportId, version, counts } of counted) {
    await db
      .update(reports)
      .set({ errorCount: counts.errors, warningCount: counts.warnings })
      .where(and(eq(reports.id, reportId), eq(reports.version, version), isNull(reports.errorCount)));
  }
}

/** What the progress of an office below needs to know of each agency in its subtree (never the content). */
export type SubtreeProgressEntry = ProgressEntry & {
  /** The office directly under the looked-at office that the agency belongs to. */
  childOfficeId: number;
};

/** Every agency below the office's child offices (themselves included), with its report's status of the year. */
export async function listChildOfficeProgress(db: Executor, scope: ActorScope, year: number, officeId: number): Promise<SubtreeProgressEntry[]> {
  const parent = alias(agencies, "parent");
  return await db
    .select({
      agencyId: agencies.id,
      agencyName: agencies.name,
      childOfficeId: childOfficeLine.ancestorId,
      level: agencies.level,
      parentDeadline: parent.childrenDeadline,
      status: reports.status,
      approvedAt: reports.approvedAt,
    })
    .from(childOfficeLine)
    .innerJoin(agencies, eq(agencies.id, childOfficeLine.agencyId))
    .leftJoin(parent, eq(agencies.parentId, parent.id))
    .leftJoin(reports, and(eq(reports.agencyId, agencies.id), eq(reports.year, year)))
    .where(and(inArray(childOfficeLine.ancestorId, childOfficesOf(db, officeId)), inScope(db, agencies.id, scope)));
}
