import { and, desc, eq } from "drizzle-orm";
import type { EditionId } from "@/lib/report/editions/types";
import type { AgencyLevel } from "@/lib/report/model";
import { first, type Executor } from "../client";
import { agencies, reportRevisions, reports, type ReportStatus } from "../schema";
import { officesAbove } from "./agencies";
import { inScope, type ActorScope } from "./scope";

/** What the workflow needs to know of a report to decide who may act on it (no content). */
export type ReportHead = {
  id: number;
  agencyId: number;
  agencyName: string;
  agencyLevel: AgencyLevel;
  /** The offices above the report's agency, nearest first. */
  agencyOfficesAbove: number[];
  year: number;
  edition: EditionId;
  status: ReportStatus;
  version: number;
};

/** A report the actor may read (their agency's; for an office admin, any agency's below the office), or nothing. */
export async function findReadableReport(db: Executor, scope: ActorScope, reportId: number): Promise<ReportHead | undefined> {
  const row = await first(db
    .select({
      id: reports.id,
      agencyId: reports.agencyId,
      agencyName: agencies.name,
      agencyLevel: agencies.level,
      year: reports.year,
      edition: reports.edition,
      status: reports.status,
      version: reports.version,
    })
    .from(reports)
    .innerJoin(agencies, eq(reports.agencyId, agencies.id))
    .where(and(eq(reports.id, reportId), inScope(db, reports.agencyId, scope)))
    );
  return row && { ...row, agencyOfficesAbove: (await officesAbove(db, row.agencyId)) };
}

/**
 * Move a report from one status to another, only if it is still in the status the caller checked
 * (so two supervisors clicking at once cannot both act). Returns whether the row changed.
 */
export async function moveReportStatus(
  db: Executor,
  input: {
    reportId: number;
    from: ReportStatus;
    to: ReportStatus;
    /** Set on approval; cleared (null) on reopening. */
    approval?: { by: number; at: Date } | null;
  },
): Promise<boolean> {
  const approval =
    input.approval === undefined
      ? {}
      : { approvedBy: input.approval?.by ?? null, approvedAt: input.approval?.at ?? null };
  const moved = await db
    .update(reports)
    .set({ status: input.to, ...approval })
    .where(and(eq(reports.id, input.reportId), eq(reports.status, input.from)))
    .returning({ id: reports.id });
  return moved.length === 1;
}

/**
 * Make the report's current version a snapshot of its history (each workflow step does): its revision stands for
 * the report's content (stored once, in the report) instead of keeping the patch from the version before, and the
 * next save keeps that content whole in it. A report stored any other way gets the revision it lacks. Returns the
 * version.
 */
export async function keepCurrentRevision(db: Executor, reportId: number, authorId: number): Promise<number | undefined> {
  const report = await first(db
    .select({ version: reports.version, content: reports.content })
    .from(reports)
    .where(eq(reports.id, reportId))
    );
  if (!report) return undefined;
  const kept = await first(db
    .select({ id: reportRevisions.id, content: reportRevisions.content, patch: reportRevisions.patch })
    .from(reportRevisions)
    .where(and(eq(reportRevisions.reportId, reportId), eq(reportRevisions.version, report.version)))
    .orderBy(desc(reportRevisions.id))
    );
  if (kept && kept.patch !== null) {
    // The patch is not needed: the history rebuilds this version from the report's content, and later ones from it.
    await db.update(reportRevisions).set({ patch: null }).where(eq(reportRevisions.id, kept.id));
  } else if (!kept || (kept.content !== null && kept.content !== report.content)) {
    await db.insert(reportRevisions).values({ reportId, version: report.version, content: null, authorId });
  }
  return report.version;
}

/** A report's content and acknowledgements (parsed), by agency and year, to be checked and counted; or nothing. */
export async function readReportToCount(
  db: Executor,
  agencyId: number,
  year: number,
): Promise<{ id: number; content: unknown; acknowledgements: unknown } | undefined> {
  const row = await first(db
    .select({ id: reports.id, content: reports.content, acknowledgements: reports.acknowledgements })
    .from(reports)
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year)))
    );
  return row && { id: row.id, content: JSON.parse(row.content), acknowledgements: JSON.parse(row.acknowledgements) };
}

/** Store a report's check counts for the overview pages (null: its content could not be read). */
export async function storeReportCounts(db: Executor, reportId: number, counts: { errors: number; warnings: number } | null): Promise<void> {
  await db
    .update(reports)
    .set({ errorCount: counts?.errors ?? null, warningCount: counts?.warnings ?? null })
    .where(eq(reports.id, reportId));
}
