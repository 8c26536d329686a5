/**
 * A small two-county world for workflow tests: county 甲 with a township (the report's agency), a
 * department and the county office; county 乙 with its own township. Every user of every role.
 */
import { afterAll, beforeAll, it } from "vitest";
import { transaction, type Db, type Executor } from "@/db/client";
import { openTemporaryDb, storeReportInStatus } from "@/db/test-db";
import { createAgency } from "@/db/queries/agencies";
import { createUser, type UserProfile } from "@/db/queries/users";
import { hashPasswordSync } from "@/lib/auth/passwords";
import { agencies, auditEvents, comments, reportRevisions, reports, users, type ReportStatus } from "@/db/schema";
import { cleanReport } from "@/lib/report/testing";
import type { Report } from "@/lib/report";

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** Every user of the world signs in with this password. */
export const WORLD_PASSWORD = "password-1";
let cachedWorldHash: string | undefined;
/** Its hash, computed once (scrypt takes a fifth of a second) and shared by every user of every world. */
export function worldPasswordHash(): string {
  return (cachedWorldHash ??= hashPasswordSync(WORLD_PASSWORD));
}

export async function buildWorld(db: Executor) {
  // Two cities: 甲市 over 甲县 and 乙县, and 丙市 over 丙县, which nobody of 甲市 may see.
  const city = await createAgency(db, { name: "甲市", level: "government", officeTier: "city" });
  const countyA = await createAgency(db, { name: "甲县", level: "government", officeTier: "county", parentId: city.id, childrenDeadline: "02-20" });
  const township = await createAgency(db, { name: "甲县城关街道办事处", level: "township", parentId: countyA.id });
  const department = await createAgency(db, { name: "甲县司法局", level: "department", parentId: countyA.id });
  const countyB = await createAgency(db, { name: "乙县", level: "government", officeTier: "county", parentId: city.id });
  const townshipB = await createAgency(db, { name: "乙县河西镇人民政府", level: "township", parentId: countyB.id });
  const otherCity = await createAgency(db, { name: "丙市", level: "government", officeTier: "city" });
  const countyC = await createAgency(db, { name: "丙县", level: "government", officeTier: "county", parentId: otherCity.id });
  const user = (username: string, role: UserProfile["role"], agencyId: number) =>
    createUser(db, { username, displayName: username, role, agencyId, passwordHash: worldPasswordHash() });
  const actors = {
    clerk: await user("clerk", "clerk", township.id),
    supervisor: await user("supervisor", "supervisor", township.id),
    admin: await user("admin", "admin", countyA.id),
    countySupervisor: await user("county-supervisor", "supervisor", countyA.id),
    // An admin account below the county office: it must have no admin power at all.
    townshipAdmin: await user("township-admin", "admin", township.id),
    otherClerk: await user("other-clerk", "clerk", department.id),
    otherSupervisor: await user("other-supervisor", "supervisor", department.id),
    foreignClerk: await user("foreign-clerk", "clerk", townshipB.id),
    foreignSupervisor: await user("foreign-supervisor", "supervisor", townshipB.id),
    foreignAdmin: await user("foreign-admin", "admin", countyB.id),
    cityAdmin: await user("city-admin", "admin", city.id),
    otherCityAdmin: await user("other-city-admin", "admin", otherCity.id),
  };
  return { agencies: { city, countyA, township, department, countyB, townshipB, otherCity, countyC }, actors };
}

/** A report with no finding at all for the township, year 2025 (2021 edition). */
export function cleanTownshipReport(world: World, year = 2025): Report {
  const report = cleanReport("2021", { year });
  report.agency = { name: world.agencies.township.name, level: "township" };
  report.title = `${world.agencies.township.name}${year}年政府信息公开工作年度报告`;
  return report;
}

/** Store the township's report in a status, as its clerk would have created it. */
export async function storeReport(db: Executor, world: World, status: ReportStatus, content: unknown = cleanTownshipReport(world)) {
  const { clerk } = world.actors;
  const year = (content as Report).year ?? 2025;
  return (await storeReportInStatus(
    db,
    { userId: clerk.id, agencyId: clerk.agencyId, reach: "agency" },
    { year, edition: "2021", content, status },
  )).id;
}

/** Every row of every table but the audit log, to prove a refused call changed nothing. */
export async function snapshot(db: Executor) {
  return JSON.stringify({
    agencies: (await db.select().from(agencies)),
    users: (await db.select().from(users)),
    reports: (await db.select().from(reports)),
    revisions: (await db.select().from(reportRevisions)),
    comments: (await db.select().from(comments)),
  });
}

/** The audit log's events, in order. */
export async function auditTrail(db: Executor) {
  return (await db.select().from(auditEvents));
}

const ROLLBACK = new Error("rollback");

/** Run a test body in a transaction that is always rolled back, so one world serves many tests. */
export async function inRollback(db: Executor, body: (tx: Executor) => Promise<void> | void): Promise<void> {
  try {
    await transaction(db, async (tx) => {
      await body(tx);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
}

/**
 * One world for a whole test file (hashing passwords is slow), opened before its tests and removed
 * after them, and `itRolledBack`: a test whose writes are rolled back, so tests never see each other.
 */
export function sharedWorld() {
  let opened: { db: Db; cleanup: () => Promise<void>; world: World } | undefined;
  beforeAll(async () => {
    const { db, cleanup } = await openTemporaryDb();
    opened = { db, cleanup, world: await buildWorld(db) };
  });
  afterAll(() => opened?.cleanup());
  const current = () => {
    if (!opened) throw new Error("the shared world is opened in beforeAll");
    return opened;
  };
  return {
    get db() {
      return current().db;
    },
    get world() {
      return current().world;
    },
    itRolledBack(name: string, body: (tx: Executor) => Promise<void> | void) {
      it(name, () => inRollback(current().db, body));
    },
  };
}
