/**
 * Roll-ups at any depth (issue #16 item 3): a city's sum is the sum of its counties' approved reports, each
 * county's subtotal is checked for balance, and nobody sees beyond their own subtree.
 */
import { describe, expect } from "vitest";
import { first, type Executor } from "@/db/client";
import { createAgency } from "@/db/queries/agencies";
import { listChildOfficeProgress } from "@/db/queries/dashboard";
import { storeReportInStatus } from "@/db/test-db";
import { createUser } from "@/db/queries/users";
import { actorScope } from "@/lib/permissions";
import { childOfficeProgress } from "@/lib/dashboard/dashboard";
import { chooseOffice, OFFICE_NOT_FOUND } from "@/lib/dashboard/office-choice";
import { createAgency as addAgency } from "@/lib/admin/office";
import { auditTrail, cleanTownshipReport, sharedWorld, storeReport, worldPasswordHash } from "@/lib/workflow/test-fixture";
import { loadRollupView, type RollupFilter } from "./figures";
import { readApprovedReports } from "./rollup";
import { listOfficeReports } from "@/db/queries/county";
import { findOfficeInScope } from "@/db/queries/offices";
import type { UserProfile } from "@/db/queries/users";
import { rollupTitles } from "@/lib/labels";
import { aggregateReports } from "@/lib/report/aggregate";
import { figureTables, reportFigures } from "@/lib/report/figures";
import type { Report } from "@/lib/report/model";
import { officeRollup } from "./rollup";
import { childOfficeStamps, rollupStamp } from "@/db/queries/rollups";
import { compareAgencies } from "./compare-agencies";
import { eq } from "drizzle-orm";
import { officeRollups, reports } from "@/db/schema";
import { reopenReport } from "@/lib/workflow/steps";

const shared = sharedWorld();

/** The plain definition of a roll-up, to hold the stored sums to: every approved report below, summed at once. */
async function sumEveryReport(tx: Executor, actor: UserProfile, year: number, officeId = actor.agencyId) {
  const scope = actorScope(actor);
  const office = await findOfficeInScope(tx, scope, officeId);
  if (!office) return undefined;
  const agencies = await listOfficeReports(tx, scope, office.id, year);
  const read = readApprovedReports(agencies);
  const aggregate = aggregateReports(
    read.map((part) => part.report),
    year,
    { name: office.name },
  );
  return { title: rollupTitles[office.officeTier], agencies, summed: aggregate.included.map((index) => read[index].entry), aggregate };
}
const { itRolledBack } = shared;

/** An approved 2025 report of 乙县's township with `received` new requests (all granted); `broken` unbalances it. */
async function storeTownshipB(tx: Executor, received: number, broken = false) {
  const { townshipB } = shared.world.agencies;
  const clerk = await createUser(tx, { username: `clerk-b-${received}`, displayName: "乙县经办人", role: "clerk", agencyId: townshipB.id, passwordHash: worldPasswordHash() });
  const content = cleanTownshipReport(shared.world);
  content.agency = { name: townshipB.name, level: "township" };
  const { requests } = content;
  requests.newReceived.naturalPerson = requests.newReceived.total = received;
  requests.granted.naturalPerson = requests.granted.total = received;
  requests.totalHandled.naturalPerson = requests.totalHandled.total = broken ? received + 1 : received;
  await storeReportInStatus(tx, actorScope(clerk), { year: 2025, edition: "2021", content, status: "approved" });
}

async function storeTownshipA(tx: Executor, received: number) {
  const content = cleanTownshipReport(shared.world);
  const { requests } = content;
  requests.newReceived.naturalPerson = requests.newReceived.total = received;
  requests.granted.naturalPerson = requests.granted.total = received;
  requests.totalHandled.naturalPerson = requests.totalHandled.total = received;
  await storeReport(tx, shared.world, "approved", content);
}

