/**
 * Password hashing with scrypt from node:crypto. The asynchronous scrypt runs on libuv's thread pool, so a
 * burst of sign-ins does not stall other requests on the event loop (bcryptjs, used before, computed in
 * JavaScript on the event loop).
 *
 * A stored hash describes itself: `scrypt$N$r$p$saltBase64$hashBase64`, so the cost can be raised later
 * and older hashes still verify (and report that they should be re-stored). Hashes from before scrypt,
 * bcrypt's `$2a$` / `$2b$` / `$2y$`, still verify and always ask to be re-stored.
 */
import crypto from "node:crypto";
import bcrypt from "bcryptjs";

/**
 * OWASP's scrypt alternative to N = 2^17, r = 8, p = 1 at a quarter of the memory: 32 MiB per hash, about
 * 0.2 s on the 2-core development VM. The thread pool (4 threads by default) bounds concurrent hashing.
 */
export const SCRYPT_COST = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Bounds for parameters read from the database, so a damaged row cannot ask for gigabytes. */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

type ScryptCost = { N: number; r: number; p: number };
type ParsedScrypt = ScryptCost & { salt: Buffer; hash: Buffer };

function scryptOptions({ N, r, p }: ScryptCost): crypto.ScryptOptions {
  // scrypt needs 128·N·r bytes; the default limit (32 MiB) is exactly that for N = 2^15, r = 8, so allow twice.
  return { N, r, p, maxmem: 256 * N * r };
}

function derive(password: string, salt: Buffer, keyLength: number, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(password, salt, keyLength, scryptOptions(cost), (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function format(cost: ScryptCost, salt: Buffer, hash: Buffer): string {
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

function parseScrypt(stored: string): ParsedScrypt | undefined {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return undefined;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : NaN));
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return undefined;
  const salt = Buffer.from(parts[4], "base64");
  const hash = Buffer.from(parts[5], "base64");
  if (salt.length < 8 || hash.length < 16) return undefined;
  return { N, r, p, salt, hash };
}

function isBcrypt(stored: string): boolean {
  return /^\$2[aby]\$\d\d\$/.test(stored);
}

/** A new scrypt hash of the password, computed off the event loop. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(SALT_BYTES);
  return format(SCRYPT_COST, salt, await derive(password, salt, KEY_BYTES, SCRYPT_COST));
}

/**
 * The same hash computed on the calling thread. Only for scripts and tests (the demo seed, fixtures),
 * never on a request path: it blocks the event loop for the whole computation.
 */
export function hashPasswordSync(password: string): string {
  const salt = crypto.randomBytes(SALT_BYTES);
  return format(SCRYPT_COST, salt, crypto.scryptSync(password, salt, KEY_BYTES, scryptOptions(SCRYPT_COST)));
}

export type PasswordCheck = {
  ok: boolean;
  /** The password matched a hash of an older kind or cost: store a new hash of it. */
  needsRehash: boolean;
};

/** Whether the password matches the stored hash; an unreadable hash matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<PasswordCheck> {
  const parsed = parseScrypt(stored);
  if (parsed) {
    const derived = await derive(password, parsed.salt, parsed.hash.length, parsed);
    const ok = crypto.timingSafeEqual(derived, parsed.hash);
    const current = parsed.N === SCRYPT_COST.N && parsed.r === SCRYPT_COST.r && parsed.p === SCRYPT_COST.p;
    return { ok, needsRehash: ok && (!current || parsed.hash.length !== KEY_BYTES) };
  }
  if (isBcrypt(stored)) {
    const ok = await bcrypt.compare(password, stored);
    return { ok, needsRehash: ok };
  }
  return { ok: false, needsRehash: false };
}

/** A hash of the current kind and cost that no password matches (its key is random, not derived). */
const DUMMY_HASH = format(SCRYPT_COST, crypto.randomBytes(SALT_BYTES), crypto.randomBytes(KEY_BYTES));

/**
 * Spend the time of a real check without a stored hash (an unknown username), so that the answer's
 * timing does not tell which usernames exist.
 */
export async function spendVerificationTime(password: string): Promise<void> {
  await verifyPassword(password, DUMMY_HASH);
}
