import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { EditionId } from "@/lib/report/editions/types";
import type { StoredFigure } from "@/lib/report/figures";
import type { AgencyLevel } from "@/lib/report/model";
import { first, prepared, single, transaction, type Executor } from "../client";
import { agencies, reportRevisions, reports, type ReportStatus } from "../schema";
import { inScope, type ActorScope } from "./scope";
import { officesAbove } from "./agencies";
import { recordAudit } from "./audit";
import { revisionPatch } from "./history";

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

export async function listAgencyReports(db: Executor, scope: ActorScope): Promise<ReportSummary[]> {
  return await db
    .select(summaryColumns)
    .from(reports)
    .where(eq(reports.agencyId, scope.agencyId))
    .orderBy(desc(reports.year));
}

export type StoredReport = ReportSummary & {
  /** The report's agency as the database has it now (its name and level are never the content's to say). */
  agencyName: string;
  agencyLevel: AgencyLevel;
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
export async function getReportForActor(db: Executor, scope: ActorScope, reportId: number): Promise<StoredReport | undefined> {
  // Every autosave starts here: prepared once for each reach of scope.
  const find = prepared(db, `report-for-actor-${scope.reach}`, (db) =>
    db
      .select({
        ...summaryColumns,
        agencyName: agencies.name,
        agencyLevel: agencies.level,
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
      .innerJoin(agencies, eq(agencies.id, reports.agencyId))
      .where(
        and(
          eq(reports.id, sql.placeholder("reportId")),
          inScope(db, reports.agencyId, { reach: scope.reach, agencyId: sql.placeholder("agencyId") }),
        ),
      ),
  );
  const [row] = await find({ reportId, agencyId: scope.agencyId });
  if (!row) return undefined;
  return {
    agencyOfficesAbove: await officesAbove(db, row.agencyId),
    ...row,
    content: JSON.parse(row.content),
    acknowledgements: JSON.parse(row.acknowledgements),
    tableNotes: JSON.parse(row.tableNotes),
  };
}

export async function findReportIdByYear(db: Executor, agencyId: number, year: number): Promise<number | undefined> {
  return (await first(db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year)))
    ))?.id;
}

/** The check counts as the reports table stores them: null when not known (the overview pages then check the content). */
function storedCounts(counts: { errors: number; warnings: number } | null | undefined) {
  return { errorCount: counts?.errors ?? null, warningCount: counts?.warnings ?? null };
}

/** The figures (lib/report/figures.ts) as the reports table stores them: null when not known (read from the content). */
function storedFigures(figures: StoredFigure[] | null | undefined) {
  return { figures: figures ? JSON.stringify(figures) : null };
}

/** Where a stored past report came from: an imported published report is kept as what it is. */
export type ImportOrigin = { fileName: string };

/**
 * Start the report of a year for the actor's agency, as a draft, or as an imported past report when
 * `imported` says from which file. There is one report per agency and year: starting one that exists
 * returns it unchanged. No report is ever created approved: approval is a workflow step.
 */
export async function createReport(
  db: Executor,
  scope: ActorScope,
  input: {
    year: number;
    edition: EditionId;
    content: unknown;
    imported?: ImportOrigin;
    auditDetail?: string;
    /** The content's check counts (errors, warnings not acknowledged), stored for the overview pages. */
    counts?: { errors: number; warnings: number } | null;
    /** The content's figures (reportFigures), stored for the roll-up and its XLSX. */
    figures?: StoredFigure[] | null;
  },
): Promise<{ id: number; created: boolean }> {
  return transaction(db, async (tx) => {
    const existing = await findReportIdByYear(tx, scope.agencyId, input.year);
    if (existing !== undefined) return { id: existing, created: false };
    const content = JSON.stringify(input.content);
    const inserted = await single(tx
      .insert(reports)
      .values({
        agencyId: scope.agencyId,
        year: input.year,
        edition: input.edition,
        status: input.imported ? "imported" : "draft",
        content,
        updatedBy: scope.userId,
        ...storedCounts(input.counts),
        ...storedFigures(input.figures),
        ...(input.imported
          ? { importedBy: scope.userId, importedAt: new Date(), importedFrom: input.imported.fileName }
          : {}),
      })
      .returning({ id: reports.id })
      );
    await // The first version's content is the report's own (stored once): its revision keeps no copy until a save replaces it.
    tx.insert(reportRevisions).values({ reportId: inserted.id, version: 1, content: null, authorId: scope.userId });
    await recordAudit(tx, {
      action: input.imported ? "report-imported" : "report-created",
      userId: scope.userId,
      reportId: inserted.id,
      agencyId: scope.agencyId,
      detail: input.auditDetail ?? String(input.year),
    });
    return { id: inserted.id, created: true };
  });
}

