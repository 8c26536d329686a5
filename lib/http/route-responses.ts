/** What the route handlers share: JSON errors, the signed-in user who may act now, a JSON body. */
import type { UserProfile } from "@/db/queries/users";
import { getSignedIn, PASSWORD_CHANGE_FIRST } from "@/lib/auth/guards";

/** A JSON error `{ error }` with its status, never cached. */
export function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * The signed-in user who may act now, or the response that says why not: 401 with `signedOut` (each route
 * names what the user was about to do), or 403 until a user who must set a new password has done so.
 */
export async function signedInUser(signedOut: string): Promise<{ user: UserProfile } | { response: Response }> {
  const user = (await getSignedIn())?.user;
  if (!user) return { response: jsonError(401, signedOut) };
  if (user.mustChangePassword) return { response: jsonError(403, PASSWORD_CHANGE_FIRST) };
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
