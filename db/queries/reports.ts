import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { EditionId } from "@/lib/report/editions/types";
import type { Executor } from "../client";
import { agencies, reportRevisions, reports, type ReportStatus } from "../schema";
import { inScope, type ActorScope } from "./scope";
import { officesAbove } from "./agencies";
import { recordAudit } from "./audit";

export type ReportSummary = {
  id: number;
  agencyId: number;
  year: number;
  edition: EditionId;
  status: ReportStatus;
  version: number;
  updatedAt: Date;
};

const summaryColumns = {
  id: reports.id,
  agencyId: reports.agencyId,
  year: reports.year,
  edition: reports.edition,
  status: reports.status,
  version: reports.version,
  updatedAt: reports.updatedAt,
};

export function listAgencyReports(db: Executor, scope: ActorScope): ReportSummary[] {
  return db
    .select(summaryColumns)
    .from(reports)
    .where(eq(reports.agencyId, scope.agencyId))
    .orderBy(desc(reports.year))
    .all();
}

export type StoredReport = ReportSummary & {
  /** The offices above the report's agency, nearest first. */
  agencyOfficesAbove: number[];
  content: unknown;
  acknowledgements: unknown;
  tableNotes: unknown;
  approvedBy: number | null;
  approvedAt: Date | null;
  importedBy: number | null;
  importedAt: Date | null;
  importedFrom: string | null;
};

/** A report by id, found only when the actor may read it: another agency's id finds nothing. */
export function getReportForActor(db: Executor, scope: ActorScope, reportId: number): StoredReport | undefined {
  const row = db
    .select({
      ...summaryColumns,
      content: reports.content,
      acknowledgements: reports.acknowledgements,
      tableNotes: reports.tableNotes,
      approvedBy: reports.approvedBy,
      approvedAt: reports.approvedAt,
      importedBy: reports.importedBy,
      importedAt: reports.importedAt,
      importedFrom: reports.importedFrom,
    })
    .from(reports)
    .where(and(eq(reports.id, reportId), inScope(db, reports.agencyId, scope)))
    .get();
  if (!row) return undefined;
  return {
    agencyOfficesAbove: officesAbove(db, row.agencyId),
    ...row,
    content: JSON.parse(row.content),
    acknowledgements: JSON.parse(row.acknowledgements),
    tableNotes: JSON.parse(row.tableNotes),
  };
}

export function findReportIdByYear(db: Executor, agencyId: number, year: number): number | undefined {
  return db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year)))
    .get()?.id;
}

/** Where a stored past report came from: an imported published report is kept as what it is. */
export type ImportOrigin = { fileName: string };

/**
 * Start the report of a year for the actor's agency, as a draft, or as an imported past report when
 * `imported` says from which file. There is one report per agency and year: starting one that exists
 * returns it unchanged. No report is ever created approved: approval is a workflow step.
 */
export function createReport(
  db: Executor,
  scope: ActorScope,
  input: { year: number; edition: EditionId; content: unknown; imported?: ImportOrigin; auditDetail?: string },
): { id: number; created: boolean } {
  return db.transaction((tx) => {
    const existing = findReportIdByYear(tx, scope.agencyId, input.year);
    if (existing !== undefined) return { id: existing, created: false };
    const content = JSON.stringify(input.content);
    const inserted = tx
      .insert(reports)
      .values({
        agencyId: scope.agencyId,
        year: input.year,
        edition: input.edition,
        status: input.imported ? "imported" : "draft",
        content,
        updatedBy: scope.userId,
        ...(input.imported
          ? { importedBy: scope.userId, importedAt: new Date(), importedFrom: input.imported.fileName }
          : {}),
      })
      .returning({ id: reports.id })
      .get();
    // The first version's content is the report's own (stored once): its revision keeps no copy until a save replaces it.
    tx.insert(reportRevisions).values({ reportId: inserted.id, version: 1, content: null, authorId: scope.userId }).run();
    recordAudit(tx, {
      action: input.imported ? "report-imported" : "report-created",
      userId: scope.userId,
      reportId: inserted.id,
      agencyId: scope.agencyId,
      detail: input.auditDetail ?? String(input.year),
    });
    return { id: inserted.id, created: true };
  });
}

export type SaveOutcome =
  | { kind: "saved"; version: number; updatedAt: Date }
  /** Nothing differs from the stored version: no new version, no revision (history shows only changes). */
  | { kind: "unchanged"; version: number; updatedAt: Date }
  | { kind: "conflict"; currentVersion: number }
  | { kind: "locked"; status: ReportStatus }
  | { kind: "not-found" };


/**
 * Save new content over the version the editor started from. A save based on an older version is refused
 * as a conflict, so nothing is ever overwritten silently; every save that changes anything keeps a
 * revision, and one that changes nothing stores nothing. The caller names
 * the statuses in which the report may still be written (the permission module's rule), and the write
 * happens only if the report is still in one of them.
 */
export function saveReportContent(
  db: Executor,
  scope: ActorScope,
  input: {
    reportId: number;
    baseVersion: number;
    content: unknown;
    acknowledgements: unknown;
    tableNotes?: unknown;
    writableStatuses: readonly ReportStatus[];
  },
): SaveOutcome {
  return db.transaction((tx) => {
    const current = tx
      .select({
        version: reports.version,
        status: reports.status,
        content: reports.content,
        acknowledgements: reports.acknowledgements,
        tableNotes: reports.tableNotes,
        updatedAt: reports.updatedAt,
      })
      .from(reports)
      .where(and(eq(reports.id, input.reportId), eq(reports.agencyId, scope.agencyId)))
      .get();
    if (!current) return { kind: "not-found" } as const;
    if (!input.writableStatuses.includes(current.status)) return { kind: "locked", status: current.status } as const;
    if (current.version !== input.baseVersion) return { kind: "conflict", currentVersion: current.version } as const;
    const content = JSON.stringify(input.content);
    const acknowledgements = JSON.stringify(input.acknowledgements);
    const tableNotes = JSON.stringify(input.tableNotes ?? {});
    if (content === current.content && acknowledgements === current.acknowledgements && tableNotes === current.tableNotes) {
      return { kind: "unchanged", version: current.version, updatedAt: current.updatedAt } as const;
    }
    const version = current.version + 1;
    const updatedAt = new Date();
    // The version being replaced keeps its content in its revision from now on.
    tx.update(reportRevisions)
      .set({ content: current.content })
      .where(and(eq(reportRevisions.reportId, input.reportId), isNull(reportRevisions.content)))
      .run();
    tx.update(reports)
      .set({
        content,
        acknowledgements,
        tableNotes,
        version,
        updatedAt,
        updatedBy: scope.userId,
      })
      .where(eq(reports.id, input.reportId))
      .run();
    tx.insert(reportRevisions).values({ reportId: input.reportId, version, content: null, authorId: scope.userId }).run();
    return { kind: "saved", version, updatedAt } as const;
  });
}

/** Statuses of a report that stands as the agency's published report of its year. */
export const PUBLISHED_STATUSES: ReportStatus[] = ["approved", "imported"];

/**
 * The agency's published report of a year (approved, or an imported past report), used to start the next
 * year and for cross-year checks and comparison. County figures count approved reports only.
 */
export function getPublishedReportContent(db: Executor, agencyId: number, year: number): unknown | undefined {
  const row = db
    .select({ content: reports.content })
    .from(reports)
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year), inArray(reports.status, PUBLISHED_STATUSES)))
    .get();
  return row ? JSON.parse(row.content) : undefined;
}
