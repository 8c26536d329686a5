import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { first, type Db } from "../client";
import { openTemporaryDb, storeReportInStatus } from "../test-db";
import { reportRevisions, reports, users } from "../schema";
import { createAgency } from "./agencies";
import { createUser, findSignInCandidate, getUserProfile } from "./users";
import { createReport, getReportForActor, listAgencyReports, saveReportContent } from "./reports";
import { listRecentAudit } from "./audit";
import type { ActorScope } from "./scope";
import { getRevisionContent, listRevisions } from "./history";
import { cleanReport } from "@/lib/report/testing";

/** The statuses the app lets clerks write in (the permission module's rule, restated for the query alone). */
const WRITABLE = ["draft", "returned"] as const;

/** The report as a save reads it before saving over it. */
async function read(scope: ActorScope, reportId: number) {
  const stored = await getReportForActor(db, scope, reportId);
  if (!stored) throw new Error(`report ${reportId} not readable`);
  return stored;
}

let db: Db;
let cleanup: () => void;

beforeEach(async () => {
  ({ db, cleanup } = await openTemporaryDb());
});
afterEach(() => cleanup());

async function makeAgencyWithClerk(name: string, parentId?: number) {
  const agency = await createAgency(db, { name, level: "township", parentId });
  const clerk = await createUser(db, {
    username: `${name}-clerk`,
    displayName: "经办人",
    role: "clerk",
    agencyId: agency.id,
    passwordHash: "hash-of-secret-pass",
  });
  const scope: ActorScope = { userId: clerk.id, agencyId: agency.id, reach: "agency" };
  return { agency, clerk, scope };
}

describe("users", () => {
  it("stores the hash it is given and finds it for signing in by exact username", async () => {
    const { clerk } = await makeAgencyWithClerk("甲街道");
    const stored = (await first(db.select().from(users).where(eq(users.id, clerk.id))))!;
    expect(stored.passwordHash).toBe("hash-of-secret-pass");
    expect((await findSignInCandidate(db, "甲街道-clerk"))).toMatchObject({ id: clerk.id, passwordHash: "hash-of-secret-pass", disabled: false });
    expect((await findSignInCandidate(db, "nobody"))).toBeUndefined();
  });

  it("returns profiles without the password hash", async () => {
    const { clerk } = await makeAgencyWithClerk("乙街道");
    const profile = await getUserProfile(db, clerk.id);
    expect(profile).toBeDefined();
    expect(Object.keys(profile!)).not.toContain("passwordHash");
    expect(profile!.agencyName).toBe("乙街道");
  });
});

describe("reports", () => {
  it("keeps one report per agency and year, and records a first revision and an audit event", async () => {
    const { scope } = await makeAgencyWithClerk("甲街道");
    const first = await createReport(db, scope, { year: 2025, edition: "2021", content: { year: 2025 } });
    const again = await createReport(db, scope, { year: 2025, edition: "2021", content: { year: 9999 } });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect((await getReportForActor(db, scope, first.id))?.content).toEqual({ year: 2025 });
    expect((await listRecentAudit(db)).map((event) => event.action)).toEqual(["report-created"]);
  });

  it("lists only the actor's agency, newest year first", async () => {
    const a = await makeAgencyWithClerk("甲街道");
    const b = await makeAgencyWithClerk("乙街道");
    await createReport(db, a.scope, { year: 2024, edition: "2021", content: {} });
    await createReport(db, a.scope, { year: 2025, edition: "2021", content: {} });
    await createReport(db, b.scope, { year: 2025, edition: "2021", content: {} });
    expect((await listAgencyReports(db, a.scope)).map((report) => report.year)).toEqual([2025, 2024]);
    expect((await listAgencyReports(db, b.scope))).toHaveLength(1);
  });

  it("finds nothing when another agency's user asks for a report by id", async () => {
    const a = await makeAgencyWithClerk("甲街道");
    const b = await makeAgencyWithClerk("乙街道");
    const { id } = await createReport(db, a.scope, { year: 2025, edition: "2021", content: {} });
    expect((await getReportForActor(db, b.scope, id))).toBeUndefined();
    expect((await getReportForActor(db, a.scope, id))).toBeDefined();
  });

  it("lets a county admin read the reports of agencies under the county only", async () => {
    const county = await createAgency(db, { name: "某县", level: "government", officeTier: "county" });
    const otherCounty = await createAgency(db, { name: "另一县", level: "government", officeTier: "county" });
    const inside = await makeAgencyWithClerk("县内街道", county.id);
    const outside = await makeAgencyWithClerk("县外街道", otherCounty.id);
    const admin = await createUser(db, { username: "admin", displayName: "管理员", role: "admin", agencyId: county.id, passwordHash: "x" });
    const adminScope: ActorScope = { userId: admin.id, agencyId: county.id, reach: "subtree" };
    const insideReport = await createReport(db, inside.scope, { year: 2025, edition: "2021", content: {} });
    const outsideReport = await createReport(db, outside.scope, { year: 2025, edition: "2021", content: {} });
    expect((await getReportForActor(db, adminScope, insideReport.id))).toBeDefined();
    expect((await getReportForActor(db, adminScope, outsideReport.id))).toBeUndefined();
  });
});