describe("a city's roll-up", () => {
  itRolledBack("sums the approved reports of every county below, with a subtotal per county", async (tx) => {
    await storeTownshipA(tx, 4);
    await storeTownshipB(tx, 7);
    const { cityAdmin } = shared.world.actors;
    const figures = (await sumEveryReport(tx, cityAdmin, 2025))!;
    expect(figures.title).toBe("全市汇总");
    expect(figures.summed.map((agency) => agency.agencyName).sort()).toEqual(["乙县河西镇人民政府", "甲县城关街道办事处"]);
    expect(figures.aggregate.report.requests.newReceived.total).toBe(11);
    expect(figures.aggregate.findings).toEqual([]);
    // The page sums the counties' stored sums: the same numbers.
    const view = (await loadRollupView(tx, cityAdmin, 2025))!;
    expect(view.aggregate.report).toEqual(figures.aggregate.report);
    expect([view.agencyCount, view.summedCount]).toEqual([figures.agencies.length, 2]);
    expect(view.childOffices.map((office) => [office.name, office.agencyCount, office.summedCount, office.findings])).toEqual([
      ["乙县", 2, 1, []],
      ["甲县", 3, 1, []],
    ]);
    // The city office itself has no report yet: it is the one direct agency, missing.
    expect([view.summed, view.missing.map((agency) => agency.agencyName)]).toEqual([[], ["甲市"]]);
  });

  itRolledBack("checks the balance of each county's subtotal and of the city's sum", async (tx) => {
    await storeTownshipA(tx, 4);
    await storeTownshipB(tx, 7, true);
    const view = (await loadRollupView(tx, shared.world.actors.cityAdmin, 2025))!;
    const [yi, jia] = view.childOffices;
    expect(yi.findings.map((finding) => finding.rule)).toContain("R3-BALANCE");
    expect(jia.findings).toEqual([]);
    expect(view.aggregate.findings.map((finding) => finding.rule)).toContain("R3-BALANCE");
  });

  itRolledBack("shows a county seen from the city as the county sees it, and no office out of reach", async (tx) => {
    await storeTownshipA(tx, 4);
    await storeTownshipB(tx, 7);
    const { cityAdmin, admin, otherCityAdmin } = shared.world.actors;
    const { countyA, city } = shared.world.agencies;
    const fromCity = (await sumEveryReport(tx, cityAdmin, 2025, countyA.id))!;
    const fromCounty = (await sumEveryReport(tx, admin, 2025))!;
    expect(fromCity.title).toBe("全县汇总");
    expect(fromCity.aggregate.report.requests.newReceived.total).toBe(4);
    expect(fromCity.agencies.map((agency) => agency.agencyName)).toEqual(fromCounty.agencies.map((agency) => agency.agencyName));
    expect(await sumEveryReport(tx, admin, 2025, city.id)).toBeUndefined();
    expect(await sumEveryReport(tx, otherCityAdmin, 2025, countyA.id)).toBeUndefined();
  });
});

describe("a roll-up read from stored figures", () => {
  itRolledBack("stores the figures of reports that had none, then sums the figures without the content", async (tx) => {
    await storeTownshipA(tx, 4);
    await storeTownshipB(tx, 7);
    const { cityAdmin } = shared.world.actors;
    const { city } = shared.world.agencies;
    const figuresOf = async () =>
      (await tx.select({ figures: reports.figures }).from(reports).where(eq(reports.status, "approved"))).map((row) => row.figures);
    // Stored the way an older version of the app left them: no figures.
    await tx.update(reports).set({ figures: null });
    const before = (await sumEveryReport(tx, cityAdmin, 2025))!;
    expect((await officeRollup(tx, city, 2025)).report).toEqual(before.aggregate.report);
    const stored = await figuresOf();
    expect(stored.every((figures) => figures !== null)).toBe(true);

    // From now on a sum reads the figures: a report's content no longer changes it, its figures do.
    const township = (await first(tx.select({ id: reports.id, content: reports.content, figures: reports.figures }).from(reports).where(eq(reports.status, "approved"))))!;
    const tables = figureTables("2021", JSON.parse(township.figures!))!;
    tables.requests.newReceived.total = 1000;
    const figures = reportFigures({ ...(JSON.parse(township.content) as Report), ...tables });
    await tx.update(reports).set({ figures: JSON.stringify(figures), content: "{}" }).where(eq(reports.id, township.id));
    await tx.delete(officeRollups);
    const after = await officeRollup(tx, city, 2025);
    expect(after.skipped).toEqual([]);
    expect(after.report.requests.newReceived.total).toBe(1000 + 11 - (JSON.parse(township.content) as Report).requests.newReceived.total!);
  });
});

