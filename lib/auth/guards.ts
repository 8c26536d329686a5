import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getUserProfile, type UserProfile } from "@/db/queries/users";
import type { ActorScope } from "@/db/queries/scope";
import type { UserRole } from "@/db/schema";
import { authOptions } from "./options";

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

export async function requireRole(...roles: UserRole[]): Promise<UserProfile> {
  const user = await requireUser();
  if (!roles.includes(user.role)) redirect("/");
  return user;
}

export function scopeOf(user: UserProfile): ActorScope {
  return { userId: user.id, agencyId: user.agencyId, role: user.role };
}
