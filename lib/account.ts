/**
 * A signed-in user's own account: changing their password and signing out everywhere. Both end the
 * user's other sessions; every refusal is in Chinese and audited.
 */
import { transaction, type Executor } from "@/db/client";
import { getPasswordHash, storePasswordHash } from "@/db/queries/account";
import { recordAudit } from "@/db/queries/audit";
import { endUserSessions } from "@/db/queries/sessions";
import type { UserProfile } from "@/db/queries/users";
import { actionFailure, type ActionResult } from "@/lib/actions";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import type { ChangePasswordInput } from "@/lib/account-schemas";

/**
 * The user sets a new password after proving the current one. Every other session of theirs ends; the
 * one they act from stays signed in.
 */
export async function changeOwnPassword(
  db: Executor,
  actor: UserProfile,
  sessionId: string,
  input: ChangePasswordInput,
): Promise<ActionResult<{ endedSessions: number }>> {
  const stored = await getPasswordHash(db, actor.id);
  const check = stored ? await verifyPassword(input.currentPassword, stored) : { ok: false };
  if (!check.ok) {
    await recordAudit(db, { action: "action-refused", userId: actor.id, username: actor.username, agencyId: actor.agencyId, detail: "修改密码：当前密码不正确" });
    return actionFailure("当前密码不正确。", { currentPassword: ["当前密码不正确"] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const endedSessions = await (transaction(db, async (tx) => {
    await storePasswordHash(tx, actor.id, passwordHash, false);
    const ended = await endUserSessions(tx, actor.id, { except: sessionId });
    await recordAudit(tx, {
      action: "password-changed",
      userId: actor.id,
      username: actor.username,
      agencyId: actor.agencyId,
      detail: ended > 0 ? `其他 ${ended} 处登录已退出` : null,
    });
    return ended;
  }));
  return { ok: true, data: { endedSessions: endedSessions } };
}

/** 「退出所有设备」: every session of the user ends, this one included. */
export async function signOutEverywhere(db: Executor, actor: UserProfile): Promise<ActionResult<{ endedSessions: number }>> {
  return transaction(db, async (tx) => {
    const endedSessions = await endUserSessions(tx, actor.id);
    await recordAudit(tx, {
      action: "signed-out-everywhere",
      userId: actor.id,
      username: actor.username,
      agencyId: actor.agencyId,
      detail: `共 ${endedSessions} 处登录`,
    });
    return { ok: true, data: { endedSessions } };
  });
}
