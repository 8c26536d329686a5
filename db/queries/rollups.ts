import { and, count, eq, gt, inArray, isNotNull, max, sql } from "drizzle-orm";
import { first, type Executor } from "../client";
import { agencies, agencyAncestors, officeRollups, reports } from "../schema";
import { childOfficeLine, childOfficesOf, isChildOfficeOf } from "./offices";

/**
 * Stored roll-ups of offices (see officeRollups in the schema): the stamp that says whether one is still
 * current, reading and writing one, and what an office's sum is made of.
 */

const stampColumns = {
  count: count(),
  // PostgreSQL sums integers as bigint, which its driver hands over as text.
  ids: sql<number>`coalesce(sum(${reports.id}), 0)`.mapWith(Number),
  versions: sql<number>`coalesce(sum(${reports.version}), 0)`.mapWith(Number),
  latest: max(reports.approvedAt),
};

function stampText(row: { count: number; ids: number; versions: number; latest: Date | null } | undefined): string {
  return `${row?.count ?? 0}:${row?.ids ?? 0}:${row?.versions ?? 0}:${row?.latest?.getTime() ?? 0}`;
}

/** What the approved reports of a year below an office are, in a few numbers: any approval or reopening changes it. */
export async function rollupStamp(db: Executor, officeId: number, year: number): Promise<string> {
  const row = await first(db
    .select(stampColumns)
    .from(agencyAncestors)
    .innerJoin(reports, and(eq(reports.agencyId, agencyAncestors.agencyId), eq(reports.year, year), eq(reports.status, "approved")))
    .where(eq(agencyAncestors.ancestorId, officeId))
    );
  return stampText(row);
}

/**
 * The stamps of the offices directly under an office for every year at once (one query where a page
 * comparing them over the years would ask once per office and year): office id → year → stamp. An office
 * and year with no approved report has no entry; its stamp is that of nothing.
 */
export async function childOfficeStamps(db: Executor, officeId: number): Promise<Map<number, Map<number, string>>> {
  const rows = await db
    .select({ officeId: agencyAncestors.ancestorId, year: reports.year, ...stampColumns })
    .from(agencyAncestors)
    .innerJoin(reports, and(eq(reports.agencyId, agencyAncestors.agencyId), eq(reports.status, "approved")))
    .where(inArray(agencyAncestors.ancestorId, childOfficesOf(db, officeId)))
    .groupBy(agencyAncestors.ancestorId, reports.year);
  const stamps = new Map<number, Map<number, string>>();
  for (const row of rows) {
    const byYear = stamps.get(row.officeId) ?? new Map<number, string>();
    byYear.set(row.year, stampText(row));
    stamps.set(row.officeId, byYear);
  }
  return stamps;
}

export type StoredRollup = { stamp: string; report: string; included: number; skipped: string };

export async function findRollup(db: Executor, officeId: number, year: number): Promise<StoredRollup | undefined> {
  return await first(db
    .select({ stamp: officeRollups.stamp, report: officeRollups.report, included: officeRollups.included, skipped: officeRollups.skipped })
    .from(officeRollups)
    .where(and(eq(officeRollups.officeId, officeId), eq(officeRollups.year, year)))
    );
}

export async function storeRollup(db: Executor, input: { officeId: number; year: number } & StoredRollup): Promise<void> {
  const values = { ...input, computedAt: new Date() };
  await db.insert(officeRollups)
    .values(values)
    .onConflictDoUpdate({
      target: [officeRollups.officeId, officeRollups.year],
      set: { stamp: values.stamp, report: values.report, included: values.included, skipped: values.skipped, computedAt: values.computedAt },
    });
}

/** The offices directly under an office, by name. */
export async function listChildOffices(db: Executor, officeId: number): Promise<{ id: number; name: string }[]> {
  return await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(isChildOfficeOf(officeId))
    .orderBy(agencies.name);
}

/** How many agencies each office directly under an office has in its subtree (itself included). */
export async function countAgenciesPerChildOffice(db: Executor, officeId: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ officeId: childOfficeLine.ancestorId, agencies: count() })
    .from(childOfficeLine)
    .where(inArray(childOfficeLine.ancestorId, childOfficesOf(db, officeId)))
    .groupBy(childOfficeLine.ancestorId);
  return new Map(rows.map((row) => [row.officeId, row.agencies]));
}

/** Every office below an office, at any depth (not the office itself). */
export async function listOfficesInSubtree(db: Executor, officeId: number): Promise<{ id: number; name: string }[]> {
  return await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencyAncestors)
    .innerJoin(agencies, eq(agencies.id, agencyAncestors.agencyId))
    .where(and(eq(agencyAncestors.ancestorId, officeId), gt(agencyAncestors.depth, 0), isNotNull(agencies.officeTier)));
}
