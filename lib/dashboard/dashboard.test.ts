import { eq } from "drizzle-orm";
import { actorScope } from "@/lib/permissions";
import type { Executor } from "@/db/client";
import { storeReportInStatus } from "@/db/test-db";
import { reports } from "@/db/schema";
import { saveReport } from "@/lib/reports/save";
import { approveReport, submitReport } from "@/lib/workflow/steps";
import { describe, expect } from "vitest";
import { listDashboardEntries } from "@/db/queries/dashboard";
import type { UserProfile } from "@/db/queries/users";
import { dashboardRow, loadProgressPage, PROGRESS_PAGE_SIZE, progressFilterSchema, type ProgressFilter } from "./dashboard";
import { createAgency } from "@/db/queries/agencies";
import { cleanTownshipReport, sharedWorld, storeReport } from "@/lib/workflow/test-fixture";
import { reportFigures } from "@/lib/report/figures";

const shared = sharedWorld();
const { itRolledBack } = shared;

const scope = (actor: UserProfile) => actorScope(actor);

describe("progress overview", () => {
  itRolledBack("shows an admin every agency of the county, county office first, and a supervisor only their own", async (tx) => {
    expect((await listDashboardEntries(tx, scope(shared.world.actors.admin), 2025)).map((e) => e.agencyName)).toEqual([
      "甲县",
      "甲县司法局",
      "甲县城关街道办事处",
    ]);
    expect((await listDashboardEntries(tx, scope(shared.world.actors.supervisor), 2025)).map((e) => e.agencyName)).toEqual([
      "甲县城关街道办事处",
    ]);
    expect((await listDashboardEntries(tx, scope(shared.world.actors.foreignAdmin), 2025)).map((e) => e.agencyName)).toEqual([
      "乙县",
      "乙县河西镇人民政府",
    ]);
  });

  itRolledBack("counts findings on the stored content and flags late reports", async (tx) => {
    const content = cleanTownshipReport(shared.world);
    content.requests.granted.naturalPerson = 5;
    delete content.website;
    await storeReport(tx, shared.world, "draft", content);
    const entries = await listDashboardEntries(tx, scope(shared.world.actors.admin), 2025);
    const afterDeadlines = new Date("2026-02-25T04:00:00Z");
    const rows = entries.map((entry) => dashboardRow(entry, 2025, afterDeadlines));
    const [county, department, township] = rows;
    expect(township).toMatchObject({
      report: { status: "draft", counts: { warnings: 1 } },
      deadline: { date: "2026-02-20" },
      daysLeft: -5,
      late: true,
      done: false,
    });
    expect(township.report?.counts?.errors).toBeGreaterThan(0);
    expect(department).toMatchObject({ report: null, deadline: { date: "2026-01-31" }, daysLeft: -25, late: true });
    expect(county).toMatchObject({ report: null, deadline: { date: "2026-03-31" }, daysLeft: 34, late: false });
  });

  itRolledBack("counts an approved report done when approved by the deadline", async (tx) => {
    // createReport stamps the approval now; the deadline of a report of next year is surely later.
    const year = new Date().getFullYear() + 1;
    await storeReport(tx, shared.world, "approved", cleanTownshipReport(shared.world, year));
    const [entry] = await listDashboardEntries(tx, scope(shared.world.actors.supervisor), year);
    const row = dashboardRow(entry, year, new Date(`${year + 2}-05-01T04:00:00Z`));
    expect(row).toMatchObject({ done: true, late: false, report: { counts: { errors: 0, warnings: 0 } } });
  });
});

