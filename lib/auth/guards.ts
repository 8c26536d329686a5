import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { getUserProfile, type UserProfile } from "@/db/queries/users";
import { authOptions } from "./options";
import { checkSession } from "./sessions";
import { decideAccount, type AccountAbility } from "@/lib/permissions";
import { recordRefusal } from "@/lib/refusals";

export type SignedIn = { user: UserProfile; sessionId: string };

/**
 * The signed-in user and their server-side session, or undefined. The session must still hold (its row
 * exists, within 12 hours of sign-in and 30 minutes of its last use, the account not disabled — see
 * sessions.ts), and this call counts as its use; the profile is read fresh from the database, so a changed
 * role or a removed account takes effect at once. Every page load and server action goes through here.
 */
export async function getSignedIn(): Promise<SignedIn | undefined> {
  const session = await getServerSession(authOptions);
  const userId = session?.userId;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId) return undefined;
  const db = getDb();
  if (!(await checkSession(db, { sessionId, userId }))) return undefined;
  const user = await getUserProfile(db, userId);
  return user && { user, sessionId };
}

/** Where a user who must choose a new password is sent before anything else. */
export const PASSWORD_CHANGE_PATH = "/account";
/** What downloads and autosave say to a user who must choose a new password first. */
export const PASSWORD_CHANGE_FIRST = "请先在“账号与密码”页设置新密码，然后再继续。";

/**
 * The signed-in user; without a session that holds, pages go to the login page. A user who must choose a
 * new password (a demo account, or one an admin reset) is sent to do that first, except on that page.
 */
export async function requireUser(options: { allowPendingPasswordChange?: boolean } = {}): Promise<UserProfile> {
  const signedIn = await getSignedIn();
  if (!signedIn) redirect("/login");
  if (signedIn.user.mustChangePassword && !options.allowPendingPasswordChange) redirect(PASSWORD_CHANGE_PATH);
  return signedIn.user;
}

/** The signed-in user, if the permission module grants them `ability`; otherwise back to the report list. */
export async function requireAbility(ability: AccountAbility): Promise<UserProfile> {
  const user = await requireUser();
  const decision = decideAccount(user, ability);
  if (!decision.ok) {
    await recordRefusal(getDb(), user, "打开页面", decision.reason, null);
    redirect("/");
  }
  return user;
}
