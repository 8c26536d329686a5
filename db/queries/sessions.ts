import { and, eq, lt, ne, or } from "drizzle-orm";
import { first, type Executor } from "../client";
import { sessions, users } from "../schema";

/**
 * Server-side sessions: the signed session cookie carries only a session's id, and the session holds only
 * while its row does. The lifetime rules are lib/auth/sessions.ts.
 */

export type StoredSession = {
  id: string;
  userId: number;
  createdAt: number;
  lastSeenAt: number;
  /** Set when the user's account is disabled: the session no longer holds. */
  userDisabledAt: number | null;
};

export async function insertSession(db: Executor, row: { id: string; userId: number; address: string | null; at: number }): Promise<void> {
  const at = new Date(row.at);
  await db.insert(sessions).values({ id: row.id, userId: row.userId, address: row.address, createdAt: at, lastSeenAt: at });
}

export async function findSession(db: Executor, id: string): Promise<StoredSession | undefined> {
  const row = await first(db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userDisabledAt: users.disabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.id, id))
    );
  return (
    row && {
      ...row,
      createdAt: row.createdAt.getTime(),
      lastSeenAt: row.lastSeenAt.getTime(),
      userDisabledAt: row.userDisabledAt?.getTime() ?? null,
    }
  );
}

export async function touchSession(db: Executor, id: string, at: number): Promise<void> {
  (await db.update(sessions).set({ lastSeenAt: new Date(at) }).where(eq(sessions.id, id)));
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  (await db.delete(sessions).where(eq(sessions.id, id)));
}

/**
 * End every session of a user — after a password change or reset, disabling the account, a role change, or
 * 「退出所有设备」 — except, optionally, the one the user is acting from. Returns how many were ended.
 */
export async function endUserSessions(db: Executor, userId: number, options: { except?: string } = {}): Promise<number> {
  const mine = eq(sessions.userId, userId);
  const ended = await db
    .delete(sessions)
    .where(options.except === undefined ? mine : and(mine, ne(sessions.id, options.except)))
    .returning({ id: sessions.id });
  return ended.length;
}

/** Remove sessions that can no longer be used: created before `createdBefore` or idle since before `seenBefore`. */
export async function pruneSessions(db: Executor, limits: { createdBefore: number; seenBefore: number }): Promise<void> {
  (await db.delete(sessions)
    .where(or(lt(sessions.createdAt, new Date(limits.createdBefore)), lt(sessions.lastSeenAt, new Date(limits.seenBefore))))
    );
}
