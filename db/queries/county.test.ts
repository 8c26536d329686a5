import { storeReportInStatus } from "@/db/test-db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { first, type Db } from "../client";
import { openTemporaryDb } from "../test-db";
import { eq } from "drizzle-orm";
import { reports, users, type ReportStatus } from "../schema";
import { createAgency } from "./agencies";
import { reportStatusesInScope, latestReportYearInScope, listApprovedReportsInScope, listOfficeReports } from "./county";
import { createReport } from "./reports";
import { createUser } from "./users";
import type { ActorScope } from "./scope";

let db: Db;
let cleanup: () => void;

beforeEach(async () => {
  ({ db, cleanup } = await openTemporaryDb());
});
afterEach(() => cleanup());

/** Reads need no user row. */
const admin = (agencyId: number): ActorScope => ({ userId: 0, agencyId, reach: "subtree" });

/** A report of the agency, written by a clerk of it (created on first use). */
async function report(agencyId: number, year: number, status: ReportStatus, content: unknown = { year }) {
  const username = `clerk-${agencyId}`;
  const clerk =
    (await first(db.select({ id: users.id }).from(users).where(eq(users.username, username)))) ??
    (await createUser(db, { username, displayName: "经办人", role: "clerk", agencyId, passwordHash: "not-a-real-hash" }));
  return (await storeReportInStatus(db, { userId: clerk.id, agencyId, reach: "agency" }, { year, edition: "2019", content, status })).id;
}

describe("listOfficeReports", () => {
  it("lists the county office first, then its agencies by name, each with its report of the year", async () => {
    const county = await createAgency(db, { name: "乙县", level: "government", officeTier: "county" });
    const b = await createAgency(db, { name: "乙县b街道", level: "township", parentId: county.id });
    const a = await createAgency(db, { name: "乙县a局", level: "department", parentId: county.id });
    const c = await createAgency(db, { name: "乙县c局", level: "department", parentId: county.id });
    const other = await createAgency(db, { name: "甲县", level: "government", officeTier: "county" });
    const foreign = await createAgency(db, { name: "甲县某局", level: "department", parentId: other.id });
    const approved = await report(a.id, 2020, "approved", { year: 2020, agency: { name: "乙县a局" } });
    await report(a.id, 2019, "approved");
    const draft = await report(b.id, 2020, "returned");
    await report(foreign.id, 2020, "approved");

    const entries = await listOfficeReports(db, admin(county.id), county.id, 2020);
    expect(entries.map((e) => [e.agencyName, e.isOwnOffice, e.report?.status ?? null])).toEqual([
      ["乙县", true, null],
      ["乙县a局", false, "approved"],
      ["乙县b街道", false, "returned"],
      ["乙县c局", false, null],
    ]);
    expect(entries[1]).toEqual({
      agencyId: a.id,
      agencyName: "乙县a局",
      level: "department",
      isOwnOffice: false,
      childOfficeId: null,
      report: { id: approved, edition: "2019", status: "approved", version: 1, content: { year: 2020, agency: { name: "乙县a局" } }, figures: null },
    });
    expect(entries[2].report).toEqual({ id: draft, edition: "2019", status: "returned", version: 1, content: null, figures: null });
    expect(entries.some((e) => e.agencyName === c.name)).toBe(true);

    // With figures: an approved report's stored figures, and its content only where none are stored.
    await db.update(reports).set({ figures: "[1,null,false]" }).where(eq(reports.id, approved));
    const withFigures = await listOfficeReports(db, admin(county.id), county.id, 2020, { figures: true });
    expect(withFigures[1].report).toMatchObject({ status: "approved", content: null, figures: [1, null, false] });
    expect(withFigures[2].report).toMatchObject({ status: "returned", content: null, figures: null });
    await db.update(reports).set({ figures: null }).where(eq(reports.id, approved));
    const withoutFigures = await listOfficeReports(db, admin(county.id), county.id, 2020, { figures: true });
    expect(withoutFigures[1].report).toMatchObject({ content: { year: 2020, agency: { name: "乙县a局" } }, figures: null });
  });

  it("shows anyone but an admin only their own agency", async () => {
    const county = await createAgency(db, { name: "乙县", level: "government", officeTier: "county" });
    const a = await createAgency(db, { name: "乙县a局", level: "department", parentId: county.id });
    const entries = await listOfficeReports(db, { userId: 0, agencyId: a.id, reach: "agency" }, county.id, 2020);
    expect(entries.map((e) => e.agencyName)).toEqual(["乙县a局"]);
  });

  it("reaches every depth below a city and ties each agency to the county it belongs to", async () => {
    const city = await createAgency(db, { name: "甲市", level: "government", officeTier: "city" });
    const cityBureau = await createAgency(db, { name: "甲市司法局", level: "department", parentId: city.id });
    const county = await createAgency(db, { name: "乙县", level: "government", officeTier: "county", parentId: city.id });
    const township = await createAgency(db, { name: "乙县b街道", level: "township", parentId: county.id });
    const otherCity = await createAgency(db, { name: "丙市", level: "government", officeTier: "city" });
    await createAgency(db, { name: "丙市某局", level: "department", parentId: otherCity.id });
    await report(township.id, 2020, "approved", { year: 2020 });

    const entries = await listOfficeReports(db, admin(city.id), city.id, 2020);
    expect(entries.map((e) => [e.agencyName, e.isOwnOffice, e.childOfficeId])).toEqual([
      ["甲市", true, null],
      ["乙县", false, county.id],
      ["乙县b街道", false, county.id],
      ["甲市司法局", false, null],
    ]);
    expect(entries.find((e) => e.agencyId === township.id)?.report?.content).toEqual({ year: 2020 });
    expect(entries.some((e) => e.agencyId === cityBureau.id)).toBe(true);
    // Looking at the county from the city: the county first, its township below it, nothing of the city's own.
    expect((await listOfficeReports(db, admin(city.id), county.id, 2020)).map((e) => [e.agencyName, e.childOfficeId])).toEqual([
      ["乙县", null],
      ["乙县b街道", null],
    ]);
    // A county admin looking at the city sees only what is in its own subtree.
    expect((await listOfficeReports(db, admin(county.id), city.id, 2020)).map((e) => e.agencyName)).toEqual(["乙县", "乙县b街道"]);
  });
});

