import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { storeReportInStatus } from "@/db/test-db";
import { cleanReport } from "@/lib/report/testing";
import type { EditionId } from "@/lib/report/editions";
import { createTestAgency, signIn, testDb, TEST_PASSWORD } from "./support";

type TestAgency = Awaited<ReturnType<typeof createTestAgency>>;

/**
 * With COMPARE_SHOTS=<dir>: screenshots of the page at 1366×900 and 1024×768 (top, table 三, the narratives)
 * and the downloaded files, for looking at them.
 */
async function shots(page: Page, url: string, name: string, files: Record<string, string> = {}) {
  if (!process.env.COMPARE_SHOTS) return;
  const dir = path.resolve(process.env.COMPARE_SHOTS);
  fs.mkdirSync(dir, { recursive: true });
  for (const [format, file] of Object.entries(files)) fs.copyFileSync(file, path.join(dir, `${name}.${format}`));
  await page.goto(url);
  for (const [width, height] of [[1366, 900], [1024, 768]]) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`) });
    await page.getByRole("heading", { name: "三、收到和处理政府信息公开申请情况" }).evaluate((el) => el.scrollIntoView());
    await page.evaluate(() => window.scrollBy(0, 1200));
    await page.screenshot({ path: path.join(dir, `${name}-${width}-table3.png`) });
    await page.getByRole("heading", { name: "文字部分对比" }).evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: path.join(dir, `${name}-${width}-narratives.png`) });
  }
}

/** A report of the agency stored straight in a status (as if its workflow had run), 2021 edition. */
async function storeYear(
  { agency, clerk }: TestAgency,
  year: number,
  status: "approved" | "draft",
  values: { naturalPerson: number; problems: string },
): Promise<number> {
  const content = cleanReport("2021", { year });
  content.agency = { name: agency.name, level: "township" };
  content.title = `${agency.name}${year}年政府信息公开工作年度报告`;
  content.requests.newReceived = { ...content.requests.newReceived, naturalPerson: values.naturalPerson, total: values.naturalPerson };
  content.problems = values.problems;
  const scope = { userId: clerk.id, agencyId: agency.id, reach: "agency" as const };
  return (await storeReportInStatus(testDb(), scope, { year, edition: "2021", content, status })).id;
}

test("a clerk compares this year's report with last year's approved one and downloads the comparison", async ({ page }) => {
  const own = await createTestAgency();
  await storeYear(own, 2024, "approved", { naturalPerson: 40, problems: "部分栏目更新不够及时，信息发布审核有待加强。" });
  const reportId = await storeYear(own, 2025, "draft", { naturalPerson: 12, problems: "部分栏目更新及时，信息发布审核有待加强，已建立台账。" });

  await signIn(page, own.clerk.username, TEST_PASSWORD);
  await page.goto(`/reports/${reportId}`);
  await page.getByTestId("workflow-bar").getByRole("link", { name: "与上年对比" }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/${reportId}/compare$`));
  await expect(page.getByRole("heading", { name: `${own.agency.name} 2025 年报告 · 与上年对比` })).toBeVisible();
  await expect(page.getByTestId("compare-summary")).toContainText("上年：2024年报告，已批准，");
  await expect(page.getByTestId("compare-summary")).toContainText("有变化 2 个，大幅变化 2 个");

  // Every cell with 上年 / 本年 / 变化 / 变化率, the swing flagged.
  const requests = page.getByTestId("compare-requests");
  for (const header of ["上年", "本年", "变化", "变化率"]) await expect(requests.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  const natural = page.locator("#cell-requests-newReceived-naturalPerson");
  await expect(natural.getByRole("cell")).toHaveText(["自然人", "40", "12", "-28", "-70%大幅减少"]);
  await expect(page.locator("#cell-requests-granted-naturalPerson").getByRole("cell")).toHaveText(["自然人", "0", "0", "0", "0%"]);
  await expect(page.getByTestId("compare-swings").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByTestId("compare-swings").getByRole("listitem").first()).toContainText("表三「一、本年新收政府信息公开申请数量」的「自然人」");
  await expect(page.getByTestId("compare-swings").getByRole("listitem").first()).toContainText("大幅减少");

  // The narrative parts side by side: what was struck out last year, what is new this year.
  const problems = page.getByTestId("narrative-diff").filter({ has: page.getByRole("heading", { name: /五、存在的主要问题及改进情况/ }) });
  await expect(problems.locator("del")).toHaveText("不够");
  await expect(problems.locator("ins")).toHaveText("，已建立台账");
  await expect(problems).toContainText("与上年相同的文字约占");

  // Only the swings.
  await page.getByRole("link", { name: "只看大幅变化" }).click();
  await expect(page).toHaveURL(/show=swings/);
  await expect(page.getByTestId("compare-cell")).toHaveCount(2);
  await expect(page.getByText("本表没有大幅变化。")).toHaveCount(2);

  // Both downloads.
  const [docx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Word（DOCX）" }).click()]);
  expect(docx.suggestedFilename()).toBe(`${own.agency.name}2025年政府信息公开工作年度报告与上年对比.docx`);
  const zip = await JSZip.loadAsync(fs.readFileSync(await docx.path()));
  const xml = await zip.file("word/document.xml")!.async("string");
  expect(xml).toContain("大幅减少");
  expect(xml).toContain("文字部分对比");

  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel（XLSX）" }).click()]);
  expect(xlsx.suggestedFilename()).toBe(`${own.agency.name}2025年政府信息公开工作年度报告与上年对比.xlsx`);
  const workbook = new Workbook();
  await workbook.xlsx.readFile(await xlsx.path());
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["单元格对比", "文字对比"]);

  await shots(page, `/reports/${reportId}/compare`, "same-edition", { docx: await docx.path(), xlsx: await xlsx.path() });
});

