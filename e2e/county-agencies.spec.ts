import { expect, test, type Page } from "@playwright/test";
import { first } from "@/db/client";
import AxeBuilder from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import { agencies, reports } from "@/db/schema";
import { storeReportInStatus } from "@/db/test-db";
import { DEMO_COUNTY } from "@/lib/demo";
import type { Report } from "@/lib/report/model";
import { cleanReport } from "@/lib/report/testing";
import { collectViolations, createTestAgency, signIn, startReport, testDb, TEST_PASSWORD } from "./support";

/**
 * 各机关对比 (issue #16 item 2). The agencies made here belong to the demo county and have approved reports
 * of 2019, 2021, 2022 and 2023 only: county.spec.ts reads the demo county's 2020 figures, which stay as they are.
 */


async function demoCountyId(): Promise<number> {
  const county = await first(testDb().select({ id: agencies.id }).from(agencies).where(eq(agencies.name, DEMO_COUNTY)));
  if (!county) throw new Error("the demo county is missing");
  return county.id;
}

type Agency = Awaited<ReturnType<typeof createTestAgency>>;

/** An approved report of the agency: `newReceived` requests, `granted` of them granted, approved on `approvedOn` (Beijing). */
async function approvedReport({ agency, clerk }: Agency, year: number, figures: { newReceived: number; granted: number }, approvedOn: string) {
  const content: Report = cleanReport(year <= 2020 ? "2019" : "2021", { year });
  content.agency = { name: agency.name, level: "department" };
  content.title = `${agency.name}${year}年政府信息公开工作年度报告`;
  const { requests } = content;
  requests.newReceived.naturalPerson = requests.newReceived.total = figures.newReceived;
  requests.granted.naturalPerson = requests.granted.total = figures.granted;
  requests.unableNoInfo.naturalPerson = requests.unableNoInfo.total = figures.newReceived - figures.granted;
  requests.totalHandled.naturalPerson = requests.totalHandled.total = figures.newReceived;
  const { id } = await storeReportInStatus(
    testDb(),
    { userId: clerk.id, agencyId: agency.id, reach: "agency" },
    { year, edition: content.edition, content, status: "approved" },
  );
  await testDb()
    .update(reports)
    .set({ approvedAt: new Date(`${approvedOn}T10:00:00+08:00`) })
    .where(eq(reports.id, id));
}

