import { desc } from "drizzle-orm";
import type { Executor } from "../client";
import { auditEvents } from "../schema";

export type AuditAction =
  | "login"
  | "login-failed"
  | "report-created"
  | "report-submitted"
  | "report-returned"
  | "report-approved"
  | "report-reopened"
  | "report-downloaded"
  | "agency-created"
  | "user-created"
  | "password-reset"
  | "deadline-set"
  | "comment-resolved"
  | "comment-reopened"
  | "comment-deleted"
  | "action-refused"
  | "password-changed"
  | "signed-out-everywhere"
  | "user-disabled"
  | "user-enabled"
  | "role-changed"
  | "report-imported"
  | "reports-checked"
  | "request-refused";

export async function recordAudit(
  db: Executor,
  event: {
    action: AuditAction;
    userId?: number | null;
    username?: string | null;
    reportId?: number | null;
    agencyId?: number | null;
    detail?: string | null;
    address?: string | null;
  },
): Promise<void> {
  (await db.insert(auditEvents).values(event));
}

export async function listRecentAudit(db: Executor, limit = 100) {
  return await db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(limit);
}
