/**
 * The cores of the workflow and admin actions: plain functions of (database, acting user, parsed input)
 * that check role, agency and status, write in one transaction with an audit event, and return one
 * ActionResult. Server actions are thin shells around them; tests call them on a temporary database.
 *
 * Authorization: a report is found only through the actor's scope (another agency's report id finds
 * nothing, exactly like a missing one); whether the actor may act on it is the permission module's answer.
 */
import type { Executor } from "@/db/client";
import { recordAudit, type AuditAction } from "@/db/queries/audit";
import { deleteComment as removeComment, findComment, insertComment, setCommentResolution } from "@/db/queries/comments";
import {
  agencyNameExists,
  findCountyAgency,
  findCountyUser,
  insertCountyAgency,
  setTownshipDeadline as storeTownshipDeadline,
  usernameExists,
  type CountyAgency,
} from "@/db/queries/admin";
import { getPublishedReportContent, getReportForActor } from "@/db/queries/reports";
import { endUserSessions } from "@/db/queries/sessions";
import { createUser as insertUser, type UserProfile } from "@/db/queries/users";
import { findReadableReport, keepCurrentRevision, moveReportStatus, type ReportHead } from "@/db/queries/workflow";
import type { ReportStatus } from "@/db/schema";
import { actionFailure, type ActionResult } from "@/lib/actions";
import { hashPassword } from "@/lib/auth/passwords";
import type { Finding } from "@/lib/report";
import { isCommentSection, sectionCellOptions } from "./cells";
import { checkStoredReport } from "./findings";
import { tryReadStoredReport } from "@/lib/stored-report";
import type {
  AgencyInput,
  ApproveInput,
  CommentInput,
  CommentDeletionInput,
  CommentResolutionInput,
  ReopenInput,
  ResetPasswordInput,
  ReturnInput,
  SubmitInput,
  TownshipDeadlineInput,
  UserInput,
} from "./schemas";
import { TRANSITIONS, type WorkflowAction } from "./transitions";
import { recordRefusal } from "@/lib/refusals";
import { actorScope, decide, decideAccount, mayAssignRole, REPORT_NOT_FOUND, type ReportAbility } from "@/lib/permissions";
import { storePasswordHash } from "@/db/queries/account";

/** A refused submission: the findings that must be fixed (errors) or acknowledged (warnings) first. */
export type SubmitRefusal = { ok: false; formError: string; blocking: Finding[] };

export type StatusChange = { status: ReportStatus };

export { REPORT_NOT_FOUND };
export const REPORT_CHANGED = "报告在您打开后已有变化，请刷新页面后再操作。";
export const COMMENT_NOT_FOUND = "找不到该审核意见，可能已被删除，请刷新页面。";

type Checked = { ok: true; report: ReportHead } | { ok: false; result: ActionResult<never> };

/**
 * The report, if the actor may do `ability` to it now: found through the actor's scope and allowed by
 * the permission module. A refusal of a report the actor can see is audited; an unseen one is not found.
 */
function checkReport(db: Executor, actor: UserProfile, reportId: number, ability: ReportAbility): Checked {
  const report = findReadableReport(db, actorScope(actor), reportId);
  const decision = report ? decide(actor, report, ability) : ({ ok: false, reason: REPORT_NOT_FOUND } as const);
  if (!decision.ok) {
    recordRefusal(db, actor, ABILITY_LABELS[ability], decision.reason, report ?? null, reportId);
    return { ok: false, result: actionFailure(decision.reason) };
  }
  return { ok: true, report: report! };
}

const ABILITY_LABELS: Record<ReportAbility, string> = {
  view: "查看报告",
  edit: "修改报告",
  comment: "填写审核意见",
  resolveComments: "标记审核意见",
  deleteOwnComment: "删除审核意见",
  export: "下载报告",
  ...(Object.fromEntries(Object.values(TRANSITIONS).map((t) => [t.action, t.label])) as Record<WorkflowAction, string>),
};


function audit(db: Executor, actor: UserProfile, action: AuditAction, report: ReportHead | null, detail?: string) {
  recordAudit(db, {
    action,
    userId: actor.id,
    username: actor.username,
    reportId: report?.id ?? null,
    agencyId: report?.agencyId ?? actor.agencyId,
    detail: detail ?? null,
  });
}

/** Move the checked report along `action` and record it; false when someone else moved it first. */
function move(
  db: Executor,
  actor: UserProfile,
  report: ReportHead,
  action: WorkflowAction,
  auditAction: AuditAction,
  detail: string,
  approval?: { by: number; at: Date } | null,
): boolean {
  const moved = moveReportStatus(db, { reportId: report.id, from: report.status, to: TRANSITIONS[action].to, approval });
  if (moved) audit(db, actor, auditAction, report, detail);
  return moved;
}