test("the county admin compares the agencies of a year: sorts by a column, sees an outlier and the chart over the years", async ({ page }) => {
  const violations = await collectViolations(page);
  const parentId = await demoCountyId();
  const made: { agency: { id: number; name: string }; newReceived: number }[] = [];
  for (const [i, newReceived] of [12, 11, 13, 12, 10, 300].entries()) {
    const agency = await createTestAgency("department", { namePrefix: `对比测试${i}局`, parentId });
    await approvedReport(agency, 2021, { newReceived: newReceived - 2, granted: 5 }, "2022-01-20");
    await approvedReport(agency, 2022, { newReceived, granted: Math.min(newReceived, 10) }, i === 2 ? "2023-02-10" : "2023-01-25");
    await approvedReport(agency, 2023, { newReceived: newReceived + 1, granted: 8 }, "2024-01-30");
    if (i < 3) await approvedReport(agency, 2019, { newReceived: 4, granted: 4 }, "2020-01-15");
    made.push({ ...agency, newReceived });
  }
  const outlier = made[5].agency.name;
  const late = made[2].agency.name;

  await signIn(page, "admin");
  await page.goto("/county?year=2022");
  await page.getByRole("link", { name: "各机关对比" }).click();
  await expect(page).toHaveURL(/\/county\/agencies\?year=2022$/);
  await expect(page.getByRole("heading", { name: "各机关对比", level: 1 })).toBeVisible();

  const table = page.getByTestId("agency-comparison");
  const row = (name: string) => table.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
  for (const { agency, newReceived } of made) await expect(row(agency.name).getByRole("cell").nth(0)).toHaveText(new RegExp(`^(↑偏高)?${newReceived}$`));
  // 300 new requests among 10–13 is marked; so is the rate of 10 granted of 300, and 10 days late (approved 2月10日, due 1月31日).
  const outlierCell = row(outlier).locator("td[data-outlier]").first();
  await expect(outlierCell).toHaveAttribute("data-outlier", "high");
  await expect(outlierCell).toContainText("偏高");
  await expect(row(outlier).getByRole("cell").nth(1)).toContainText("3.3%");
  await expect(row(outlier).getByRole("cell").nth(1)).toContainText("偏低");
  await expect(row(late).getByRole("cell").nth(6)).toHaveText("↑偏高10");
  await expect(page.getByTestId("outlier-rule")).toContainText("1.5 倍");

  // Sort by 新收申请: largest first, then smallest first; the header says which.
  const header = table.getByRole("columnheader", { name: /新收申请/ });
  await header.getByRole("link").click();
  await expect(page).toHaveURL(/sort=newReceived&dir=desc/);
  await expect(header).toHaveAttribute("aria-sort", "descending");
  const names = () => table.getByRole("rowheader").getByRole("link").allTextContents();
  const ours = (all: string[]) => all.filter((name) => name.startsWith("对比测试"));
  expect(ours(await names())[0]).toBe(outlier);
  await header.getByRole("link").click();
  await expect(page).toHaveURL(/sort=newReceived$/);
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  expect(ours(await names()).at(-1)).toBe(outlier);
  expect(ours(await names())[0]).toBe(made[4].agency.name);

  // The chart: opened on the sorted figure, the agency clicked picked out, drawn on a canvas.
  await table.getByRole("link", { name: late }).click();
  await expect(page).toHaveURL(/agency=\d+#history$/);
  const chart = page.getByTestId("history-chart");
  await expect(chart).toHaveAttribute("data-state", "drawn");
  await expect(chart.locator("canvas")).toBeVisible();
  await expect(page.getByLabel("指标")).toHaveValue("newReceived");
  await expect(page.getByLabel("突出显示机关")).toHaveValue(String(made[2].agency.id));
  // The readout shows the table's year until the pointer is on the chart.
  await expect(page.getByTestId("history-readout")).toContainText(new RegExp(`^2022 年「新收申请」：各机关中位数 [\\d.]+；${late} 13（`));
  const box = (await chart.locator("canvas").boundingBox())!;
  expect(box.width).toBeGreaterThan(300);
  expect(box.height).toBeGreaterThan(200);
  await page.getByLabel("指标").selectOption({ label: "予以公开率" });
  await expect(page.getByRole("img", { name: /予以公开率历年变化图/ })).toBeVisible();
  await expect(chart.locator("canvas")).toHaveCount(1);
  // The years 2019 (2019 edition) to 2023 are all on the chart's axis; the table under it holds the numbers.
  await page.getByText("以表格查看「予以公开率」历年数值").click();
  const years = page.locator("details table thead th");
  await expect(years.first()).toHaveText("机关");
  await expect(years.nth(1)).toHaveText("2019");
  await expect(years.last()).toHaveText("2023");

  const audit = await new AxeBuilder({ page }).include("main").analyze();
  expect(audit.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
  expect(violations).toEqual([]);
});

test("a clerk is sent away from the comparison", async ({ page }) => {
  await signIn(page, "clerk");
  await page.goto("/county/agencies?year=2022");
  await expect(page).not.toHaveURL(/county/);
  await expect(page.getByTestId("current-user")).toBeVisible();
});

/** The scripts and stylesheets a page loads, by address, with their text. */
function collectAssets(page: Page): Map<string, Promise<string>> {
  const assets = new Map<string, Promise<string>>();
  page.on("response", (response) => {
    const type = response.request().resourceType();
    if (type === "script" || type === "stylesheet") assets.set(response.url(), response.text());
  });
  return assets;
}

/** uPlot's code or stylesheet: its class names (a built chunk) or its constructor (a development build). */
const UPLOT = /"u-over"|function uPlot\(|\.uplot\b/;

async function loadsUplot(assets: Map<string, Promise<string>>): Promise<boolean> {
  for (const text of assets.values()) if (UPLOT.test(await text)) return true;
  return false;
}

test("the chart library is loaded by the comparison page only, not by the editor", async ({ browser }) => {
  const { clerk } = await createTestAgency();
  const clerkPage = await (await browser.newContext()).newPage();
  await signIn(clerkPage, clerk.username, TEST_PASSWORD);
  const reportId = await startReport(clerkPage, 2025);
  const editorAssets = collectAssets(clerkPage);
  await clerkPage.goto(`/reports/${reportId}`, { waitUntil: "networkidle" });
  expect(editorAssets.size).toBeGreaterThan(0);
  expect(await loadsUplot(editorAssets)).toBe(false);

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, "admin");
  const countyAssets = collectAssets(adminPage);
  await adminPage.goto("/county?year=2020", { waitUntil: "networkidle" });
  expect(await loadsUplot(countyAssets)).toBe(false);
  const comparisonAssets = collectAssets(adminPage);
  await adminPage.goto("/county/agencies?year=2020", { waitUntil: "networkidle" });
  await expect(adminPage.getByTestId("history-chart")).toHaveAttribute("data-state", "drawn");
  expect(await loadsUplot(comparisonAssets)).toBe(true);
});
