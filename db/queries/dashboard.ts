import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { EditionId } from "@/lib/report/editions/types";
import type { AgencyLevel } from "@/lib/report/model";
import { alias } from "drizzle-orm/sqlite-core";
import type { Executor } from "../client";
import { agencies, reports, type ReportStatus } from "../schema";
import { childOfficeLine, childOfficesOf } from "./offices";
import { PUBLISHED_STATUSES } from "./reports";
import { inScope, type ActorScope } from "./scope";

export type DashboardEntry = {
  agencyId: number;
  agencyName: string;
  level: AgencyLevel;
  /** The date (MM-DD) the agency's parent office sets for the agencies directly under it; null when none. */
  parentDeadline: string | null;
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

/** An office and the agencies directly under it that are not offices themselves, as a condition. */
function directAgenciesOf(officeId: number) {
  return or(eq(agencies.id, officeId), and(eq(agencies.parentId, officeId), isNull(agencies.officeTier)));
}

/**
 * One row per agency directly under an office (the office itself first, then its departments, townships
 * and streets by name; child offices are summed in listChildOfficeProgress), with its report of the year
 * (if started), limited to what the scope reaches: a supervisor's list holds only their own agency.
 */
export function listDashboardEntries(
  db: Executor,
  scope: ActorScope,
  year: number,
  officeId: number = scope.agencyId,
  /** Only these agencies (a page of the list). */
  agencyIds?: number[],
): DashboardEntry[] {
  const parent = alias(agencies, "parent");
  const rows = db
    .select({
      agencyId: agencies.id,
      agencyName: agencies.name,
      level: agencies.level,
      parentDeadline: parent.childrenDeadline,
      reportId: reports.id,
      edition: reports.edition,
      status: reports.status,
      updatedAt: reports.updatedAt,
      approvedAt: reports.approvedAt,
      content: reports.content,
      acknowledgements: reports.acknowledgements,
    })
    .from(agencies)
    .leftJoin(parent, eq(agencies.parentId, parent.id))
    .leftJoin(reports, and(eq(reports.agencyId, agencies.id), eq(reports.year, year)))
    .where(
      and(
        directAgenciesOf(officeId),
        inScope(db, agencies.id, scope),
        agencyIds === undefined ? undefined : inArray(agencies.id, agencyIds),
      ),
    )
    .orderBy(asc(agencies.name))
    .all();
  const previous = new Map(
    db
      .select({ agencyId: reports.agencyId, content: reports.content })
      .from(reports)
      .where(
        and(
          inArray(
            reports.agencyId,
            rows.map((row) => row.agencyId),
          ),
          eq(reports.year, year - 1),
          inArray(reports.status, PUBLISHED_STATUSES),
        ),
      )
      .all()
      .map((row) => [row.agencyId, row.content]),
  );
  const entries = rows.map((row): DashboardEntry => {
    const previousContent = previous.get(row.agencyId);
    return {
      agencyId: row.agencyId,
      agencyName: row.agencyName,
      level: row.level,
      parentDeadline: row.parentDeadline,
      isOwnOffice: row.agencyId === officeId,
      report:
        row.reportId === null
          ? null
          : {
              id: row.reportId,
              edition: row.edition!,
              status: row.status!,
              updatedAt: row.updatedAt!,
              approvedAt: row.approvedAt,
              content: JSON.parse(row.content!),
              acknowledgements: JSON.parse(row.acknowledgements!),
            },
      previousContent: previousContent === undefined ? null : JSON.parse(previousContent),
    };
  });
  // The office's own report first, then the agencies under it by name.
  return [...entries.filter((entry) => entry.isOwnOffice), ...entries.filter((entry) => !entry.isOwnOffice)];
}

/** What the progress overview needs to know of an agency to count, filter and page it (never the content). */
export type ProgressEntry = {
  agencyId: number;
  agencyName: string;
  level: AgencyLevel;
  parentDeadline: string | null;
  status: ReportStatus | null;
  approvedAt: Date | null;
};

/** The office and the agencies directly under it that are not offices, office first, then by name. */
export function listDirectProgress(db: Executor, scope: ActorScope, year: number, officeId: number): ProgressEntry[] {
  const parent = alias(agencies, "parent");
  const rows = db
    .select({
      agencyId: agencies.id,
      agencyName: agencies.name,
      level: agencies.level,
      parentDeadline: parent.childrenDeadline,
      status: reports.status,
      approvedAt: reports.approvedAt,
    })
    .from(agencies)
    .leftJoin(parent, eq(agencies.parentId, parent.id))
    .leftJoin(reports, and(eq(reports.agencyId, agencies.id), eq(reports.year, year)))
    .where(and(directAgenciesOf(officeId), inScope(db, agencies.id, scope)))
    .orderBy(asc(agencies.name))
    .all();
  return [...rows.filter((row) => row.agencyId === officeId), ...rows.filter((row) => row.agencyId !== officeId)];
}

/** What the progress of an office below needs to know of each agency in its subtree (never the content). */
export type SubtreeProgressEntry = ProgressEntry & {
  /** The office directly under the looked-at office that the agency belongs to. */
  childOfficeId: number;
};

/** Every agency below the office's child offices (themselves included), with its report's status of the year. */
export function listChildOfficeProgress(db: Executor, scope: ActorScope, year: number, officeId: number): SubtreeProgressEntry[] {
  const parent = alias(agencies, "parent");
  return db
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
    .where(and(inArray(childOfficeLine.ancestorId, childOfficesOf(db, officeId)), inScope(db, agencies.id, scope)))
    .all();
}
