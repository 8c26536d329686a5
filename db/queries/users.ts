import { eq } from "drizzle-orm";
import bcrypt from "bcryptjs";
import type { Executor } from "../client";
import { agencies, users, type UserRole } from "../schema";

const PASSWORD_COST = 10;

export function hashPassword(password: string): string {
  return bcrypt.hashSync(password, PASSWORD_COST);
}

/** What the rest of the app may know of a user: never the password hash. */
export type UserProfile = {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  agencyId: number;
  agencyName: string;
  /** The office the agency reports to; null for a county office (whose admins administer the county). */
  agencyParentId: number | null;
  /** Demo accounts and accounts an admin reset must choose a new password before anything else. */
  mustChangePassword: boolean;
};

/** The columns of a UserProfile: every query that returns users selects these, never the hash. */
export const profileColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  agencyId: users.agencyId,
  agencyName: agencies.name,
  agencyParentId: agencies.parentId,
  mustChangePassword: users.mustChangePassword,
};

export function getUserProfile(db: Executor, userId: number): UserProfile | undefined {
  return db
    .select(profileColumns)
    .from(users)
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .where(eq(users.id, userId))
    .get();
}

/** Check a username and password; returns the profile only when both match. */
export async function verifyCredentials(
  db: Executor,
  username: string,
  password: string,
): Promise<UserProfile | undefined> {
  const row = db
    .select({ ...profileColumns, passwordHash: users.passwordHash })
    .from(users)
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .where(eq(users.username, username))
    .get();
  if (!row) {
    // Spend the same time as a real check so that timing does not reveal which usernames exist.
    await bcrypt.compare(password, "$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva");
    return undefined;
  }
  const { passwordHash, ...profile } = row;
  return (await bcrypt.compare(password, passwordHash)) ? profile : undefined;
}

export function createUser(
  db: Executor,
  input: { username: string; displayName: string; role: UserRole; agencyId: number; password: string },
): UserProfile {
  const { password, ...rest } = input;
  const inserted = db
    .insert(users)
    .values({ ...rest, passwordHash: hashPassword(password) })
    .returning({ id: users.id })
    .get();
  const profile = getUserProfile(db, inserted.id);
  if (!profile) throw new Error("user vanished right after insert");
  return profile;
}
