import { and, asc, desc, eq, inArray, lt, or } from "drizzle-orm";
import type { AgencyLevel } from "@/lib/report/model";
import type { Executor } from "../client";
import { agencies, auditEvents, reports, users } from "../schema";
import { profileColumns, type UserProfile } from "./users";
import { readableAgencyIds } from "./reports";
import type { ActorScope } from "./scope";

/**
 * County administration. Every function is limited to the agencies the actor may read — for a county
 * admin, the county office and the agencies under it — so another county's rows are never seen.
 */

export type CountyAgency = {
  id: number;
  name: string;
  level: AgencyLevel;
  parentId: number | null;
  townshipDeadline: string | null;
};

const agencyColumns = {
  id: agencies.id,
  name: agencies.name,
  level: agencies.level,
  parentId: agencies.parentId,
  townshipDeadline: agencies.townshipDeadline,
};

/** The county office first, then its agencies by name. */
export function listCountyAgencies(db: Executor, scope: ActorScope): CountyAgency[] {
  const rows = db
    .select(agencyColumns)
    .from(agencies)
    .where(inArray(agencies.id, readableAgencyIds(db, scope)))
    .orderBy(asc(agencies.name))
    .all();
  return [...rows.filter((row) => row.id === scope.agencyId), ...rows.filter((row) => row.id !== scope.agencyId)];
}

export function findCountyAgency(db: Executor, scope: ActorScope, agencyId: number): CountyAgency | undefined {
  return db
    .select(agencyColumns)
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), inArray(agencies.id, readableAgencyIds(db, scope))))
    .get();
}

/** Whether an agency the actor administers already has this name. */
export function agencyNameExists(db: Executor, scope: ActorScope, name: string): boolean {
  return (
    db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.name, name), inArray(agencies.id, readableAgencyIds(db, scope))))
      .get() !== undefined
  );
}

export function insertCountyAgency(
  db: Executor,
  scope: ActorScope,
  input: { name: string; level: AgencyLevel },
): CountyAgency {
  return db
    .insert(agencies)
    .values({ name: input.name, level: input.level, parentId: scope.agencyId })
    .returning(agencyColumns)
    .get();
}

/** The date (MM-DD) by which the county's townships and streets hand in their report; null clears it. */
export function setTownshipDeadline(db: Executor, scope: ActorScope, deadline: string | null): void {
  db.update(agencies).set({ townshipDeadline: deadline }).where(eq(agencies.id, scope.agencyId)).run();
}

/** A user as the admin page lists them: the profile, never the password hash. */
export type CountyUser = UserProfile;

export function listCountyUsers(db: Executor, scope: ActorScope): (CountyUser & { disabled: boolean })[] {
  return db
    .select({ ...profileColumns, disabledAt: users.disabledAt })
    .from(users)
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .where(inArray(users.agencyId, readableAgencyIds(db, scope)))
    .orderBy(asc(agencies.name), asc(users.username))
    .all()
    .map(({ disabledAt, ...user }) => ({ ...user, disabled: disabledAt !== null }));
}

/** A user of the county, by id or by username; another county's users are not found. */
export function findCountyUser(
  db: Executor,
  scope: ActorScope,
  which: number | { username: string },
): CountyUser | undefined {
  const match = typeof which === "number" ? eq(users.id, which) : eq(users.username, which.username);
  return db
    .select(profileColumns)
    .from(users)
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .where(and(match, inArray(users.agencyId, readableAgencyIds(db, scope))))
    .get();
}

export function usernameExists(db: Executor, username: string): boolean {
  return db.select({ id: users.id }).from(users).where(eq(users.username, username)).get() !== undefined;
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
 * The county's audit events, newest first, a page at a time: those of its agencies, and failed logins
 * under the usernames of its users (a failed login names no agency). `before` is the id the previous
 * page ended at; an id is a stable cursor where an offset would shift as new events arrive.
 */
export function listCountyAudit(db: Executor, scope: ActorScope, page: { before?: number; limit?: number } = {}): AuditPage {
  const limit = page.limit ?? AUDIT_PAGE_SIZE;
  const agencyIds = readableAgencyIds(db, scope);
  const usernames = db
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.agencyId, agencyIds))
    .all()
    .map((row) => row.username);
  const rows = db
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
        or(inArray(auditEvents.agencyId, agencyIds), inArray(auditEvents.username, usernames)),
        page.before === undefined ? undefined : lt(auditEvents.id, page.before),
      ),
    )
    .orderBy(desc(auditEvents.id))
    // One more than shown tells whether an older page exists.
    .limit(limit + 1)
    .all();
  const events = rows.slice(0, limit);
  return { events, olderThan: rows.length > limit ? events[events.length - 1].id : null };
}
