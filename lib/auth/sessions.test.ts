import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { first, type Db } from "@/db/client";
import { openTemporaryDb } from "@/db/test-db";
import { endUserSessions } from "@/db/queries/sessions";
import { sessions, users } from "@/db/schema";
import { resetPassword } from "@/lib/admin/office";
import { buildWorld, WORLD_PASSWORD, type World } from "@/lib/workflow/test-fixture";
import { checkSession, endSession, SESSION_IDLE_MS, SESSION_MAX_AGE_MS, SESSION_TOUCH_INTERVAL_MS, startSession } from "./sessions";
import { signInWithPassword } from "./sign-in";

const MINUTE = 60 * 1000;
const T0 = Date.UTC(2026, 0, 5, 8);

let db: Db;
let cleanup: () => void;
let world: World;

beforeEach(async () => {
  ({ db, cleanup } = await openTemporaryDb());
  world = await buildWorld(db);
});
afterEach(() => cleanup());

async function start(userId = world.actors.clerk.id, at = T0) {
  return startSession(db, { userId, address: "198.51.100.7" }, at);
}

const lastSeen = async (id: string) => (await first(db.select().from(sessions).where(eq(sessions.id, id))))?.lastSeenAt.getTime();

describe("server-side sessions", () => {
  it("hold for their own user only", async () => {
    const id = await start();
    expect(await checkSession(db, { sessionId: id, userId: world.actors.clerk.id }, T0 + MINUTE)).toBe(true);
    expect(await checkSession(db, { sessionId: id, userId: world.actors.supervisor.id }, T0 + MINUTE)).toBe(false);
    expect(await checkSession(db, { sessionId: "made-up", userId: world.actors.clerk.id }, T0 + MINUTE)).toBe(false);
  });

  it("end after 30 minutes without use, and use keeps them alive", async () => {
    const idle = await start();
    const busy = await start();
    const userId = world.actors.clerk.id;
    // Used every 20 minutes (an autosave, a page): still holding an hour later.
    for (let at = T0 + 20 * MINUTE; at <= T0 + 60 * MINUTE; at += 20 * MINUTE) {
      expect(await checkSession(db, { sessionId: busy, userId }, at)).toBe(true);
    }
    expect(await checkSession(db, { sessionId: idle, userId }, T0 + SESSION_IDLE_MS - 1)).toBe(true);
    expect(await checkSession(db, { sessionId: idle, userId }, T0 + SESSION_IDLE_MS - 1 + SESSION_IDLE_MS)).toBe(false);
    // An ended session is gone for good.
    expect((await first(db.select().from(sessions).where(eq(sessions.id, idle))))).toBeUndefined();
  });

  it("end 12 hours after sign-in however busy", async () => {
    const id = await start();
    const userId = world.actors.clerk.id;
    let at = T0;
    while (at + 10 * MINUTE < T0 + SESSION_MAX_AGE_MS) {
      at += 10 * MINUTE;
      expect(await checkSession(db, { sessionId: id, userId }, at)).toBe(true);
    }
    expect(await checkSession(db, { sessionId: id, userId }, T0 + SESSION_MAX_AGE_MS)).toBe(false);
  });

  it("write the last use at most once a minute", async () => {
    const id = await start();
    const userId = world.actors.clerk.id;
    expect(await checkSession(db, { sessionId: id, userId }, T0 + 30 * 1000)).toBe(true);
    expect(await lastSeen(id)).toBe(T0);
    expect(await checkSession(db, { sessionId: id, userId }, T0 + SESSION_TOUCH_INTERVAL_MS)).toBe(true);
    expect(await lastSeen(id)).toBe(T0 + SESSION_TOUCH_INTERVAL_MS);
  });

  it("end with endUserSessions, optionally sparing the one the user acts from", async () => {
    const userId = world.actors.clerk.id;
    const a = await start();
    const b = await start();
    const c = await start();
    const other = await start(world.actors.supervisor.id);
    expect(await endUserSessions(db, userId, { except: a })).toBe(2);
    expect(await checkSession(db, { sessionId: a, userId }, T0)).toBe(true);
    expect(await checkSession(db, { sessionId: b, userId }, T0)).toBe(false);
    expect(await checkSession(db, { sessionId: c, userId }, T0)).toBe(false);
    expect(await endUserSessions(db, userId)).toBe(1);
    expect(await checkSession(db, { sessionId: a, userId }, T0)).toBe(false);
    expect(await checkSession(db, { sessionId: other, userId: world.actors.supervisor.id }, T0)).toBe(true);
  });

  it("end when an admin resets the user's password", async () => {
    const signedIn = await signInWithPassword(db, { username: "clerk", password: WORLD_PASSWORD, address: "198.51.100.7" });
    if (!signedIn.ok) throw new Error("sign-in failed");
    const userId = world.actors.clerk.id;
    expect(await checkSession(db, { sessionId: signedIn.sessionId, userId })).toBe(true);
    const adminSession = await start(world.actors.admin.id, Date.now());
    expect((await resetPassword(db, world.actors.admin, { userId, password: "a-new-password-1" })).ok).toBe(true);
    expect(await checkSession(db, { sessionId: signedIn.sessionId, userId })).toBe(false);
    expect(await checkSession(db, { sessionId: adminSession, userId: world.actors.admin.id })).toBe(true);
  });

  it("end when the account is disabled, and on sign-out", async () => {
    const userId = world.actors.clerk.id;
    const [kept, signedOut] = [start(), start()];
    await endSession(db, await signedOut);
    expect(await checkSession(db, { sessionId: await signedOut, userId }, T0)).toBe(false);
    expect(await checkSession(db, { sessionId: await kept, userId }, T0)).toBe(true);
    (await db.update(users).set({ disabledAt: new Date(T0) }).where(eq(users.id, userId)));
    expect(await checkSession(db, { sessionId: await kept, userId }, T0)).toBe(false);
  });

  it("are pruned once they can no longer be used", async () => {
    const old = await start(world.actors.clerk.id, T0);
    await start(world.actors.clerk.id, T0 + SESSION_IDLE_MS + 1);
    expect((await first(db.select().from(sessions).where(eq(sessions.id, old))))).toBeUndefined();
    expect((await db.select().from(sessions))).toHaveLength(1);
  });
});
