import { eq } from "drizzle-orm";
import { first, type Executor } from "../client";
import { users, type UserRole } from "../schema";

/** A user's own account: their stored password hash (for checking the current password), nothing else. */
export async function getPasswordHash(db: Executor, userId: number): Promise<string | undefined> {
  return (await first(db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId))))?.passwordHash;
}

/** A new password hash; `mustChange` says whether the user must choose another at their next page. */
export async function storePasswordHash(db: Executor, userId: number, passwordHash: string, mustChange: boolean): Promise<void> {
  (await db.update(users).set({ passwordHash, mustChangePassword: mustChange }).where(eq(users.id, userId)));
}

/** Disable (with the time) or enable (null) an account. */
export async function setUserDisabledAt(db: Executor, userId: number, disabledAt: Date | null): Promise<void> {
  (await db.update(users).set({ disabledAt }).where(eq(users.id, userId)));
}

export async function setUserRole(db: Executor, userId: number, role: UserRole): Promise<void> {
  (await db.update(users).set({ role }).where(eq(users.id, userId)));
}

/** Demo accounts (and accounts an admin reset) must choose a new password before anything else. */
export async function setMustChangePassword(db: Executor, userId: number, mustChange: boolean): Promise<void> {
  (await db.update(users).set({ mustChangePassword: mustChange }).where(eq(users.id, userId)));
}
