/**
 * The one place that says what an actor may do. Pages, server actions, route handlers and components all
 * ask it; services enforce its answer on the server. A report is judged by who acts (role, agency and
 * the agency's office) and by the report's agency and status; the workflow's transition table says which
 * role may move a report from which status (lib/workflow/transitions.ts).
 *
 * Responsibility: clerks and supervisors act on their own agency's reports only. Admins are office
 * admins: an admin account whose agency is an office (a county's, a city's or a province's 政务公开办)
 * administers that office and every agency below it, at any depth, and nothing else. An admin account of
 * an agency that is not an office has no admin power at all.
 */
import type { ActorScope } from "@/db/queries/scope";
import type { OfficeTier, ReportStatus, UserRole } from "@/db/schema";
import { roleLabels } from "@/lib/labels";
import { checkTransition, EDITABLE_STATUSES, TRANSITIONS, workflowActions, type WorkflowAction } from "@/lib/workflow/transitions";

/** Who acts: the parts of a signed-in user's profile that permissions depend on. */
export type Actor = {
  id: number;
  role: UserRole;
  agencyId: number;
  /** Set when the actor's agency is an office (its admins administer the subtree below it). */
  agencyOfficeTier: OfficeTier | null;
};

/** What permissions need to know of a report (never its content). */
export type ReportAccess = {
  agencyId: number;
  /** The offices above the report's agency, at any distance. */
  agencyOfficesAbove: readonly number[];
  status: ReportStatus;
};

export const reportAbilities = [
  "view",
  "edit",
  "comment",
  "resolveComments",
  "deleteOwnComment",
  "export",
  ...workflowActions,
] as const;
export type ReportAbility = (typeof reportAbilities)[number];

export type Decision = { ok: true } | { ok: false; reason: string };

/** Another agency's report is refused exactly like a missing one, so ids reveal nothing. */
export const REPORT_NOT_FOUND = "找不到该报告，或您无权查看该报告。";

const allowed: Decision = { ok: true };
const refused = (reason: string): Decision => ({ ok: false, reason });

/** Whether the actor administers an office's subtree: an admin account of an office. */
export function isOfficeAdmin(actor: Actor): boolean {
  return actor.role === "admin" && actor.agencyOfficeTier !== null;
}

/** The rows the actor may read, as the database queries take it. */
export function actorScope(actor: Actor): ActorScope {
  return { userId: actor.id, agencyId: actor.agencyId, reach: isOfficeAdmin(actor) ? "subtree" : "agency" };
}

function ownAgency(actor: Actor, report: ReportAccess): boolean {
  return report.agencyId === actor.agencyId;
}

function administers(actor: Actor, report: ReportAccess): boolean {
  return isOfficeAdmin(actor) && (report.agencyId === actor.agencyId || report.agencyOfficesAbove.includes(actor.agencyId));
}

function workflowDecision(actor: Actor, report: ReportAccess, action: WorkflowAction): Decision {
  const transition = checkTransition(action, actor.role, report.status);
  if (!transition.ok) return refused(transition.reason);
  // Clerks and supervisors act for their own agency; an admin for the subtree it administers.
  const responsible = actor.role === "admin" ? administers(actor, report) : ownAgency(actor, report);
  if (!responsible) {
    return refused(`只有本机关的${TRANSITIONS[action].roles.map((role) => roleLabels[role]).join("或")}可以${TRANSITIONS[action].label}。`);
  }
  return allowed;
}

/**
 * May the actor do this to this report now? A refusal says why, in Chinese; a report the actor may not
 * even see is refused as not found.
 */
