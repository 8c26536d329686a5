/**
 * GET /api/health — 200 {"status":"ok"} when this instance reaches its database, 503 with a Chinese reason
 * when it does not. No sign-in: load balancers ask it; it tells nothing about the data.
 */
import { getDb } from "@/lib/db";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const health = await checkHealth(getDb);
  return Response.json(health.ok ? { status: "ok" } : { status: "error", error: health.reason }, {
    status: health.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
