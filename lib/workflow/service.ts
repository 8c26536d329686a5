/**
 * The cores of the workflow and admin actions: plain functions of (database, acting user, parsed input)
 * that check role, agency and status, write in one transaction with an audit event, and return one
 * ActionResult. Server actions are thin shells around them; tests call them on a temporary database.
 *
 * Authorization: a report is found only through the actor's scope (another agency's report id finds
 * nothing, exactly like a missing one); the role and status checks come from the state machine.
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
  setUserPassword,
  usernameExists,
  type CountyAgency,
} from "@/db/queries/admin";
import { getApprovedReportContent, getReportForActor } from "@/db/queries/reports";
import type { ActorScope } from "@/db/queries/scope";
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
import { checkTransition, mayResolveComments, TRANSITIONS, type WorkflowAction } from "./transitions";

/** A refused submission: the findings that must be fixed (errors) or acknowledged (warnings) first. */
export type SubmitRefusal = { ok: false; formError: string; blocking: Finding[] };

export type StatusChange = { status: ReportStatus };

export const REPORT_NOT_FOUND = "找不到该报告，或您无权查看该报告。";
export const REPORT_CHANGED = "报告在您打开后已有变化，请刷新页面后再操作。";
export const ADMIN_ONLY = "只有管理员可以管理机关和用户。";
export const COMMENT_NOT_FOUND = "找不到该审核意见，可能已被删除，请刷新页面。";

function actorScope(actor: UserProfile): ActorScope {
  return { userId: actor.id, agencyId: actor.agencyId, role: actor.role };
}

type Checked = { ok: true; report: ReportHead } | { ok: false; result: ActionResult<never> };

/**
 * The report, if the actor may take `action` on it now: found through the actor's scope, of the
 * actor's own agency for clerks and supervisors (a county admin acts across the county), and in a status
 * the action starts from.
 */
function checkAction(db: Executor, actor: UserProfile, reportId: number, action: WorkflowAction): Checked {
  const report = findReadableReport(db, actorScope(actor), reportId);
  if (!report) return { ok: false, result: actionFailure(REPORT_NOT_FOUND) };
  if (actor.role !== "admin" && report.agencyId !== actor.agencyId) {
    return { ok: false, result: actionFailure(REPORT_NOT_FOUND) };
  }
  const transition = checkTransition(action, actor.role, report.status);
  if (!transition.ok) return { ok: false, result: actionFailure(transition.reason) };
  return { ok: true, report };
}

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
    const checked = checkAction(tx, actor, input.reportId, "submit");
    if (!checked.ok) return checked.result;
    const { report } = checked;
    const stored = getReportForActor(tx, actorScope(actor), report.id);
    const previous = getApprovedReportContent(tx, report.agencyId, report.year - 1);
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
    const checked = checkAction(tx, actor, input.reportId, "return");
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
  return db.transaction((tx): ActionResult<StatusChange> => {
    const checked = checkAction(tx, actor, input.reportId, "approve");
    if (!checked.ok) return checked.result;
    const { report } = checked;
    if (report.version !== input.version) return actionFailure(REPORT_CHANGED);
    keepCurrentRevision(tx, report.id, actor.id);
    const approval = { by: actor.id, at: new Date() };
    if (!move(tx, actor, report, "approve", "report-approved", `第 ${report.version} 版`, approval)) {
      return actionFailure(REPORT_CHANGED);
    }
    return { ok: true, data: { status: "approved" } };
  });
}

/**
 * A county admin reopens an approved report for correction, with a written reason: the approved
 * version stays in the history, the reason is shown to the clerk as a comment and kept in the audit log.
 */
