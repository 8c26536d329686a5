import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Executor } from "../client";
import { comments, users, type UserRole } from "../schema";
import { findReadableReport } from "./workflow";
import type { ActorScope } from "./scope";

/** A review comment as the form shows it: who wrote it (name and role), never more of the user. */
export type ReportComment = {
  id: number;
  authorId: number;
  section: string;
  cell: string | null;
  body: string;
  authorName: string;
  authorRole: UserRole;
  createdAt: Date;
  /** When and by whom it was marked as dealt with; null while open. */
  resolvedAt: Date | null;
  resolverName: string | null;
};

export function insertComment(
  db: Executor,
  input: { reportId: number; section: string; cell: string | null; body: string; authorId: number },
): number {
  return db.insert(comments).values(input).returning({ id: comments.id }).get().id;
}

/** Marks one comment of the report as dealt with (by the user) or open again (null); false when not found. */
export function setCommentResolution(
  db: Executor,
  input: { reportId: number; commentId: number; resolvedById: number | null },
): boolean {
  const changed = db
    .update(comments)
    .set({ resolvedById: input.resolvedById, resolvedAt: input.resolvedById === null ? null : new Date() })
    .where(and(eq(comments.id, input.commentId), eq(comments.reportId, input.reportId)))
    .run();
  return changed.changes > 0;
}

/** Removes one comment of the report; false when not found. */
export function deleteComment(db: Executor, input: { reportId: number; commentId: number }): boolean {
  return db.delete(comments).where(and(eq(comments.id, input.commentId), eq(comments.reportId, input.reportId))).run().changes > 0;
}

export function findComment(db: Executor, reportId: number, commentId: number) {
  return db
    .select({ id: comments.id, authorId: comments.authorId, resolvedAt: comments.resolvedAt, body: comments.body })
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.reportId, reportId)))
    .get();
}

const resolvers = alias(users, "resolvers");

/** The comments on a report, oldest first; nothing when the actor may not read the report. */
export function listComments(db: Executor, scope: ActorScope, reportId: number): ReportComment[] {
  if (!findReadableReport(db, scope, reportId)) return [];
  return db
    .select({
      id: comments.id,
      authorId: comments.authorId,
      section: comments.section,
      cell: comments.cell,
      body: comments.body,
      authorName: users.displayName,
      authorRole: users.role,
      createdAt: comments.createdAt,
      resolvedAt: comments.resolvedAt,
      resolverName: resolvers.displayName,
    })
    .from(comments)
    .innerJoin(users, eq(comments.authorId, users.id))
    .leftJoin(resolvers, eq(comments.resolvedById, resolvers.id))
    .where(eq(comments.reportId, reportId))
    .orderBy(asc(comments.id))
    .all();
}
