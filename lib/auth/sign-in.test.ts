import { monitorEventLoopDelay } from "node:perf_hooks";
import bcrypt from "bcryptjs";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDb, databaseLocationOf, first, openDatabaseAt, type Db } from "@/db/client";
import { openTemporaryDb } from "@/db/test-db";
import { createAgency } from "@/db/queries/agencies";
import { insertLoginAttempt } from "@/db/queries/login-attempts";
import { createUser } from "@/db/queries/users";
import { auditEvents, loginAttempts, sessions, users } from "@/db/schema";
import {
  ADDRESS_FAILURE_LIMIT,
  LOGIN_WINDOW_MS,
  PAIR_FAILURE_LIMIT,
  USERNAME_BACKOFF_AFTER,
  USERNAME_BACKOFF_INTERVAL_MS,
} from "./login-throttle";
import { hashPasswordSync, SCRYPT_COST } from "./passwords";
import { signInWithPassword, type SignInResult } from "./sign-in";

const PASSWORD = "right-password-1";
let passwordHash: string;
beforeAll(() => {
  passwordHash = hashPasswordSync(PASSWORD);
});

const ATTACKER = "203.0.113.66";
const OFFICE = "198.51.100.7";

let db: Db;
let cleanup: () => void;
let agencyId: number;

beforeEach(async () => {
  ({ db, cleanup } = await openTemporaryDb());
  agencyId = (await createAgency(db, { name: "甲街道", level: "township" })).id;
  await addUser("clerk");
});
afterEach(() => cleanup());

function addUser(username: string, hash = passwordHash) {
  return createUser(db, { username, displayName: username, role: "clerk", agencyId, passwordHash: hash });
}

async function failures(detail: string | null) {
  const events = (await db.select().from(auditEvents).where(eq(auditEvents.action, "login-failed")));
  return events.filter((event) => event.detail === detail);
}

const reasons = (results: SignInResult[]) => results.map((result) => (result.ok ? "ok" : result.reason));
const count = (list: string[], value: string) => list.filter((item) => item === value).length;

