import { actorScope } from "@/lib/permissions";
import { describe, expect } from "vitest";
import { listDashboardEntries } from "@/db/queries/dashboard";
import type { UserProfile } from "@/db/queries/users";
import { dashboardRow, loadProgressPage, PROGRESS_PAGE_SIZE, progressFilterSchema, type ProgressFilter } from "./dashboard";
import { createAgency } from "@/db/queries/agencies";
import { cleanTownshipReport, sharedWorld, storeReport } from "@/lib/workflow/test-fixture";

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
      report: { status: "draft", counts: { warnings: 1, unacknowledgedWarnings: 1 } },
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
      page: 1,
    });
  });
});