export function reopenReport(db: Executor, actor: UserProfile, input: ReopenInput): ActionResult<StatusChange> {
  const reason = input.reason.trim();
  if (!reason) return actionFailure("请填写重新打开的原因。", { reason: ["请填写重新打开的原因"] });
  return db.transaction((tx): ActionResult<StatusChange> => {
    const checked = checkAction(tx, actor, input.reportId, "reopen");
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
    const report = findReadableReport(tx, actorScope(actor), input.reportId);
    if (!report || report.agencyId !== actor.agencyId) return actionFailure(REPORT_NOT_FOUND);
    if (actor.role !== "supervisor") return actionFailure("只有本机关的审核人可以填写审核意见。");
    if (report.status !== "submitted") return actionFailure("只能对待审核的报告填写审核意见。");
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

/** A comment on a report of the actor's own agency; another agency's report is refused like a missing one. */
function findAgencyComment(db: Executor, actor: UserProfile, input: { reportId: number; commentId: number }): FoundComment {
  const report = findReadableReport(db, actorScope(actor), input.reportId);
  if (!report || report.agencyId !== actor.agencyId) return { ok: false, result: actionFailure(REPORT_NOT_FOUND) };
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
    const found = findAgencyComment(tx, actor, input);
    if (!found.ok) return found.result;
    const { report, comment } = found;
    if (!mayResolveComments(actor.role, report.status)) {
      return actionFailure(
        report.status === "approved"
          ? "报告已批准并锁定，审核意见不能再更改。"
          : "只有正在处理报告的人可以标记审核意见：草稿或已退回时为本机关经办人，待审核时为本机关审核人。",
      );
    }
    if ((comment.resolvedAt !== null) === input.resolved) return { ok: true, data: { resolved: input.resolved } };
    setCommentResolution(tx, { reportId: report.id, commentId: comment.id, resolvedById: input.resolved ? actor.id : null });
    audit(tx, actor, input.resolved ? "comment-resolved" : "comment-reopened", report, clip(comment.body, 60));
    return { ok: true, data: { resolved: input.resolved } };
  });
}

/** A supervisor takes back their own comment while the report is still under review (before returning it). */
export function deleteComment(db: Executor, actor: UserProfile, input: CommentDeletionInput): ActionResult<{ id: number }> {
  return db.transaction((tx): ActionResult<{ id: number }> => {
    const found = findAgencyComment(tx, actor, input);
    if (!found.ok) return found.result;
    const { report, comment } = found;
    if (actor.role !== "supervisor" || comment.authorId !== actor.id) return actionFailure("只能删除自己填写的审核意见。");
    if (report.status !== "submitted") return actionFailure("报告已不在待审核状态，审核意见不能再删除。");
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

function adminOnly(actor: UserProfile): ActionResult<never> | undefined {
  return actor.role === "admin" ? undefined : actionFailure(ADMIN_ONLY);
}

/** A county admin adds a department or township under the county office. */
export function createAgency(db: Executor, actor: UserProfile, input: AgencyInput): ActionResult<CountyAgency> {
  const refused = adminOnly(actor);
  if (refused) return refused;
  return db.transaction((tx): ActionResult<CountyAgency> => {
    if (agencyNameExists(tx, input.name)) {
      return actionFailure("机关名称已存在。", { name: ["已有同名机关，请换一个名称"] });
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
  const refused = adminOnly(actor);
  if (refused) return refused;
  return db.transaction((tx): ActionResult<{ id: number; username: string }> => {
    const agency = findCountyAgency(tx, actorScope(actor), input.agencyId);
    if (!agency) return actionFailure("所属机关无效。", { agencyId: ["请选择本县（区）的机关"] });
    if (usernameExists(tx, input.username)) {
      return actionFailure("用户名已被使用。", { username: ["该用户名已被使用，请换一个"] });
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
  const refused = adminOnly(actor);
  if (refused) return refused;
  return db.transaction((tx): ActionResult<{ username: string }> => {
    const user = findCountyUser(tx, actorScope(actor), input.userId);
    if (!user) return actionFailure("找不到该用户。", { userId: ["请选择本县（区）的用户"] });
    setUserPassword(tx, user.id, passwordHash);
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
  const refused = adminOnly(actor);
  if (refused) return refused;
  const deadline = input.deadline || null;
  return db.transaction((tx): ActionResult<{ deadline: string | null }> => {
    storeTownshipDeadline(tx, actorScope(actor), deadline);
    audit(tx, actor, "deadline-set", null, deadline ?? "未设定");
    return { ok: true, data: { deadline } };
  });
}
