/**
 * POST /api/county/check — starts checking published reports in bulk (lib/county/batch-check.ts):
 * JSON `{ files: [{ name, size }] }` → `{ token, files }`. County admins only (403 for others, audited);
 * 400 for too many files or too much at once. The batch is recorded in the audit log as one event; the
 * files follow one per request to /api/county/check/file.
 */
import { getDb } from "@/lib/db";
import { startCheck } from "@/lib/county/batch-check";
import { CHECK_SIGNED_OUT } from "@/lib/county/check-source";
import { jsonBody, jsonError, signedInUser } from "@/lib/http/route-responses";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const signedIn = await signedInUser(CHECK_SIGNED_OUT);
  if ("response" in signedIn) return signedIn.response;
  const result = await startCheck(getDb(), signedIn.user, await jsonBody(request));
  if (!result.ok) return jsonError(result.status, result.message);
  return Response.json(result.data, { headers: { "Cache-Control": "no-store" } });
}