describe("progress per child office", () => {
  itRolledBack("counts each county's agencies by status, and lateness by the deadline of each agency's office", async (tx) => {
    await storeTownshipA(tx, 4);
    await storeReport(tx, shared.world, "draft", cleanTownshipReport(shared.world, 2024));
    const { cityAdmin } = shared.world.actors;
    const scope = actorScope(cityAdmin);
    const entries = await listChildOfficeProgress(tx, scope, 2025, shared.world.agencies.city.id);
    // 2026-04-15: every deadline of 2025's reports has passed.
    const progress = childOfficeProgress(entries, 2025, new Date("2026-04-15T10:00:00+08:00"));
    expect(progress).toEqual([
      // 乙县 itself is late (3月31日); its township is not, as 乙县 set no date for its townships.
      { officeId: shared.world.agencies.countyB.id, name: "乙县", agencies: 2, approved: 0, submitted: 0, inProgress: 0, imported: 0, notStarted: 2, late: 1 },
      { officeId: shared.world.agencies.countyA.id, name: "甲县", agencies: 3, approved: 1, submitted: 0, inProgress: 0, imported: 0, notStarted: 2, late: 2 },
    ]);
    // Before 1月31日 nothing is late yet.
    expect(childOfficeProgress(entries, 2025, new Date("2026-01-10T10:00:00+08:00")).every((office) => office.late === 0)).toBe(true);
    // A county admin has no child offices; another city's admin reaches none of these.
    expect(await listChildOfficeProgress(tx, actorScope(shared.world.actors.admin), 2025, shared.world.agencies.countyA.id)).toEqual([]);
    expect(await listChildOfficeProgress(tx, actorScope(shared.world.actors.otherCityAdmin), 2025, shared.world.agencies.city.id)).toEqual([]);
  });
});

describe("choosing the office a page looks at", () => {
  itRolledBack("takes the admin's own office by default and one below it by id; refuses any other, audited", async (tx) => {
    const { cityAdmin, admin, supervisor } = shared.world.actors;
    const { city, countyA, otherCity, township } = shared.world.agencies;
    expect(await chooseOffice(tx, cityAdmin, undefined, "汇总")).toMatchObject({ ok: true, office: { id: city.id, officeTier: "city" } });
    expect(await chooseOffice(tx, cityAdmin, String(countyA.id), "汇总")).toMatchObject({
      ok: true,
      office: { id: countyA.id, name: "甲县" },
      line: [
        { id: city.id, name: "甲市" },
        { id: countyA.id, name: "甲县" },
      ],
    });
    const before = (await auditTrail(tx)).length;
    for (const asked of [String(otherCity.id), String(township.id), "abc"]) {
      expect(await chooseOffice(tx, cityAdmin, asked, "汇总")).toEqual({ ok: false, reason: OFFICE_NOT_FOUND });
    }
    expect(await chooseOffice(tx, admin, String(city.id), "进度总览")).toEqual({ ok: false, reason: OFFICE_NOT_FOUND });
    const refused = (await auditTrail(tx)).slice(before);
    expect(refused).toHaveLength(4);
    expect(refused.every((event) => event.action === "action-refused")).toBe(true);
    expect(refused[3].detail).toBe(`查看进度总览（政务公开办编号 ${city.id}）：${OFFICE_NOT_FOUND}`);
    // A supervisor looks at their own agency only, whatever the address says.
    expect(await chooseOffice(tx, supervisor, String(city.id), "进度总览")).toEqual({ ok: true, office: null, line: [] });
  });
});

