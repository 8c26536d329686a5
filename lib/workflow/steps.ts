/**
 * The review steps: submit, return, approve, confirm an imported report, reopen. Plain functions of
 * (database, acting user, parsed input) that ask the permission module, write in one transaction with an
 * audit event, and return one ActionResult; server actions are thin shells around them.
 */
import { transaction, type Executor } from "@/db/client";
import type { AuditAction } from "@/db/queries/audit";
import { insertComment } from "@/db/queries/comments";
import { getReportForActor } from "@/db/queries/reports";
import type { UserProfile } from "@/db/queries/users";
import { keepCurrentRevision, moveReportStatus, readReportToCount, storeReportCounts, type ReportHead } from "@/db/queries/workflow";
import type { ReportStatus } from "@/db/schema";
import { actionFailure, type ActionResult } from "@/lib/actions";
import { actorScope } from "@/lib/permissions";
import type { Finding } from "@/lib/report";
import { readPublishedReport } from "@/lib/reports/published";
import { tryReadStoredReport } from "@/lib/stored-report";
import { checkCounts, checkReadReport, type StoredFindings } from "./findings";
import { auditEvent, checkReport, clipForAudit } from "./report-access";
import type { ApproveInput, ReopenInput, ReturnInput, SubmitInput } from "./schemas";
import { TRANSITIONS, type WorkflowAction } from "./transitions";

/** A refused submission: the findings that must be fixed (errors) or acknowledged (warnings) first. */
export type SubmitRefusal = { ok: false; formError: string; blocking: Finding[] };

export type StatusChange = { status: ReportStatus };

export const REPORT_CHANGED = "报告在您打开后已有变化，请刷新页面后再操作。";

/**
 * Move the checked report along `action` and record it; false when someone else moved it first. `checked`:
 * the report's check when the step has just made it (submission), so it is counted without checking again.
 */
async function move(
  db: Executor,
  actor: UserProfile,
  report: ReportHead,
  action: WorkflowAction,
  auditAction: AuditAction,
  detail: string,
  approval?: { by: number; at: Date } | null,
  checked?: StoredFindings,
): Promise<boolean> {
  const moved = await moveReportStatus(db, { reportId: report.id, from: report.status, to: TRANSITIONS[action].to, approval });
  if (!moved) return false;
  // The version a step was taken on is kept whole in the history (every 20th save's is too).
  await keepCurrentRevision(db, report.id, actor.id);
  await auditEvent(db, actor, auditAction, report, detail);
  if (checked) await storeReportCounts(db, report.id, checkCounts(checked));
  else await recount(db, report.agencyId, report.year);
  // Approving or reopening a year changes what the next year's report is checked against.
  if (approval !== undefined) await recount(db, report.agencyId, report.year + 1);
  return true;
}

/**
 * Check the agency's report of a year (if it has one) against its published report of the year before and
 * store the counts the overview pages show. Only the database is awaited: it runs inside the step's transaction.
 */
async function recount(db: Executor, agencyId: number, year: number): Promise<void> {
  const report = await readReportToCount(db, agencyId, year);
  if (!report) return;
  const content = tryReadStoredReport(report.content);
  const previous = await readPublishedReport(db, agencyId, year - 1);
  await storeReportCounts(db, report.id, content ? checkCounts(checkReadReport(content, previous, report.acknowledgements)) : null);
}

/**
 * The clerk hands the report in for approval. Refused while any error remains or any warning has
 * neither been fixed nor acknowledged with a reason; the refusal lists those findings.
 */
export async function submitReport(
  db: Executor,
  actor: UserProfile,
  input: SubmitInput,
): Promise<ActionResult<StatusChange> | SubmitRefusal> {
  return transaction(db, async (tx): Promise<ActionResult<StatusChange> | SubmitRefusal> => {
    const checked = await checkReport(tx, actor, input.reportId, "submit");
    if (!checked.ok) return checked.result;
    const { report } = checked;
    const stored = await getReportForActor(tx, actorScope(actor), report.id);
    const content = tryReadStoredReport(stored?.content);
    const previous = await readPublishedReport(tx, report.agencyId, report.year - 1);
    const check: StoredFindings = content ? checkReadReport(content, previous, stored?.acknowledgements) : { ok: false };
    if (!check.ok) return actionFailure("报告内容无法读取，不能提交审核。请联系管理员。");
    if (check.blocking.length > 0) {
      const errors = check.blocking.filter((finding) => finding.severity === "error").length;
      const warnings = check.blocking.length - errors;
      const parts = [errors > 0 ? `${errors} 个错误需要改正` : "", warnings > 0 ? `${warnings} 个提醒需要改正或说明理由` : ""];
      return {
        ok: false,
        formError: `还不能提交审核：${parts.filter(Boolean).join("，")}。`,
        blocking: check.blocking,
      };
    }
    if (!(await move(tx, actor, report, "submit", "report-submitted", `第 ${report.version} 版`, undefined, check))) {
      return actionFailure(REPORT_CHANGED);
    }
    return { ok: true, data: { status: "submitted" } };
  });
}