test("across editions the cells of one edition only are 不可比; without last year's report the page says so", async ({ page }) => {
  const own = await createTestAgency();
  const seed = JSON.parse(fs.readFileSync(path.join(process.cwd(), "lib/report/fixtures/seed-2020.json"), "utf8"));
  seed.agency = { name: own.agency.name, level: "township" };
  const scope = { userId: own.clerk.id, agencyId: own.agency.id, reach: "agency" as const };
  await storeReportInStatus(testDb(), scope, { year: 2020, edition: "2019" as EditionId, content: seed, status: "imported" });
  const report2021 = await storeYear(own, 2021, "draft", { naturalPerson: 3, problems: "无。" });
  const report2023 = await storeYear(own, 2023, "draft", { naturalPerson: 3, problems: "无。" });

  await signIn(page, own.supervisor.username, TEST_PASSWORD);
  await page.goto(`/reports/${report2021}/compare`);
  await expect(page.getByTestId("compare-summary")).toContainText("两年的报告格式不同");
  await expect(page.locator("#cell-requests-newReceived-naturalPerson").getByRole("cell")).toHaveText(["自然人", "1", "3", "+2", "+200%"]);
  const procurement = page.locator("#cell-activeDisclosure-procurement-projects");
  await expect(procurement.getByRole("rowheader")).toContainText("政府集中采购（仅上年的格式有此项）");
  await expect(procurement.getByRole("cell")).toHaveText(["采购项目数量", "0", "—", "不可比"]);

  await shots(page, `/reports/${report2021}/compare`, "across-editions");

  await page.goto(`/reports/${report2023}/compare`);
  await expect(page.getByTestId("compare-missing")).toHaveText(/本机关没有 2022 年的报告，无法与上年对比。/);
  await expect(page.getByRole("link", { name: "Word（DOCX）" })).toHaveCount(0);
});

test("another agency's user finds neither the comparison nor its downloads", async ({ page }) => {
  const own = await createTestAgency();
  await storeYear(own, 2024, "approved", { naturalPerson: 40, problems: "甲。" });
  const reportId = await storeYear(own, 2025, "draft", { naturalPerson: 12, problems: "乙。" });
  const other = await createTestAgency();

  await signIn(page, other.clerk.username, TEST_PASSWORD);
  const response = await page.goto(`/reports/${reportId}/compare`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "找不到该页面" })).toBeVisible();
  for (const format of ["docx", "xlsx"]) {
    const file = await page.request.get(`/api/reports/${reportId}/compare?format=${format}`);
    expect(file.status(), format).toBe(404);
  }
});
