import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { openTemporaryDb } from "@/db/test-db";
import { getReportForActor, saveReportContent } from "@/db/queries/reports";
import { auditEvents, reportRevisions } from "@/db/schema";
import { buildWorld, cleanTownshipReport, storeReport, type World } from "@/lib/workflow/test-fixture";
import { reportHistory, type TimelineItem } from "./report-history";

const minute = 60 * 1000;
const t0 = Date.UTC(2025, 2, 1, 1, 0);
const at = (minutes: number) => new Date(t0 + minutes * minute);

let db: Db;
let cleanup: () => void;
let world: World;
beforeAll(async () => {
  ({ db, cleanup } = await openTemporaryDb());
  world = await buildWorld(db);
});
afterAll(() => cleanup());

/** A report whose saves were made at the given minutes (version 1 at minute 0), each changing 五. */
async function reportSavedAt(minutes: number[], year: number): Promise<number> {
  const { clerk } = world.actors;
  const content = cleanTownshipReport(world, year);
  const reportId = await (storeReport(db, world, "draft", content));
  const revision = (version: number) => and(eq(reportRevisions.reportId, reportId), eq(reportRevisions.version, version));
  (await db.update(reportRevisions).set({ createdAt: at(0) }).where(revision(1)));
  for (const [index, minutesIn] of minutes.entries()) {
    const version = index + 2;
    const scope = { userId: clerk.id, agencyId: clerk.agencyId, reach: "agency" } as const;
    const saved = await saveReportContent(db, scope, {
      stored: (await getReportForActor(db, scope, reportId))!,
      baseVersion: version - 1,
      content: { ...content, problems: `第 ${version} 版。` },
      acknowledgements: [],
      writableStatuses: ["draft"],
    });
    expect(saved.kind).toBe("saved");
    (await db.update(reportRevisions).set({ createdAt: at(minutesIn) }).where(revision(version)));
  }
  return reportId;
}

const rows = (timeline: TimelineItem[]) =>
  timeline.map((item) =>
    item.kind === "event" ? item.action : `${item.firstVersion}-${item.version}×${item.saves}: ${item.summary}`,
  );

describe("reportHistory", () => {
  it("shows a sitting as one row with what it changed against the version before it, and compares that by default", async () => {
    const reportId = await reportSavedAt([60, 61, 70, 200, 201], 2021);
    const history = (await reportHistory(db, world.actors.clerk, reportId, {}))!;
    expect(rows(history.timeline)).toEqual([
      "5-6×2: 修改了「五、存在的主要问题及改进情况」",
      "2-4×3: 修改了「五、存在的主要问题及改进情况」",
      "1-1×1: 创建报告",
    ]);
    const sitting = history.timeline[1];
    expect(sitting.kind === "revision" && [sitting.startedAt, sitting.at]).toEqual([at(60), at(70)]);
    expect([history.from, history.to]).toEqual([4, 6]);
    expect(history.diff?.texts.map((text) => [text.before, text.after])).toEqual([["第 4 版。", "第 6 版。"]]);
    // Versions asked for are compared as asked.
    const asked = (await reportHistory(db, world.actors.clerk, reportId, { from: "2", to: "3" }))!;
    expect([asked.from, asked.to]).toEqual([2, 3]);
    expect(await reportHistory(db, world.actors.clerk, reportId, { to: "4" })).toMatchObject({ from: 3, to: 4 });
  });

  it("keeps every workflow step a row of its own, cutting the sitting it falls in", async () => {
    const reportId = await reportSavedAt([10, 11, 12, 13], 2022);
    const { clerk, supervisor } = world.actors;
    const step = { reportId, agencyId: clerk.agencyId };
    (await db.insert(auditEvents).values({ ...step, action: "report-submitted", userId: clerk.id, detail: "第 3 版", at: at(11.5) }));
    (await db.insert(auditEvents).values({ ...step, action: "report-returned", userId: supervisor.id, detail: "未附意见", at: at(11.6) }));
    const history = (await reportHistory(db, clerk, reportId, {}))!;
    expect(rows(history.timeline)).toEqual([
      "4-5×2: 修改了「五、存在的主要问题及改进情况」",
      "report-returned",
      "report-submitted",
      "2-3×2: 修改了「五、存在的主要问题及改进情况」",
      "1-1×1: 创建报告",
    ]);
  });
});
