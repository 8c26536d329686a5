import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getUserProfile, type UserProfile } from "@/db/queries/users";
import { authOptions } from "./options";
import { decideAccount, type AccountAbility } from "@/lib/permissions";

/**
 * The signed-in user, read fresh from the database on every call so that a changed role or a
 * removed account takes effect at once. Without a session, pages go to the login page.
 */
export async function requireUser(): Promise<UserProfile> {
  const session = await getServerSession(authOptions);
  const profile = session?.userId ? getUserProfile(getDb(), session.userId) : undefined;
  if (!profile) redirect("/login");
  return profile;
}

/** The signed-in user, if the permission module grants them `ability`; otherwise back to the report list. */
export async function requireAbility(ability: AccountAbility): Promise<UserProfile> {
  const user = await requireUser();
  if (!decideAccount(user, ability).ok) redirect("/");
  return user;
}
