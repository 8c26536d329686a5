import { and, count, eq, gt, lt, max, sql } from "drizzle-orm";
import { first, sameOrBothNull, single, type Executor } from "../client";
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
export async function countRecentAttempts(db: Executor, key: AttemptKey, since: number): Promise<AttemptCounts> {
  const after = gt(loginAttempts.at, new Date(since));
  const forUsername = await first(db
    .select({
      username: count(),
      // NULL equals NULL here: attempts without a known address form one pair per username.
      pair: sql<number | null>`sum(case when ${sameOrBothNull(loginAttempts.address, key.address)} then 1 else 0 end)`.mapWith(Number),
      latestAt: max(loginAttempts.at),
    })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, key.username), after))
    );
  const forAddress =
    key.address === null
      ? 0
      : ((await first(db
          .select({ n: count() })
          .from(loginAttempts)
          .where(and(eq(loginAttempts.address, key.address), after))
          ))?.n ?? 0);
  return {
    pair: Number(forUsername?.pair ?? 0),
    username: forUsername?.username ?? 0,
    usernameLatestAt: forUsername?.latestAt ? forUsername.latestAt.getTime() : null,
    address: forAddress,
  };
}

export async function insertLoginAttempt(db: Executor, key: AttemptKey, at: number): Promise<number> {
  return (await single(db
    .insert(loginAttempts)
    .values({ username: key.username, address: key.address, at: new Date(at) })
    .returning({ id: loginAttempts.id })
    )).id;
}

/**
 * After a successful sign-in: forget this attempt and the pair's earlier failures. Other addresses'
 * failures for the username, and this address's failures for other usernames, still count.
 */
export async function clearPairAttempts(db: Executor, key: AttemptKey, attemptId: number): Promise<void> {
  (await db.delete(loginAttempts).where(eq(loginAttempts.id, attemptId)));
  await db.delete(loginAttempts)
    .where(and(eq(loginAttempts.username, key.username), sameOrBothNull(loginAttempts.address, key.address)));
}

/** Remove attempts made before `before` (ms): they no longer count for anything. */
export async function pruneLoginAttempts(db: Executor, before: number): Promise<void> {
  (await db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(before))));
}
