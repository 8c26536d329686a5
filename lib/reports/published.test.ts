import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createAgency } from "@/db/queries/agencies";
import { getReportForActor, saveReportContent } from "@/db/queries/reports";
import type { ActorScope } from "@/db/queries/scope";
import { createUser } from "@/db/queries/users";
import { reports } from "@/db/schema";
import { openTemporaryDb, storeReportInStatus } from "@/db/test-db";
import { cleanReport } from "@/lib/report/testing";
import { readPublishedReport } from "./published";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function agencyWithClerk(problems: string): Promise<{ db: Db; scope: ActorScope; approvedId: number }> {
  const { db, cleanup } = await openTemporaryDb();
  cleanups.push(cleanup);
  const agency = await createAgency(db, { name: "某县城关街道办事处", level: "township" });
  const clerk = await createUser(db, { username: "clerk", displayName: "经办人", role: "clerk", agencyId: agency.id, passwordHash: "x" });
  const scope: ActorScope = { userId: clerk.id, agencyId: agency.id, reach: "agency" };
  const lastYear = { ...cleanReport("2021", { year: 2024 }), problems };
  const approved = await storeReportInStatus(db, scope, { year: 2024, edition: "2021", content: lastYear, status: "approved" });
  await storeReportInStatus(db, scope, { year: 2023, edition: "2021", content: cleanReport("2021", { year: 2023 }), status: "draft" });
  return { db, scope, approvedId: approved.id };
}

describe("last year's published report, as the checks read it", () => {
  it("is the approved or imported report of the year, and nothing for a year with only a draft or no report", async () => {
    const { db, scope } = await agencyWithClerk("去年的问题。");
    expect((await readPublishedReport(db, scope.agencyId, 2024))?.problems).toBe("去年的问题。");
    expect(await readPublishedReport(db, scope.agencyId, 2023)).toBeUndefined();
    expect(await readPublishedReport(db, scope.agencyId, 2022)).toBeUndefined();
  });

  it("is read once per version: saves reuse it until a new version of it replaces it", async () => {
    const { db, scope, approvedId } = await agencyWithClerk("第一版。");
    const first = await readPublishedReport(db, scope.agencyId, 2024);
    expect(await readPublishedReport(db, scope.agencyId, 2024)).toBe(first);
    // Reopened, changed and approved again: the new version is read, not the one kept.
    await db.update(reports).set({ status: "draft" }).where(eq(reports.id, approvedId));
    const stored = (await getReportForActor(db, scope, approvedId))!;
    const changed = { ...(stored.content as object), problems: "改过的第二版。" };
    expect(await saveReportContent(db, scope, { stored, baseVersion: 1, content: changed, acknowledgements: [], writableStatuses: ["draft"] })).toMatchObject({
      kind: "saved",
    });
    await db.update(reports).set({ status: "approved" }).where(eq(reports.id, approvedId));
    const second = await readPublishedReport(db, scope.agencyId, 2024);
    expect(second?.problems).toBe("改过的第二版。");
    expect(second).not.toBe(first);
  });

  it("cannot be changed by a caller, since every request shares it", async () => {
    const { db, scope } = await agencyWithClerk("去年的问题。");
    const report = (await readPublishedReport(db, scope.agencyId, 2024))!;
    expect(() => {
      report.problems = "被改了";
    }).toThrow(TypeError);
    expect(() => {
      report.requests.newReceived.total = 999;
    }).toThrow(TypeError);
    expect((await readPublishedReport(db, scope.agencyId, 2024))?.problems).toBe("去年的问题。");
  });

  it("is kept per database: another database's report with the same id and version is its own", async () => {
    const one = await agencyWithClerk("甲库的报告。");
    const other = await agencyWithClerk("乙库的报告。");
    expect(one.approvedId).toBe(other.approvedId);
    expect((await readPublishedReport(one.db, one.scope.agencyId, 2024))?.problems).toBe("甲库的报告。");
    expect((await readPublishedReport(other.db, other.scope.agencyId, 2024))?.problems).toBe("乙库的报告。");
  });
});
