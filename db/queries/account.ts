import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { users, type UserRole } from "../schema";

/** A user's own account: their stored password hash (for checking the current password), nothing else. */
export function getPasswordHash(db: Executor, userId: number): string | undefined {
  return db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get()?.passwordHash;
}

/** A new password hash; `mustChange` says whether the user must choose another at their next page. */
export function storePasswordHash(db: Executor, userId: number, passwordHash: string, mustChange: boolean): void {
  db.update(users).set({ passwordHash, mustChangePassword: mustChange }).where(eq(users.id, userId)).run();
}

/** Disable (with the time) or enable (null) an account. */
export function setUserDisabledAt(db: Executor, userId: number, disabledAt: Date | null): void {
  db.update(users).set({ disabledAt }).where(eq(users.id, userId)).run();
}

export function setUserRole(db: Executor, userId: number, role: UserRole): void {
  db.update(users).set({ role }).where(eq(users.id, userId)).run();
}

/** Demo accounts (and accounts an admin reset) must choose a new password before anything else. */
export function setMustChangePassword(db: Executor, userId: number, mustChange: boolean): void {
  db.update(users).set({ mustChangePassword: mustChange }).where(eq(users.id, userId)).run();
}