/** Every this many versions a revision keeps the whole content, so rebuilding one applies at most this many patches. */
export const SNAPSHOT_EVERY = 20;

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
/** A value a prepared write is given when run (Drizzle's types take `sql.placeholder` only in filters). */
function placeholder(name: string): SQL {
  return sql`${sql.placeholder(name)}`;
}

export async function saveReportContent(
  db: Executor,
  scope: ActorScope,
  input: {
    /** The report as the caller read it for this save (getReportForActor): the version it replaces. */
    stored: Pick<StoredReport, "id" | "status" | "version" | "content" | "acknowledgements" | "tableNotes" | "updatedAt">;
    /** The version the editor started from: any other is a conflict. */
    baseVersion: number;
    content: unknown;
    acknowledgements: unknown;
    tableNotes?: unknown;
    writableStatuses: readonly ReportStatus[];
    /** The new content's check counts (errors, warnings not acknowledged), stored for the overview pages. */
    counts?: { errors: number; warnings: number } | null;
    /** The new content's figures (reportFigures), stored for the roll-up and its XLSX. */
    figures?: StoredFigure[] | null;
  },
): Promise<SaveOutcome> {
  const { stored } = input;
  if (!input.writableStatuses.includes(stored.status)) return { kind: "locked", status: stored.status };
  if (stored.version !== input.baseVersion) return { kind: "conflict", currentVersion: stored.version };
  const content = JSON.stringify(input.content);
  const acknowledgements = JSON.stringify(input.acknowledgements);
  const tableNotes = JSON.stringify(input.tableNotes ?? {});
  const storedContent = JSON.stringify(stored.content);
  if (
    content === storedContent &&
    acknowledgements === JSON.stringify(stored.acknowledgements) &&
    tableNotes === JSON.stringify(stored.tableNotes)
  ) {
    return { kind: "unchanged", version: stored.version, updatedAt: stored.updatedAt };
  }
  const version = stored.version + 1;
  const updatedAt = new Date();
  // The new version is kept as what changed (a few hundred bytes for an autosave), every few versions whole.
  const snapshot = version % SNAPSHOT_EVERY === 0;
  const patch = snapshot ? null : revisionPatch(stored.content, JSON.parse(content));
  return transaction(db, async (tx) => {
    // Only over the version read, and only while still writable: a save or a workflow step that another
    // request (or another instance) committed since the read makes this one a conflict, on either database.
    // Nothing else changes a report's content without a new version, so the content read is the one replaced.
    const write = prepared(tx, `save-report-${input.writableStatuses.join("-")}`, (tx) =>
      tx
        .update(reports)
        .set({
          content: placeholder("content"),
          acknowledgements: placeholder("acknowledgements"),
          tableNotes: placeholder("tableNotes"),
          version: placeholder("version"),
          updatedAt: placeholder("updatedAt"),
          updatedBy: placeholder("updatedBy"),
          errorCount: placeholder("errorCount"),
          warningCount: placeholder("warningCount"),
          figures: placeholder("figures"),
        })
        .where(
          and(
            eq(reports.id, sql.placeholder("reportId")),
            eq(reports.agencyId, sql.placeholder("agencyId")),
            eq(reports.version, sql.placeholder("baseVersion")),
            inArray(reports.status, [...input.writableStatuses]),
          ),
        )
        .returning({ id: reports.id }),
    );
    const written = await write({
      content,
      acknowledgements,
      tableNotes,
      version,
      // Bound as the column stores it (SQLite: milliseconds; PostgreSQL: ISO text), as Drizzle does for a value.
      updatedAt: reports.updatedAt.mapToDriverValue(updatedAt),
      updatedBy: scope.userId,
      ...storedCounts(input.counts),
      ...storedFigures(input.figures),
      reportId: stored.id,
      agencyId: scope.agencyId,
      baseVersion: stored.version,
    });
    if (written.length === 0) {
      const now = await first(
        tx
          .select({ version: reports.version, status: reports.status })
          .from(reports)
          .where(and(eq(reports.id, stored.id), eq(reports.agencyId, scope.agencyId))),
      );
      if (!now) return { kind: "not-found" } as const;
      if (!input.writableStatuses.includes(now.status)) return { kind: "locked", status: now.status } as const;
      return { kind: "conflict", currentVersion: now.version } as const;
    }
    // A revision that stood for the report's content (its first version, a snapshot, or one kept for a workflow
    // step: always of the version replaced) keeps that content from now on: later versions are rebuilt from it.
    const keepReplaced = prepared(tx, "save-report-keep-replaced", (tx) =>
      tx
        .update(reportRevisions)
        .set({ content: placeholder("content") })
        .where(
          and(
            eq(reportRevisions.reportId, sql.placeholder("reportId")),
            eq(reportRevisions.version, sql.placeholder("version")),
            isNull(reportRevisions.content),
            isNull(reportRevisions.patch),
          ),
        ),
    );
    await keepReplaced({ content: storedContent, reportId: stored.id, version: stored.version });
    const keepNew = prepared(tx, "save-report-revision", (tx) =>
      tx.insert(reportRevisions).values({
        reportId: placeholder("reportId"),
        version: placeholder("version"),
        content: placeholder("content"),
        patch: placeholder("patch"),
        authorId: placeholder("authorId"),
      }),
    );
    await keepNew({ reportId: stored.id, version, content: null, patch, authorId: scope.userId });
    return { kind: "saved", version, updatedAt } as const;
  });
}

