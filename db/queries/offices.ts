import { and, desc, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { first, type Executor } from "../client";
import { agencies, agencyAncestors, type OfficeTier } from "../schema";
import { inScope, type ActorScope } from "./scope";

/**
 * Offices and their place in the hierarchy, for the pages that look at one office at a time (the progress
 * overview and the roll-up): which office, the line down to it, and the child offices below it.
 */

export type OfficeRef = { id: number; name: string; officeTier: OfficeTier };

/** An office the scope reaches, or nothing (an agency that is not an office is not found either). */
export async function findOfficeInScope(db: Executor, scope: ActorScope, officeId: number): Promise<OfficeRef | undefined> {
  const row = await first(db
    .select({ id: agencies.id, name: agencies.name, officeTier: agencies.officeTier })
    .from(agencies)
    .where(and(eq(agencies.id, officeId), isNotNull(agencies.officeTier), inScope(db, agencies.id, scope)))
    );
  return row && row.officeTier ? { ...row, officeTier: row.officeTier } : undefined;
}

/** The offices from the scope's own office down to `officeId`, topmost first (both ends included). */
export async function officeLineInScope(db: Executor, scope: ActorScope, officeId: number): Promise<{ id: number; name: string }[]> {
  return await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencyAncestors)
    .innerJoin(agencies, eq(agencies.id, agencyAncestors.ancestorId))
    .where(and(eq(agencyAncestors.agencyId, officeId), inScope(db, agencyAncestors.ancestorId, scope)))
    .orderBy(desc(agencyAncestors.depth));
}

/** The condition that an agency is an office directly under an office. */
export function isChildOfficeOf(officeId: number) {
  return and(eq(agencies.parentId, officeId), isNotNull(agencies.officeTier));
}

/** The condition that an agency is the office itself or directly under it and not an office (its "own" agencies). */
export function isDirectAgencyOf(officeId: number) {
  return or(eq(agencies.id, officeId), and(eq(agencies.parentId, officeId), isNull(agencies.officeTier)));
}

/** The offices directly under an office, as a subquery of their ids. */
export function childOfficesOf(db: Executor, officeId: number) {
  return db.select({ id: agencies.id }).from(agencies).where(isChildOfficeOf(officeId));
}

/**
 * The line rows that tie each agency below an office's child offices to the child office it belongs to
 * (join on `agencyId`; `ancestorId` is the child office).
 */
export const childOfficeLine = alias(agencyAncestors, "child_office_line");

/** Agencies whose name contains `text` as it is (LIKE's wildcards in it are taken literally), on both databases. */
export function agencyNameContains(text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql`${agencies.name} like ${pattern} escape '\\'`;
}
