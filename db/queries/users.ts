import { and, eq } from "drizzle-orm";
import { first, single, type Executor } from "../client";
import { agencies, users, type OfficeTier, type UserRole } from "../schema";

/** What the rest of the app may know of a user: never the password hash. */
export type UserProfile = {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  agencyId: number;
  agencyName: string;
  /** Set when the agency is an office (its admins administer the agencies below it). */
  agencyOfficeTier: OfficeTier | null;
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
  agencyOfficeTier: agencies.officeTier,
  mustChangePassword: users.mustChangePassword,
};

export async function getUserProfile(db: Executor, userId: number): Promise<UserProfile | undefined> {
  return await first(db
    .select(profileColumns)
    .from(users)
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .where(eq(users.id, userId))
    );
}

/** What signing in needs to know of a username: the profile, the stored hash and whether the account is disabled. */
export type SignInCandidate = UserProfile & { passwordHash: string; disabled: boolean };

export async function findSignInCandidate(db: Executor, username: string): Promise<SignInCandidate | undefined> {
  const row = await first(db
    .select({ ...profileColumns, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .where(eq(users.username, username))
    );
  if (!row) return undefined;
  const { disabledAt, ...candidate } = row;
  return { ...candidate, disabled: disabledAt !== null };
}

/**
 * Store a new hash of the same password (a stronger kind or cost) — only if the hash is still the one that
 * was checked, so a password set meanwhile is never overwritten by the old one's upgrade.
 */
export async function replacePasswordHash(db: Executor, userId: number, checkedHash: string, passwordHash: string): Promise<void> {
  (await db.update(users)
    .set({ passwordHash })
    .where(and(eq(users.id, userId), eq(users.passwordHash, checkedHash)))
    );
}

/** Add a user; the caller hashes the password (lib/auth/passwords.ts). */
export async function createUser(
  db: Executor,
  input: { username: string; displayName: string; role: UserRole; agencyId: number; passwordHash: string },
): Promise<UserProfile> {
  const { username, displayName, role, agencyId, passwordHash } = input;
  const inserted = await single(db
    .insert(users)
    .values({ username, displayName, role, agencyId, passwordHash })
    .returning({ id: users.id })
    );
  const profile = await getUserProfile(db, inserted.id);
  if (!profile) throw new Error("user vanished right after insert");
  return profile;
}
