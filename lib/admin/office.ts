/**
 * Administration of an office's subtree: an office admin adds agencies (and child offices) and users
 * anywhere below its office, resets passwords and sets the deadline of the agencies directly under its
 * office. Each asks the permission module first (refusals audited) and writes in one transaction.
 */
import { transaction, type Executor } from "@/db/client";
import { storePasswordHash } from "@/db/queries/account";
import {
  agencyNameExistsUnder,
  findManagedAgency,
  findManagedUser,
  insertManagedAgency,
  setChildrenDeadline as storeChildrenDeadline,
  usernameExists,
  type ManagedAgency,
} from "@/db/queries/admin";
import type { OfficeTier } from "@/db/schema";
import { endUserSessions } from "@/db/queries/sessions";
import { createUser as insertUser, type UserProfile } from "@/db/queries/users";
import { actionFailure, type ActionResult } from "@/lib/actions";
import { hashPassword } from "@/lib/auth/passwords";
import { actorScope, decideAccount, mayAssignRole } from "@/lib/permissions";
import { recordRefusal } from "@/lib/refusals";
import { auditEvent } from "@/lib/workflow/report-access";
import type { AgencyInput, ChildrenDeadlineInput, ResetPasswordInput, UserInput } from "@/lib/workflow/schemas";

/** The tier of a people's government directly below an office of this tier; a county has none. */
const CHILD_OFFICE_TIER: Record<OfficeTier, OfficeTier | null> = { province: "city", city: "county", county: null };

/** The refusal (audited) when the actor does not administer an office. */
async function adminOnly(db: Executor, actor: UserProfile, attempted: string): Promise<ActionResult<never> | undefined> {
  const decision = decideAccount(actor, "administer");
  if (decision.ok) return undefined;
  await recordRefusal(db, actor, attempted, decision.reason, null);
  return actionFailure(decision.reason);
}

/**
 * An office admin adds, under its office or an office below it: a department; a township or street (under
 * a county only); or a people's government one tier down (a city under a province, a county under a
 * city), which becomes an office of its own.
 */
export async function createAgency(db: Executor, actor: UserProfile, input: AgencyInput): Promise<ActionResult<ManagedAgency>> {
  return transaction(db, async (tx): Promise<ActionResult<ManagedAgency>> => {
    const refused = await adminOnly(tx, actor, "新增机关");
    if (refused) return refused;
    const parentId = input.parentId ?? actor.agencyId;
    const parent = await findManagedAgency(tx, actorScope(actor), parentId);
    if (!parent || parent.officeTier === null) {
      await recordRefusal(tx, actor, "新增机关", `上级机关（编号 ${parentId}）不是您管理的政务公开办`, null);
      return actionFailure("上级机关无效。", { parentId: ["请选择您管理的政务公开办"] });
    }
    const childTier = CHILD_OFFICE_TIER[parent.officeTier];
    if (input.level === "government" && childTier === null) {
      const reason = "县（区）以下不再设下级人民政府，请选择部门或乡镇、街道。";
      return actionFailure(reason, { level: [reason] });
    }
    if (input.level === "township" && parent.officeTier !== "county") {
      const reason = "乡镇、街道只能设在县（区）之下。";
      return actionFailure(reason, { level: [reason] });
    }
    // Names are unique among one office's agencies only: another office may have a 司法局 of its own.
    if ((await agencyNameExistsUnder(tx, parent.id, input.name))) {
      return actionFailure(`${parent.name}已有同名机关。`, { name: [`${parent.name}已有同名机关，请换一个名称`] });
    }
    const agency = await insertManagedAgency(tx, {
      name: input.name,
      level: input.level,
      parentId: parent.id,
      officeTier: input.level === "government" ? childTier : null,
    });
    await auditEvent(tx, actor, "agency-created", null, parent.id === actor.agencyId ? agency.name : `${agency.name}（上级：${parent.name}）`);
    return { ok: true, data: agency };
  });
}

/** An office admin adds a user to an agency of its subtree. */
export async function createUser(
  db: Executor,
  actor: UserProfile,
  input: UserInput,
): Promise<ActionResult<{ id: number; username: string }>> {
  return createUserWithHash(db, actor, input, await hashPassword(input.password));
}

