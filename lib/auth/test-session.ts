/**
 * Tests of route handlers: the signed-in user as `getSignedIn` reports it, read from the test's database
 * (the session checks themselves are tested in lib/auth). Used from a `vi.mock` factory:
 *
 *   const state = vi.hoisted(() => ({ userId: undefined as number | undefined, db: undefined as unknown }));
 *   vi.mock("@/lib/auth/guards", async (original) => (await import("@/lib/auth/test-session")).signedInAs(await original(), state));
 */
import type { Db } from "@/db/client";
import { getUserProfile } from "@/db/queries/users";

export type TestSession = { userId: number | undefined; db: unknown };

export function signedInAs<T extends object>(guards: T, state: TestSession): T {
  return {
    ...guards,
    getSignedIn: async () => {
      const user = await (state.userId ? getUserProfile(state.db as Db, state.userId) : undefined);
      return user && { user, sessionId: "test-session" };
    },
  };
}
