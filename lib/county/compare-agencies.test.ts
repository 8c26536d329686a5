import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Executor } from "@/db/client";
import { createAgency } from "@/db/queries/agencies";
import { createUser } from "@/db/queries/users";
import { reports } from "@/db/schema";
import { storeReportInStatus } from "@/db/test-db";
import { cleanReport } from "@/lib/report/testing";
import type { Report } from "@/lib/report/model";
import { reportFigures } from "@/lib/report/figures";
import { auditTrail, sharedWorld, snapshot, worldPasswordHash } from "@/lib/workflow/test-fixture";
import { COMPARED_FIGURE_KEYS, compareAgencies, RATE_MINIMUM_BASE, type AgencyComparison } from "./compare-agencies";

const shared = sharedWorld();
const { itRolledBack } = shared;

/** A department of county 甲 with a clerk (created anew in each rolled-back test). */
async function department(tx: Executor, name: string, level: "department" | "township" = "department") {
  const agency = await createAgency(tx, { name, level, parentId: shared.world.agencies.countyA.id });
  const clerk = await createUser(tx, { username: `clerk-${name}`, displayName: name, role: "clerk", agencyId: agency.id, passwordHash: worldPasswordHash() });
  return { agency, clerk };
}

/** A report of `year` with `newReceived` new requests, `granted` of `handled` granted, stored approved at `approvedAt`. */
async function approved(
  tx: Executor,
  owner: { agency: { id: number; name: string }; clerk: { id: number } },
  year: number,
  figures: { newReceived?: number; granted?: number; handled?: number; made?: number } = {},
  approvedAt = new Date(`${year + 1}-01-20T10:00:00+08:00`),
  status: "approved" | "submitted" = "approved",
) {
  const report: Report = cleanReport(year <= 2020 ? "2019" : "2021", { year });
  report.agency = { name: owner.agency.name, level: "department" };
  report.requests.newReceived.total = figures.newReceived ?? 0;
  report.requests.granted.total = figures.granted ?? 0;
  report.requests.totalHandled.total = figures.handled ?? 0;
  if (figures.made !== undefined) {
    if (report.edition === "2021") report.activeDisclosure.normativeDocuments.made = figures.made;
    else report.activeDisclosure.normativeDocuments.newlyMade = figures.made;
  }
  const { id } = await storeReportInStatus(
    tx,
    { userId: owner.clerk.id, agencyId: owner.agency.id, reach: "agency" },
    { year, edition: report.edition, content: report, status },
  );
  if (status === "approved") await tx.update(reports).set({ approvedAt }).where(eq(reports.id, id));
  return id;
}

async function compare(tx: Executor, input: { year: number; sort?: unknown; dir?: unknown }): Promise<AgencyComparison> {
  const outcome = await compareAgencies(tx, shared.world.actors.admin, input);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.data;
}