describe("saving report content", () => {
  it("saves on the current version, bumps it and keeps a revision per save", async () => {
    const { scope } = await makeAgencyWithClerk("甲街道");
    const { id } = await createReport(db, scope, { year: 2025, edition: "2021", content: { n: 0 } });
    const first = await saveReportContent(db, scope, { stored: await read(scope, id), baseVersion: 1, content: { n: 1 }, acknowledgements: [], writableStatuses: WRITABLE });
    expect(first).toMatchObject({ kind: "saved", version: 2 });
    const second = await saveReportContent(db, scope, { stored: await read(scope, id), baseVersion: 2, content: { n: 2 }, acknowledgements: [], writableStatuses: WRITABLE });
    expect(second).toMatchObject({ kind: "saved", version: 3 });
    expect((await getReportForActor(db, scope, id))?.content).toEqual({ n: 2 });
    const revisions = await db.select().from(reportRevisions).where(eq(reportRevisions.reportId, id));
    expect(revisions.map((revision) => revision.version)).toEqual([1, 2, 3]);
    // The first version keeps its content once it is replaced; each save after it keeps only what it changed.
    expect(revisions.map((revision) => revision.content)).toEqual(['{"n":0}', null, null]);
    expect(revisions.map((revision) => revision.patch && JSON.parse(revision.patch))).toEqual([
      null,
      [{ op: "replace", path: "/n", value: 1 }],
      [{ op: "replace", path: "/n", value: 2 }],
    ]);
    expect((await getRevisionContent(db, scope, id, 3))).toEqual({ n: 2 });
    expect((await getRevisionContent(db, scope, id, 1))).toEqual({ n: 0 });
    expect((await listRevisions(db, scope, id)).revisions.map((revision) => revision.content)).toEqual([{ n: 2 }, { n: 1 }, { n: 0 }]);
  });

  it("rebuilds every version of a long history from snapshots and patches, storing little per save", async () => {
    const { scope } = await makeAgencyWithClerk("丙街道");
    const report = cleanReport("2021", { year: 2025 });
    const { id } = await createReport(db, scope, { year: 2025, edition: "2021", content: report });
    const expected: unknown[] = [structuredClone(report)];
    for (let version = 1; version <= 45; version++) {
      report.requests.newReceived.naturalPerson = version;
      report.requests.newReceived.total = version;
      if (version % 7 === 0) report.contact = { ...report.contact, phone: `0535-${1000 + version}` };
      if (version === 30) delete (report as { problems?: string }).problems;
      const saved = await saveReportContent(db, scope, { stored: await read(scope, id), baseVersion: version, content: report, acknowledgements: [], writableStatuses: WRITABLE });
      expect(saved).toMatchObject({ kind: "saved", version: version + 1 });
      expected.push(structuredClone(report));
    }
    const revisions = await db.select().from(reportRevisions).where(eq(reportRevisions.reportId, id));
    // Whole content at the first version and every 20th; an autosave's patch is a few hundred bytes at most.
    expect(revisions.filter((revision) => revision.content !== null).map((revision) => revision.version)).toEqual([1, 20, 40]);
    const patches = revisions.filter((revision) => revision.patch !== null).map((revision) => revision.patch!.length);
    expect(patches).toHaveLength(43);
    expect(Math.max(...patches)).toBeLessThan(400);
    for (const version of [1, 2, 19, 20, 21, 33, 40, 45, 46]) {
      expect(await getRevisionContent(db, scope, id, version)).toEqual(expected[version - 1]);
    }
    const page = await listRevisions(db, scope, id, { limit: 10 });
    expect(page.revisions.map((revision) => revision.version)).toEqual([46, 45, 44, 43, 42, 41, 40, 39, 38, 37]);
    expect(page.revisions.map((revision) => revision.content)).toEqual(expected.slice(36).reverse());
    expect(page.base?.content).toEqual(expected[35]);
    const older = await listRevisions(db, scope, id, { limit: 10, before: page.olderThan! });
    expect(older.revisions.map((revision) => revision.content)).toEqual(expected.slice(26, 36).reverse());
  });

  it("stores a 20th version once while it is the current one, and keeps it whole once it is replaced", async () => {
    const { scope } = await makeAgencyWithClerk("丁街道");
    const { id } = await createReport(db, scope, { year: 2025, edition: "2021", content: { n: 1 } });
    for (let version = 1; version < 20; version++) {
      await saveReportContent(db, scope, { stored: await read(scope, id), baseVersion: version, content: { n: version + 1 }, acknowledgements: [], writableStatuses: WRITABLE });
    }
    const twentieth = async () =>
      (await db.select().from(reportRevisions).where(eq(reportRevisions.reportId, id))).find((revision) => revision.version === 20)!;
    // The content is the report's own: the revision stands for it (no copy, no patch).
    expect(await twentieth()).toMatchObject({ content: null, patch: null });
    expect(await getRevisionContent(db, scope, id, 20)).toEqual({ n: 20 });
    await saveReportContent(db, scope, { stored: await read(scope, id), baseVersion: 20, content: { n: 21 }, acknowledgements: [], writableStatuses: WRITABLE });
    expect(await twentieth()).toMatchObject({ content: '{"n":20}', patch: null });
    expect(await getRevisionContent(db, scope, id, 20)).toEqual({ n: 20 });
    expect(await getRevisionContent(db, scope, id, 21)).toEqual({ n: 21 });
  });

  it("refuses a save based on an older version and keeps the newer content", async () => {
    const { scope } = await makeAgencyWithClerk("甲街道");
    const { id } = await createReport(db, scope, { year: 2025, edition: "2021", content: { n: 0 } });
    await saveReportContent(db, scope, { stored: await read(scope, id), baseVersion: 1, content: { n: 1 }, acknowledgements: [], writableStatuses: WRITABLE });
    const stale = await saveReportContent(db, scope, { stored: await read(scope, id), baseVersion: 1, content: { n: 99 }, acknowledgements: [], writableStatuses: WRITABLE });
    expect(stale).toEqual({ kind: "conflict", currentVersion: 2 });
    expect((await getReportForActor(db, scope, id))?.content).toEqual({ n: 1 });
  });

  it("refuses a save over a version that another save or a workflow step replaced after it was read", async () => {
    const { scope } = await makeAgencyWithClerk("戊街道");
    const { id } = await createReport(db, scope, { year: 2025, edition: "2021", content: { n: 0 } });
    const readByFirstTab = await read(scope, id);
    const readBySecondTab = await read(scope, id);
    expect(await saveReportContent(db, scope, { stored: readBySecondTab, baseVersion: 1, content: { n: 2 }, acknowledgements: [], writableStatuses: WRITABLE })).toMatchObject({ kind: "saved", version: 2 });
    expect(await saveReportContent(db, scope, { stored: readByFirstTab, baseVersion: 1, content: { n: 1 }, acknowledgements: [], writableStatuses: WRITABLE })).toEqual({
      kind: "conflict",
      currentVersion: 2,
    });
    const readBeforeSubmission = await read(scope, id);
    await db.update(reports).set({ status: "submitted" }).where(eq(reports.id, id));
    expect(await saveReportContent(db, scope, { stored: readBeforeSubmission, baseVersion: 2, content: { n: 3 }, acknowledgements: [], writableStatuses: WRITABLE })).toEqual({
      kind: "locked",
      status: "submitted",
    });
    expect((await read(scope, id)).content).toEqual({ n: 2 });
    expect((await db.select().from(reportRevisions).where(eq(reportRevisions.reportId, id))).map((revision) => revision.version)).toEqual([1, 2]);
  });

  it("refuses to change an approved report or another agency's report", async () => {
    const a = await makeAgencyWithClerk("甲街道");
    const b = await makeAgencyWithClerk("乙街道");
    const approved = await storeReportInStatus(db, a.scope, { year: 2020, edition: "2019", content: { n: 0 }, status: "approved" });
    expect((await saveReportContent(db, a.scope, { stored: await read(a.scope, approved.id), baseVersion: 1, content: {}, acknowledgements: [], writableStatuses: WRITABLE }))).toEqual({
      kind: "locked",
      status: "approved",
    });
    const draft = await createReport(db, a.scope, { year: 2025, edition: "2021", content: { n: 0 } });
    // Another agency's clerk cannot read it, nor save over it with what a's clerk read.
    expect(await getReportForActor(db, b.scope, draft.id)).toBeUndefined();
    expect((await saveReportContent(db, b.scope, { stored: await read(a.scope, draft.id), baseVersion: 1, content: {}, acknowledgements: [], writableStatuses: WRITABLE }))).toEqual({
      kind: "not-found",
    });
    expect((await getReportForActor(db, a.scope, draft.id))?.content).toEqual({ n: 0 });
  });
});
