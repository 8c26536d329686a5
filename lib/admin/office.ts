/**
 * County administration: a county admin adds agencies and users, resets passwords and sets the townships'
 * deadline. Each asks the permission module first (refusals audited) and writes in one transaction.
 */
import type { Executor } from "@/db/client";
import { storePasswordHash } from "@/db/queries/account";
import {
  agencyNameExists,
  findCountyAgency,
  findCountyUser,
  insertCountyAgency,
  setTownshipDeadline as storeTownshipDeadline,
  usernameExists,
  type CountyAgency,
} from "@/db/queries/admin";
import { endUserSessions } from "@/db/queries/sessions";
import { createUser as insertUser, type UserProfile } from "@/db/queries/users";
import { actionFailure, type ActionResult } from "@/lib/actions";
import { hashPassword } from "@/lib/auth/passwords";
import { actorScope, decideAccount, mayAssignRole } from "@/lib/permissions";
import { recordRefusal } from "@/lib/refusals";
import { auditEvent } from "@/lib/workflow/report-access";
import type { AgencyInput, ResetPasswordInput, TownshipDeadlineInput, UserInput } from "@/lib/workflow/schemas";

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
    auditEvent(tx, actor, "agency-created", null, agency.name);
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
    auditEvent(tx, actor, "user-created", null, `${user.username}（${user.displayName}，${agency.name}）`);
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
    auditEvent(tx, actor, "password-reset", null, user.username);
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
    auditEvent(tx, actor, "deadline-set", null, deadline ?? "未设定");
    return { ok: true, data: { deadline } };
  });
}
