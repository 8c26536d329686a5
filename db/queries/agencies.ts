import { count, eq } from "drizzle-orm";
import type { AgencyLevel } from "@/lib/report/model";
import type { Executor } from "../client";
import { agencies, type Agency } from "../schema";

export function getAgency(db: Executor, agencyId: number): Agency | undefined {
  return db.select().from(agencies).where(eq(agencies.id, agencyId)).get();
}

export function createAgency(
  db: Executor,
  input: { name: string; level: AgencyLevel; parentId?: number | null; townshipDeadline?: string | null },
): Agency {
  return db.insert(agencies).values(input).returning().get();
}

export function countAgencies(db: Executor): number {
  return db.select({ total: count() }).from(agencies).get()?.total ?? 0;
}
