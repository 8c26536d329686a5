import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, max, or } from "drizzle-orm";
import { applyPatch, compare, type Operation } from "fast-json-patch";
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

/** A revision as stored: its content (a snapshot), or the patch from the version before, or neither. */
type StoredRevision = { id: number; content: string | null; patch: string | null };

/**
 * The content of each of the report's revisions with an id in [fromId, toId]: each is rebuilt from the
 * nearest snapshot at or before `fromId` by applying the patches after it in order. A revision with neither
 * content nor patch stands for the report's current content (stored once, in the report).
 */
async function rebuildRevisions(db: Executor, reportId: number, fromId: number, toId: number): Promise<Map<number, unknown>> {
  const inReport = eq(reportRevisions.reportId, reportId);
  const snapshot = await first(
    db
      .select({ id: max(reportRevisions.id) })
      .from(reportRevisions)
      .where(and(inReport, lte(reportRevisions.id, fromId), or(isNotNull(reportRevisions.content), isNull(reportRevisions.patch)))),
  );
  const rows: StoredRevision[] = await db
    .select({ id: reportRevisions.id, content: reportRevisions.content, patch: reportRevisions.patch })
    .from(reportRevisions)
    .where(and(inReport, gte(reportRevisions.id, snapshot?.id ?? 0), lte(reportRevisions.id, toId)))
    .orderBy(asc(reportRevisions.id));
  const current = await first(db.select({ content: reports.content }).from(reports).where(eq(reports.id, reportId)));
  const states = new Map<number, unknown>();
  let state: unknown = undefined;
  for (const row of rows) {
    if (row.content !== null) state = JSON.parse(row.content);
    else if (row.patch !== null) state = applyRevisionPatch(state, JSON.parse(row.patch) as Operation[]);
    else state = current ? JSON.parse(current.content) : undefined;
    if (row.id >= fromId) states.set(row.id, state);
  }
  return states;
}

/** A version from the one before and the patch between them (a copy: the earlier version stays as it was). */
function applyRevisionPatch(before: unknown, patch: Operation[]): unknown {
  if (before === undefined) return undefined;
  return applyPatch(structuredClone(before), patch, false, true).newDocument;
}

/** What a save changed in a report's content, as a patch to store instead of the whole new content. */
export function revisionPatch(before: unknown, after: unknown): string {
  return JSON.stringify(compare(before as object, after as object));
}

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
  const listed = await db
    .select({
      id: reportRevisions.id,
      version: reportRevisions.version,
      authorId: reportRevisions.authorId,
      authorName: users.displayName,
      createdAt: reportRevisions.createdAt,
    })
    .from(reportRevisions)
    .leftJoin(users, eq(reportRevisions.authorId, users.id))
    .where(page.before === undefined ? inReport : and(inReport, lt(reportRevisions.id, page.before)))
    .orderBy(desc(reportRevisions.id))
    // One more than shown: what the oldest shown one changed is told against it.
    .limit(limit + 1);
  const contents = listed.length === 0 ? new Map<number, unknown>() : await rebuildRevisions(db, reportId, listed[listed.length - 1].id, listed[0].id);
  const rows = listed.map((row) => ({ ...row, content: contents.get(row.id) }));
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
  const row = await first(
    db
      .select({ id: reportRevisions.id })
      .from(reportRevisions)
      .where(and(eq(reportRevisions.reportId, reportId), eq(reportRevisions.version, version)))
      .orderBy(desc(reportRevisions.id)),
  );
  return row ? (await rebuildRevisions(db, reportId, row.id, row.id)).get(row.id) : undefined;
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
