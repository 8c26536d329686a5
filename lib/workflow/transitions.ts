/**
 * The approval workflow as a pure state machine: which role may take which action from which status,
 * where it leads, and the Chinese words for it. Server cores and the workflow bar both read it, so the
 * buttons a user sees and the checks the server makes cannot drift apart.
 *
 *   草稿 draft ──submit──▶ 待审核 submitted ──approve──▶ 已批准 approved (locked)
 *   已退回 returned ──submit──▶ 待审核       └──return──▶ 已退回 returned
 *   已批准 approved ──reopen (admin, with a reason)──▶ 草稿 draft
 *   导入 imported ──confirm (supervisor or admin)──▶ 已批准 approved
 *
 * Which agency's reports a role may act on is the permission module's (lib/permissions.ts), which reads
 * this table; nothing else decides.
 */
import type { ReportStatus, UserRole } from "@/db/schema";
import { roleLabels, statusLabels } from "@/lib/labels";

export const workflowActions = ["submit", "return", "approve", "reopen", "confirm"] as const;
export type WorkflowAction = (typeof workflowActions)[number];

export type Transition = {
  action: WorkflowAction;
  from: readonly ReportStatus[];
  to: ReportStatus;
  /** The roles that may take this action (and only for reports of an agency they are responsible for). */
  roles: readonly UserRole[];
  /** Button text. */
  label: string;
  /** Past tense for messages and history: 已提交审核. */
  doneLabel: string;
};

export const TRANSITIONS: Record<WorkflowAction, Transition> = {
  submit: {
    action: "submit",
    from: ["draft", "returned"],
    to: "submitted",
    roles: ["clerk"],
    label: "提交审核",
    doneLabel: "已提交审核",
  },
  return: {
    action: "return",
    from: ["submitted"],
    to: "returned",
    roles: ["supervisor"],
    label: "退回修改",
    doneLabel: "已退回修改",
  },
  approve: {
    action: "approve",
    from: ["submitted"],
    to: "approved",
    roles: ["supervisor"],
    label: "批准",
    doneLabel: "已批准",
  },
  reopen: {
    action: "reopen",
    from: ["approved"],
    to: "draft",
    roles: ["admin"],
    label: "重新打开",
    doneLabel: "已重新打开",
  },
  confirm: {
    action: "confirm",
    from: ["imported"],
    to: "approved",
    roles: ["supervisor", "admin"],
    label: "确认为已批准的报告",
    doneLabel: "已确认为已批准的报告",
  },
};

export type TransitionCheck = { ok: true; to: ReportStatus } | { ok: false; reason: string };

/**
 * Whether a role may take an action on a report in a status. The agency check is the caller's: this
 * only knows roles and statuses.
 */
export function checkTransition(action: WorkflowAction, role: UserRole, status: ReportStatus): TransitionCheck {
  const transition = TRANSITIONS[action];
  if (!transition.roles.includes(role)) {
    const roles = transition.roles.map((allowed) => roleLabels[allowed]).join("或");
    return { ok: false, reason: `只有${roles}可以${transition.label}。` };
  }
  if (!transition.from.includes(status)) {
    return { ok: false, reason: `报告当前为“${statusLabels[status]}”，不能${transition.label}。` };
  }
  return { ok: true, to: transition.to };
}

/** Statuses in which the content may be edited (by the agency's clerk: see lib/permissions.ts). */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ["draft", "returned"];
