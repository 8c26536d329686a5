import { and, asc, desc, eq, inArray, lt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { AgencyLevel } from "@/lib/report/model";
import { first, type Executor } from "../client";
import { agencies, auditEvents, reports, users, type OfficeTier } from "../schema";
import { createAgency } from "./agencies";
import { isDirectAgencyOf } from "./offices";
import { profileColumns, type UserProfile } from "./users";
import { inScope, type ActorScope } from "./scope";

/**
 * Administration of an office's subtree. Every function is limited to the agencies the actor may read —
 * for an office admin, the office and every agency below it — so rows of another office are never seen.
 */

export type ManagedAgency = {
  id: number;
  name: string;
  level: AgencyLevel;
  parentId: number | null;
  officeTier: OfficeTier | null;
  /** For an office: the date (MM-DD) it sets for the agencies directly under it. */
  childrenDeadline: string | null;
  /** The date its own parent office sets for it (townships and child governments go by it). */
  parentDeadline: string | null;
};

const parent = alias(agencies, "parent");

const agencyColumns = {
  id: agencies.id,
  name: agencies.name,
  level: agencies.level,
  parentId: agencies.parentId,
  officeTier: agencies.officeTier,
  childrenDeadline: agencies.childrenDeadline,
  parentDeadline: parent.childrenDeadline,
};

/** Agencies with their parent office, for the date it sets. */
function agenciesWithParent(db: Executor) {
  return db.select(agencyColumns).from(agencies).leftJoin(parent, eq(agencies.parentId, parent.id));
}

/**
 * The admin's office first, then every agency below it by name; `directOnly`: only the office itself and
 * its agencies that are not offices (the offices below are listed on their own).
 */
export async function listManagedAgencies(db: Executor, scope: ActorScope, options: { directOnly?: boolean } = {}): Promise<ManagedAgency[]> {
  const rows = await agenciesWithParent(db)
    .where(and(inScope(db, agencies.id, scope), options.directOnly ? isDirectAgencyOf(scope.agencyId) : undefined))
    .orderBy(asc(agencies.name));
  return [...rows.filter((row) => row.id === scope.agencyId), ...rows.filter((row) => row.id !== scope.agencyId)];
}

export async function findManagedAgency(db: Executor, scope: ActorScope, agencyId: number): Promise<ManagedAgency | undefined> {
  return await first(agenciesWithParent(db)
    .where(and(eq(agencies.id, agencyId), inScope(db, agencies.id, scope)))
    );
}

/** Whether the office already has an agency of this name directly under it (names are unique per office). */
export async function agencyNameExistsUnder(db: Executor, parentId: number, name: string): Promise<boolean> {
  return (
    (await first(db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.name, name), eq(agencies.parentId, parentId)))
      )) !== undefined
  );
}

/** Add an agency (or a child office, when it has a tier) under an office the caller checked is in scope. */
export async function insertManagedAgency(
  db: Executor,
  input: { name: string; level: AgencyLevel; parentId: number; officeTier: OfficeTier | null },
): Promise<ManagedAgency> {
  const { id } = await createAgency(db, input);
  return (await first(agenciesWithParent(db).where(eq(agencies.id, id))))!;
}

/** The date (MM-DD) the admin's office sets for the agencies directly under it; null clears it. */
export async function setChildrenDeadline(db: Executor, scope: ActorScope, deadline: string | null): Promise<void> {
  (await db.update(agencies).set({ childrenDeadline: deadline }).where(eq(agencies.id, scope.agencyId)));
}

/** A user as the admin page lists them: the profile, never the password hash. */
export type ManagedUser = UserProfile;

export async function listManagedUsers(db: Executor, scope: ActorScope): Promise<(ManagedUser & { disabled: boolean })[]> {
  return (await db
    .select({ ...profileColumns, disabledAt: users.disabledAt })
    .from(users)
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .where(inScope(db, users.agencyId, scope))
    .orderBy(asc(agencies.name), asc(users.username)))
    .map(({ disabledAt, ...user }) => ({ ...user, disabled: disabledAt !== null }));
}

/** A user of the admin's subtree, by id or by username; users elsewhere are not found. */
export async function findManagedUser(
  db: Executor,
  scope: ActorScope,
  which: number | { username: string },
): Promise<ManagedUser | undefined> {
  const match = typeof which === "number" ? eq(users.id, which) : eq(users.username, which.username);
  return await first(db
    .select(profileColumns)
    .from(users)
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .where(and(match, inScope(db, users.agencyId, scope)))
    );
}

export async function usernameExists(db: Executor, username: string): Promise<boolean> {
  return (await first(db.select({ id: users.id }).from(users).where(eq(users.username, username)))) !== undefined;
}


export type CountyAuditEvent = {
  id: number;
  at: Date;
  action: string;
  username: string | null;
  userDisplayName: string | null;
  agencyName: string | null;
  reportId: number | null;
  reportYear: number | null;
  detail: string | null;
  address: string | null;
};

/** How many audit events the audit log shows at a time. */
export const AUDIT_PAGE_SIZE = 200;

export type AuditPage = {
  events: CountyAuditEvent[];
  /** The cursor for the next, older page; null when these are the oldest. */
  olderThan: number | null;
};

/**
 * The audit events of the admin's subtree, newest first, a page at a time: those of its agencies, and
 * failed logins under the usernames of its users (a failed login names no agency). `before` is the id the previous
 * page ended at; an id is a stable cursor where an offset would shift as new events arrive.
 */
export async function listCountyAudit(db: Executor, scope: ActorScope, page: { before?: number; limit?: number } = {}): Promise<AuditPage> {
  const limit = page.limit ?? AUDIT_PAGE_SIZE;
  const usernames = db.select({ username: users.username }).from(users).where(inScope(db, users.agencyId, scope));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      username: auditEvents.username,
      userDisplayName: users.displayName,
      agencyName: agencies.name,
      reportId: auditEvents.reportId,
      reportYear: reports.year,
      detail: auditEvents.detail,
      address: auditEvents.address,
    })
    .from(auditEvents)
    .leftJoin(users, eq(auditEvents.userId, users.id))
    .leftJoin(agencies, eq(auditEvents.agencyId, agencies.id))
    .leftJoin(reports, eq(auditEvents.reportId, reports.id))
    .where(
      and(
        or(inScope(db, auditEvents.agencyId, scope), inArray(auditEvents.username, usernames)),
        page.before === undefined ? undefined : lt(auditEvents.id, page.before),
      ),
    )
    .orderBy(desc(auditEvents.id))
    // One more than shown tells whether an older page exists.
    .limit(limit + 1);
  const events = rows.slice(0, limit);
  return { events, olderThan: rows.length > limit ? events[events.length - 1].id : null };
}
