/**
 * The sign-in throttling policy. The counts come from the `login_attempts` table (see lib/auth/sign-in.ts),
 * where every evaluated attempt is written before its password is checked and removed again when it
 * matched: so concurrent attempts, a restart and a second instance all see the same counts.
 *
 * Three keys, each aimed at a different attacker without locking out the people it is not aimed at:
 * - one username from one address: a few guesses, then that address is locked out for that username;
 * - one username from every address: a distributed guesser is slowed to one guess per interval, while the
 *   real user, from another address than a locked-out attacker, can still sign in;
 * - one address across usernames: a high limit against trying a password on many usernames, which the
 *   typos of one office behind a shared address do not reach.
 *
 * This module has no imports: the login form reads LOGIN_THROTTLED from it in the browser.
 */

/** The window in which failed attempts count. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts per username from one address within the window; the next is refused. */
export const PAIR_FAILURE_LIMIT = 5;
/** Failed attempts per username, from any address, within the window before the backoff starts. */
export const USERNAME_BACKOFF_AFTER = 10;
/** During the backoff, one evaluated attempt for the username per this interval, from any address. */
export const USERNAME_BACKOFF_INTERVAL_MS = 30 * 1000;
/** Failed attempts from one address, for any usernames, within the window. */
export const ADDRESS_FAILURE_LIMIT = 100;

/** Attempts within the window that were evaluated and did not succeed (or are being checked now). */
export type LoginAttemptCounts = {
  /** For this username from this address (or, without an address, from unknown addresses). */
  pair: number;
  /** For this username from any address. */
  username: number;
  /** When the latest of those for this username was made, in ms; null when there is none. */
  usernameLatestAt: number | null;
  /** From this address for any username; 0 when the address is unknown. */
  address: number;
};

export type ThrottleKey = "pair" | "username" | "address";

/** Which key refuses a new attempt now, or null when the attempt may be evaluated. */
export function throttleRefusal(counts: LoginAttemptCounts, now: number): ThrottleKey | null {
  if (counts.pair >= PAIR_FAILURE_LIMIT) return "pair";
  if (
    counts.username >= USERNAME_BACKOFF_AFTER &&
    counts.usernameLatestAt !== null &&
    now - counts.usernameLatestAt < USERNAME_BACKOFF_INTERVAL_MS
  ) {
    return "username";
  }
  if (counts.address >= ADDRESS_FAILURE_LIMIT) return "address";
  return null;
}

/** The error code next-auth hands to the login form when an attempt was refused unevaluated. */
export const LOGIN_THROTTLED = "LOGIN_THROTTLED";

/** The sign-in error code for a throttled attempt: which limit refused it travels with it to the form. */
export function throttledCode(key: ThrottleKey): string {
  return `${LOGIN_THROTTLED}:${key}`;
}

/** The login form's message for a sign-in error code, or null when the error is not a throttle. */
export function throttleMessage(code: string | null | undefined): string | null {
  if (!code?.startsWith(LOGIN_THROTTLED)) return null;
  const key = code.slice(LOGIN_THROTTLED.length + 1);
  return key === "username"
    ? `该账号最近登录失败次数过多，每 ${USERNAME_BACKOFF_INTERVAL_MS / 1000} 秒只能尝试一次，请稍后再试。`
    : `登录失败次数过多，已暂时锁定，请 ${LOGIN_WINDOW_MS / 60_000} 分钟后再试。`;
}
