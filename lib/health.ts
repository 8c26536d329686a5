/**
 * Whether this instance can serve: it reaches its database and can read from it. For load balancers and
 * monitoring; it says nothing about any agency or user.
 */
import type { Db } from "@/db/client";
import { readAgencyCount } from "@/db/queries/health";

export type Health = { ok: true } | { ok: false; reason: string };

export async function checkHealth(openDb: () => Db): Promise<Health> {
  try {
    await readAgencyCount(openDb());
    return { ok: true };
  } catch (error) {
    // The cause goes to the server's log; the answer gives no detail of the database.
    console.error("health check: the database cannot be read", error);
    return { ok: false, reason: "数据库无法访问。" };
  }
}
