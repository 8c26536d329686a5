import { and, count, eq, gt, sql } from "drizzle-orm";
import type { AgencyLevel } from "@/lib/report/model";
import { execute, first, prepared, single, type Executor } from "../client";
import { agencies, agencyAncestors, type Agency, type OfficeTier } from "../schema";

export async function getAgency(db: Executor, agencyId: number): Promise<Agency | undefined> {
  return await first(db.select().from(agencies).where(eq(agencies.id, agencyId)));
}

export type NewAgency = {
  name: string;
  level: AgencyLevel;
  parentId?: number | null;
  officeTier?: OfficeTier | null;
  childrenDeadline?: string | null;
};

/** Add an agency and its line of offices (agency_ancestors), in the caller's transaction. */
export async function createAgency(db: Executor, input: NewAgency): Promise<Agency> {
  const agency = await single(db.insert(agencies).values(input).returning());
  await db.insert(agencyAncestors).values({ ancestorId: agency.id, agencyId: agency.id, depth: 0 });
  if (agency.parentId !== null) {
    await execute(db, sql`insert into agency_ancestors (ancestor_id, agency_id, depth)
      select ancestor_id, ${agency.id}, depth + 1 from agency_ancestors where agency_id = ${agency.parentId}`);
  }
  return agency;
}

/** The offices above an agency, nearest first (its parent, the parent's parent, …). */
export async function officesAbove(db: Executor, agencyId: number): Promise<number[]> {
  const find = prepared(db, "offices-above", (db) =>
    db
      .select({ id: agencyAncestors.ancestorId })
      .from(agencyAncestors)
      .where(and(eq(agencyAncestors.agencyId, sql.placeholder("agencyId")), gt(agencyAncestors.depth, 0)))
      .orderBy(agencyAncestors.depth),
  );
  return (await find({ agencyId })).map((row) => row.id);
}

export async function countAgencies(db: Executor): Promise<number> {
  return (await first(db.select({ total: count() }).from(agencies)))?.total ?? 0;
}
