import { and, count, eq, gt, lt, max, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { loginAttempts } from "../schema";

/**
 * Sign-in attempts that were evaluated: written before the password is checked, deleted when it matched.
 * The throttling policy that reads them is lib/auth/login-throttle.ts; call these inside one transaction
 * so that counting and recording an attempt cannot interleave with another request.
 */

/** A username as the attempts table keys it: lower-cased, so 'Clerk' and 'clerk' count together. */
export type AttemptKey = { username: string; address: string | null };

export type AttemptCounts = {
  pair: number;
  username: number;
  usernameLatestAt: number | null;
  address: number;
};

/** The attempts made after `since` (ms) for the username, for the pair and for the address. */
export function countRecentAttempts(db: Executor, key: AttemptKey, since: number): AttemptCounts {
  const after = gt(loginAttempts.at, new Date(since));
  const forUsername = db
    .select({
      username: count(),
      // `IS` compares NULL with NULL as equal: attempts without a known address form one pair per username.
      pair: sql<number | null>`sum(${loginAttempts.address} IS ${key.address})`,
      latestAt: max(loginAttempts.at),
    })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, key.username), after))
    .get();
  const forAddress =
    key.address === null
      ? 0
      : (db
          .select({ n: count() })
          .from(loginAttempts)
          .where(and(eq(loginAttempts.address, key.address), after))
          .get()?.n ?? 0);
  return {
    pair: Number(forUsername?.pair ?? 0),
    username: forUsername?.username ?? 0,
    usernameLatestAt: forUsername?.latestAt ? forUsername.latestAt.getTime() : null,
    address: forAddress,
  };
}

export function insertLoginAttempt(db: Executor, key: AttemptKey, at: number): number {
  return db
    .insert(loginAttempts)
    .values({ username: key.username, address: key.address, at: new Date(at) })
    .returning({ id: loginAttempts.id })
    .get().id;
}

/**
 * After a successful sign-in: forget this attempt and the pair's earlier failures. Other addresses'
 * failures for the username, and this address's failures for other usernames, still count.
 */
export function clearPairAttempts(db: Executor, key: AttemptKey, attemptId: number): void {
  db.delete(loginAttempts).where(eq(loginAttempts.id, attemptId)).run();
  db.delete(loginAttempts)
    .where(and(eq(loginAttempts.username, key.username), sql`${loginAttempts.address} IS ${key.address}`))
    .run();
}

/** Remove attempts made before `before` (ms): they no longer count for anything. */
export function pruneLoginAttempts(db: Executor, before: number): void {
  db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(before))).run();
}