// ---------------------------------------------------------------------------------------------------
// Workflow

/**
 * The clerk hands the report in for approval. Refused while any error remains or any warning has
 * neither been fixed nor acknowledged with a reason; the refusal lists those findings.
 */
export function submitReport(
  db: Executor,
  actor: UserProfile,
  input: SubmitInput,
): ActionResult<StatusChange> | SubmitRefusal {
  return db.transaction((tx): ActionResult<StatusChange> | SubmitRefusal => {
    const checked = checkReport(tx, actor, input.reportId, "submit");
    if (!checked.ok) return checked.result;
    const { report } = checked;
    const stored = getReportForActor(tx, actorScope(actor), report.id);
    const previous = getPublishedReportContent(tx, report.agencyId, report.year - 1);
    const check = checkStoredReport(stored?.content, previous, stored?.acknowledgements);
    if (!check.ok) return actionFailure("报告内容无法读取，不能提交审核。请联系管理员。");
    if (check.blocking.length > 0) {
      const errors = check.blocking.filter((finding) => finding.severity === "error").length;
      const warnings = check.blocking.length - errors;
      const parts = [errors > 0 ? `${errors} 个错误需要改正` : "", warnings > 0 ? `${warnings} 个警告需要改正或说明理由` : ""];
      return {
        ok: false,
        formError: `还不能提交审核：${parts.filter(Boolean).join("，")}。`,
        blocking: check.blocking,
      };
    }
    if (!move(tx, actor, report, "submit", "report-submitted", `第 ${report.version} 版`)) {
      return actionFailure(REPORT_CHANGED);
    }
    return { ok: true, data: { status: "submitted" } };
  });
}

/** The supervisor sends the report back to the clerk, with an optional general comment. */
export function returnReport(db: Executor, actor: UserProfile, input: ReturnInput): ActionResult<StatusChange> {
  return db.transaction((tx): ActionResult<StatusChange> => {
    const checked = checkReport(tx, actor, input.reportId, "return");
    if (!checked.ok) return checked.result;
    const { report } = checked;
    if (report.version !== input.version) return actionFailure(REPORT_CHANGED);
    const comment = input.comment.trim();
    if (comment) {
      insertComment(tx, { reportId: report.id, section: "general", cell: null, body: comment, authorId: actor.id });
    }
    if (!move(tx, actor, report, "return", "report-returned", comment ? `退回意见：${clip(comment)}` : "未附意见")) {
      return actionFailure(REPORT_CHANGED);
    }
    return { ok: true, data: { status: "returned" } };
  });
}

/**
 * The supervisor approves the version they read: the report is locked, the approver and time recorded,
 * and the approved content kept as a revision.
 */
export function approveReport(db: Executor, actor: UserProfile, input: ApproveInput): ActionResult<StatusChange> {
  return approveVersion(db, actor, input, "approve", (report) => `第 ${report.version} 版`);
}

/**
 * The one way into 已批准: the version the approver read is locked with the approver and time recorded,
 * its content kept as a revision, and the step in the audit log.
 */
function approveVersion(
  db: Executor,
  actor: UserProfile,
  input: ApproveInput,
  action: "approve" | "confirm",
  detail: (report: ReportHead) => string,
): ActionResult<StatusChange> {
  return db.transaction((tx): ActionResult<StatusChange> => {
    const checked = checkReport(tx, actor, input.reportId, action);
    if (!checked.ok) return checked.result;
    const { report } = checked;
    if (report.version !== input.version) return actionFailure(REPORT_CHANGED);
    keepCurrentRevision(tx, report.id, actor.id);
    const approval = { by: actor.id, at: new Date() };
    if (!move(tx, actor, report, action, "report-approved", detail(report), approval)) return actionFailure(REPORT_CHANGED);
    return { ok: true, data: { status: "approved" } };
  });
}

/**
 * A supervisor of the agency, or its county admin, confirms an imported past report (after comparing it
 * with what the agency published): it becomes the agency's approved report of its year, locked, with the
 * confirmer recorded as approver and the import's origin in the audit log.
 */
export function confirmImportedReport(db: Executor, actor: UserProfile, input: ApproveInput): ActionResult<StatusChange> {
  const who = actor.role === "admin" ? "管理员" : "审核人";
  return approveVersion(db, actor, input, "confirm", (report) => `${who}确认导入的已发布报告为已批准（第 ${report.version} 版）`);
}

/**
 * A county admin reopens an approved report for correction, with a written reason: the approved
 * version stays in the history, the reason is shown to the clerk as a comment and kept in the audit log.
 */
