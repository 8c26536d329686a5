import { expect, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { createReport, getReportForActor, saveReportContent } from "@/db/queries/reports";
import { auditEvents, reportRevisions } from "@/db/schema";
import { cleanReport } from "@/lib/report/testing";
import { createTestAgency, signIn, testDb, TEST_PASSWORD } from "./support";

/** Beijing time on a day of March 2025 (UTC+8). */
function beijing(day: number, hour: number, minute: number): Date {
  return new Date(Date.UTC(2025, 2, day, hour - 8, minute));
}

test("the history groups each sitting's saves, keeps workflow steps apart, pages by saves and compares across pages", async ({ page }) => {
  const { agency, clerk, supervisor } = await createTestAgency();
  const scope = { userId: clerk.id, agencyId: agency.id, reach: "agency" as const };
  const content = cleanReport("2021", { year: 2025 });
  content.agency = { name: agency.name, level: "township" };
  const db = testDb();
  const reportId = (await createReport(db, scope, { year: 2025, edition: "2021", content })).id;
  const savedAt = (version: number, at: Date) =>
    db.update(reportRevisions).set({ createdAt: at }).where(and(eq(reportRevisions.reportId, reportId), eq(reportRevisions.version, version)));
  await savedAt(1, beijing(1, 8, 30));
  // 55 saves after the first version, 56 versions, more than a page of 50: eleven sittings of five saves
  // four minutes apart, one sitting a day (versions 2–6 on 1 March, …, 52–56 on 11 March).
  for (let version = 2; version <= 56; version++) {
    const saved = await saveReportContent(db, scope, {
      stored: (await getReportForActor(db, scope, reportId))!,
      baseVersion: version - 1,
      content: { ...content, problems: `第 ${version} 版写的问题。` },
      acknowledgements: [],
      writableStatuses: ["draft"],
    });
    expect(saved.kind).toBe("saved");
    const sitting = Math.floor((version - 2) / 5);
    await savedAt(version, beijing(1 + sitting, 9, ((version - 2) % 5) * 4));
  }
  // In the last sitting the clerk submitted after version 54 and the supervisor returned it at once.
  const step = { reportId, agencyId: agency.id };
  (await db.insert(auditEvents).values({ ...step, action: "report-submitted", userId: clerk.id, detail: "第 54 版", at: beijing(11, 9, 9) }));
  (await db.insert(auditEvents).values({ ...step, action: "report-returned", userId: supervisor.id, detail: "未附意见", at: beijing(11, 9, 10) }));

  await signIn(page, clerk.username, TEST_PASSWORD);
  await page.goto(`/reports/${reportId}/history`);
  const list = page.getByTestId("revision-list");
  const rows = list.getByRole("row");
  // The newest 50 saves (versions 7–56): nine whole sittings, and the last one cut in two by the workflow steps.
  await expect(list.getByRole("radio", { name: /^比较到第 \d+ 版$/ })).toHaveCount(11);
  await expect(rows.nth(1)).toContainText("第 55–56 版");
  await expect(rows.nth(1)).toContainText("保存 2 次");
  await expect(rows.nth(1)).toContainText("2025-03-11 09:12–09:16");
  await expect(rows.nth(1)).toContainText("修改了");
  await expect(rows.nth(2)).toContainText("退回修改");
  await expect(rows.nth(3)).toContainText("提交审核");
  await expect(rows.nth(4)).toContainText("第 52–54 版");
  await expect(rows.nth(4)).toContainText("保存 3 次");
  await expect(rows.filter({ hasText: "第 7–11 版" })).toContainText("2025-03-02 09:00–09:16");
  await expect(list).not.toContainText("创建报告");
  // A sitting offers its last version to compare; the first view shows what the newest sitting changed.
  await expect(rows.nth(1).getByRole("radio", { name: "比较到第 56 版" })).toBeChecked();
  await expect(rows.nth(4).getByRole("radio", { name: "从第 54 版比较" })).toBeChecked();
  await expect(page.getByRole("heading", { name: "第 54 版 → 第 56 版的差异" })).toBeVisible();
  await expect(page.getByTestId("text-change").locator("del")).toHaveText("4");
  await expect(page.getByTestId("text-change").locator("ins")).toHaveText("6");

  await page.getByRole("link", { name: "更早的修订" }).click();
  await expect(list.getByRole("radio", { name: /^比较到第 \d+ 版$/ })).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("第 2–6 版");
  await expect(rows.nth(1)).toContainText("保存 5 次");
  await expect(rows.nth(2)).toContainText("第 1 版");
  await expect(rows.nth(2)).toContainText("创建报告");
  await expect(list).not.toContainText("第 7–11 版");
  await expect(page.getByRole("link", { name: "更早的修订" })).toHaveCount(0);

  // Comparing a version of this page with one of the newest page, chosen with the radios.
  await rows.nth(2).getByRole("radio", { name: "从第 1 版比较" }).check();
  await page.getByRole("button", { name: "比较所选的两个版本" }).click();
  await expect(page.getByRole("heading", { name: "第 1 版 → 第 6 版的差异" })).toBeVisible();
  await page.goto(`/reports/${reportId}/history?from=1&to=56`);
  await expect(page.getByRole("heading", { name: "第 1 版 → 第 56 版的差异" })).toBeVisible();
  await expect(page.getByTestId("text-change")).toContainText("第 56 版写的问题。");
  await expect(page.getByRole("link", { name: "最新的修订" })).toHaveCount(0);
});

test("saves more than half an hour apart, or by another person, are rows of their own", async ({ page }) => {
  const { agency, clerk } = await createTestAgency();
  const other = await createTestAgency();
  const scope = { userId: clerk.id, agencyId: agency.id, reach: "agency" as const };
  const content = cleanReport("2021", { year: 2025 });
  content.agency = { name: agency.name, level: "township" };
  const db = testDb();
  const reportId = (await createReport(db, scope, { year: 2025, edition: "2021", content })).id;
  const revision = (version: number) => and(eq(reportRevisions.reportId, reportId), eq(reportRevisions.version, version));
  (await db.update(reportRevisions).set({ createdAt: beijing(3, 8, 0) }).where(revision(1)));
  // 09:00, 09:20, 09:45 (25 minutes after the last), 10:30 (45 minutes after), 10:35 by another clerk's account.
  const times: [number, number][] = [[9, 0], [9, 20], [9, 45], [10, 30], [10, 35]];
  for (const [index, [hour, minute]] of times.entries()) {
    const version = index + 2;
    await saveReportContent(db, scope, {
      stored: (await getReportForActor(db, scope, reportId))!,
      baseVersion: version - 1,
      content: { ...content, problems: `第 ${version} 版。` },
      acknowledgements: [],
      writableStatuses: ["draft"],
    });
    const authorId = version === 6 ? other.clerk.id : clerk.id;
    (await db.update(reportRevisions).set({ createdAt: beijing(3, hour, minute), authorId }).where(revision(version)));
  }

  await signIn(page, clerk.username, TEST_PASSWORD);
  await page.goto(`/reports/${reportId}/history`);
  const rows = page.getByTestId("revision-list").getByRole("row");
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText("第 6 版");
  await expect(rows.nth(2)).toContainText("第 5 版");
  await expect(rows.nth(2)).not.toContainText("保存");
  await expect(rows.nth(3)).toContainText("第 2–4 版");
  await expect(rows.nth(3)).toContainText("保存 3 次");
  await expect(rows.nth(3)).toContainText("2025-03-03 09:00–09:45");
  await expect(rows.nth(4)).toContainText("创建报告");
});