export function decide(actor: Actor, report: ReportAccess, ability: ReportAbility): Decision {
  if (!ownAgency(actor, report) && !administers(actor, report)) return refused(REPORT_NOT_FOUND);
  switch (ability) {
    case "view":
    case "export":
      return allowed;
    case "edit":
      if (actor.role !== "clerk" || !ownAgency(actor, report)) return refused("只有本机关的经办人可以修改报告内容。");
      if (!EDITABLE_STATUSES.includes(report.status)) {
        return refused(
          report.status === "imported"
            ? "这是导入的已发布报告，只供结转和对照，不能修改。"
            : "该报告已提交审核或已批准，不能再修改。",
        );
      }
      return allowed;
    case "comment":
      if (actor.role !== "supervisor" || !ownAgency(actor, report)) return refused("只有本机关的审核人可以填写审核意见。");
      if (report.status !== "submitted") return refused("只能对待审核的报告填写审核意见。");
      return allowed;
    case "resolveComments": {
      // Whoever works on the report at the time: the clerk while it is a draft or returned, the
      // supervisor while it is under review. Approved (and imported) reports are locked.
      const clerkTurn = actor.role === "clerk" && EDITABLE_STATUSES.includes(report.status);
      const supervisorTurn = actor.role === "supervisor" && report.status === "submitted";
      if (ownAgency(actor, report) && (clerkTurn || supervisorTurn)) return allowed;
      return refused(
        report.status === "approved"
          ? "报告已批准并锁定，审核意见不能再更改。"
          : "只有正在处理报告的人可以标记审核意见：草稿或已退回时为本机关经办人，待审核时为本机关审核人。",
      );
    }
    case "deleteOwnComment":
      if (actor.role !== "supervisor" || !ownAgency(actor, report)) return refused("只能删除自己填写的审核意见。");
      if (report.status !== "submitted") return refused("报告已不在待审核状态，审核意见不能再删除。");
      return allowed;
    default:
      return workflowDecision(actor, report, ability);
  }
}

export type ReportPermissions = Record<ReportAbility, boolean>;

/** Every ability at once, for pages and components to show only what the server will allow. */
export function reportPermissions(actor: Actor, report: ReportAccess): ReportPermissions {
  return Object.fromEntries(reportAbilities.map((ability) => [ability, decide(actor, report, ability).ok])) as ReportPermissions;
}

// ---------------------------------------------------------------------------------------------------
// Abilities that concern no one report

export const accountAbilities = [
  "startReport",
  "importReport",
  "viewDashboard",
  "administer",
  "viewCountyFigures",
  "checkPublishedReports",
  "viewAudit",
] as const;
export type AccountAbility = (typeof accountAbilities)[number];

const ACCOUNT_REFUSALS: Record<AccountAbility, string> = {
  startReport: "只有经办人可以开始填写年度报告。",
  importReport: "只有经办人可以导入往年报告。",
  viewDashboard: "只有审核人和管理员可以查看进度总览。",
  administer: "只有政务公开办的管理员可以管理机关和用户。",
  viewCountyFigures: "只有政务公开办的管理员可以查看汇总。",
  checkPublishedReports: "只有政务公开办的管理员可以批量检查已发布的报告。",
  viewAudit: "只有政务公开办的管理员可以查看审计日志。",
};

export function decideAccount(actor: Actor, ability: AccountAbility): Decision {
  const ok =
    ability === "startReport" || ability === "importReport"
      ? actor.role === "clerk"
      : ability === "viewDashboard"
        ? actor.role === "supervisor" || isOfficeAdmin(actor)
        : isOfficeAdmin(actor);
  return ok ? allowed : refused(ACCOUNT_REFUSALS[ability]);
}

export function accountPermissions(actor: Actor): Record<AccountAbility, boolean> {
  return Object.fromEntries(accountAbilities.map((ability) => [ability, decideAccount(actor, ability).ok])) as Record<
    AccountAbility,
    boolean
  >;
}

/**
 * An admin may give the admin role only to users of an office (its own or one below it; the caller finds
 * the agency within the admin's scope), never of a township, street or department.
 */
export function mayAssignRole(actor: Actor, role: UserRole, agency: { officeTier: OfficeTier | null }): Decision {
  if (!isOfficeAdmin(actor)) return refused(ACCOUNT_REFUSALS.administer);
  if (role === "admin" && agency.officeTier === null) {
    return refused("管理员只能设在政务公开办（县、市、省人民政府办公室）本级，不能设在乡镇、街道或部门。");
  }
  return allowed;
}