describe("latestReportYearInScope", () => {
  it("is the latest year with any report of the county, of any status", async () => {
    const county = await createAgency(db, { name: "乙县", level: "government", officeTier: "county" });
    const a = await createAgency(db, { name: "乙县a局", level: "department", parentId: county.id });
    const other = await createAgency(db, { name: "甲县", level: "government", officeTier: "county" });
    expect((await latestReportYearInScope(db, admin(county.id)))).toBeUndefined();
    await report(a.id, 2020, "approved");
    await report(a.id, 2022, "draft");
    await report(other.id, 2024, "approved");
    expect((await latestReportYearInScope(db, admin(county.id)))).toBe(2022);
  });
});

describe("listApprovedReportsInScope and reportStatusesInScope", () => {
  it("list the county's approved reports of every year, and the statuses of one year, never another county's", async () => {
    const county = await createAgency(db, { name: "乙县", level: "government", officeTier: "county" });
    const a = await createAgency(db, { name: "乙县a局", level: "department", parentId: county.id });
    const b = await createAgency(db, { name: "乙县b街道", level: "township", parentId: county.id });
    const other = await createAgency(db, { name: "甲县", level: "government", officeTier: "county" });
    const foreign = await createAgency(db, { name: "甲县某局", level: "department", parentId: other.id });
    await report(a.id, 2021, "approved", { year: 2021 });
    await report(a.id, 2019, "approved", { year: 2019 });
    await report(b.id, 2021, "submitted");
    await report(county.id, 2021, "imported");
    await report(foreign.id, 2021, "approved");

    const approved = await listApprovedReportsInScope(db, admin(county.id));
    expect(approved.map((r) => [r.agencyId, r.year, r.content])).toEqual([
      [a.id, 2019, { year: 2019 }],
      [a.id, 2021, { year: 2021 }],
    ]);
    expect(approved[0].approvedAt).toBeInstanceOf(Date);
    expect(approved[0].importedAt).toBeNull();
    expect((await listApprovedReportsInScope(db, { userId: 0, agencyId: b.id, reach: "agency" }))).toEqual([]);

    expect([...(await reportStatusesInScope(db, admin(county.id), 2021))].sort()).toEqual(
      [
        [a.id, "approved"],
        [b.id, "submitted"],
        [county.id, "imported"],
      ].sort(),
    );
  });
});
