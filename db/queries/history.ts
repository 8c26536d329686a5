import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { first, type Executor } from "../client";
import { auditEvents, reportRevisions, reports, users } from "../schema";
import type { AuditAction } from "./audit";
import type { ActorScope } from "./scope";
import { findReadableReport } from "./workflow";

export type RevisionEntry = {
  id: number;
  version: number;
  authorId: number | null;
  authorName: string | null;
  createdAt: Date;
  content: unknown;
};

/** How many revisions the history page reads at a time (autosave keeps one per save; the page groups them). */
export const HISTORY_PAGE_SIZE = 50;

export type RevisionPage = {
  /** Newest first, at most one page. */
  revisions: RevisionEntry[];
  /** The revision just before the page's oldest, for what that one changed; null when it is the first. */
  base: RevisionEntry | null;
  /** The cursor for the next, older page; null when this page reaches the first revision. */
  olderThan: number | null;
  /** When the newer page's oldest revision was saved (null on the newest page): this page's events end there. */
  newerPageFrom: Date | null;
};

/** A revision's content: its own, or for the report's current version the report's (stored once). */
const revisionContent = sql<string>`coalesce(${reportRevisions.content}, ${reports.content})`;

/**
 * The saved versions of a report, newest first, a page at a time, with their author's name; an empty
 * page when the actor may not read the report. `before` is the revision id the newer page ended at.
 */
export async function listRevisions(
  db: Executor,
  scope: ActorScope,
  reportId: number,
  page: { before?: number; limit?: number } = {},
): Promise<RevisionPage> {
  const limit = page.limit ?? HISTORY_PAGE_SIZE;
  if (!(await findReadableReport(db, scope, reportId))) return { revisions: [], base: null, olderThan: null, newerPageFrom: null };
  const inReport = eq(reportRevisions.reportId, reportId);
  const rows = (await db
    .select({
      id: reportRevisions.id,
      version: reportRevisions.version,
      authorId: reportRevisions.authorId,
      authorName: users.displayName,
      createdAt: reportRevisions.createdAt,
      content: revisionContent,
    })
    .from(reportRevisions)
    .innerJoin(reports, eq(reports.id, reportRevisions.reportId))
    .leftJoin(users, eq(reportRevisions.authorId, users.id))
    .where(page.before === undefined ? inReport : and(inReport, lt(reportRevisions.id, page.before)))
    .orderBy(desc(reportRevisions.id))
    // One more than shown: what the oldest shown one changed is told against it.
    .limit(limit + 1))
    .map((row) => ({ ...row, content: JSON.parse(row.content) as unknown }));
  const revisions = rows.slice(0, limit);
  const base = rows[limit] ?? null;
  const newerPageFrom =
    page.before === undefined
      ? null
      : ((await first(db
          .select({ at: reportRevisions.createdAt })
          .from(reportRevisions)
          .where(and(inReport, eq(reportRevisions.id, page.before)))
          ))?.at ?? null);
  return { revisions, base, olderThan: base ? revisions[revisions.length - 1].id : null, newerPageFrom };
}

/** The content of one saved version (the latest revision of that number), when the actor may read it. */
export async function getRevisionContent(db: Executor, scope: ActorScope, reportId: number, version: number): Promise<unknown> {
  if (!(await findReadableReport(db, scope, reportId))) return undefined;
  const row = await first(db
    .select({ content: revisionContent })
    .from(reportRevisions)
    .innerJoin(reports, eq(reports.id, reportRevisions.reportId))
    .where(and(eq(reportRevisions.reportId, reportId), eq(reportRevisions.version, version)))
    .orderBy(desc(reportRevisions.id))
    );
  return row ? JSON.parse(row.content) : undefined;
}

const WORKFLOW_EVENTS: AuditAction[] = [
  "report-created",
  "report-submitted",
  "report-returned",
  "report-approved",
  "report-reopened",
];

export type WorkflowEvent = {
  id: number;
  at: Date;
  action: string;
  userName: string | null;
  detail: string | null;
};

/** The report's workflow steps (created, submitted, returned, approved, reopened), oldest first. */
export async function listWorkflowEvents(db: Executor, scope: ActorScope, reportId: number): Promise<WorkflowEvent[]> {
  if (!(await findReadableReport(db, scope, reportId))) return [];
  return await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      userName: users.displayName,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(users, eq(auditEvents.userId, users.id))
    .where(and(eq(auditEvents.reportId, reportId), inArray(auditEvents.action, WORKFLOW_EVENTS)))
    .orderBy(asc(auditEvents.id));
}
