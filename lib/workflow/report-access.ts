/**
 * What every workflow, comment and admin service does first and last: find the report through the actor's
 * scope and ask the permission module (a refusal is audited), and record what was done in the audit log.
 */
import type { Executor } from "@/db/client";
import { clip } from "@/lib/report/clip";
import { recordAudit, type AuditAction } from "@/db/queries/audit";
import type { UserProfile } from "@/db/queries/users";
import { findReadableReport, type ReportHead } from "@/db/queries/workflow";
import { actionFailure, type ActionResult } from "@/lib/actions";
import { actorScope, decide, REPORT_NOT_FOUND, type ReportAbility } from "@/lib/permissions";
import { recordRefusal } from "@/lib/refusals";
import { TRANSITIONS, type WorkflowAction } from "./transitions";

/** A text cut to the length the audit log keeps. */
export function clipForAudit(text: string, max = 200): string {
  return clip(text, max);
}

type Checked = { ok: true; report: ReportHead } | { ok: false; result: ActionResult<never> };

/**
 * The report, if the actor may do `ability` to it now: found through the actor's scope and allowed by
 * the permission module. A refusal of a report the actor can see is audited; an unseen one is not found.
 */
export async function checkReport(db: Executor, actor: UserProfile, reportId: number, ability: ReportAbility): Promise<Checked> {
  const report = await findReadableReport(db, actorScope(actor), reportId);
  const decision = report ? decide(actor, report, ability) : ({ ok: false, reason: REPORT_NOT_FOUND } as const);
  if (!decision.ok) {
    await recordRefusal(db, actor, ABILITY_LABELS[ability], decision.reason, report ?? null, reportId);
    return { ok: false, result: actionFailure(decision.reason) };
  }
  return { ok: true, report: report! };
}

export const ABILITY_LABELS: Record<ReportAbility, string> = {
  view: "查看报告",
  edit: "修改报告",
  comment: "填写审核意见",
  resolveComments: "标记审核意见",
  deleteOwnComment: "删除审核意见",
  export: "下载报告",
  ...(Object.fromEntries(Object.values(TRANSITIONS).map((t) => [t.action, t.label])) as Record<WorkflowAction, string>),
};


/** A workflow event of the report (or of the actor's agency), in the audit log. */
export async function auditEvent(db: Executor, actor: UserProfile, action: AuditAction, report: ReportHead | null, detail?: string) {
  await recordAudit(db, {
    action,
    userId: actor.id,
    username: actor.username,
    reportId: report?.id ?? null,
    agencyId: report?.agencyId ?? actor.agencyId,
    detail: detail ?? null,
  });
}