describe("a page of the progress overview", () => {
  itRolledBack("counts every agency, filters by name, status and lateness, and reads only the page shown", async (tx) => {
    const { admin } = shared.world.actors;
    const { countyA } = shared.world.agencies;
    for (let i = 0; i < 60; i++) await createAgency(tx, { name: `甲县测试局${String(i).padStart(2, "0")}`, level: "department", parentId: countyA.id });
    await storeReport(tx, shared.world, "submitted", cleanTownshipReport(shared.world));
    const after = new Date("2026-02-10T10:00:00+08:00"); // departments (1月31日) are late; the township (2月20日) is not
    const load = async (filter: Partial<ProgressFilter>) =>
      loadProgressPage(tx, scope(admin), {
        year: 2025,
        officeId: countyA.id,
        filter: progressFilterSchema.parse(filter),
        now: after,
      });

    const first = await load({});
    expect(first.summary).toEqual({ total: 63, approved: 0, submitted: 1, notStarted: 62, lateOpen: 61 });
    expect([first.matching, first.page, first.pageCount, first.rows.length]).toEqual([63, 1, 2, PROGRESS_PAGE_SIZE]);
    expect(first.rows[0].agencyName).toBe("甲县");
    expect((await load({ page: 2 })).rows.map((row) => row.agencyName)).toHaveLength(13);
    // An impossible page shows the last one.
    expect((await load({ page: 99 })).page).toBe(2);

    expect((await load({ q: "测试局0" })).rows.map((row) => row.agencyName)).toEqual(
      Array.from({ length: 10 }, (_, i) => `甲县测试局0${i}`),
    );
    const submitted = await load({ status: "submitted" });
    expect(submitted.rows.map((row) => [row.agencyName, row.report?.counts?.errors])).toEqual([["甲县城关街道办事处", 0]]);
    expect((await load({ late: "1" })).matching).toBe(61);
    expect((await load({ status: "none", late: "1", q: "司法" })).rows.map((row) => row.agencyName)).toEqual(["甲县司法局"]);
    expect((await load({ level: "township" })).rows.map((row) => row.agencyName)).toEqual(["甲县城关街道办事处"]);
    expect((await load({ level: "department" })).matching).toBe(61);
    expect(await load({ q: "没有这个机关" })).toMatchObject({ matching: 0, rows: [], page: 1, pageCount: 1 });
    // What the address says that cannot be read is no filter at all.
    expect(progressFilterSchema.parse({ status: "bogus", level: "city", page: "-3", late: "yes" })).toEqual({
      q: "",
      status: "all",
      level: "all",
      late: "",
      errors: "",
      sort: "name",
      dir: "asc",
      page: 1,
    });
    expect(progressFilterSchema.parse({ sort: "content", dir: "up", errors: "all" })).toMatchObject({ sort: "name", dir: "asc", errors: "" });
  });
});

/** A report's stored check counts (null until stored). */
async function storedCounts(tx: Executor, reportId: number) {
  const [row] = await tx.select({ errors: reports.errorCount, warnings: reports.warningCount }).from(reports).where(eq(reports.id, reportId));
  return row;
}