describe("sign-in throttling", () => {
  it("evaluates at most 5 of 30 concurrent wrong passwords for one user from one address", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signInWithPassword(db, { username: "clerk", password: `guess-${i}`, address: ATTACKER })),
    );
    expect(count(reasons(results), "invalid")).toBe(PAIR_FAILURE_LIMIT);
    expect(count(reasons(results), "throttled")).toBe(30 - PAIR_FAILURE_LIMIT);
    // Only evaluated attempts are recorded, and each evaluated one failed.
    expect((await db.select().from(loginAttempts))).toHaveLength(PAIR_FAILURE_LIMIT);
    expect(await failures(null)).toHaveLength(PAIR_FAILURE_LIMIT);
    const throttled = await failures("throttled");
    expect(throttled).toHaveLength(30 - PAIR_FAILURE_LIMIT);
    expect(throttled.every((event) => event.address === ATTACKER && event.username === "clerk")).toBe(true);
    // The right password from the locked-out address is not even checked.
    expect(await signInWithPassword(db, { username: "clerk", password: PASSWORD, address: ATTACKER })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
  });

  it("locks out the attacker's address while the real user signs in from another", async () => {
    for (let i = 0; i < 8; i++) await signInWithPassword(db, { username: "CLERK", password: `guess-${i}`, address: ATTACKER });
    expect(await signInWithPassword(db, { username: "clerk", password: "guess-9", address: ATTACKER })).toMatchObject({
      reason: "throttled",
      throttledBy: "pair",
    });
    const real = await signInWithPassword(db, { username: "clerk", password: PASSWORD, address: OFFICE });
    expect(real.ok).toBe(true);
    // The attacker's failures are kept; the real user's success cleared only the real user's pair.
    expect((await db.select().from(loginAttempts).where(eq(loginAttempts.address, ATTACKER)))).toHaveLength(PAIR_FAILURE_LIMIT);
  });

  it("slows a username guessed from many addresses, and the real user still gets in between guesses", async () => {
    let now = Date.UTC(2026, 0, 5, 9);
    const clock = { now: () => now };
    const guess = (i: number) =>
      signInWithPassword(db, { username: "clerk", password: `guess-${i}`, address: `10.1.0.${i}` }, clock);
    const first = await Promise.all(Array.from({ length: USERNAME_BACKOFF_AFTER + 5 }, (_, i) => guess(i)));
    expect(count(reasons(first), "invalid")).toBe(USERNAME_BACKOFF_AFTER);
    expect(first.slice(USERNAME_BACKOFF_AFTER).every((result) => !result.ok && result.throttledBy === "username")).toBe(true);

    now += USERNAME_BACKOFF_INTERVAL_MS - 1000;
    expect(await guess(50)).toMatchObject({ reason: "throttled", throttledBy: "username" });
    now += 1000;
    expect(await guess(51)).toMatchObject({ ok: false, reason: "invalid" });
    now += USERNAME_BACKOFF_INTERVAL_MS;
    expect((await signInWithPassword(db, { username: "clerk", password: PASSWORD, address: OFFICE }, clock)).ok).toBe(true);
  });

  it("refuses an address spraying many usernames, but not an office's ordinary typos", async () => {
    const now = Date.now();
    const typos = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signInWithPassword(db, { username: `colleague-${i}`, password: "typo", address: OFFICE })),
    );
    expect(count(reasons(typos), "invalid")).toBe(20);
    expect((await signInWithPassword(db, { username: "clerk", password: PASSWORD, address: OFFICE })).ok).toBe(true);

    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) await insertLoginAttempt(db, { username: `user-${i}`, address: ATTACKER }, now);
    expect(await signInWithPassword(db, { username: "someone-else", password: "x", address: ATTACKER })).toMatchObject({
      reason: "throttled",
      throttledBy: "address",
    });
  });

  it("counts failures in the window only and prunes older ones", async () => {
    let now = Date.UTC(2026, 0, 5, 9);
    const clock = { now: () => now };
    for (let i = 0; i < PAIR_FAILURE_LIMIT; i++) {
      await signInWithPassword(db, { username: "clerk", password: `guess-${i}`, address: ATTACKER }, clock);
    }
    expect(await signInWithPassword(db, { username: "clerk", password: "guess", address: ATTACKER }, clock)).toMatchObject({
      reason: "throttled",
    });
    now += LOGIN_WINDOW_MS + 1;
    expect(await signInWithPassword(db, { username: "clerk", password: "guess", address: ATTACKER }, clock)).toMatchObject({
      reason: "invalid",
    });
    // The old rows are gone; the one just evaluated remains.
    expect((await db.select().from(loginAttempts))).toHaveLength(1);
  });

  it("forgets the pair's failures after a successful sign-in", async () => {
    for (let i = 0; i < PAIR_FAILURE_LIMIT - 1; i++) await signInWithPassword(db, { username: "clerk", password: "typo", address: OFFICE });
    expect((await signInWithPassword(db, { username: "clerk", password: PASSWORD, address: OFFICE })).ok).toBe(true);
    expect((await db.select().from(loginAttempts))).toHaveLength(0);
    for (let i = 0; i < PAIR_FAILURE_LIMIT; i++) {
      expect(await signInWithPassword(db, { username: "clerk", password: "typo", address: OFFICE })).toMatchObject({ reason: "invalid" });
    }
  });

  it("survives a restart: the counts are in the database", async () => {
    const agency = await createAgency(db, { name: "乙街道", level: "township" });
    await createUser(db, { username: "restarted", displayName: "经办人", role: "clerk", agencyId: agency.id, passwordHash });
    await Promise.all(
      Array.from({ length: PAIR_FAILURE_LIMIT }, (_, i) => signInWithPassword(db, { username: "restarted", password: `guess-${i}`, address: ATTACKER })),
    );
    // Another connection to the same database: the app after a restart, or a second instance.
    const after = openDatabaseAt(databaseLocationOf(db));
    try {
      expect(await signInWithPassword(after, { username: "restarted", password: "guess", address: ATTACKER })).toMatchObject({
        reason: "throttled",
      });
      expect((await signInWithPassword(after, { username: "clerk", password: PASSWORD, address: OFFICE })).ok).toBe(true);
    } finally {
      await closeDb(after);
    }
  });
});