describe("adding agencies at any depth", () => {
  itRolledBack("adds a county under a city (an office of its own), and refuses what does not fit the tier", async (tx) => {
    const { cityAdmin, admin } = shared.world.actors;
    const added = await addAgency(tx, cityAdmin, { name: "丁县", level: "government" });
    expect(added).toMatchObject({ ok: true, data: { name: "丁县", officeTier: "county", parentId: shared.world.agencies.city.id } });
    const countyId = added.ok ? added.data.id : 0;
    // The new county's admin reaches it; the city admin reaches what is added under it later.
    const below = await addAgency(tx, cityAdmin, { name: "丁县某镇", level: "township", parentId: countyId });
    expect(below).toMatchObject({ ok: true, data: { officeTier: null } });
    expect((await sumEveryReport(tx, cityAdmin, 2025, countyId))?.agencies.map((agency) => agency.agencyName)).toEqual(["丁县", "丁县某镇"]);
    expect(await addAgency(tx, cityAdmin, { name: "某街道", level: "township" })).toMatchObject({
      ok: false,
      fieldErrors: { level: ["乡镇、街道只能设在县（区）之下。"] },
    });
    expect(await addAgency(tx, admin, { name: "某县", level: "government" })).toMatchObject({
      ok: false,
      fieldErrors: { level: ["县（区）以下不再设下级人民政府，请选择部门或乡镇、街道。"] },
    });
    // Under an agency that is not an office, or an office out of reach: refused and audited.
    const before = (await auditTrail(tx)).length;
    expect(await addAgency(tx, cityAdmin, { name: "某局", level: "department", parentId: shared.world.agencies.township.id })).toMatchObject({
      ok: false,
      fieldErrors: { parentId: ["请选择您管理的政务公开办"] },
    });
    expect((await addAgency(tx, admin, { name: "某局", level: "department", parentId: shared.world.agencies.countyB.id })).ok).toBe(false);
    expect((await auditTrail(tx)).slice(before).map((event) => event.action)).toEqual(["action-refused", "action-refused"]);
    // Names are unique under one office only.
    expect((await addAgency(tx, cityAdmin, { name: "甲县司法局", level: "department" })).ok).toBe(true);
  });
});

describe("the agency tree", () => {
  itRolledBack("records each new agency's line of offices at every depth", async (tx) => {
    const province = await createAgency(tx, { name: "某省", level: "government", officeTier: "province" });
    const city = await createAgency(tx, { name: "某市", level: "government", officeTier: "city", parentId: province.id });
    const county = await createAgency(tx, { name: "某县", level: "government", officeTier: "county", parentId: city.id });
    const bureau = await createAgency(tx, { name: "某县某局", level: "department", parentId: county.id });
    const provinceAdmin = await createUser(tx, { username: "province-admin", displayName: "省管理员", role: "admin", agencyId: province.id, passwordHash: "x" });
    const figures = (await sumEveryReport(tx, provinceAdmin, 2025))!;
    expect(figures.title).toBe("全省汇总");
    expect(figures.agencies.map((agency) => [agency.agencyName, agency.childOfficeId])).toEqual([
      ["某省", null],
      ["某县", city.id],
      ["某县某局", city.id],
      ["某市", city.id],
    ]);
    expect((await chooseOffice(tx, provinceAdmin, String(bureau.id), "汇总")).ok).toBe(false);
    expect(await chooseOffice(tx, provinceAdmin, String(county.id), "汇总")).toMatchObject({
      ok: true,
      line: [{ name: "某省" }, { name: "某市" }, { name: "某县" }],
    });
  });
});

