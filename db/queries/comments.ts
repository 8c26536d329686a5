import { asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { comments, users, type UserRole } from "../schema";
import { findReadableReport } from "./workflow";
import type { ActorScope } from "./scope";

/** A review comment as the form shows it: who wrote it (name and role), never more of the user. */
export type ReportComment = {
  id: number;
  section: string;
  cell: string | null;
  body: string;
  authorName: string;
  authorRole: UserRole;
  createdAt: Date;
};

export function insertComment(
  db: Executor,
  input: { reportId: number; section: string; cell: string | null; body: string; authorId: number },
): number {
  return db.insert(comments).values(input).returning({ id: comments.id }).get().id;
}

/** The comments on a report, oldest first; nothing when the actor may not read the report. */
export function listComments(db: Executor, scope: ActorScope, reportId: number): ReportComment[] {
  if (!findReadableReport(db, scope, reportId)) return [];
  return db
    .select({
      id: comments.id,
      section: comments.section,
      cell: comments.cell,
      body: comments.body,
      authorName: users.displayName,
      authorRole: users.role,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .innerJoin(users, eq(comments.authorId, users.id))
    .where(eq(comments.reportId, reportId))
    .orderBy(asc(comments.id))
    .all();
}
