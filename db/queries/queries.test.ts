import { EDITABLE_STATUSES } from "@/lib/workflow/transitions";
import { storeReportInStatus } from "@/db/test-db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { openTemporaryDb } from "../test-db";
import { reportRevisions, users } from "../schema";
import { createAgency } from "./agencies";
import { createUser, verifyCredentials } from "./users";
import { createReport, getReportForActor, listAgencyReports, saveReportContent } from "./reports";
import { listRecentAudit } from "./audit";
import { seedDemoData, DEMO_USERS, DEMO_TOWNSHIP } from "../seed";
import type { ActorScope } from "./scope";

let db: Db;
let cleanup: () => void;

beforeEach(() => {
  ({ db, cleanup } = openTemporaryDb());
});
afterEach(() => cleanup());

function makeAgencyWithClerk(name: string, parentId?: number) {
  const agency = createAgency(db, { name, level: "township", parentId });
  const clerk = createUser(db, {
    username: `${name}-clerk`,
    displayName: "经办人",
    role: "clerk",
    agencyId: agency.id,
    password: "secret-pass",
  });
  const scope: ActorScope = { userId: clerk.id, agencyId: agency.id, reach: "agency" };
  return { agency, clerk, scope };
}

describe("users", () => {
  it("stores a hash, never the password, and checks credentials", async () => {
    const { clerk } = makeAgencyWithClerk("甲街道");
    const stored = db.select().from(users).where(eq(users.id, clerk.id)).get()!;
    expect(stored.passwordHash).not.toContain("secret-pass");
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$/);
    expect((await verifyCredentials(db, "甲街道-clerk", "secret-pass"))?.id).toBe(clerk.id);
    expect(await verifyCredentials(db, "甲街道-clerk", "wrong")).toBeUndefined();
    expect(await verifyCredentials(db, "nobody", "secret-pass")).toBeUndefined();
  });

  it("returns profiles without the password hash", async () => {
    makeAgencyWithClerk("乙街道");
    const profile = await verifyCredentials(db, "乙街道-clerk", "secret-pass");
    expect(profile).toBeDefined();
    expect(Object.keys(profile!)).not.toContain("passwordHash");
    expect(profile!.agencyName).toBe("乙街道");
  });
});

describe("reports", () => {
  it("keeps one report per agency and year, and records a first revision and an audit event", () => {
    const { scope } = makeAgencyWithClerk("甲街道");
    const first = createReport(db, scope, { year: 2025, edition: "2021", content: { year: 2025 } });
    const again = createReport(db, scope, { year: 2025, edition: "2021", content: { year: 9999 } });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(getReportForActor(db, scope, first.id)?.content).toEqual({ year: 2025 });
    expect(listRecentAudit(db).map((event) => event.action)).toEqual(["report-created"]);
  });

  it("lists only the actor's agency, newest year first", () => {
    const a = makeAgencyWithClerk("甲街道");
    const b = makeAgencyWithClerk("乙街道");
    createReport(db, a.scope, { year: 2024, edition: "2021", content: {} });
    createReport(db, a.scope, { year: 2025, edition: "2021", content: {} });
    createReport(db, b.scope, { year: 2025, edition: "2021", content: {} });
    expect(listAgencyReports(db, a.scope).map((report) => report.year)).toEqual([2025, 2024]);
    expect(listAgencyReports(db, b.scope)).toHaveLength(1);
  });

  it("finds nothing when another agency's user asks for a report by id", () => {
    const a = makeAgencyWithClerk("甲街道");
    const b = makeAgencyWithClerk("乙街道");
    const { id } = createReport(db, a.scope, { year: 2025, edition: "2021", content: {} });
    expect(getReportForActor(db, b.scope, id)).toBeUndefined();
    expect(getReportForActor(db, a.scope, id)).toBeDefined();
  });

  it("lets a county admin read the reports of agencies under the county only", () => {
    const county = createAgency(db, { name: "某县", level: "government" });
    const otherCounty = createAgency(db, { name: "另一县", level: "government" });
    const inside = makeAgencyWithClerk("县内街道", county.id);
    const outside = makeAgencyWithClerk("县外街道", otherCounty.id);
    const admin = createUser(db, { username: "admin", displayName: "管理员", role: "admin", agencyId: county.id, password: "x" });
    const adminScope: ActorScope = { userId: admin.id, agencyId: county.id, reach: "county" };
    const insideReport = createReport(db, inside.scope, { year: 2025, edition: "2021", content: {} });
    const outsideReport = createReport(db, outside.scope, { year: 2025, edition: "2021", content: {} });
    expect(getReportForActor(db, adminScope, insideReport.id)).toBeDefined();
    expect(getReportForActor(db, adminScope, outsideReport.id)).toBeUndefined();
  });
});