describe("compareAgencies", () => {
  itRolledBack("lists the year's approved reports with their figures; the others by status", async (tx) => {
    const a = await department(tx, "甲县a局");
    const b = await department(tx, "甲县b局");
    await department(tx, "甲县c局");
    await approved(tx, a, 2022, { newReceived: 40, granted: 30, handled: 40, made: 3 });
    await approved(tx, b, 2022, { newReceived: 4, granted: 1, handled: 4 }, new Date("2023-02-05T09:00:00+08:00"));
    await approved(tx, a, 2021, { newReceived: 20 });
    await approved(tx, await department(tx, "甲县d局"), 2022, {}, undefined, "submitted");

    const data = await compare(tx, { year: 2022 });
    expect(data.county).toBe("甲县");
    expect(data.rows.map((row) => row.agencyName)).toEqual(["甲县a局", "甲县b局"]);
    const [rowA, rowB] = data.rows;
    expect(rowA.figures.newReceived).toMatchObject({ value: 40, judged: true });
    expect(rowA.figures.disclosureRate).toMatchObject({ value: 0.75, note: "30 / 40", judged: true });
    // A base under the minimum is shown but not judged.
    expect(rowB.figures.disclosureRate).toMatchObject({ value: 0.25, judged: false });
    expect(rowB.figures.disclosureRate.note).toContain(`基数不足 ${RATE_MINIMUM_BASE} 件`);
    expect(rowA.figures.reviewCorrectionRate).toMatchObject({ value: null, note: "无基数（分母为 0）" });
    expect(rowA.figures.documentsIssued.value).toBe(3);
    // Departments are due by 1月31日: approved on 2月5日 is 5 days late.
    expect(rowA.figures.daysLate).toMatchObject({ value: 0, judged: true });
    expect(rowB.figures.daysLate).toMatchObject({ value: 5, note: "期限 2023年1月31日，批准于 2023-02-05" });

    expect(data.withoutApproved).toEqual(
      expect.arrayContaining([
        { agencyName: "甲县", statusLabel: "未开始" },
        { agencyName: "甲县城关街道办事处", statusLabel: "未开始" },
        { agencyName: "甲县c局", statusLabel: "未开始" },
        { agencyName: "甲县d局", statusLabel: "待审核" },
      ]),
    );
    // Only two values: nobody is judged.
    expect(data.summaries.newReceived).toEqual({ judged: 2, fences: null });
    expect(data.rows.every((row) => COMPARED_FIGURE_KEYS.every((key) => row.figures[key].outlier === null))).toBe(true);
  });

  itRolledBack("reads the figures stored beside each report, storing them first where a report had none", async (tx) => {
    const a = await department(tx, "甲县a局");
    const id = await approved(tx, a, 2022, { newReceived: 40, granted: 30, handled: 40 });
    await tx.update(reports).set({ figures: null }).where(eq(reports.id, id));
    const rowOf = (data: AgencyComparison) => data.rows.find((row) => row.agencyName === "甲县a局")!;
    expect(rowOf(await compare(tx, { year: 2022 })).figures.newReceived.value).toBe(40);
    const [{ figures, content }] = await tx.select({ figures: reports.figures, content: reports.content }).from(reports).where(eq(reports.id, id));
    const report = JSON.parse(content) as Report;
    expect(JSON.parse(figures!)).toEqual(reportFigures(report));
    // From then on the figures are what is read, not the content.
    report.requests.newReceived.total = 41;
    await tx.update(reports).set({ figures: JSON.stringify(reportFigures(report)), content: "{}" }).where(eq(reports.id, id));
    expect(rowOf(await compare(tx, { year: 2022 })).figures.newReceived.value).toBe(41);
  });

  itRolledBack("marks outliers beyond 1.5 × IQR, high and low, among judged values only", async (tx) => {
    const values = [1, 12, 11, 13, 12, 200];
    for (const [i, newReceived] of values.entries()) await approved(tx, await department(tx, `甲县${i}局`), 2022, { newReceived, granted: newReceived, handled: newReceived });
    const data = await compare(tx, { year: 2022 });
    const byName = new Map(data.rows.map((row) => [row.agencyName, row]));
    expect(byName.get("甲县5局")!.figures.newReceived.outlier).toBe("high");
    expect(byName.get("甲县0局")!.figures.newReceived.outlier).toBe("low");
    expect(data.rows.filter((row) => row.figures.newReceived.outlier !== null)).toHaveLength(2);
    expect(data.summaries.newReceived.fences).toMatchObject({ q1: 11.25, q3: 12.75, low: 9, high: 15 });
    // Every rate is 100%: equal values, no outlier; 1 of 1 is not judged (base under the minimum).
    expect(data.rows.every((row) => row.figures.disclosureRate.outlier === null)).toBe(true);
    expect(data.summaries.disclosureRate.judged).toBe(5);
  });

  itRolledBack("sorts by a figure either way with blanks last, by name by default, and ignores an unknown sort", async (tx) => {
    await approved(tx, await department(tx, "甲县a局"), 2022, { newReceived: 5 });
    await approved(tx, await department(tx, "甲县b局"), 2022, { newReceived: 50 });
    const c = await department(tx, "甲县c局");
    const id = await approved(tx, c, 2022, { newReceived: 1 });
    const blank = cleanReport("2021", { year: 2022 });
    blank.agency = { name: "甲县c局", level: "department" };
    blank.requests.newReceived.total = null;
    (await tx.update(reports).set({ content: JSON.stringify(blank) }).where(eq(reports.id, id)));
    await approved(tx, await department(tx, "甲县e局"), 2022, { newReceived: 7 });

    const names = async (input: { sort?: unknown; dir?: unknown }) => (await compare(tx, { year: 2022, ...input })).rows.map((row) => row.agencyName);
    expect(await names({})).toEqual(["甲县a局", "甲县b局", "甲县c局", "甲县e局"]);
    expect(await names({ sort: "newReceived", dir: "desc" })).toEqual(["甲县b局", "甲县e局", "甲县a局", "甲县c局"]);
    expect(await names({ sort: "newReceived", dir: "asc" })).toEqual(["甲县a局", "甲县e局", "甲县b局", "甲县c局"]);
    expect(await names({ sort: "name", dir: "desc" })).toEqual(["甲县e局", "甲县c局", "甲县b局", "甲县a局"]);
    expect((await compare(tx, { year: 2022, sort: "password", dir: "sideways" })).sort).toEqual({ key: "name", dir: "asc" });
    expect((await compare(tx, { year: 2022, sort: "daysLate", dir: "desc" })).sort).toEqual({ key: "daysLate", dir: "desc" });
  });

  itRolledBack("gives each figure over the years, per agency and the median, across the 2019 and 2021 editions", async (tx) => {
    const a = await department(tx, "甲县a局");
    const b = await department(tx, "甲县b局");
    await approved(tx, a, 2020, { newReceived: 2, made: 4 });
    await approved(tx, a, 2022, { newReceived: 6, made: 1 });
    await approved(tx, b, 2022, { newReceived: 10 });
    const { history } = await compare(tx, { year: 2022 });
    expect(history.years).toEqual([2020, 2021, 2022]);
    expect(history.agencies.map((agency) => agency.name)).toEqual(["甲县a局", "甲县b局"]);
    expect(history.series.newReceived).toEqual([
      [2, null, 6],
      [null, null, 10],
    ]);
    expect(history.median.newReceived).toEqual([2, null, 8]);
    // 2019 edition: 本年新制作数量 as documents issued, no documents in force.
    expect(history.series.documentsIssued[0]).toEqual([4, null, 1]);
    expect(history.series.documentsInForce[0]).toEqual([null, null, 0]);
  });

  itRolledBack("holds townships to the county's date, and counts no lateness for a confirmed imported report", async (tx) => {
    const street = await department(tx, "甲县某街道", "township");
    await approved(tx, street, 2022, {}, new Date("2023-02-22T23:30:00+08:00"));
    const imported = await department(tx, "甲县e局");
    const id = await approved(tx, imported, 2021, {}, new Date("2026-03-01T10:00:00+08:00"));
    (await tx.update(reports).set({ importedAt: new Date("2026-02-28T10:00:00+08:00") }).where(eq(reports.id, id)));

    const street2022 = (await compare(tx, { year: 2022 })).rows[0];
    // 甲县 sets 02-20 for its townships.
    expect(street2022.figures.daysLate).toMatchObject({ value: 2, note: "期限 2023年2月20日，批准于 2023-02-22" });
    const imported2021 = (await compare(tx, { year: 2021 })).rows[0];
    expect(imported2021.figures.daysLate).toMatchObject({ value: null, judged: false });
    expect(imported2021.figures.daysLate.note).toContain("导入后确认");
  });

  itRolledBack("shows another county's admin nothing of this county", async (tx) => {
    await approved(tx, await department(tx, "甲县a局"), 2022, { newReceived: 5 });
    const outcome = await compareAgencies(tx, shared.world.actors.foreignAdmin, { year: 2022 });
    expect(outcome.ok && outcome.data.rows).toEqual([]);
    expect(outcome.ok && outcome.data.history).toMatchObject({ years: [], agencies: [] });
    expect(outcome.ok && outcome.data.withoutApproved.map((agency) => agency.agencyName)).toEqual(["乙县", "乙县河西镇人民政府"]);
  });

  itRolledBack("refuses everyone but the county admin, audits the refusal and writes nothing else", async (tx) => {
    const { actors } = shared.world;
    for (const actor of [actors.clerk, actors.supervisor, actors.countySupervisor, actors.townshipAdmin, actors.foreignClerk]) {
      const before = await snapshot(tx);
      const events = (await auditTrail(tx)).length;
      const outcome = await compareAgencies(tx, actor, { year: 2022 });
      expect(outcome).toEqual({ ok: false, status: 403, message: "只有政务公开办的管理员可以查看汇总。" });
      expect(await snapshot(tx)).toBe(before);
      const trail = await auditTrail(tx);
      expect(trail).toHaveLength(events + 1);
      expect(trail.at(-1)).toMatchObject({
        action: "action-refused",
        userId: actor.id,
        agencyId: actor.agencyId,
        detail: "查看各机关对比：只有政务公开办的管理员可以查看汇总。",
      });
    }
  });
});
