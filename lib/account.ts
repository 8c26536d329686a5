/**
 * A signed-in user's own account: changing their password and signing out everywhere. Both end the
 * user's other sessions; every refusal is in Chinese and audited.
 */
import type { Executor } from "@/db/client";
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
  const stored = getPasswordHash(db, actor.id);
  const check = stored ? await verifyPassword(input.currentPassword, stored) : { ok: false };
  if (!check.ok) {
    recordAudit(db, { action: "action-refused", userId: actor.id, username: actor.username, agencyId: actor.agencyId, detail: "修改密码：当前密码不正确" });
    return actionFailure("当前密码不正确。", { currentPassword: ["当前密码不正确"] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const endedSessions = db.transaction((tx) => {
    storePasswordHash(tx, actor.id, passwordHash, false);
    const ended = endUserSessions(tx, actor.id, { except: sessionId });
    recordAudit(tx, {
      action: "password-changed",
      userId: actor.id,
      username: actor.username,
      agencyId: actor.agencyId,
      detail: ended > 0 ? `其他 ${ended} 处登录已退出` : null,
    });
    return ended;
  });
  return { ok: true, data: { endedSessions } };
}

/** 「退出所有设备」: every session of the user ends, this one included. */
export function signOutEverywhere(db: Executor, actor: UserProfile): ActionResult<{ endedSessions: number }> {
  return db.transaction((tx) => {
    const endedSessions = endUserSessions(tx, actor.id);
    recordAudit(tx, {
      action: "signed-out-everywhere",
      userId: actor.id,
      username: actor.username,
      agencyId: actor.agencyId,
      detail: `共 ${endedSessions} 处登录`,
    });
    return { ok: true, data: { endedSessions } };
  });
}
