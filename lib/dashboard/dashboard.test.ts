import { actorScope } from "@/lib/permissions";
import { describe, expect } from "vitest";
import { listDashboardEntries } from "@/db/queries/dashboard";
import type { UserProfile } from "@/db/queries/users";
import { dashboardRow } from "./dashboard";
import { cleanTownshipReport, sharedWorld, storeReport } from "@/lib/workflow/test-fixture";

const shared = sharedWorld();
const { itRolledBack } = shared;

const scope = (actor: UserProfile) => actorScope(actor);

describe("progress overview", () => {
  itRolledBack("shows an admin every agency of the county, county office first, and a supervisor only their own", (tx) => {
    expect(listDashboardEntries(tx, scope(shared.world.actors.admin), 2025).map((e) => e.agencyName)).toEqual([
      "甲县",
      "甲县司法局",
      "甲县城关街道办事处",
    ]);
    expect(listDashboardEntries(tx, scope(shared.world.actors.supervisor), 2025).map((e) => e.agencyName)).toEqual([
      "甲县城关街道办事处",
    ]);
    expect(listDashboardEntries(tx, scope(shared.world.actors.foreignAdmin), 2025).map((e) => e.agencyName)).toEqual([
      "乙县",
      "乙县河西镇人民政府",
    ]);
  });

  itRolledBack("counts findings on the stored content and flags late reports", (tx) => {
    const content = cleanTownshipReport(shared.world);
    content.requests.granted.naturalPerson = 5;
    delete content.website;
    storeReport(tx, shared.world, "draft", content);
    const entries = listDashboardEntries(tx, scope(shared.world.actors.admin), 2025);
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

  itRolledBack("counts an approved report done when approved by the deadline", (tx) => {
    // createReport stamps the approval now; the deadline of a report of next year is surely later.
    const year = new Date().getFullYear() + 1;
    storeReport(tx, shared.world, "approved", cleanTownshipReport(shared.world, year));
    const [entry] = listDashboardEntries(tx, scope(shared.world.actors.supervisor), year);
    const row = dashboardRow(entry, year, new Date(`${year + 2}-05-01T04:00:00Z`));
    expect(row).toMatchObject({ done: true, late: false, report: { counts: { errors: 0, warnings: 0 } } });
  });
});