describe("stored roll-ups", () => {
  itRolledBack("are used while the approved reports below stay the same, and summed again when one changes", async (tx) => {
    await storeTownshipA(tx, 4);
    await storeTownshipB(tx, 7);
    const { cityAdmin, admin } = shared.world.actors;
    expect((await loadRollupView(tx, cityAdmin, 2025))!.aggregate.report.requests.newReceived.total).toBe(11);
    const stored = async () => (await tx.select().from(officeRollups)).map((row) => [row.officeId, row.year, row.included]);
    const { city, countyA, countyB } = shared.world.agencies;
    expect((await stored()).sort()).toEqual([[city.id, 2025, 2], [countyA.id, 2025, 1], [countyB.id, 2025, 1]].sort());
    // A stored sum that no longer matches its stamp is never shown: reopening 甲县's report takes it out.
    const reportId = (await first(tx.select({ id: reports.id }).from(reports).where(eq(reports.agencyId, shared.world.agencies.township.id))))!.id;
    expect((await reopenReport(tx, admin, { reportId, reason: "表三数字有误，需要更正。" })).ok).toBe(true);
    const view = (await loadRollupView(tx, cityAdmin, 2025))!;
    expect(view.aggregate.report.requests.newReceived.total).toBe(7);
    expect(view.summedCount).toBe(1);
    expect(view.childOffices.map((office) => office.summedCount)).toEqual([1, 0]);
    // The stored sums were brought up to date, the city's own included (a province above it uses it).
    expect((await stored()).sort()).toEqual([[city.id, 2025, 1], [countyA.id, 2025, 0], [countyB.id, 2025, 1]].sort());
    expect(await officeRollup(tx, city, 2025)).toMatchObject({ included: 1, skipped: [] });
  });
});

describe("comparing at a city", () => {
  itRolledBack("compares the city's own agencies and each county by its roll-up, never the agencies inside a county", async (tx) => {
    await storeTownshipA(tx, 12);
    await storeTownshipB(tx, 30);
    const outcome = await compareAgencies(tx, shared.world.actors.cityAdmin, { year: 2025 });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.data.rows.map((row) => [row.agencyName, row.isChildOffice, row.reportId, row.figures.newReceived.value])).toEqual([
      ["乙县", true, null, 30],
      ["甲县", true, null, 12],
    ]);
    expect(outcome.data.rows[0].figures.daysLate).toMatchObject({ value: null, note: "下级政务公开办的汇总，不计逾期" });
    expect(outcome.data.withoutApproved).toEqual([{ agencyName: "甲市", statusLabel: "未开始" }]);
    expect(outcome.data.history.agencies.map((agency) => agency.name)).toEqual(["乙县", "甲县"]);
  });
});

