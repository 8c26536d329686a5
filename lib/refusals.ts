/**
 * Every refusal is audited: who was refused what, and why, in the words they were shown. A refused call
 * writes this event and nothing else.
 */
import type { Executor } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import type { UserProfile } from "@/db/queries/users";

/** The report a refusal concerns, when the actor may see it. */
type RefusedReport = { id: number; agencyId: number };

/**
 * A refused attempt, in the audit log: nothing else is written by a refused call. A report the actor may
 * not see is recorded against the actor's own agency, with the id they asked for.
 */
export async function recordRefusal(
  db: Executor,
  actor: UserProfile,
  attempted: string,
  reason: string,
  report: RefusedReport | null,
  askedReportId?: number,
) {
  const asked = !report && askedReportId !== undefined ? `（报告编号 ${askedReportId}）` : "";
  await recordAudit(db, {
    action: "action-refused",
    userId: actor.id,
    username: actor.username,
    reportId: report?.id ?? null,
    // A report the actor may not see is recorded against the actor's own agency.
    agencyId: report?.agencyId ?? actor.agencyId,
    detail: `${attempted}${asked}：${reason}`,
  });
}