describe("stored check counts", () => {
  itRolledBack("filters by errors and sorts by each column both ways, counting reports stored without counts once", async (tx) => {
    const { admin, otherClerk } = shared.world.actors;
    const { countyA, department } = shared.world.agencies;
    // The township's draft has errors; the department's report has none. Both stored without counts.
    const withErrors = cleanTownshipReport(shared.world);
    withErrors.requests.granted.naturalPerson = 5;
    const townshipReport = await storeReport(tx, shared.world, "draft", withErrors);
    const clean = { ...cleanTownshipReport(shared.world), agency: { name: department.name, level: "department" as const } };
    const departmentReport = (
      await storeReportInStatus(tx, { userId: otherClerk.id, agencyId: department.id, reach: "agency" }, { year: 2025, edition: "2021", content: clean, status: "submitted" })
    ).id;
    expect(await storedCounts(tx, townshipReport)).toEqual({ errors: null, warnings: null });
    // Touch the department's report later than the township's.
    await tx.update(reports).set({ updatedAt: new Date(Date.now() + 60_000) }).where(eq(reports.id, departmentReport));
    const load = async (filter: Partial<ProgressFilter>) =>
      loadProgressPage(tx, scope(admin), { year: 2025, officeId: countyA.id, filter: progressFilterSchema.parse(filter), now: new Date("2026-01-10T10:00:00+08:00") });
    const names = async (filter: Partial<ProgressFilter>) => (await load(filter)).rows.map((row) => row.agencyName);

    const onlyErrors = await load({ errors: "1" });
    expect(onlyErrors.rows.map((row) => row.agencyName)).toEqual(["甲县城关街道办事处"]);
    expect(onlyErrors.rows[0].report?.counts?.errors).toBeGreaterThan(0);
    // Counted once, then read from the row.
    expect((await storedCounts(tx, townshipReport))?.errors).toBe(onlyErrors.rows[0].report?.counts?.errors);
    expect(await storedCounts(tx, departmentReport)).toEqual({ errors: 0, warnings: 0 });
    expect(await load({ errors: "1", status: "submitted" })).toMatchObject({ matching: 0, rows: [] });

    // By name: the office first; the other way round, plain reverse order but the office last.
    expect(await names({})).toEqual(["甲县", "甲县司法局", "甲县城关街道办事处"]);
    expect(await names({ sort: "name", dir: "desc" })).toEqual(["甲县城关街道办事处", "甲县司法局", "甲县"]);
    // By errors: the agency with no report last, either way.
    expect(await names({ sort: "errors", dir: "desc" })).toEqual(["甲县城关街道办事处", "甲县司法局", "甲县"]);
    expect(await names({ sort: "errors", dir: "asc" })).toEqual(["甲县司法局", "甲县城关街道办事处", "甲县"]);
    // By status in workflow order: not started, draft, …, submitted.
    expect(await names({ sort: "status", dir: "asc" })).toEqual(["甲县", "甲县城关街道办事处", "甲县司法局"]);
    expect(await names({ sort: "status", dir: "desc" })).toEqual(["甲县司法局", "甲县城关街道办事处", "甲县"]);
    // By last saved: the most recent first, no report last.
    expect(await names({ sort: "updated", dir: "desc" })).toEqual(["甲县司法局", "甲县城关街道办事处", "甲县"]);
    expect(await names({ sort: "updated", dir: "asc" })).toEqual(["甲县城关街道办事处", "甲县司法局", "甲县"]);
    // Sorted and filtered together.
    expect(await names({ sort: "errors", dir: "desc", q: "司法" })).toEqual(["甲县司法局"]);
    // The office ends the list by name the other way round, even below an agency whose name sorts before its own.
    await createAgency(tx, { name: "一号测试局", level: "department", parentId: countyA.id });
    expect(await names({ sort: "name", dir: "desc" })).toEqual(["甲县城关街道办事处", "甲县司法局", "一号测试局", "甲县"]);
  });

  itRolledBack("counts and filters lateness in the database as each line shows it: approved after the deadline, or still open past it", async (tx) => {
    const { admin, otherClerk } = shared.world.actors;
    const { countyA, department } = shared.world.agencies;
    const township = await storeReport(tx, shared.world, "approved");
    const clean = { ...cleanTownshipReport(shared.world), agency: { name: department.name, level: "department" as const } };
    const departmentReport = (
      await storeReportInStatus(tx, { userId: otherClerk.id, agencyId: department.id, reach: "agency" }, { year: 2025, edition: "2021", content: clean, status: "approved" })
    ).id;
    for (let i = 0; i < 3; i++) await createAgency(tx, { name: `甲县逾期局${i}`, level: "department", parentId: countyA.id });
    // The township on time (2月20日), the department a day late (1月31日, in Beijing).
    await tx.update(reports).set({ approvedAt: new Date("2026-02-19T23:30:00+08:00") }).where(eq(reports.id, township));
    await tx.update(reports).set({ approvedAt: new Date("2026-02-01T00:10:00+08:00") }).where(eq(reports.id, departmentReport));
    for (const now of ["2026-01-31T23:59:00+08:00", "2026-02-01T00:01:00+08:00", "2026-03-31T12:00:00+08:00", "2026-04-01T08:00:00+08:00"]) {
      const load = async (filter: Partial<ProgressFilter>) =>
        loadProgressPage(tx, scope(admin), { year: 2025, officeId: countyA.id, filter: progressFilterSchema.parse(filter), now: new Date(now) });
      const all = await load({});
      const late = all.rows.filter((row) => row.late).map((row) => row.agencyName);
      expect((await load({ late: "1" })).rows.map((row) => row.agencyName)).toEqual(late);
      expect(all.summary.lateOpen).toBe(all.rows.filter((row) => row.late && row.report?.status !== "approved").length);
    }
    const load = async (now: string) =>
      loadProgressPage(tx, scope(admin), { year: 2025, officeId: countyA.id, filter: progressFilterSchema.parse({ late: "1" }), now: new Date(now) });
    // Before February the department's report was not yet due, and approved late only once it was approved.
    expect((await load("2026-01-31T23:59:00+08:00")).rows.map((row) => row.agencyName)).toEqual(["甲县司法局"]);
    // From 1 February the departments still open are late too; the county's own report (3月31日) from 1 April.
    expect((await load("2026-02-01T00:01:00+08:00")).rows.map((row) => row.agencyName)).toEqual(["甲县司法局", "甲县逾期局0", "甲县逾期局1", "甲县逾期局2"]);
    expect((await load("2026-04-01T08:00:00+08:00")).rows.map((row) => row.agencyName)).toEqual(["甲县", "甲县司法局", "甲县逾期局0", "甲县逾期局1", "甲县逾期局2"]);
  });

  itRolledBack("reads the counts the rows hold, never the content, when they are stored", async (tx) => {
    const { admin } = shared.world.actors;
    const reportId = await storeReport(tx, shared.world, "draft");
    // Counts that disagree with the (clean) content: the overview shows the row's.
    await tx.update(reports).set({ errorCount: 7, warningCount: 2 }).where(eq(reports.id, reportId));
    const page = await loadProgressPage(tx, scope(admin), {
      year: 2025,
      officeId: shared.world.agencies.countyA.id,
      filter: progressFilterSchema.parse({ errors: "1" }),
      now: new Date("2026-01-10T10:00:00+08:00"),
    });
    expect(page.rows.map((row) => [row.agencyName, row.report?.counts])).toEqual([["甲县城关街道办事处", { errors: 7, warnings: 2 }]]);
  });

  itRolledBack("stores the counts at a save, at submission and at approval", async (tx) => {
    const { clerk, supervisor } = shared.world.actors;
    const reportId = await storeReport(tx, shared.world, "draft");
    const withErrors = cleanTownshipReport(shared.world);
    withErrors.requests.granted.naturalPerson = 5;
    delete withErrors.website;
    const save = (baseVersion: number, content: unknown, acknowledgements: { findingId: string; by: string; reason: string }[] = []) =>
      saveReport(tx, clerk, reportId, { baseVersion, payload: { content, acknowledgements, tableNotes: {} } });
    expect(await save(1, withErrors)).toMatchObject({ kind: "saved", version: 2 });
    const afterSave = await storedCounts(tx, reportId);
    expect(afterSave?.errors).toBeGreaterThan(0);
    expect(afterSave?.warnings).toBe(1);
    // The save stores the report's figures too, for the roll-up and its XLSX.
    const [{ figures }] = await tx.select({ figures: reports.figures }).from(reports).where(eq(reports.id, reportId));
    expect(JSON.parse(figures!)).toEqual(reportFigures(withErrors));

    // Fixed, and the one warning acknowledged with a reason: nothing left to count.
    const fixed = cleanTownshipReport(shared.world);
    delete fixed.website;
    expect(await save(2, fixed)).toMatchObject({ kind: "saved", version: 3 });
    expect(await storedCounts(tx, reportId)).toEqual({ errors: 0, warnings: 1 });
    expect(await save(3, fixed, [{ findingId: "META-MISSING:website.name,website.url", by: "x", reason: "本机关没有网站" }])).toMatchObject({ kind: "saved" });
    expect(await storedCounts(tx, reportId)).toEqual({ errors: 0, warnings: 0 });

    // A workflow step stores them too (over counts that went stale or were never stored).
    await tx.update(reports).set({ errorCount: null, warningCount: null }).where(eq(reports.id, reportId));
    expect(await submitReport(tx, clerk, { reportId })).toEqual({ ok: true, data: { status: "submitted" } });
    expect(await storedCounts(tx, reportId)).toEqual({ errors: 0, warnings: 0 });
    await tx.update(reports).set({ errorCount: 9, warningCount: 9 }).where(eq(reports.id, reportId));
    expect(await approveReport(tx, supervisor, { reportId, version: 4 })).toEqual({ ok: true, data: { status: "approved" } });
    expect(await storedCounts(tx, reportId)).toEqual({ errors: 0, warnings: 0 });
  });
});
