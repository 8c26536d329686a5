import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { auditEvents, reportRevisions, users } from "../schema";
import type { AuditAction } from "./audit";
import type { ActorScope } from "./scope";
import { findReadableReport } from "./workflow";

export type RevisionEntry = {
  id: number;
  version: number;
  authorName: string | null;
  createdAt: Date;
  content: unknown;
};

/** How many revisions the history page reads at most (autosave keeps one per save). */
export const HISTORY_LIMIT = 300;

/**
 * The saved versions of a report, newest first, with their author's name; nothing when the actor may
 * not read the report.
 */
export function listRevisions(
  db: Executor,
  scope: ActorScope,
  reportId: number,
  limit = HISTORY_LIMIT,
): RevisionEntry[] {
  if (!findReadableReport(db, scope, reportId)) return [];
  return db
    .select({
      id: reportRevisions.id,
      version: reportRevisions.version,
      authorName: users.displayName,
      createdAt: reportRevisions.createdAt,
      content: reportRevisions.content,
    })
    .from(reportRevisions)
    .leftJoin(users, eq(reportRevisions.authorId, users.id))
    .where(eq(reportRevisions.reportId, reportId))
    .orderBy(desc(reportRevisions.id))
    .limit(limit)
    .all()
    .map((row) => ({ ...row, content: JSON.parse(row.content) }));
}

/** The content of one saved version (the latest revision of that number), when the actor may read it. */
export function getRevisionContent(db: Executor, scope: ActorScope, reportId: number, version: number): unknown {
  if (!findReadableReport(db, scope, reportId)) return undefined;
  const row = db
    .select({ content: reportRevisions.content })
    .from(reportRevisions)
    .where(and(eq(reportRevisions.reportId, reportId), eq(reportRevisions.version, version)))
    .orderBy(desc(reportRevisions.id))
    .get();
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
export function listWorkflowEvents(db: Executor, scope: ActorScope, reportId: number): WorkflowEvent[] {
  if (!findReadableReport(db, scope, reportId)) return [];
  return db
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
    .orderBy(asc(auditEvents.id))
    .all();
}
