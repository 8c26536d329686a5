import { and, count, eq, gt, sql } from "drizzle-orm";
import type { AgencyLevel } from "@/lib/report/model";
import type { Executor } from "../client";
import { agencies, agencyAncestors, type Agency, type OfficeTier } from "../schema";

export function getAgency(db: Executor, agencyId: number): Agency | undefined {
  return db.select().from(agencies).where(eq(agencies.id, agencyId)).get();
}

export type NewAgency = {
  name: string;
  level: AgencyLevel;
  parentId?: number | null;
  officeTier?: OfficeTier | null;
  childrenDeadline?: string | null;
};

/** Add an agency and its line of offices (agency_ancestors), in the caller's transaction. */
export function createAgency(db: Executor, input: NewAgency): Agency {
  const agency = db.insert(agencies).values(input).returning().get();
  db.insert(agencyAncestors).values({ ancestorId: agency.id, agencyId: agency.id, depth: 0 }).run();
  if (agency.parentId !== null) {
    db.run(sql`insert into agency_ancestors (ancestor_id, agency_id, depth)
      select ancestor_id, ${agency.id}, depth + 1 from agency_ancestors where agency_id = ${agency.parentId}`);
  }
  return agency;
}

/** The offices above an agency, nearest first (its parent, the parent's parent, …). */
export function officesAbove(db: Executor, agencyId: number): number[] {
  return db
    .select({ id: agencyAncestors.ancestorId })
    .from(agencyAncestors)
    .where(and(eq(agencyAncestors.agencyId, agencyId), gt(agencyAncestors.depth, 0)))
    .orderBy(agencyAncestors.depth)
    .all()
    .map((row) => row.id);
}

export function countAgencies(db: Executor): number {
  return db.select({ total: count() }).from(agencies).get()?.total ?? 0;
}
