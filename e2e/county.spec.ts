import { Workbook } from "exceljs";
import { expect, test } from "@playwright/test";
import { DEMO_COUNTY, DEMO_DEPARTMENT, DEMO_TOWNSHIP } from "@/lib/demo";
import { signIn } from "./support";

// The demo county's 2020 figures are stable: only the seeded township report of 2020 is approved, and
// other browser tests create their agencies outside the demo county.

test("the county admin sees the 2020 figures, the missing agencies, one agency's tables and downloads the XLSX", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "全县汇总" }).click();
  await expect(page.getByRole("heading", { name: "全县汇总", level: 1 })).toBeVisible();
  await page.getByLabel("报告年度").selectOption("2020");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/year=2020/);

  await expect(page.getByTestId("county-summary")).toContainText("已批准并计入汇总 1 个");
  const requests = page.getByRole("region", { name: "三、收到和处理政府信息公开申请情况" });
  const newReceived = requests.getByRole("row").filter({ hasText: "一、本年新收政府信息公开申请数量" });
  // 自然人 is the first number of the row, 总计 the last.
  await expect(newReceived.getByRole("cell").first()).toHaveText("1");
  await expect(newReceived.getByRole("cell").last()).toHaveText("1");
  // The seed's own （七）总计 does not add up, so neither does the sum.
  await expect(page.getByTestId("county-findings")).toContainText("（七）总计");

  const missing = page.getByTestId("county-missing");
  await expect(missing.getByRole("row").filter({ hasText: DEMO_DEPARTMENT })).toContainText("未开始");
  const agencies = page.getByTestId("county-agencies");
  await expect(agencies.getByRole("row").filter({ hasText: DEMO_TOWNSHIP })).toContainText("2 处不平衡");

  await agencies.getByRole("link", { name: DEMO_TOWNSHIP }).click();
  await expect(page.getByRole("heading", { name: `${DEMO_TOWNSHIP}的表格` })).toBeVisible();
  await expect(page.getByTestId("agency-findings")).toBeVisible();
  await page.getByRole("link", { name: "返回全县汇总表" }).click();
  await expect(page.getByRole("heading", { name: "汇总表", exact: true })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载汇总表（XLSX）" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${DEMO_COUNTY}2020年政府信息公开工作年度报告汇总.xlsx`);
  const workbook = new Workbook();
  await workbook.xlsx.readFile(await download.path());
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["汇总", "各机关", "未报送"]);
  expect(workbook.getWorksheet("各机关")!.getCell("A3").value).toBe(DEMO_TOWNSHIP);
  const missingNames: unknown[] = [];
  workbook.getWorksheet("未报送")!.eachRow((row) => missingNames.push(row.getCell(1).value));
  expect(missingNames).toContain(DEMO_DEPARTMENT);
});

test("the county admin searches the agencies by name and narrows those not summed by status", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/county?year=2020");
  const form = page.getByRole("form", { name: "筛选机关" });
  await form.getByLabel("机关名称").fill(DEMO_DEPARTMENT);
  await form.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(DEMO_DEPARTMENT)}`));
  const missing = page.getByTestId("county-missing");
  await expect(missing.getByRole("row").filter({ hasText: DEMO_DEPARTMENT })).toContainText("未开始");
  await expect(missing.getByRole("row").filter({ hasText: DEMO_TOWNSHIP })).toHaveCount(0);
  await expect(page.getByTestId("county-filtered")).toContainText("计入汇总的 0 个，未计入的 1 个");
  // The summary and the sum stay those of every agency.
  await expect(page.getByTestId("county-summary")).toContainText("已批准并计入汇总 1 个");
  for (const [width, height] of [[1366, 900], [1024, 768]]) {
    await page.setViewportSize({ width, height });
    await page.getByRole("form", { name: "筛选机关" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`county-filter-${width}.png`) });
  }

  await form.getByLabel("机关名称").fill("");
  await form.getByLabel("未计入汇总的状态").selectOption("draft");
  await form.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/status=draft/);
  await expect(page.getByTestId("county-filtered")).toContainText("未计入的 0 个");
  await expect(page.getByText("没有符合筛选条件的机关。")).toBeVisible();
  await page.getByRole("link", { name: "清除筛选" }).click();
  await expect(page.getByTestId("county-filtered")).toHaveCount(0);
  await expect(page.getByTestId("county-missing").getByRole("row").filter({ hasText: DEMO_DEPARTMENT })).toBeVisible();
});

test("only admins have the county figures", async ({ page }) => {
  await signIn(page, "supervisor");
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "全县汇总" })).toHaveCount(0);
  await page.goto("/county?year=2020");
  await expect(page).not.toHaveURL(/county/);
  const response = await page.request.get("/api/county/xlsx?year=2020");
  expect(response.status()).toBe(403);
  expect((await response.json()).error).toMatch(/管理员/);
});
