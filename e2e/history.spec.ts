import { expect, test } from "@playwright/test";
import { createReport, saveReportContent } from "@/db/queries/reports";
import { cleanReport } from "@/lib/report/testing";
import { createTestAgency, signIn, testDb, TEST_PASSWORD } from "./support";

test("the history pages through many saves and compares versions on different pages", async ({ page }) => {
  const { agency, clerk } = createTestAgency();
  const scope = { userId: clerk.id, agencyId: agency.id, reach: "agency" as const };
  const content = cleanReport("2021", { year: 2025 });
  content.agency = { name: agency.name, level: "township" };
  const db = testDb();
  const reportId = createReport(db, scope, { year: 2025, edition: "2021", content }).id;
  // 55 autosaves after the first version: 56 versions, more than a page of 50.
  for (let version = 2; version <= 56; version++) {
    const saved = saveReportContent(db, scope, {
      reportId,
      baseVersion: version - 1,
      content: { ...content, problems: `第 ${version} 版写的问题。` },
      acknowledgements: [],
      writableStatuses: ["draft"],
    });
    expect(saved.kind).toBe("saved");
  }

  await signIn(page, clerk.username, TEST_PASSWORD);
  await page.goto(`/reports/${reportId}/history`);
  const list = page.getByTestId("revision-list");
  await expect(list.getByRole("radio", { name: /^比较到第 \d+ 版$/ })).toHaveCount(50);
  await expect(list).toContainText("第 56 版");
  await expect(list).not.toContainText("创建报告");
  await expect(page.getByRole("heading", { name: "第 55 版 → 第 56 版的差异" })).toBeVisible();

  await page.getByRole("link", { name: "更早的修订" }).click();
  await expect(list.getByRole("radio", { name: /^比较到第 \d+ 版$/ })).toHaveCount(6);
  await expect(list.getByRole("row").filter({ hasText: "第 1 版" })).toContainText("创建报告");
  await expect(list).not.toContainText("第 7 版");
  await expect(page.getByRole("link", { name: "更早的修订" })).toHaveCount(0);

  // Comparing a version of this page with one of the newest page.
  await page.goto(`/reports/${reportId}/history?from=1&to=56`);
  await expect(page.getByRole("heading", { name: "第 1 版 → 第 56 版的差异" })).toBeVisible();
  await expect(page.getByTestId("text-change")).toContainText("第 56 版写的问题。");
  await expect(page.getByRole("link", { name: "最新的修订" })).toHaveCount(0);
});
