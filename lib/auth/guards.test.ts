import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { openTemporaryDb } from "@/db/test-db";
import { createAgency } from "@/db/queries/agencies";
import { endUserSessions } from "@/db/queries/sessions";
import { createUser } from "@/db/queries/users";
import { users } from "@/db/schema";
import { startSession } from "./sessions";

// What next-auth's signed cookie carries; the session row behind it is real.
const state = vi.hoisted(() => ({ cookie: null as { userId?: number; sessionId?: string } | null, db: undefined as unknown }));
vi.mock("next-auth", () => ({ getServerSession: async () => state.cookie }));
vi.mock("./options", () => ({ authOptions: {} }));
vi.mock("@/lib/db", () => ({ getDb: () => state.db }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));

const { getSignedIn, requireUser } = await import("./guards");

describe("getSignedIn", () => {
  let db: Db;
  let cleanup: () => void;
  let userId: number;
  beforeAll(async () => {
    ({ db, cleanup } = await openTemporaryDb());
    state.db = db;
    const agency = await createAgency(db, { name: "甲街道", level: "township" });
    userId = (await createUser(db, { username: "clerk", displayName: "经办人", role: "clerk", agencyId: agency.id, passwordHash: "x" })).id;
  });
  afterAll(() => cleanup());

  it("names the user while the server-side session holds, and no longer once it is ended", async () => {
    const sessionId = await (startSession(db, { userId, address: null }));
    state.cookie = { userId, sessionId: sessionId };
    expect(await getSignedIn()).toMatchObject({ user: { id: userId, username: "clerk" }, sessionId });
    expect(await requireUser()).toMatchObject({ id: userId });
    await endUserSessions(db, userId);
    expect(await getSignedIn()).toBeUndefined();
    await expect(requireUser()).rejects.toThrow("redirect /login");
  });

  it("refuses a cookie without a session id, one naming another user, and a disabled user", async () => {
    const sessionId = await (startSession(db, { userId, address: null }));
    state.cookie = { userId };
    expect(await getSignedIn()).toBeUndefined();
    state.cookie = { userId: userId + 1, sessionId: sessionId };
    expect(await getSignedIn()).toBeUndefined();
    state.cookie = { userId, sessionId: sessionId };
    expect(await getSignedIn()).toBeDefined();
    (await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId)));
    expect(await getSignedIn()).toBeUndefined();
    state.cookie = null;
    expect(await getSignedIn()).toBeUndefined();
  });
});
