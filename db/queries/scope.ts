import { eq, inArray, type Placeholder, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Executor } from "../client";
import { agencyAncestors } from "../schema";

/**
 * Which rows a query may touch on behalf of whom. The permission module (lib/permissions.ts) builds it;
 * queries only apply it: "agency" reaches the actor's own agency, "subtree" the actor's office and every
 * agency below it, at any depth.
 */
export type ActorScope = {
  userId: number;
  agencyId: number;
  reach: "agency" | "subtree";
};

/** The ids of an office's agencies at any depth, itself included, as a subquery. */
export function subtreeOf(db: Executor, officeId: number | Placeholder) {
  return db.select({ id: agencyAncestors.agencyId }).from(agencyAncestors).where(eq(agencyAncestors.ancestorId, officeId));
}

/** The condition that an agency id column names an agency the scope reaches. */
export function inScope(db: Executor, column: SQLiteColumn, scope: Pick<ActorScope, "reach"> & { agencyId: number | Placeholder }): SQL {
  return scope.reach === "agency" ? eq(column, scope.agencyId) : inArray(column, subtreeOf(db, scope.agencyId));
}
