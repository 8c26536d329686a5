import { and, asc, count, desc, eq, inArray, isNull, notInArray, sql, type SQL } from "drizzle-orm";
import type { EditionId } from "@/lib/report/editions/types";
import type { AgencyLevel } from "@/lib/report/model";
import { first, type Executor } from "../client";
import { agencies, reports, type ReportStatus } from "../schema";
import { agencyNameContains, childOfficeLine, childOfficesOf, isDirectAgencyOf } from "./offices";
import { inScope, subtreeOf, type ActorScope } from "./scope";

/**
 * Roll-up figures of an office (a county's, a city's, a province's): every agency below it at any depth,
 * each with its report of the year; limited to what the actor's scope reaches.
 */

export type OfficeReportEntry = {
  agencyId: number;
  agencyName: string;
  level: AgencyLevel;
  /** The office being looked at itself. */
  isOwnOffice: boolean;
  /** The office directly under the looked-at office that this agency belongs to; null for its direct agencies. */
  childOfficeId: number | null;
  /** The agency's report of the year; null when not started. */
  report: {
    id: number;
    edition: EditionId;
    status: ReportStatus;
    version: number;
    /** The stored interchange model, parsed from JSON (read it with readStoredReport); approved reports only. */
    content: unknown;
    /** The stored figures (lib/report/figures.ts), parsed from JSON; approved reports only, when asked for. */
    figures: unknown;
  } | null;
};

/**
 * The office first, then the agencies below it by name (`directOnly`: only the office and its agencies that
 * are not offices themselves); only approved reports' content or figures are read (the rest are not summed).
 */
export async function listOfficeReports(
  db: Executor,
  scope: ActorScope,
  officeId: number,
  year: number,
  options: OfficeAgencyFilter & {
    /**
     * Read approved reports' content (true unless told otherwise); with `figures`, only where the report has
     * no figures stored.
     */
    content?: boolean;
    /** Read approved reports' stored figures (their content is then read only where none are stored). */
    figures?: boolean;
    /** A page of the list: at most `limit` agencies after the first `offset`. */
    limit?: number;
    offset?: number;
  } = {},
): Promise<OfficeReportEntry[]> {
  const withContent = options.content ?? true;
  const approved = sql`${reports.status} = 'approved'`;
  const query = db
    .select({
      agencyId: agencies.id,
      agencyName: agencies.name,
      level: agencies.level,
      // An office's own agencies belong to no office below it.
      childOfficeId: options.directOnly ? sql<number | null>`null` : childOfficeLine.ancestorId,
      reportId: reports.id,
      edition: reports.edition,
      status: reports.status,
      version: reports.version,
      content: !withContent
        ? sql<null>`null`
        : options.figures
          ? sql<string | null>`case when ${approved} and ${reports.figures} is null then ${reports.content} end`
          : sql<string | null>`case when ${approved} then ${reports.content} end`,
      figures: options.figures ? sql<string | null>`case when ${approved} then ${reports.figures} end` : sql<null>`null`,
    })
    .from(agencies)
    .leftJoin(reports, and(eq(reports.agencyId, agencies.id), eq(reports.year, year)))
    .$dynamic();
  const joined = options.directOnly
    ? query
    : query.leftJoin(
        childOfficeLine,
        and(eq(childOfficeLine.agencyId, agencies.id), inArray(childOfficeLine.ancestorId, childOfficesOf(db, officeId))),
      );
  const ordered = joined
    .where(officeAgencyCondition(db, scope, officeId, options))
    // The office first, then by name.
    .orderBy(sql`case when ${agencies.id} = ${officeId} then 0 else 1 end`, asc(agencies.name), asc(agencies.id));
  const rows = await (options.limit === undefined ? ordered : ordered.limit(options.limit).offset(options.offset ?? 0));
  const entries = rows.map(
    (row): OfficeReportEntry => ({
      agencyId: row.agencyId,
      agencyName: row.agencyName,
      level: row.level,
      isOwnOffice: row.agencyId === officeId,
      childOfficeId: row.childOfficeId,
      report:
        row.reportId === null
          ? null
          : {
              id: row.reportId,
              edition: row.edition!,
              status: row.status!,
              version: row.version!,
              content: row.content === null ? null : JSON.parse(row.content),
              figures: row.figures === null ? null : JSON.parse(row.figures),
            },
    }),
  );
  return entries;
}

/** Which of an office's agencies a list holds (each with its report of the year). */
export type OfficeAgencyFilter = {
  directOnly?: boolean;
  /** Only these agencies (a page of a list). */
  agencyIds?: number[];
  /** Only agencies whose name contains this text (a search). */
  nameContains?: string;
  /** Only agencies of this level. */
  level?: AgencyLevel;
  /** Only the agencies whose report is in the office's sum (`summed`), or only the others: approved and not skipped. */
  inSum?: { summed: boolean; skipped: number[] };
  /** Only agencies whose report of the year has this status (none: not started). */
  status?: ReportStatus | "none";
};

