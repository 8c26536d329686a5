/** What the three route handlers of 「检查已发布的报告」 share: the signed-in user, and JSON errors. */
import { getSignedIn, PASSWORD_CHANGE_FIRST } from "@/lib/auth/guards";
import type { UserProfile } from "@/db/queries/users";

export function fail(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

/** The signed-in user who may act now, or the response that says why not (401, or 403 before a new password). */
export async function signedInUser(): Promise<{ user: UserProfile } | { response: Response }> {
  const user = (await getSignedIn())?.user;
  if (!user) return { response: fail(401, "登录已过期，请重新登录后再检查。") };
  if (user.mustChangePassword) return { response: fail(403, PASSWORD_CHANGE_FIRST) };
  return { user };
}

/** The request's JSON body, or undefined when it is not JSON. */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}