/** Statuses of a report that stands as the agency's published report of its year. */
export const PUBLISHED_STATUSES: ReportStatus[] = ["approved", "imported"];

/**
 * The agency's published report of a year (approved, or an imported past report), used to start the next
 * year and for cross-year checks and comparison. County figures count approved reports only.
 */
export async function getPublishedReportContent(db: Executor, agencyId: number, year: number): Promise<unknown | undefined> {
  const row = await first(db
    .select({ content: reports.content })
    .from(reports)
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year), inArray(reports.status, PUBLISHED_STATUSES)))
    );
  return row ? JSON.parse(row.content) : undefined;
}

/**
 * Which version of a report's content: its content changes only with a new version and a new updatedAt (the
 * time tells a row apart from one that a rolled-back transaction wrote with the same id and version).
 */
export type StoredVersion = { id: number; version: number; updatedAt: Date };

/**
 * Which report stands as the agency's published report of a year, and which version of it: what a service
 * keeping that report parsed looks up on every save.
 */
export async function findPublishedReport(db: Executor, agencyId: number, year: number): Promise<StoredVersion | undefined> {
  const find = prepared(db, "published-report", (db) =>
    db
      .select({ id: reports.id, version: reports.version, updatedAt: reports.updatedAt })
      .from(reports)
      .where(
        and(
          eq(reports.agencyId, sql.placeholder("agencyId")),
          eq(reports.year, sql.placeholder("year")),
          inArray(reports.status, PUBLISHED_STATUSES),
        ),
      ),
  );
  const [row] = await find({ agencyId, year });
  return row;
}

/** A report's content as stored (parsed JSON) and which version it is, by id; for a service that has found the report. */
export async function getReportContent(db: Executor, reportId: number): Promise<(StoredVersion & { content: unknown }) | undefined> {
  const row = await first(db
    .select({ id: reports.id, version: reports.version, updatedAt: reports.updatedAt, content: reports.content })
    .from(reports)
    .where(eq(reports.id, reportId)));
  return row && { ...row, content: JSON.parse(row.content) };
}
