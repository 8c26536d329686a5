/**
 * An office admin disables or enables an account of its subtree, or changes its role. Each ends the user's
 * sessions at once, so a disabled or demoted user cannot go on working in an open browser.
 */
import { transaction, type Executor } from "@/db/client";
import { findManagedAgency, findManagedUser } from "@/db/queries/admin";
import { setUserDisabledAt, setUserRole } from "@/db/queries/account";
import { recordAudit } from "@/db/queries/audit";
import { endUserSessions } from "@/db/queries/sessions";
import type { UserProfile } from "@/db/queries/users";
import { actionFailure, type ActionResult } from "@/lib/actions";
import { roleLabels } from "@/lib/labels";
import { actorScope, decideAccount, mayAssignRole } from "@/lib/permissions";
import { recordRefusal } from "@/lib/refusals";
import type { UserRoleInput, UserStandingInput } from "@/lib/workflow/schemas";

type Target = { ok: true; user: UserProfile } | { ok: false; result: ActionResult<never> };

async function findTarget(db: Executor, actor: UserProfile, userId: number, attempted: string): Promise<Target> {
  const permitted = decideAccount(actor, "administer");
  if (!permitted.ok) {
    await recordRefusal(db, actor, attempted, permitted.reason, null);
    return { ok: false, result: actionFailure(permitted.reason) };
  }
  const user = await findManagedUser(db, actorScope(actor), userId);
  if (!user) {
    await recordRefusal(db, actor, attempted, `用户（编号 ${userId}）不在您管理的范围内`, null);
    return { ok: false, result: actionFailure("找不到该用户。", { userId: ["请选择您管理的用户"] }) };
  }
  if (user.id === actor.id) {
    const reason = "不能停用自己的账号或更改自己的角色，请由本级或上级另一位管理员操作。";
    await recordRefusal(db, actor, attempted, reason, null);
    return { ok: false, result: actionFailure(reason, { userId: [reason] }) };
  }
  return { ok: true, user: user };
}

export async function setUserStanding(db: Executor, actor: UserProfile, input: UserStandingInput): Promise<ActionResult<{ disabled: boolean }>> {
  return transaction(db, async (tx): Promise<ActionResult<{ disabled: boolean }>> => {
    const disabled = input.standing === "disabled";
    const target = await findTarget(tx, actor, input.userId, disabled ? "停用用户" : "启用用户");
    if (!target.ok) return target.result;
    const { user } = target;
    await setUserDisabledAt(tx, user.id, disabled ? new Date() : null);
    const ended = await (disabled ? endUserSessions(tx, user.id) : 0);
    await recordAudit(tx, {
      action: disabled ? "user-disabled" : "user-enabled",
      userId: actor.id,
      username: actor.username,
      agencyId: actor.agencyId,
      detail: `${user.username}（${user.displayName}，${user.agencyName}）${ended > 0 ? `，已退出 ${ended} 处登录` : ""}`,
    });
    return { ok: true, data: { disabled } };
  });
}

export async function changeUserRole(db: Executor, actor: UserProfile, input: UserRoleInput): Promise<ActionResult<{ role: string }>> {
  return transaction(db, async (tx): Promise<ActionResult<{ role: string }>> => {
    const target = await findTarget(tx, actor, input.userId, "更改用户角色");
    if (!target.ok) return target.result;
    const { user } = target;
    const agency = await findManagedAgency(tx, actorScope(actor), user.agencyId);
    const assignable = agency ? mayAssignRole(actor, input.role, agency) : { ok: false as const, reason: "找不到该用户所属的机关。" };
    if (!assignable.ok) {
      await recordRefusal(tx, actor, "更改用户角色", assignable.reason, null);
      return actionFailure(assignable.reason, { role: [assignable.reason] });
    }
    if (user.role === input.role) return { ok: true, data: { role: input.role } };
    await setUserRole(tx, user.id, input.role);
    const ended = await endUserSessions(tx, user.id);
    await recordAudit(tx, {
      action: "role-changed",
      userId: actor.id,
      username: actor.username,
      agencyId: actor.agencyId,
      detail: `${user.username}：${roleLabels[user.role]} → ${roleLabels[input.role]}${ended > 0 ? `，已退出 ${ended} 处登录` : ""}`,
    });
    return { ok: true, data: { role: input.role } };
  });
}
