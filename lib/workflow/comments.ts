/**
 * Review comments: a supervisor comments on a section or cell of a report under review; whoever works on
 * the report marks comments as dealt with; a supervisor takes back their own while reviewing.
 */
import { transaction, type Executor } from "@/db/client";
import { deleteComment as removeComment, findComment, insertComment, setCommentResolution } from "@/db/queries/comments";
import { getReportForActor } from "@/db/queries/reports";
import type { UserProfile } from "@/db/queries/users";
import type { ReportHead } from "@/db/queries/workflow";
import { actionFailure, type ActionResult } from "@/lib/actions";
import { actorScope, type ReportAbility } from "@/lib/permissions";
import { recordRefusal } from "@/lib/refusals";
import { tryReadStoredReport } from "@/lib/stored-report";
import { isCommentSection, sectionCellOptions } from "./cells";
import { ABILITY_LABELS, auditEvent, checkReport, clipForAudit } from "./report-access";
import type { CommentDeletionInput, CommentInput, CommentResolutionInput } from "./schemas";

export const COMMENT_NOT_FOUND = "找不到该审核意见，可能已被删除，请刷新页面。";

/** A supervisor of the agency comments on a section (optionally one cell) of a report under review. */
export async function addComment(db: Executor, actor: UserProfile, input: CommentInput): Promise<ActionResult<{ id: number }>> {
  return transaction(db, async (tx): Promise<ActionResult<{ id: number }>> => {
    const checked = await checkReport(tx, actor, input.reportId, "comment");
    if (!checked.ok) return checked.result;
    const { report } = checked;
    if (!isCommentSection(input.section)) {
      return actionFailure("意见所属的栏目无效。", { section: ["请选择意见所属的栏目"] });
    }
    if (input.cell) {
      const content = tryReadStoredReport((await getReportForActor(tx, actorScope(actor), report.id))?.content);
      const known = content ? sectionCellOptions(content, input.section).some((o) => o.path === input.cell) : false;
      if (!known) return actionFailure("所选单元格不属于该栏目。", { cell: ["所选单元格不属于该栏目"] });
    }
    const id = await (insertComment(tx, {
      reportId: report.id,
      section: input.section,
      cell: input.cell,
      body: input.body,
      authorId: actor.id,
    }));
    return { ok: true, data: { id: id } };
  });
}

type FoundComment =
  | { ok: true; report: ReportHead; comment: NonNullable<Awaited<ReturnType<typeof findComment>>> }
  | { ok: false; result: ActionResult<never> };

/** A comment on a report the actor may do `ability` to; another agency's report is refused like a missing one. */
async function findAgencyComment(
  db: Executor,
  actor: UserProfile,
  input: { reportId: number; commentId: number },
  ability: ReportAbility,
): Promise<FoundComment> {
  const checked = await checkReport(db, actor, input.reportId, ability);
  if (!checked.ok) return checked;
  const { report } = checked;
  const comment = await findComment(db, report.id, input.commentId);
  if (!comment) return { ok: false, result: actionFailure(COMMENT_NOT_FOUND) };
  return { ok: true, report, comment };
}

/**
 * Marks a review comment as dealt with, or open again. The one working on the report at the time may:
 * the agency's clerk while it is a draft or returned, its supervisor while it is under review.
 */
export async function resolveComment(db: Executor, actor: UserProfile, input: CommentResolutionInput): Promise<ActionResult<{ resolved: boolean }>> {
  return transaction(db, async (tx): Promise<ActionResult<{ resolved: boolean }>> => {
    const found = await findAgencyComment(tx, actor, input, "resolveComments");
    if (!found.ok) return found.result;
    const { report, comment } = found;
    if ((comment.resolvedAt !== null) === input.resolved) return { ok: true, data: { resolved: input.resolved } };
    await setCommentResolution(tx, { reportId: report.id, commentId: comment.id, resolvedById: input.resolved ? actor.id : null });
    await auditEvent(tx, actor, input.resolved ? "comment-resolved" : "comment-reopened", report, clipForAudit(comment.body, 60));
    return { ok: true, data: { resolved: input.resolved } };
  });
}

/** A supervisor takes back their own comment while the report is still under review (before returning it). */
export async function deleteComment(db: Executor, actor: UserProfile, input: CommentDeletionInput): Promise<ActionResult<{ id: number }>> {
  return transaction(db, async (tx): Promise<ActionResult<{ id: number }>> => {
    const found = await findAgencyComment(tx, actor, input, "deleteOwnComment");
    if (!found.ok) return found.result;
    const { report, comment } = found;
    if (comment.authorId !== actor.id) {
      const reason = "只能删除自己填写的审核意见。";
      await recordRefusal(tx, actor, ABILITY_LABELS.deleteOwnComment, reason, report);
      return actionFailure(reason);
    }
    await removeComment(tx, { reportId: report.id, commentId: comment.id });
    await auditEvent(tx, actor, "comment-deleted", report, clipForAudit(comment.body, 60));
    return { ok: true, data: { id: comment.id } };
  });
}
