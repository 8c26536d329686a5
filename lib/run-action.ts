import type { z } from "zod";
import type { Executor } from "@/db/client";
import { getDb } from "@/lib/db";
import type { UserProfile } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/guards";
import { zodFailure, type ActionResult } from "@/lib/actions";

/**
 * The body of every server action: the signed-in user (read fresh from the database; one who must first
 * set a new password is sent to do so), the input parsed with the action's zod schema, and both handed to
 * the service, which asks the permission module itself.
 */
export async function runAction<S extends z.ZodType, R>(
  schema: S,
  input: unknown,
  service: (db: Executor, actor: UserProfile, data: z.output<S>) => R,
): Promise<R | ActionResult<never>> {
  const actor = await requireUser();
  const parsed = schema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  return service(getDb(), actor, parsed.data);
}
