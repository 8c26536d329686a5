import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { EditionId } from "@/lib/report/editions/types";
import type { AgencyLevel } from "@/lib/report/model";
import type { Executor } from "../client";
import { agencies, reports, type ReportStatus } from "../schema";
import { readableAgencyIds } from "./reports";
import type { ActorScope } from "./scope";

/**
 * County figures. For a county admin: the county office and every agency under it (for anyone else
 * only their own agency, as readableAgencyIds decides), each with its report of the year.
 */

export type CountyReportEntry = {
  agencyId: number;
  agencyName: string;
  level: AgencyLevel;
  isCountyOffice: boolean;
  /** The agency's report of the year; null when not started. */
  report: {
    id: number;
    edition: EditionId;
    status: ReportStatus;
    /** The stored interchange model, parsed from JSON (read it with readStoredReport). */
    content: unknown;
  } | null;
};

/** The county office first, then the agencies under it by name. */
export function listCountyReports(db: Executor, scope: ActorScope, year: number): CountyReportEntry[] {
  const rows = db
    .select({
      agencyId: agencies.id,
      agencyName: agencies.name,
      level: agencies.level,
      parentId: agencies.parentId,
      reportId: reports.id,
      edition: reports.edition,
      status: reports.status,
      content: reports.content,
    })
    .from(agencies)
    .leftJoin(reports, and(eq(reports.agencyId, agencies.id), eq(reports.year, year)))
    .where(inArray(agencies.id, readableAgencyIds(db, scope)))
    .orderBy(asc(agencies.name))
    .all();
  const entries = rows.map(
    (row): CountyReportEntry => ({
      agencyId: row.agencyId,
      agencyName: row.agencyName,
      level: row.level,
      isCountyOffice: row.agencyId === scope.agencyId,
      report:
        row.reportId === null
          ? null
          : { id: row.reportId, edition: row.edition!, status: row.status!, content: JSON.parse(row.content!) },
    }),
  );
  return [...entries.filter((entry) => entry.isCountyOffice), ...entries.filter((entry) => !entry.isCountyOffice)];
}

/** The latest year for which any agency of the county has a report (of any status). */
export function latestCountyReportYear(db: Executor, scope: ActorScope): number | undefined {
  return db
    .select({ year: reports.year })
    .from(reports)
    .where(inArray(reports.agencyId, readableAgencyIds(db, scope)))
    .orderBy(desc(reports.year))
    .limit(1)
    .get()?.year;
}

/** An approved report of an agency of the county, for figures compared across agencies and years. */
export type CountyApprovedReport = {
  id: number;
  agencyId: number;
  year: number;
  edition: EditionId;
  /** The stored interchange model, parsed from JSON (read it with readStoredReport). */
  content: unknown;
  approvedAt: Date | null;
  /** Set when the report is a published report imported and then confirmed (its approval is the confirmation). */
  importedAt: Date | null;
};

/** Every approved report of the county office and the agencies under it (for anyone else: their own agency's), by year. */
export function listCountyApprovedReports(db: Executor, scope: ActorScope): CountyApprovedReport[] {
  return db
    .select({
      id: reports.id,
      agencyId: reports.agencyId,
      year: reports.year,
      edition: reports.edition,
      content: reports.content,
      approvedAt: reports.approvedAt,
      importedAt: reports.importedAt,
    })
    .from(reports)
    .where(and(inArray(reports.agencyId, readableAgencyIds(db, scope)), eq(reports.status, "approved")))
    .orderBy(asc(reports.year), asc(reports.agencyId))
    .all()
    .map((row) => ({ ...row, content: JSON.parse(row.content) as unknown }));
}

/** The status of each report of the year in the county, by agency (agencies without a report are absent). */
export function countyReportStatuses(db: Executor, scope: ActorScope, year: number): Map<number, ReportStatus> {
  const rows = db
    .select({ agencyId: reports.agencyId, status: reports.status })
    .from(reports)
    .where(and(inArray(reports.agencyId, readableAgencyIds(db, scope)), eq(reports.year, year)))
    .all();
  return new Map(rows.map((row) => [row.agencyId, row.status]));
}
