import fs from "node:fs";
import path from "node:path";
import { describe, expect } from "vitest";
import type { Executor } from "@/db/client";
import { storeReportInStatus } from "@/db/test-db";
import type { ReportStatus } from "@/db/schema";
import { auditTrail, cleanTownshipReport, sharedWorld, type World } from "@/lib/workflow/test-fixture";
import type { EditionId } from "@/lib/report/editions";
import { compareWithLastYear, type YearComparison } from "./compare";

const shared = sharedWorld();

async function store(tx: Executor, world: World, year: number, status: ReportStatus, edit?: (content: Awaited<ReturnType<typeof cleanTownshipReport>>) => void) {
  const content = cleanTownshipReport(world, year);
  edit?.(content);
  const { clerk } = world.actors;
  return (await storeReportInStatus(tx, { userId: clerk.id, agencyId: clerk.agencyId, reach: "agency" }, { year, edition: "2021", content, status })).id;
}

function compared(result: Awaited<ReturnType<typeof compareWithLastYear>>): YearComparison {
  if (!result.ok) throw new Error(`refused: ${result.formError}`);
  return result.data;
}

describe("compareWithLastYear", () => {
  shared.itRolledBack("compares the report with last year's approved report, for clerk, supervisor and county admin", async (tx) => {
    const { world } = shared;
    const lastYear = await store(tx, world, 2024, "approved", (r) => {
      r.requests.newReceived = { ...r.requests.newReceived, naturalPerson: 5, total: 5 };
      r.problems = "栏目更新不够及时。";
    });
    const reportId = await store(tx, world, 2025, "draft", (r) => {
      r.requests.newReceived = { ...r.requests.newReceived, naturalPerson: 25, total: 25 };
      r.problems = "栏目更新及时。";
    });
    for (const actor of [world.actors.clerk, world.actors.supervisor, world.actors.admin]) {
      const data = compared(await compareWithLastYear(tx, actor, { reportId: reportId }));
      expect(data.missing).toBeNull();
      expect(data.lastYear).toMatchObject({ id: lastYear, year: 2024, status: "approved", edition: "2021" });
      expect(data.report).toMatchObject({ id: reportId, year: 2025, agencyName: world.agencies.township.name });
      expect(data.comparison!.counts).toMatchObject({ changed: 2, swings: 2 });
      const problems = data.narratives.find((n) => n.key === "problems")!;
      expect(problems.segments).toEqual([
        { kind: "same", text: "栏目更新" },
        { kind: "removed", text: "不够" },
        { kind: "same", text: "及时。" },
      ]);
      expect(problems.similarity).toBeCloseTo(14 / 16);
      expect(data.narratives.find((n) => n.key === "overview")!.similarity).toBe(1);
    }
  });

  shared.itRolledBack("refuses another agency's report as not found, in the audit log, for a page view and a download", async (tx) => {
    const { world } = shared;
    await store(tx, world, 2024, "approved");
    const reportId = await (store(tx, world, 2025, "draft"));
    const before = (await auditTrail(tx)).length;
    for (const actor of [world.actors.otherClerk, world.actors.foreignClerk, world.actors.foreignAdmin]) {
      const result = await compareWithLastYear(tx, actor, { reportId: reportId });
      expect(result).toEqual({ ok: false, formError: "找不到该报告，或您无权查看该报告。", fieldErrors: undefined });
    }
    const download = await compareWithLastYear(tx, world.actors.foreignClerk, { reportId: reportId, purpose: "download" });
    expect(download.ok).toBe(false);
    const events = (await auditTrail(tx)).slice(before);
    expect(events.map((e) => [e.action, e.userId, e.reportId, e.detail])).toEqual([
      ["action-refused", world.actors.otherClerk.id, null, `查看与上年对比（报告编号 ${reportId}）：找不到该报告，或您无权查看该报告。`],
      ["action-refused", world.actors.foreignClerk.id, null, `查看与上年对比（报告编号 ${reportId}）：找不到该报告，或您无权查看该报告。`],
      ["action-refused", world.actors.foreignAdmin.id, null, `查看与上年对比（报告编号 ${reportId}）：找不到该报告，或您无权查看该报告。`],
      ["action-refused", world.actors.foreignClerk.id, null, `下载与上年对比（报告编号 ${reportId}）：找不到该报告，或您无权查看该报告。`],
    ]);
    expect(events.every((e) => e.agencyId !== world.agencies.township.id)).toBe(true);
  });

  shared.itRolledBack("says why there is nothing to compare: no report last year, or one not yet approved", async (tx) => {
    const { world } = shared;
    const alone = await store(tx, world, 2025, "draft");
    const none = compared(await compareWithLastYear(tx, world.actors.clerk, { reportId: alone }));
    expect(none.comparison).toBeNull();
    expect(none.lastYear).toBeNull();
    expect(none.missing).toContain("本机关没有 2024 年的报告");
    expect(none.missing).toContain("导入");

    const draft = await store(tx, world, 2024, "submitted");
    const unpublished = compared(await compareWithLastYear(tx, world.actors.supervisor, { reportId: alone }));
    expect(unpublished.comparison).toBeNull();
    expect(unpublished.lastYear).toMatchObject({ id: draft, status: "submitted" });
    expect(unpublished.missing).toBe("本机关 2024 年的报告尚未批准（待审核），批准后才能作为上年报告对比。");
  });

  shared.itRolledBack("compares with an imported past report on the older edition, its own cells 不可比", async (tx) => {
    const { world } = shared;
    const { clerk } = world.actors;
    const seed = JSON.parse(fs.readFileSync(path.join(process.cwd(), "lib/report/fixtures/seed-2020.json"), "utf8"));
    seed.agency = { name: world.agencies.township.name, level: "township" };
    const scope = { userId: clerk.id, agencyId: clerk.agencyId, reach: "agency" as const };
    await storeReportInStatus(tx, scope, { year: 2020, edition: "2019" as EditionId, content: seed, status: "imported" });
    const reportId = await (store(tx, world, 2021, "approved"));
    const data = compared(await compareWithLastYear(tx, world.actors.admin, { reportId: reportId }));
    expect(data.lastYear).toMatchObject({ year: 2020, status: "imported", edition: "2019" });
    expect(data.comparison!.sameEdition).toBe(false);
    expect(data.comparison!.counts.notComparable).toBeGreaterThan(0);
    const procurement = data.comparison!.tables[0].rows.find((row) => row.key === "procurement")!;
    expect(procurement.only).toBe("previous");
  });
});
