import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { EditionId } from "@/lib/report/editions/types";
import type { AgencyLevel } from "@/lib/report/model";
import { alias } from "drizzle-orm/sqlite-core";
import type { Executor } from "../client";
import { agencies, reports, type ReportStatus } from "../schema";
import { childOfficeLine, childOfficesOf, isDirectAgencyOf } from "./offices";
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

/**
 * The office and the agencies directly under it that are not offices (child offices are counted in
 * listChildOfficeProgress), office first, then by name, limited to what the scope reaches: a supervisor's
 * list holds only their own agency.
 */
export async function listDirectProgress(db: Executor, scope: ActorScope, year: number, officeId: number): Promise<DirectProgressEntry[]> {
  const parent = alias(agencies, "parent");
  const rows = await db
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
    .where(and(isDirectAgencyOf(officeId), inScope(db, agencies.id, scope)))
    .orderBy(asc(agencies.name));
  return [...rows.filter((row) => row.agencyId === officeId), ...rows.filter((row) => row.agencyId !== officeId)];
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