describe("checking the password", () => {
  it("keeps the event loop responsive while 12 sign-ins are checked", async () => {
    for (let i = 0; i < 12; i++) await addUser(`user-${i}`);
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    let maxGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const at = performance.now();
      maxGap = Math.max(maxGap, at - last);
      last = at;
    }, 5);
    histogram.enable();
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signInWithPassword(db, { username: `user-${i}`, password: PASSWORD, address: `10.2.0.${i}` }),
      ),
    );
    const elapsed = performance.now() - started;
    histogram.disable();
    clearInterval(ticker);
    const maxLag = histogram.max / 1e6;
    console.log(
      `12 concurrent sign-ins (scrypt N=${SCRYPT_COST.N} r=${SCRYPT_COST.r} p=${SCRYPT_COST.p}): ${elapsed.toFixed(0)} ms in all; ` +
        `event-loop delay max ${maxLag.toFixed(1)} ms, largest gap between 5 ms ticks ${maxGap.toFixed(1)} ms`,
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(maxLag).toBeLessThan(250);
    expect(maxGap).toBeLessThan(250);
  });

  it("verifies a legacy bcrypt hash once and re-stores it as scrypt", async () => {
    const legacy = await addUser("old-timer", bcrypt.hashSync("legacy-pass-1", 4));
    const storedHash = async () => (await first(db.select({ h: users.passwordHash }).from(users).where(eq(users.id, legacy.id))))!.h;
    expect(await signInWithPassword(db, { username: "old-timer", password: "wrong-pass", address: OFFICE })).toMatchObject({
      reason: "invalid",
    });
    expect(await storedHash()).toMatch(/^\$2[ab]\$04\$/);
    expect((await signInWithPassword(db, { username: "old-timer", password: "legacy-pass-1", address: OFFICE })).ok).toBe(true);
    expect(await storedHash()).toMatch(new RegExp(`^scrypt\\$${SCRYPT_COST.N}\\$${SCRYPT_COST.r}\\$${SCRYPT_COST.p}\\$`));
    expect((await signInWithPassword(db, { username: "old-timer", password: "legacy-pass-1", address: OFFICE })).ok).toBe(true);
    expect(await signInWithPassword(db, { username: "old-timer", password: "wrong-pass", address: OFFICE })).toMatchObject({
      reason: "invalid",
    });
  });

  it("refuses a disabled user with the same answer as a wrong password, audited as disabled", async () => {
    const disabled = await addUser("gone");
    (await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id)));
    const result = await signInWithPassword(db, { username: "gone", password: PASSWORD, address: OFFICE });
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword(db, { username: "gone", password: "wrong", address: OFFICE })).toEqual(result);
    expect(await signInWithPassword(db, { username: "nobody", password: PASSWORD, address: OFFICE })).toEqual(result);
    expect(await failures("disabled")).toMatchObject([{ userId: disabled.id, username: "gone", address: OFFICE }]);
    expect((await db.select().from(sessions).where(eq(sessions.userId, disabled.id)))).toHaveLength(0);
  });

  it("starts a server-side session and records the sign-in", async () => {
    const result = await signInWithPassword(db, { username: "clerk", password: PASSWORD, address: OFFICE });
    if (!result.ok) throw new Error("sign-in failed");
    expect(result.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Object.keys(result.user)).not.toContain("passwordHash");
    const row = (await first(db.select().from(sessions).where(eq(sessions.id, result.sessionId))));
    expect(row).toMatchObject({ userId: result.user.id, address: OFFICE });
    const login = (await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "login"), eq(auditEvents.userId, result.user.id)))
      );
    expect(login).toMatchObject([{ address: OFFICE }]);
  });
});
