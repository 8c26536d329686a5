import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
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

beforeEach(() => {
  ({ db, cleanup } = openTemporaryDb());
  world = buildWorld(db);
});
afterEach(() => cleanup());

function start(userId = world.actors.clerk.id, at = T0) {
  return startSession(db, { userId, address: "198.51.100.7" }, at);
}

const lastSeen = (id: string) => db.select().from(sessions).where(eq(sessions.id, id)).get()?.lastSeenAt.getTime();

describe("server-side sessions", () => {
  it("hold for their own user only", () => {
    const id = start();
    expect(checkSession(db, { sessionId: id, userId: world.actors.clerk.id }, T0 + MINUTE)).toBe(true);
    expect(checkSession(db, { sessionId: id, userId: world.actors.supervisor.id }, T0 + MINUTE)).toBe(false);
    expect(checkSession(db, { sessionId: "made-up", userId: world.actors.clerk.id }, T0 + MINUTE)).toBe(false);
  });

  it("end after 30 minutes without use, and use keeps them alive", () => {
    const idle = start();
    const busy = start();
    const userId = world.actors.clerk.id;
    // Used every 20 minutes (an autosave, a page): still holding an hour later.
    for (let at = T0 + 20 * MINUTE; at <= T0 + 60 * MINUTE; at += 20 * MINUTE) {
      expect(checkSession(db, { sessionId: busy, userId }, at)).toBe(true);
    }
    expect(checkSession(db, { sessionId: idle, userId }, T0 + SESSION_IDLE_MS - 1)).toBe(true);
    expect(checkSession(db, { sessionId: idle, userId }, T0 + SESSION_IDLE_MS - 1 + SESSION_IDLE_MS)).toBe(false);
    // An ended session is gone for good.
    expect(db.select().from(sessions).where(eq(sessions.id, idle)).get()).toBeUndefined();
  });

  it("end 12 hours after sign-in however busy", () => {
    const id = start();
    const userId = world.actors.clerk.id;
    let at = T0;
    while (at + 10 * MINUTE < T0 + SESSION_MAX_AGE_MS) {
      at += 10 * MINUTE;
      expect(checkSession(db, { sessionId: id, userId }, at)).toBe(true);
    }
    expect(checkSession(db, { sessionId: id, userId }, T0 + SESSION_MAX_AGE_MS)).toBe(false);
  });

  it("write the last use at most once a minute", () => {
    const id = start();
    const userId = world.actors.clerk.id;
    expect(checkSession(db, { sessionId: id, userId }, T0 + 30 * 1000)).toBe(true);
    expect(lastSeen(id)).toBe(T0);
    expect(checkSession(db, { sessionId: id, userId }, T0 + SESSION_TOUCH_INTERVAL_MS)).toBe(true);
    expect(lastSeen(id)).toBe(T0 + SESSION_TOUCH_INTERVAL_MS);
  });

  it("end with endUserSessions, optionally sparing the one the user acts from", () => {
    const userId = world.actors.clerk.id;
    const [a, b, c] = [start(), start(), start()];
    const other = start(world.actors.supervisor.id);
    expect(endUserSessions(db, userId, { except: a })).toBe(2);
    expect(checkSession(db, { sessionId: a, userId }, T0)).toBe(true);
    expect(checkSession(db, { sessionId: b, userId }, T0)).toBe(false);
    expect(checkSession(db, { sessionId: c, userId }, T0)).toBe(false);
    expect(endUserSessions(db, userId)).toBe(1);
    expect(checkSession(db, { sessionId: a, userId }, T0)).toBe(false);
    expect(checkSession(db, { sessionId: other, userId: world.actors.supervisor.id }, T0)).toBe(true);
  });

  it("end when an admin resets the user's password", async () => {
    const signedIn = await signInWithPassword(db, { username: "clerk", password: WORLD_PASSWORD, address: "198.51.100.7" });
    if (!signedIn.ok) throw new Error("sign-in failed");
    const userId = world.actors.clerk.id;
    expect(checkSession(db, { sessionId: signedIn.sessionId, userId })).toBe(true);
    const adminSession = start(world.actors.admin.id, Date.now());
    expect((await resetPassword(db, world.actors.admin, { userId, password: "a-new-password-1" })).ok).toBe(true);
    expect(checkSession(db, { sessionId: signedIn.sessionId, userId })).toBe(false);
    expect(checkSession(db, { sessionId: adminSession, userId: world.actors.admin.id })).toBe(true);
  });

  it("end when the account is disabled, and on sign-out", () => {
    const userId = world.actors.clerk.id;
    const [kept, signedOut] = [start(), start()];
    endSession(db, signedOut);
    expect(checkSession(db, { sessionId: signedOut, userId }, T0)).toBe(false);
    expect(checkSession(db, { sessionId: kept, userId }, T0)).toBe(true);
    db.update(users).set({ disabledAt: new Date(T0) }).where(eq(users.id, userId)).run();
    expect(checkSession(db, { sessionId: kept, userId }, T0)).toBe(false);
  });

  it("are pruned once they can no longer be used", () => {
    const old = start(world.actors.clerk.id, T0);
    start(world.actors.clerk.id, T0 + SESSION_IDLE_MS + 1);
    expect(db.select().from(sessions).where(eq(sessions.id, old)).get()).toBeUndefined();
    expect(db.select().from(sessions).all()).toHaveLength(1);
  });
});
