/**
 * A small two-county world for workflow tests: county 甲 with a township (the report's agency), a
 * department and the county office; county 乙 with its own township. Every user of every role.
 */
import { afterAll, beforeAll, it } from "vitest";
import type { Db, Executor } from "@/db/client";
import { openTemporaryDb, storeReportInStatus } from "@/db/test-db";
import { createAgency } from "@/db/queries/agencies";
import { createUser, type UserProfile } from "@/db/queries/users";
import { hashPasswordSync } from "@/lib/auth/passwords";
import { agencies, auditEvents, comments, reportRevisions, reports, users, type ReportStatus } from "@/db/schema";
import { cleanReport } from "@/lib/report/testing";
import type { Report } from "@/lib/report";

export type World = ReturnType<typeof buildWorld>;

/** Every user of the world signs in with this password. */
export const WORLD_PASSWORD = "password-1";
let cachedWorldHash: string | undefined;
/** Its hash, computed once (scrypt takes a fifth of a second) and shared by every user of every world. */
export function worldPasswordHash(): string {
  return (cachedWorldHash ??= hashPasswordSync(WORLD_PASSWORD));
}

export function buildWorld(db: Executor) {
  // Two cities: 甲市 over 甲县 and 乙县, and 丙市 over 丙县, which nobody of 甲市 may see.
  const city = createAgency(db, { name: "甲市", level: "government", officeTier: "city" });
  const countyA = createAgency(db, { name: "甲县", level: "government", officeTier: "county", parentId: city.id, childrenDeadline: "02-20" });
  const township = createAgency(db, { name: "甲县城关街道办事处", level: "township", parentId: countyA.id });
  const department = createAgency(db, { name: "甲县司法局", level: "department", parentId: countyA.id });
  const countyB = createAgency(db, { name: "乙县", level: "government", officeTier: "county", parentId: city.id });
  const townshipB = createAgency(db, { name: "乙县河西镇人民政府", level: "township", parentId: countyB.id });
  const otherCity = createAgency(db, { name: "丙市", level: "government", officeTier: "city" });
  const countyC = createAgency(db, { name: "丙县", level: "government", officeTier: "county", parentId: otherCity.id });
  const user = (username: string, role: UserProfile["role"], agencyId: number) =>
    createUser(db, { username, displayName: username, role, agencyId, passwordHash: worldPasswordHash() });
  const actors = {
    clerk: user("clerk", "clerk", township.id),
    supervisor: user("supervisor", "supervisor", township.id),
    admin: user("admin", "admin", countyA.id),
    countySupervisor: user("county-supervisor", "supervisor", countyA.id),
    // An admin account below the county office: it must have no admin power at all.
    townshipAdmin: user("township-admin", "admin", township.id),
    otherClerk: user("other-clerk", "clerk", department.id),
    otherSupervisor: user("other-supervisor", "supervisor", department.id),
    foreignClerk: user("foreign-clerk", "clerk", townshipB.id),
    foreignSupervisor: user("foreign-supervisor", "supervisor", townshipB.id),
    foreignAdmin: user("foreign-admin", "admin", countyB.id),
    cityAdmin: user("city-admin", "admin", city.id),
    otherCityAdmin: user("other-city-admin", "admin", otherCity.id),
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
export function storeReport(db: Executor, world: World, status: ReportStatus, content: unknown = cleanTownshipReport(world)) {
  const { clerk } = world.actors;
  const year = (content as Report).year ?? 2025;
  return storeReportInStatus(
    db,
    { userId: clerk.id, agencyId: clerk.agencyId, reach: "agency" },
    { year, edition: "2021", content, status },
  ).id;
}

/** Every row of every table but the audit log, to prove a refused call changed nothing. */
export function snapshot(db: Executor) {
  return JSON.stringify({
    agencies: db.select().from(agencies).all(),
    users: db.select().from(users).all(),
    reports: db.select().from(reports).all(),
    revisions: db.select().from(reportRevisions).all(),
    comments: db.select().from(comments).all(),
  });
}

/** The audit log's events, in order. */
export function auditTrail(db: Executor) {
  return db.select().from(auditEvents).all();
}

const ROLLBACK = new Error("rollback");

/** Run a test body in a transaction that is always rolled back, so one world serves many tests. */
export function inRollback(db: Executor, body: (tx: Executor) => void): void {
  try {
    db.transaction((tx) => {
      body(tx);
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
  let opened: { db: Db; cleanup: () => void; world: World } | undefined;
  beforeAll(() => {
    const { db, cleanup } = openTemporaryDb();
    opened = { db, cleanup, world: buildWorld(db) };
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
    itRolledBack(name: string, body: (tx: Executor) => void) {
      it(name, () => inRollback(current().db, body));
    },
  };
}