describe("demo seed", () => {
  it("seeds an empty database once and never again", () => {
    const seedReport = { year: 2020, edition: "2019" as const };
    expect(seedDemoData(db, seedReport)).toBe(true);
    expect(seedDemoData(db, seedReport)).toBe(false);
    for (const user of DEMO_USERS) {
      expect(db.select().from(users).where(eq(users.username, user.username)).get()).toBeDefined();
    }
  });

  it("stores the seed report as the approved 2020 report of the township", async () => {
    seedDemoData(db, { year: 2020, edition: "2019" });
    const clerk = (await verifyCredentials(db, "clerk", "clerk2026"))!;
    expect(clerk.agencyName).toBe(DEMO_TOWNSHIP);
    const [report] = listAgencyReports(db, { userId: clerk.id, agencyId: clerk.agencyId, reach: "agency" });
    expect(report).toMatchObject({ year: 2020, edition: "2019", status: "approved" });
  });
});

describe("saving report content", () => {
  it("saves on the current version, bumps it and keeps a revision per save", () => {
    const { scope } = makeAgencyWithClerk("甲街道");
    const { id } = createReport(db, scope, { year: 2025, edition: "2021", content: { n: 0 } });
    const first = saveReportContent(db, scope, { reportId: id, baseVersion: 1, content: { n: 1 }, acknowledgements: [], writableStatuses: EDITABLE_STATUSES });
    expect(first).toMatchObject({ kind: "saved", version: 2 });
    const second = saveReportContent(db, scope, { reportId: id, baseVersion: 2, content: { n: 2 }, acknowledgements: [], writableStatuses: EDITABLE_STATUSES });
    expect(second).toMatchObject({ kind: "saved", version: 3 });
    expect(getReportForActor(db, scope, id)?.content).toEqual({ n: 2 });
    const revisions = db.select().from(reportRevisions).where(eq(reportRevisions.reportId, id)).all();
    expect(revisions.map((revision) => revision.version)).toEqual([1, 2, 3]);
  });

  it("refuses a save based on an older version and keeps the newer content", () => {
    const { scope } = makeAgencyWithClerk("甲街道");
    const { id } = createReport(db, scope, { year: 2025, edition: "2021", content: { n: 0 } });
    saveReportContent(db, scope, { reportId: id, baseVersion: 1, content: { n: 1 }, acknowledgements: [], writableStatuses: EDITABLE_STATUSES });
    const stale = saveReportContent(db, scope, { reportId: id, baseVersion: 1, content: { n: 99 }, acknowledgements: [], writableStatuses: EDITABLE_STATUSES });
    expect(stale).toEqual({ kind: "conflict", currentVersion: 2 });
    expect(getReportForActor(db, scope, id)?.content).toEqual({ n: 1 });
  });

  it("refuses to change an approved report or another agency's report", () => {
    const a = makeAgencyWithClerk("甲街道");
    const b = makeAgencyWithClerk("乙街道");
    const approved = storeReportInStatus(db, a.scope, { year: 2020, edition: "2019", content: { n: 0 }, status: "approved" });
    expect(saveReportContent(db, a.scope, { reportId: approved.id, baseVersion: 1, content: {}, acknowledgements: [], writableStatuses: EDITABLE_STATUSES })).toEqual({
      kind: "locked",
      status: "approved",
    });
    const draft = createReport(db, a.scope, { year: 2025, edition: "2021", content: { n: 0 } });
    expect(saveReportContent(db, b.scope, { reportId: draft.id, baseVersion: 1, content: {}, acknowledgements: [], writableStatuses: EDITABLE_STATUSES })).toEqual({
      kind: "not-found",
    });
    expect(getReportForActor(db, a.scope, draft.id)?.content).toEqual({ n: 0 });
  });
});
