/**
 * Signing in with a username and password: the body of next-auth's `authorize` (lib/auth/options.ts),
 * a plain function of the database so that tests call it directly.
 *
 * 1. In one synchronous transaction, before anything is awaited: count the recent attempts for the
 *    username, the pair and the address, refuse if the policy (login-throttle.ts) says so, else record
 *    this attempt. Concurrent attempts therefore each see the ones before them; a refused attempt is never
 *    evaluated, only audited.
 * 2. Check the password off the event loop (passwords.ts); an unknown username spends the same time.
 * 3. On success: forget the pair's attempts, re-store a legacy or weaker hash, start a server-side session.
 */
import { lockFor, transaction, type Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import {
  clearPairAttempts,
  countRecentAttempts,
  insertLoginAttempt,
  pruneLoginAttempts,
  type AttemptKey,
} from "@/db/queries/login-attempts";
import { findSignInCandidate, replacePasswordHash, type UserProfile } from "@/db/queries/users";
import { LOGIN_WINDOW_MS, throttleRefusal, type ThrottleKey } from "./login-throttle";
import { hashPassword, spendVerificationTime, verifyPassword } from "./passwords";
import { startSession } from "./sessions";

export type SignInInput = { username: string; password: string; address: string | null };

export type SignInResult =
  | { ok: true; user: UserProfile; sessionId: string }
  /** "invalid": unknown user, wrong password or disabled account, told apart only in the audit log. */
  | { ok: false; reason: "invalid" | "throttled"; throttledBy?: ThrottleKey };

export type SignInOptions = { now?: () => number };

type Admission = { ok: true; attemptId: number } | { ok: false; refusedBy: ThrottleKey };

/** Count and record the attempt atomically: two sign-ins never both count before either records. */
async function admitAttempt(db: Db, key: AttemptKey, now: number): Promise<Admission> {
  return transaction(db, 
    async (tx): Promise<Admission> => {
      await lockFor(tx, "login-attempts");
      await pruneLoginAttempts(tx, now - LOGIN_WINDOW_MS);
      const refusedBy = throttleRefusal(await countRecentAttempts(tx, key, now - LOGIN_WINDOW_MS), now);
      if (refusedBy) return { ok: false, refusedBy };
      return { ok: true, attemptId: await insertLoginAttempt(tx, key, now) };
    },
  );
}

export async function signInWithPassword(db: Db, input: SignInInput, options: SignInOptions = {}): Promise<SignInResult> {
  const now = options.now ?? Date.now;
  const { username, password, address } = input;
  const key: AttemptKey = { username: username.toLowerCase(), address };

  const admission = await admitAttempt(db, key, now());
  if (!admission.ok) {
    await recordAudit(db, { action: "login-failed", username, address, detail: "throttled" });
    return { ok: false, reason: "throttled", throttledBy: admission.refusedBy };
  }

  const candidate = await findSignInCandidate(db, username);
  if (!candidate) {
    await spendVerificationTime(password);
    await recordAudit(db, { action: "login-failed", username, address });
    return { ok: false, reason: "invalid" };
  }
  const { passwordHash, disabled, ...user } = candidate;
  const check = await verifyPassword(password, passwordHash);
  if (!check.ok || disabled) {
    // A disabled account fails like a wrong password; only the audit log says why.
    await recordAudit(db, {
      action: "login-failed",
      userId: user.id,
      username,
      agencyId: user.agencyId,
      address,
      detail: check.ok ? "disabled" : null,
    });
    return { ok: false, reason: "invalid" };
  }

  const upgradedHash = check.needsRehash ? await hashPassword(password) : undefined;
  const sessionId = await (transaction(db, async (tx) => {
    await clearPairAttempts(tx, key, admission.attemptId);
    if (upgradedHash) await replacePasswordHash(tx, user.id, passwordHash, upgradedHash);
    await recordAudit(tx, { action: "login", userId: user.id, username: user.username, agencyId: user.agencyId, address });
    return startSession(tx, { userId: user.id, address }, now());
  }));
  return { ok: true, user, sessionId: sessionId };
}
