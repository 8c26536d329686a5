/**
 * Server-side sessions. Signing in writes a `sessions` row whose id the signed session cookie (next-auth's
 * JWT) carries; the session holds only while that row does and while it keeps to these limits. Ending a
 * session — sign-out, a password reset, a disabled account — deletes the row, and the cookie is worthless.
 */
import crypto from "node:crypto";
import type { Executor } from "@/db/client";
import { deleteSession, findSession, insertSession, pruneSessions, touchSession } from "@/db/queries/sessions";

/** A session ends this long after sign-in, however busy: a working day. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;
/** A session ends after this long without a page load or server action (an autosave counts). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** Last-seen times are written at most this often per session, to save writes. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

export function newSessionId(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** Record a new session for the user and return its id; sessions that can no longer be used are removed. */
export async function startSession(db: Executor, input: { userId: number; address: string | null }, now = Date.now()): Promise<string> {
  await pruneSessions(db, { createdBefore: now - SESSION_MAX_AGE_MS, seenBefore: now - SESSION_IDLE_MS });
  const id = newSessionId();
  await insertSession(db, { id, userId: input.userId, address: input.address, at: now });
  return id;
}

/**
 * Whether the session still holds for this user: its row exists and belongs to them, the account is not
 * disabled, it is younger than SESSION_MAX_AGE_MS and was used within SESSION_IDLE_MS. A holding session
 * counts as used now (written at most once per SESSION_TOUCH_INTERVAL_MS); an expired one is deleted.
 */
export async function checkSession(db: Executor, input: { sessionId: string; userId: number }, now = Date.now()): Promise<boolean> {
  const session = await findSession(db, input.sessionId);
  if (!session || session.userId !== input.userId) return false;
  if (
    session.userDisabledAt !== null ||
    now - session.createdAt >= SESSION_MAX_AGE_MS ||
    now - session.lastSeenAt >= SESSION_IDLE_MS
  ) {
    await deleteSession(db, session.id);
    return false;
  }
  if (now - session.lastSeenAt >= SESSION_TOUCH_INTERVAL_MS) await touchSession(db, session.id, now);
  return true;
}

/** Sign-out: the session's row goes, so its cookie no longer signs anyone in. */
export async function endSession(db: Executor, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}