export function reopenReport(db: Executor, actor: UserProfile, input: ReopenInput): ActionResult<StatusChange> {
  const reason = input.reason.trim();
  if (!reason) return actionFailure("请填写重新打开的原因。", { reason: ["请填写重新打开的原因"] });
  return db.transaction((tx): ActionResult<StatusChange> => {
    const checked = checkReport(tx, actor, input.reportId, "reopen");
    if (!checked.ok) return checked.result;
    const { report } = checked;
    const kept = keepCurrentRevision(tx, report.id, actor.id);
    insertComment(tx, {
      reportId: report.id,
      section: "general",
      cell: null,
      body: `管理员重新打开了已批准的报告。原因：${reason}`,
      authorId: actor.id,
    });
    const detail = `原因：${clip(reason)}；已批准的第 ${kept} 版保留在修订记录中`;
    if (!move(tx, actor, report, "reopen", "report-reopened", detail, null)) return actionFailure(REPORT_CHANGED);
    return { ok: true, data: { status: "draft" } };
  });
}

/** A supervisor of the agency comments on a section (optionally one cell) of a report under review. */
export function addComment(db: Executor, actor: UserProfile, input: CommentInput): ActionResult<{ id: number }> {
  return db.transaction((tx): ActionResult<{ id: number }> => {
    const checked = checkReport(tx, actor, input.reportId, "comment");
    if (!checked.ok) return checked.result;
    const { report } = checked;
    if (!isCommentSection(input.section)) {
      return actionFailure("意见所属的栏目无效。", { section: ["请选择意见所属的栏目"] });
    }
    if (input.cell) {
      const content = tryReadStoredReport(getReportForActor(tx, actorScope(actor), report.id)?.content);
      const known = content ? sectionCellOptions(content, input.section).some((o) => o.path === input.cell) : false;
      if (!known) return actionFailure("所选单元格不属于该栏目。", { cell: ["所选单元格不属于该栏目"] });
    }
    const id = insertComment(tx, {
      reportId: report.id,
      section: input.section,
      cell: input.cell,
      body: input.body,
      authorId: actor.id,
    });
    return { ok: true, data: { id } };
  });
}

type FoundComment =
  | { ok: true; report: ReportHead; comment: NonNullable<ReturnType<typeof findComment>> }
  | { ok: false; result: ActionResult<never> };

/** A comment on a report the actor may do `ability` to; another agency's report is refused like a missing one. */
function findAgencyComment(
  db: Executor,
  actor: UserProfile,
  input: { reportId: number; commentId: number },
  ability: ReportAbility,
): FoundComment {
  const checked = checkReport(db, actor, input.reportId, ability);
  if (!checked.ok) return checked;
  const { report } = checked;
  const comment = findComment(db, report.id, input.commentId);
  if (!comment) return { ok: false, result: actionFailure(COMMENT_NOT_FOUND) };
  return { ok: true, report, comment };
}

/**
 * Marks a review comment as dealt with, or open again. The one working on the report at the time may:
 * the agency's clerk while it is a draft or returned, its supervisor while it is under review.
 */
export function resolveComment(db: Executor, actor: UserProfile, input: CommentResolutionInput): ActionResult<{ resolved: boolean }> {
  return db.transaction((tx): ActionResult<{ resolved: boolean }> => {
    const found = findAgencyComment(tx, actor, input, "resolveComments");
    if (!found.ok) return found.result;
    const { report, comment } = found;
    if ((comment.resolvedAt !== null) === input.resolved) return { ok: true, data: { resolved: input.resolved } };
    setCommentResolution(tx, { reportId: report.id, commentId: comment.id, resolvedById: input.resolved ? actor.id : null });
    audit(tx, actor, input.resolved ? "comment-resolved" : "comment-reopened", report, clip(comment.body, 60));
    return { ok: true, data: { resolved: input.resolved } };
  });
}

/** A supervisor takes back their own comment while the report is still under review (before returning it). */
export function deleteComment(db: Executor, actor: UserProfile, input: CommentDeletionInput): ActionResult<{ id: number }> {
  return db.transaction((tx): ActionResult<{ id: number }> => {
    const found = findAgencyComment(tx, actor, input, "deleteOwnComment");
    if (!found.ok) return found.result;
    const { report, comment } = found;
    if (comment.authorId !== actor.id) {
      const reason = "只能删除自己填写的审核意见。";
      recordRefusal(tx, actor, ABILITY_LABELS.deleteOwnComment, reason, report);
      return actionFailure(reason);
    }
    removeComment(tx, { reportId: report.id, commentId: comment.id });
    audit(tx, actor, "comment-deleted", report, clip(comment.body, 60));
    return { ok: true, data: { id: comment.id } };
  });
}

function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// ---------------------------------------------------------------------------------------------------
// County administration

/** The refusal (audited) when the actor does not administer a county. */
function adminOnly(db: Executor, actor: UserProfile, attempted: string): ActionResult<never> | undefined {
  const decision = decideAccount(actor, "administer");
  if (decision.ok) return undefined;
  recordRefusal(db, actor, attempted, decision.reason, null);
  return actionFailure(decision.reason);
}

