import { and, desc, eq, or, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { agencies, reportRevisions, reports, type ReportStatus } from "../schema";
import type { ActorScope } from "./scope";
import { recordAudit } from "./audit";
import { mayEditContent } from "@/lib/workflow/transitions";

export type ReportSummary = {
  id: number;
  agencyId: number;
  year: number;
  edition: "2019" | "2021";
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

/** Agencies whose reports the actor may read: their own, and for a county admin every agency under the county. */
export function readableAgencyIds(db: Executor, scope: ActorScope): number[] {
  if (scope.role !== "admin") return [scope.agencyId];
  const rows = db
    .select({ id: agencies.id })
    .from(agencies)
    .where(or(eq(agencies.id, scope.agencyId), eq(agencies.parentId, scope.agencyId)))
    .all();
  return rows.map((row) => row.id);
}

export function listAgencyReports(db: Executor, scope: ActorScope): ReportSummary[] {
  return db
    .select(summaryColumns)
    .from(reports)
    .where(eq(reports.agencyId, scope.agencyId))
    .orderBy(desc(reports.year))
    .all();
}

export type StoredReport = ReportSummary & {
  content: unknown;
  acknowledgements: unknown;
  tableNotes: unknown;
  approvedBy: number | null;
  approvedAt: Date | null;
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
    })
    .from(reports)
    .where(and(eq(reports.id, reportId), inArray(reports.agencyId, readableAgencyIds(db, scope))))
    .get();
  if (!row) return undefined;
  return {
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

/**
 * Start the report of a year for the actor's agency. There is one report per agency and year:
 * starting one that exists returns it unchanged.
 */
export function createReport(
  db: Executor,
  scope: ActorScope,
  input: { year: number; edition: "2019" | "2021"; content: unknown; status?: ReportStatus },
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
        status: input.status ?? "draft",
        content,
        updatedBy: scope.userId,
        ...(input.status === "approved" ? { approvedBy: scope.userId, approvedAt: new Date() } : {}),
      })
      .returning({ id: reports.id })
      .get();
    tx.insert(reportRevisions).values({ reportId: inserted.id, version: 1, content, authorId: scope.userId }).run();
    recordAudit(tx, {
      action: "report-created",
      userId: scope.userId,
      reportId: inserted.id,
      agencyId: scope.agencyId,
      detail: String(input.year),
    });
    return { id: inserted.id, created: true };
  });
}

export type SaveOutcome =
  | { kind: "saved"; version: number; updatedAt: Date }
  | { kind: "conflict"; currentVersion: number }
  | { kind: "locked"; status: ReportStatus }
  | { kind: "not-found" };


/**
 * Save new content over the version the editor started from. A save based on an older version is refused
 * as a conflict, so nothing is ever overwritten silently; every save keeps a revision.
 */
export function saveReportContent(
  db: Executor,
  scope: ActorScope,
  input: { reportId: number; baseVersion: number; content: unknown; acknowledgements: unknown; tableNotes?: unknown },
): SaveOutcome {
  return db.transaction((tx) => {
    const current = tx
      .select({ version: reports.version, status: reports.status })
      .from(reports)
      .where(and(eq(reports.id, input.reportId), eq(reports.agencyId, scope.agencyId)))
      .get();
    if (!current) return { kind: "not-found" } as const;
    // Only the agency's clerks write content: supervisors review and admins reopen; neither edits.
    if (!mayEditContent(scope.role, current.status)) return { kind: "locked", status: current.status } as const;
    if (current.version !== input.baseVersion) return { kind: "conflict", currentVersion: current.version } as const;
    const version = current.version + 1;
    const updatedAt = new Date();
    const content = JSON.stringify(input.content);
    tx.update(reports)
      .set({
        content,
        acknowledgements: JSON.stringify(input.acknowledgements),
        tableNotes: JSON.stringify(input.tableNotes ?? {}),
        version,
        updatedAt,
        updatedBy: scope.userId,
      })
      .where(eq(reports.id, input.reportId))
      .run();
    tx.insert(reportRevisions).values({ reportId: input.reportId, version, content, authorId: scope.userId }).run();
    return { kind: "saved", version, updatedAt } as const;
  });
}

/** The approved report of an agency for a year, used to start the next year and for cross-year checks. */
export function getApprovedReportContent(db: Executor, agencyId: number, year: number): unknown | undefined {
  const row = db
    .select({ content: reports.content })
    .from(reports)
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year), eq(reports.status, "approved")))
    .get();
  return row ? JSON.parse(row.content) : undefined;
}