describe("the roll-up page of a large county", () => {
  itRolledBack("lists its summed agencies a page at a time, reading only that page, with the total over all", async (tx) => {
    const { admin } = shared.world.actors;
    const { countyA } = shared.world.agencies;
    for (let i = 0; i < 55; i++) {
      const agency = await createAgency(tx, { name: `甲县分页局${String(i).padStart(2, "0")}`, level: "department", parentId: countyA.id });
      const clerk = await createUser(tx, { username: `page-clerk-${i}`, displayName: "经办人", role: "clerk", agencyId: agency.id, passwordHash: "x" });
      const content = cleanTownshipReport(shared.world);
      content.agency = { name: agency.name, level: "department" };
      content.requests.newReceived.naturalPerson = content.requests.newReceived.total = 1;
      content.requests.granted.naturalPerson = content.requests.granted.total = 1;
      content.requests.totalHandled.naturalPerson = content.requests.totalHandled.total = 1;
      // One report of another year, stored under 2025: approved, but left out of the sum with the reason.
      if (i === 54) content.year = 2024;
      await storeReportInStatus(tx, actorScope(clerk), { year: 2025, edition: "2021", content, status: "approved" });
    }
    const first = (await loadRollupView(tx, admin, 2025))!;
    expect([first.summedCount, first.summedTotal, first.page, first.pageCount, first.summed.length]).toEqual([54, 54, 1, 2, 50]);
    expect(first.aggregate.report.requests.newReceived.total).toBe(54);
    expect(first.summed[0].findings).toEqual([]);
    const left = first.missing.find((agency) => agency.agencyName === "甲县分页局54");
    expect(left?.reason).toBe("报告年度为 2024 年，不是 2025 年，未计入汇总。");
    // Approved but left out of the sum: among those not summed, found by its status.
    const approvedLeftOut = (await loadRollupView(tx, admin, 2025, countyA.id, { filter: { status: "approved" } }))!;
    expect([approvedLeftOut.missing.map((agency) => agency.agencyName), approvedLeftOut.summedTotal]).toEqual([["甲县分页局54"], 54]);
    // Its figures are not stored: they would stand for a report of 2025.
    const [{ figures }] = await tx.select({ figures: reports.figures }).from(reports).where(eq(reports.id, left!.reportId!));
    expect(figures).toBeNull();
    const second = (await loadRollupView(tx, admin, 2025, countyA.id, { filter: { page: 2 } }))!;
    expect(second.summed.map((agency) => agency.agencyName)).toEqual(["甲县分页局50", "甲县分页局51", "甲县分页局52", "甲县分页局53"]);
    // Asking for one agency's tables opens the page that holds it.
    const holding = second.summed[0].agencyId;
    expect((await loadRollupView(tx, admin, 2025, countyA.id, { agencyId: holding }))!.page).toBe(2);
    // The same numbers as summing every report.
    expect((await sumEveryReport(tx, admin, 2025))!.aggregate.report).toEqual(first.aggregate.report);
  });

  itRolledBack("searches its agencies by name and level, narrows those not summed by status, and pages both lists", async (tx) => {
    const { admin } = shared.world.actors;
    const { countyA } = shared.world.agencies;
    for (let i = 0; i < 60; i++) {
      const agency = await createAgency(tx, { name: `甲县筛选局${String(i).padStart(2, "0")}`, level: "department", parentId: countyA.id });
      if (i % 20 !== 0) continue;
      const clerk = await createUser(tx, { username: `filter-clerk-${i}`, displayName: "经办人", role: "clerk", agencyId: agency.id, passwordHash: "x" });
      const content = cleanTownshipReport(shared.world);
      content.agency = { name: agency.name, level: "department" };
      await storeReportInStatus(tx, actorScope(clerk), { year: 2025, edition: "2021", content, status: i === 0 ? "approved" : "draft" });
    }
    const all = (await loadRollupView(tx, admin, 2025))!;
    const view = async (filter: Partial<RollupFilter>) => (await loadRollupView(tx, admin, 2025, countyA.id, { filter }))!;
    const names = (agencies: { agencyName: string }[]) => agencies.map((agency) => agency.agencyName);

    const searched = await view({ q: "筛选局2" });
    expect([names(searched.summed), names(searched.missing), searched.filtered]).toEqual([[], [20, 21, 22, 23, 24, 25, 26, 27, 28, 29].map((i) => `甲县筛选局${i}`), true]);
    // The summary still counts every agency and the sum every approved report.
    expect([searched.agencyCount, searched.summedCount, searched.aggregate.report]).toEqual([all.agencyCount, all.summedCount, all.aggregate.report]);
    expect(names((await view({ q: "筛选局0" })).summed)).toEqual(["甲县筛选局00"]);
    // LIKE's wildcards are searched as they are.
    expect((await view({ q: "筛选局%" })).missingTotal).toBe(0);
    expect((await view({ q: "筛选局", level: "township" })).missingTotal).toBe(0);
    expect(names((await view({ q: "筛选局", status: "draft" })).missing)).toEqual(["甲县筛选局20", "甲县筛选局40"]);

    // 59 not summed: two pages; the second holds the last nine, and the summed list keeps its own page.
    const second = await view({ q: "筛选局", mpage: 2 });
    expect([second.missingTotal, second.missingPage, second.missingPageCount, second.missing.length, second.page]).toEqual([59, 2, 2, 9, 1]);
    expect((await view({ q: "筛选局", mpage: 9 })).missingPage).toBe(2);
  });
});

describe("stamps read for many offices at once", () => {
  itRolledBack("are the stamps each office would read alone, by year", async (tx) => {
    await storeTownshipA(tx, 4);
    await storeTownshipB(tx, 7);
    await storeReport(tx, shared.world, "approved", cleanTownshipReport(shared.world, 2024));
    const { city, countyA, countyB } = shared.world.agencies;
    const stamps = await childOfficeStamps(tx, city.id);
    expect([...stamps.keys()].sort()).toEqual([countyA.id, countyB.id].sort());
    for (const [officeId, byYear] of stamps) {
      for (const [year, stamp] of byYear) expect(stamp).toBe(await rollupStamp(tx, officeId, year));
    }
    expect([...stamps.get(countyA.id)!.keys()].sort()).toEqual([2024, 2025]);
    expect([...stamps.get(countyB.id)!.keys()]).toEqual([2025]);
  });
});