/** A county admin adds a department or township under the county office. */
export function createAgency(db: Executor, actor: UserProfile, input: AgencyInput): ActionResult<CountyAgency> {
  return db.transaction((tx): ActionResult<CountyAgency> => {
    const refused = adminOnly(tx, actor, "新增机关");
    if (refused) return refused;
    // Only the county's own agencies are compared: another county's names are none of this admin's business.
    if (agencyNameExists(tx, actorScope(actor), input.name)) {
      return actionFailure("本县（区）已有同名机关。", { name: ["本县（区）已有同名机关，请换一个名称"] });
    }
    const agency = insertCountyAgency(tx, actorScope(actor), input);
    audit(tx, actor, "agency-created", null, agency.name);
    return { ok: true, data: agency };
  });
}

/** A county admin adds a user to an agency of the county. */
export async function createUser(
  db: Executor,
  actor: UserProfile,
  input: UserInput,
): Promise<ActionResult<{ id: number; username: string }>> {
  return createUserWithHash(db, actor, input, await hashPassword(input.password));
}

/** createUser once the password is hashed (off the event loop): the synchronous, transactional part. */
export function createUserWithHash(
  db: Executor,
  actor: UserProfile,
  input: UserInput,
  passwordHash: string,
): ActionResult<{ id: number; username: string }> {
  return db.transaction((tx): ActionResult<{ id: number; username: string }> => {
    const refused = adminOnly(tx, actor, "新增用户");
    if (refused) return refused;
    const agency = findCountyAgency(tx, actorScope(actor), input.agencyId);
    if (!agency) {
      recordRefusal(tx, actor, "新增用户", `所属机关（编号 ${input.agencyId}）不在本县（区）`, null);
      return actionFailure("所属机关无效。", { agencyId: ["请选择本县（区）的机关"] });
    }
    const assignable = mayAssignRole(actor, input.role, agency);
    if (!assignable.ok) {
      recordRefusal(tx, actor, "新增用户", assignable.reason, null);
      return actionFailure(assignable.reason, { role: [assignable.reason] });
    }
    // Usernames sign in, so they are unique everywhere; the message names no other county's user.
    if (usernameExists(tx, input.username)) {
      const inCounty = findCountyUser(tx, actorScope(actor), { username: input.username }) !== undefined;
      const message = inCounty ? "本县（区）已有该用户名，请换一个" : "该用户名不可用，请换一个";
      return actionFailure(inCounty ? "本县（区）已有该用户名。" : "该用户名不可用。", { username: [message] });
    }
    const user = insertUser(tx, { ...input, passwordHash });
    audit(tx, actor, "user-created", null, `${user.username}（${user.displayName}，${agency.name}）`);
    return { ok: true, data: { id: user.id, username: user.username } };
  });
}

/** A county admin sets a new password for a user of the county. */
export async function resetPassword(
  db: Executor,
  actor: UserProfile,
  input: ResetPasswordInput,
): Promise<ActionResult<{ username: string }>> {
  return resetPasswordWithHash(db, actor, input, await hashPassword(input.password));
}

/** resetPassword once the password is hashed: stores it and ends every session of the user. */
export function resetPasswordWithHash(
  db: Executor,
  actor: UserProfile,
  input: ResetPasswordInput,
  passwordHash: string,
): ActionResult<{ username: string }> {
  return db.transaction((tx): ActionResult<{ username: string }> => {
    const refused = adminOnly(tx, actor, "重置密码");
    if (refused) return refused;
    const user = findCountyUser(tx, actorScope(actor), input.userId);
    if (!user) {
      recordRefusal(tx, actor, "重置密码", `用户（编号 ${input.userId}）不在本县（区）`, null);
      return actionFailure("找不到该用户。", { userId: ["请选择本县（区）的用户"] });
    }
    // The admin knows this password now: the user chooses their own at their next page.
    storePasswordHash(tx, user.id, passwordHash, true);
    endUserSessions(tx, user.id);
    audit(tx, actor, "password-reset", null, user.username);
    return { ok: true, data: { username: user.username } };
  });
}

/** A county admin sets (or clears, with "") the date by which townships and streets hand in their report. */
export function setTownshipDeadline(
  db: Executor,
  actor: UserProfile,
  input: TownshipDeadlineInput,
): ActionResult<{ deadline: string | null }> {
  const deadline = input.deadline || null;
  return db.transaction((tx): ActionResult<{ deadline: string | null }> => {
    const refused = adminOnly(tx, actor, "设定报送期限");
    if (refused) return refused;
    storeTownshipDeadline(tx, actorScope(actor), deadline);
    audit(tx, actor, "deadline-set", null, deadline ?? "未设定");
    return { ok: true, data: { deadline } };
  });
}