/** The supervisor sends the report back to the clerk, with an optional general comment. */
export async function returnReport(db: Executor, actor: UserProfile, input: ReturnInput): Promise<ActionResult<StatusChange>> {
  return transaction(db, async (tx): Promise<ActionResult<StatusChange>> => {
    const checked = await checkReport(tx, actor, input.reportId, "return");
    if (!checked.ok) return checked.result;
    const { report } = checked;
    if (report.version !== input.version) return actionFailure(REPORT_CHANGED);
    const comment = input.comment.trim();
    if (comment) {
      await insertComment(tx, { reportId: report.id, section: "general", cell: null, body: comment, authorId: actor.id });
    }
    if (!(await move(tx, actor, report, "return", "report-returned", comment ? `退回意见：${clipForAudit(comment)}` : "未附意见"))) {
      return actionFailure(REPORT_CHANGED);
    }
    return { ok: true, data: { status: "returned" } };
  });
}

/**
 * The supervisor approves the version they read: the report is locked, the approver and time recorded,
 * and the approved content kept as a revision.
 */
export async function approveReport(db: Executor, actor: UserProfile, input: ApproveInput): Promise<ActionResult<StatusChange>> {
  return approveVersion(db, actor, input, "approve", (report) => `第 ${report.version} 版`);
}

/**
 * The one way into 已批准: the version the approver read is locked with the approver and time recorded,
 * its content kept as a revision, and the step in the audit log.
 */
async function approveVersion(
  db: Executor,
  actor: UserProfile,
  input: ApproveInput,
  action: "approve" | "confirm",
  detail: (report: ReportHead) => string,
): Promise<ActionResult<StatusChange>> {
  return transaction(db, async (tx): Promise<ActionResult<StatusChange>> => {
    const checked = await checkReport(tx, actor, input.reportId, action);
    if (!checked.ok) return checked.result;
    const { report } = checked;
    if (report.version !== input.version) return actionFailure(REPORT_CHANGED);
    const approval = { by: actor.id, at: new Date() };
    if (!(await move(tx, actor, report, action, "report-approved", detail(report), approval))) return actionFailure(REPORT_CHANGED);
    return { ok: true, data: { status: "approved" } };
  });
}

/**
 * A supervisor of the agency, or its county admin, confirms an imported past report (after comparing it
 * with what the agency published): it becomes the agency's approved report of its year, locked, with the
 * confirmer recorded as approver and the import's origin in the audit log.
 */
export async function confirmImportedReport(db: Executor, actor: UserProfile, input: ApproveInput): Promise<ActionResult<StatusChange>> {
  const who = actor.role === "admin" ? "管理员" : "审核人";
  return approveVersion(db, actor, input, "confirm", (report) => `${who}确认导入的已发布报告为已批准（第 ${report.version} 版）`);
}

/**
 * A county admin reopens an approved report for correction, with a written reason: the approved
 * version stays in the history, the reason is shown to the clerk as a comment and kept in the audit log.
 */
export async function reopenReport(db: Executor, actor: UserProfile, input: ReopenInput): Promise<ActionResult<StatusChange>> {
  const reason = input.reason.trim();
  if (!reason) return actionFailure("请填写重新打开的原因。", { reason: ["请填写重新打开的原因"] });
  return transaction(db, async (tx): Promise<ActionResult<StatusChange>> => {
    const checked = await checkReport(tx, actor, input.reportId, "reopen");
    if (!checked.ok) return checked.result;
    const { report } = checked;
    await insertComment(tx, {
      reportId: report.id,
      section: "general",
      cell: null,
      body: `管理员重新打开了已批准的报告。原因：${reason}`,
      authorId: actor.id,
    });
    const detail = `原因：${clipForAudit(reason)}；已批准的第 ${report.version} 版保留在修订记录中`;
    if (!(await move(tx, actor, report, "reopen", "report-reopened", detail, null))) return actionFailure(REPORT_CHANGED);
    return { ok: true, data: { status: "draft" } };
  });
}