/** createUser once the password is hashed (off the event loop): the synchronous, transactional part. */
export async function createUserWithHash(
  db: Executor,
  actor: UserProfile,
  input: UserInput,
  passwordHash: string,
): Promise<ActionResult<{ id: number; username: string }>> {
  return transaction(db, async (tx): Promise<ActionResult<{ id: number; username: string }>> => {
    const refused = await adminOnly(tx, actor, "新增用户");
    if (refused) return refused;
    const agency = await findManagedAgency(tx, actorScope(actor), input.agencyId);
    if (!agency) {
      await recordRefusal(tx, actor, "新增用户", `所属机关（编号 ${input.agencyId}）不在您管理的范围内`, null);
      return actionFailure("所属机关无效。", { agencyId: ["请选择您管理的机关"] });
    }
    const assignable = mayAssignRole(actor, input.role, agency);
    if (!assignable.ok) {
      await recordRefusal(tx, actor, "新增用户", assignable.reason, null);
      return actionFailure(assignable.reason, { role: [assignable.reason] });
    }
    // Usernames sign in, so they are unique everywhere; the message names no user outside the admin's subtree.
    if ((await usernameExists(tx, input.username))) {
      const managed = (await findManagedUser(tx, actorScope(actor), { username: input.username })) !== undefined;
      const message = managed ? "您管理的机关中已有该用户名，请换一个" : "该用户名不可用，请换一个";
      return actionFailure(managed ? "已有该用户名。" : "该用户名不可用。", { username: [message] });
    }
    const user = await insertUser(tx, { ...input, passwordHash });
    await auditEvent(tx, actor, "user-created", null, `${user.username}（${user.displayName}，${agency.name}）`);
    return { ok: true, data: { id: user.id, username: user.username } };
  });
}

/** An office admin sets a new password for a user of its subtree. */
export async function resetPassword(
  db: Executor,
  actor: UserProfile,
  input: ResetPasswordInput,
): Promise<ActionResult<{ username: string }>> {
  return resetPasswordWithHash(db, actor, input, await hashPassword(input.password));
}

/** resetPassword once the password is hashed: stores it and ends every session of the user. */
export async function resetPasswordWithHash(
  db: Executor,
  actor: UserProfile,
  input: ResetPasswordInput,
  passwordHash: string,
): Promise<ActionResult<{ username: string }>> {
  return transaction(db, async (tx): Promise<ActionResult<{ username: string }>> => {
    const refused = await adminOnly(tx, actor, "重置密码");
    if (refused) return refused;
    const user = await findManagedUser(tx, actorScope(actor), input.userId);
    if (!user) {
      await recordRefusal(tx, actor, "重置密码", `用户（编号 ${input.userId}）不在您管理的范围内`, null);
      return actionFailure("找不到该用户。", { userId: ["请选择您管理的用户"] });
    }
    // The admin knows this password now: the user chooses their own at their next page.
    await storePasswordHash(tx, user.id, passwordHash, true);
    await endUserSessions(tx, user.id);
    await auditEvent(tx, actor, "password-reset", null, user.username);
    return { ok: true, data: { username: user.username } };
  });
}

/**
 * An office admin sets (or clears, with "") the date by which the agencies directly under its office that
 * have no statutory date hand in their report: a county's townships and streets, a city's or province's
 * child governments (their own report; 3月31日 when unset).
 */
export async function setChildrenDeadline(
  db: Executor,
  actor: UserProfile,
  input: ChildrenDeadlineInput,
): Promise<ActionResult<{ deadline: string | null }>> {
  const deadline = input.deadline || null;
  return transaction(db, async (tx): Promise<ActionResult<{ deadline: string | null }>> => {
    const refused = await adminOnly(tx, actor, "设定报送期限");
    if (refused) return refused;
    await storeChildrenDeadline(tx, actorScope(actor), deadline);
    await auditEvent(tx, actor, "deadline-set", null, deadline ?? "未设定");
    return { ok: true, data: { deadline } };
  });
}
