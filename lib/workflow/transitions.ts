/**
 * The approval workflow as a pure state machine: which role may take which action from which status,
 * where it leads, and the Chinese words for it. Server cores and the workflow bar both read it, so the
 * buttons a user sees and the checks the server makes cannot drift apart.
 *
 *   草稿 draft ──submit──▶ 待审核 submitted ──approve──▶ 已批准 approved (locked)
 *   已退回 returned ──submit──▶ 待审核       └──return──▶ 已退回 returned
 *   已批准 approved ──reopen (admin, with a reason)──▶ 草稿 draft
 */
import type { ReportStatus, UserRole } from "@/db/schema";
import { roleLabels, statusLabels } from "@/lib/labels";

export const workflowActions = ["submit", "return", "approve", "reopen"] as const;
export type WorkflowAction = (typeof workflowActions)[number];

export type Transition = {
  action: WorkflowAction;
  from: readonly ReportStatus[];
  to: ReportStatus;
  /** The only role that may take this action (and only for reports of an agency it is responsible for). */
  role: UserRole;
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
    role: "clerk",
    label: "提交审核",
    doneLabel: "已提交审核",
  },
  return: {
    action: "return",
    from: ["submitted"],
    to: "returned",
    role: "supervisor",
    label: "退回修改",
    doneLabel: "已退回修改",
  },
  approve: {
    action: "approve",
    from: ["submitted"],
    to: "approved",
    role: "supervisor",
    label: "批准",
    doneLabel: "已批准",
  },
  reopen: {
    action: "reopen",
    from: ["approved"],
    to: "draft",
    role: "admin",
    label: "重新打开",
    doneLabel: "已重新打开",
  },
};

export type TransitionCheck = { ok: true; to: ReportStatus } | { ok: false; reason: string };

/**
 * Whether a role may take an action on a report in a status. The agency check is the caller's: this
 * only knows roles and statuses.
 */
export function checkTransition(action: WorkflowAction, role: UserRole, status: ReportStatus): TransitionCheck {
  const transition = TRANSITIONS[action];
  if (role !== transition.role) {
    return { ok: false, reason: `只有${roleLabels[transition.role]}可以${transition.label}。` };
  }
  if (!transition.from.includes(status)) {
    return { ok: false, reason: `报告当前为“${statusLabels[status]}”，不能${transition.label}。` };
  }
  return { ok: true, to: transition.to };
}

/** The actions a role may take on a report in a status, in button order. */
export function availableActions(role: UserRole, status: ReportStatus): WorkflowAction[] {
  return workflowActions.filter((action) => checkTransition(action, role, status).ok);
}

/** Statuses in which the content may be edited — by the agency's clerk and nobody else. */
export function isEditable(status: ReportStatus): boolean {
  return status === "draft" || status === "returned";
}

/**
 * Whether a role may mark review comments as dealt with: whoever works on the report at the time (the
 * clerk while it is a draft or returned, the supervisor while it is under review); approved is locked.
 */
export function mayResolveComments(role: UserRole, status: ReportStatus): boolean {
  return (role === "clerk" && isEditable(status)) || (role === "supervisor" && status === "submitted");
}

/** Whether a role may ever change report content (supervisors and admins read; they never edit). */
export function mayEditContent(role: UserRole, status: ReportStatus): boolean {
  return role === "clerk" && isEditable(status);
}