function officeAgencyCondition(db: Executor, scope: ActorScope, officeId: number, filter: OfficeAgencyFilter) {
  const summed = filter.inSum
    ? and(eq(reports.status, "approved"), filter.inSum.skipped.length > 0 ? notInArray(agencies.id, filter.inSum.skipped) : undefined)
    : undefined;
  return and(
    filter.directOnly ? isDirectAgencyOf(officeId) : inArray(agencies.id, subtreeOf(db, officeId)),
    inScope(db, agencies.id, scope),
    filter.agencyIds === undefined ? undefined : inArray(agencies.id, filter.agencyIds),
    filter.nameContains ? agencyNameContains(filter.nameContains) : undefined,
    filter.level === undefined ? undefined : eq(agencies.level, filter.level),
    filter.inSum ? (filter.inSum.summed ? summed : sql`not coalesce(${summed}, 1 = 0)`) : undefined,
    filter.status === undefined ? undefined : filter.status === "none" ? isNull(reports.id) : eq(reports.status, filter.status),
  );
}

/**
 * How many of an office's agencies each of several lists holds (see listOfficeReports), counted in one pass
 * over the office's agencies (`directOnly`: its own, as the lists' filters must say too).
 */
export async function countOfficeReports<Key extends string>(
  db: Executor,
  scope: ActorScope,
  officeId: number,
  year: number,
  directOnly: boolean,
  lists: Record<Key, OfficeAgencyFilter>,
): Promise<Record<Key, number>> {
  const keys = Object.keys(lists) as Key[];
  const counted = (filter: OfficeAgencyFilter) =>
    sql<number>`coalesce(sum(case when ${officeAgencyCondition(db, scope, officeId, { ...filter, directOnly })} then 1 else 0 end), 0)`.mapWith(Number);
  const row: Record<string, number> | undefined = await first(
    db
      .select(Object.fromEntries(keys.map((key) => [key, counted(lists[key])])) as Record<string, SQL<number>>)
      .from(agencies)
      .leftJoin(reports, and(eq(reports.agencyId, agencies.id), eq(reports.year, year)))
      .where(officeAgencyCondition(db, scope, officeId, { directOnly })),
  );
  return Object.fromEntries(keys.map((key) => [key, row?.[key] ?? 0])) as Record<Key, number>;
}

/** The latest year for which any agency the scope reaches has a report (of any status). */
export async function latestReportYearInScope(db: Executor, scope: ActorScope): Promise<number | undefined> {
  return (await first(db
    .select({ year: reports.year })
    .from(reports)
    .where(inScope(db, reports.agencyId, scope))
    .orderBy(desc(reports.year))
    .limit(1)
    ))?.year;
}

/** An approved report of an agency the scope reaches, for figures compared across agencies and years. */
export type ApprovedReportInScope = {
  id: number;
  agencyId: number;
  year: number;
  edition: EditionId;
  version: number;
  /** The stored figures (lib/report/figures.ts), parsed from JSON; null when none are stored. */
  figures: unknown;
  /** The stored interchange model, parsed from JSON (read it with readStoredReport); only when no figures are stored. */
  content: unknown;
  approvedAt: Date | null;
  /** Set when the report is a published report imported and then confirmed (its approval is the confirmation). */
  importedAt: Date | null;
};

/**
 * Every approved report the scope reaches (an office admin: its whole subtree; anyone else: their own
 * agency's), by year, with its figures (its content only where none are stored); `agencyIds` narrows it to
 * those agencies.
 */
export async function listApprovedReportsInScope(db: Executor, scope: ActorScope, agencyIds?: number[]): Promise<ApprovedReportInScope[]> {
  return (await db
    .select({
      id: reports.id,
      agencyId: reports.agencyId,
      year: reports.year,
      edition: reports.edition,
      version: reports.version,
      figures: reports.figures,
      content: sql<string | null>`case when ${reports.figures} is null then ${reports.content} end`,
      approvedAt: reports.approvedAt,
      importedAt: reports.importedAt,
    })
    .from(reports)
    .where(
      and(
        inScope(db, reports.agencyId, scope),
        eq(reports.status, "approved"),
        agencyIds === undefined ? undefined : inArray(reports.agencyId, agencyIds),
      ),
    )
    .orderBy(asc(reports.year), asc(reports.agencyId)))
    .map((row) => ({
      ...row,
      figures: row.figures === null ? null : (JSON.parse(row.figures) as unknown),
      content: row.content === null ? null : (JSON.parse(row.content) as unknown),
    }));
}

/** The status of each report of the year the scope reaches, by agency (agencies without a report are absent). */
export async function reportStatusesInScope(db: Executor, scope: ActorScope, year: number): Promise<Map<number, ReportStatus>> {
  const rows = await db
    .select({ agencyId: reports.agencyId, status: reports.status })
    .from(reports)
    .where(and(inScope(db, reports.agencyId, scope), eq(reports.year, year)));
  return new Map(rows.map((row) => [row.agencyId, row.status]));
}

/**
 * Store figures computed from the content of reports that had none, each only while the report is still the
 * version that was read and no figures were stored meanwhile (a save stores its own).
 */
export async function storeMissingFigures(db: Executor, computed: { reportId: number; version: number; figures: unknown[] }[]): Promise<void> {
  for (const { reportId, version, figures } of computed) {
    await db
      .update(reports)
      .set({ figures: JSON.stringify(figures) })
      .where(and(eq(reports.id, reportId), eq(reports.version, version), isNull(reports.figures)));
  }
}
