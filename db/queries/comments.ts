import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { first, single, type Executor } from "../client";
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

export async function insertComment(
  db: Executor,
  input: { reportId: number; section: string; cell: string | null; body: string; authorId: number },
): Promise<number> {
  return (await single(db.insert(comments).values(input).returning({ id: comments.id }))).id;
}

/** Marks one comment of the report as dealt with (by the user) or open again (null); false when not found. */
export async function setCommentResolution(
  db: Executor,
  input: { reportId: number; commentId: number; resolvedById: number | null },
): Promise<boolean> {
  const changed = await db
    .update(comments)
    .set({ resolvedById: input.resolvedById, resolvedAt: input.resolvedById === null ? null : new Date() })
    .where(and(eq(comments.id, input.commentId), eq(comments.reportId, input.reportId)))
    .returning({ id: comments.id });
  return changed.length > 0;
}

/** Removes one comment of the report; false when not found. */
export async function deleteComment(db: Executor, input: { reportId: number; commentId: number }): Promise<boolean> {
  const deleted = await db
    .delete(comments)
    .where(and(eq(comments.id, input.commentId), eq(comments.reportId, input.reportId)))
    .returning({ id: comments.id });
  return deleted.length > 0;
}

export async function findComment(db: Executor, reportId: number, commentId: number) {
  return await first(db
    .select({ id: comments.id, authorId: comments.authorId, resolvedAt: comments.resolvedAt, body: comments.body })
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.reportId, reportId)))
    );
}

const resolvers = alias(users, "resolvers");

/** The comments on a report, oldest first; nothing when the actor may not read the report. */
export async function listComments(db: Executor, scope: ActorScope, reportId: number): Promise<ReportComment[]> {
  if (!(await findReadableReport(db, scope, reportId))) return [];
  return await db
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
    .orderBy(asc(comments.id));
}
