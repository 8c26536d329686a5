import type { z } from "zod";
import type { Executor } from "@/db/client";
import { getDb } from "@/lib/db";
import type { UserProfile } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/guards";
import { zodFailure, type ActionResult } from "@/lib/actions";

/**
 * The body of every workflow and admin server action: read the signed-in user from the session (fresh
 * from the database), parse the input with the shared schema, and hand both to the core, which checks
 * role, agency and status itself.
 */
export async function runCore<S extends z.ZodType, R>(
  schema: S,
  input: unknown,
  core: (db: Executor, actor: UserProfile, data: z.output<S>) => R,
): Promise<R | ActionResult<never>> {
  const actor = await requireUser();
  const parsed = schema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  return core(getDb(), actor, parsed.data);
}
