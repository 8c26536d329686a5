import { and, asc, eq, inArray } from "drizzle-orm";
import type { EditionId } from "@/lib/report/editions/types";
import type { AgencyLevel } from "@/lib/report/model";
import { alias } from "drizzle-orm/sqlite-core";
import type { Executor } from "../client";
import { agencies, reports, type ReportStatus } from "../schema";
import { PUBLISHED_STATUSES, readableAgencyIds } from "./reports";
import type { ActorScope } from "./scope";

export type DashboardEntry = {
  agencyId: number;
  agencyName: string;
  level: AgencyLevel;
  /** The county office's township deadline (MM-DD) for agencies under it; the agency's own for the county office. */
  townshipDeadline: string | null;
  isCountyOffice: boolean;
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
 * One row per agency the actor oversees, with its report of the year (if started). A county admin sees
 * every agency of the county; anyone else only their own agency.
 */
export function listDashboardEntries(db: Executor, scope: ActorScope, year: number): DashboardEntry[] {
  const agencyIds = readableAgencyIds(db, scope);
  const parent = alias(agencies, "parent");
  const rows = db
    .select({
      agencyId: agencies.id,
      agencyName: agencies.name,
      level: agencies.level,
      parentId: agencies.parentId,
      ownDeadline: agencies.townshipDeadline,
      parentDeadline: parent.townshipDeadline,
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
    .where(inArray(agencies.id, agencyIds))
    .orderBy(asc(agencies.name))
    .all();
  const previous = new Map(
    db
      .select({ agencyId: reports.agencyId, content: reports.content })
      .from(reports)
      .where(and(inArray(reports.agencyId, agencyIds), eq(reports.year, year - 1), inArray(reports.status, PUBLISHED_STATUSES)))
      .all()
      .map((row) => [row.agencyId, row.content]),
  );
  const entries = rows.map((row): DashboardEntry => {
    const previousContent = previous.get(row.agencyId);
    return {
      agencyId: row.agencyId,
      agencyName: row.agencyName,
      level: row.level,
      townshipDeadline: row.parentId === null ? row.ownDeadline : row.parentDeadline,
      isCountyOffice: row.parentId === null,
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
  // The county office's own report first, then the agencies under it by name.
  return [...entries.filter((entry) => entry.isCountyOffice), ...entries.filter((entry) => !entry.isCountyOffice)];
}
