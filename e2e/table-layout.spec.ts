import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createReport } from "@/db/queries/reports";
import { moveReportStatus } from "@/db/queries/workflow";
import { computeTotals, type Report } from "@/lib/report/model";
import { cleanReport } from "@/lib/report/testing";
import { cell, createTestAgency, openSection, signIn, testDb, TEST_PASSWORD } from "./support";

/**
 * Table 三 away from a wide screen, and cell comments that are found at the cell (issue #14, items 3 and 4).
 */

type Agency = ReturnType<typeof createTestAgency>;

const LAST_ROW = "四、结转下年度继续办理";

/**
 * A 2021-edition report of the agency with every cell of table 三 filled, in the widest form the table takes:
 * with the optional top-level 其他 applicant column (8 number columns).
 */
function widestReport(agency: Agency["agency"]): Report {
  const content = cleanReport("2021", { year: 2025, otherApplicant: true });
  content.agency = { name: agency.name, level: "township" };
  content.title = `${agency.name}2025年政府信息公开工作年度报告`;
  content.requests.newReceived.naturalPerson = 12;
  content.requests.granted.naturalPerson = 12;
  return computeTotals(content);
}

function seedReport({ agency, clerk }: Agency, content: Report, status: "draft" | "submitted" | "returned" = "draft"): number {
  const scope = { userId: clerk.id, agencyId: agency.id, reach: "agency" as const };
  const { id } = createReport(testDb(), scope, { year: content.year, edition: content.edition, content });
  if (status !== "draft") moveReportStatus(testDb(), { reportId: id, from: "draft", to: "submitted" });
  if (status === "returned") moveReportStatus(testDb(), { reportId: id, from: "submitted", to: "returned" });
  return id;
}

async function signedIn(browser: Browser, username: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await signIn(page, username, TEST_PASSWORD);
  return page;
}

/** Table 三 on screen: the table whose caption is its title. */
function requestsTable(page: Page): Locator {
  return page.locator("table").filter({ has: page.locator("caption", { hasText: "收到和处理政府信息公开申请情况" }) });
}

async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Scrolls the page (not the table's box) down until the element's top is near the middle of the window. */
async function scrollPageTo(locator: Locator) {
  await locator.evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().top - window.innerHeight / 2));
}

/** The element drawn at the centre of the locator's box is the locator's element or inside it (nothing covers it). */
async function expectUncovered(locator: Locator) {
  const covered = await locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return top === element || element.contains(top) ? null : (top?.outerHTML.slice(0, 120) ?? "nothing");
  });
  expect(covered).toBeNull();
}

async function expectNoSeriousViolations(page: Page, include = "main") {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`)).toEqual([]);
}

test("3: at 1024×768 every column of table 三 fits, and the column headers stay in view low in the table", async ({ browser }) => {
  const agency = createTestAgency();
  const reportId = seedReport(agency, widestReport(agency.agency));
  const page = await signedIn(browser, agency.clerk.username, { width: 1024, height: 768 });
  await page.goto(`/reports/${reportId}`);
  await openSection(page, /^三、/);
  const table = requestsTable(page);
  const total = table.getByRole("columnheader", { name: "总计", exact: true });
  const lawFirms = table.getByRole("columnheader", { name: "法律服务机构", exact: true });
  await expect(total).toBeInViewport({ ratio: 1 });
  await expect(lawFirms).toBeInViewport({ ratio: 1 });
  expect(await pageScrollsSideways(page)).toBe(false);
  // The table's own box does not hide columns behind a scroll either.
  expect(await table.evaluate((element) => element.parentElement!.scrollWidth <= element.parentElement!.clientWidth + 1)).toBe(true);

  // Low in the table: every cell of the last row is on screen, and the column headers still are.
  const lastRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: LAST_ROW }) });
  await scrollPageTo(lastRow);
  const lastCells = lastRow.locator("input, output");
  await expect(lastCells).toHaveCount(8);
  for (const lastCell of await lastCells.all()) await expect(lastCell).toBeInViewport({ ratio: 1 });
  await expect(lastRow.getByRole("rowheader", { name: LAST_ROW })).toBeInViewport({ ratio: 1 });
  for (const header of [total, lawFirms, table.getByRole("columnheader", { name: "自然人", exact: true })]) {
    await expect(header).toBeInViewport({ ratio: 1 });
    await expectUncovered(header);
  }
  expect(await pageScrollsSideways(page)).toBe(false);
  // A cell that keyboard moves reach low in the table is not hidden under the headers.
  await cell(page, LAST_ROW, "自然人").focus();
  for (let step = 0; step < 6; step++) await page.keyboard.press("ArrowUp");
  await expect(page.locator("input:focus")).toBeInViewport({ ratio: 1 });
  await expectUncovered(page.locator("input:focus"));
  await expectNoSeriousViolations(page, "table");
});

test("3: at phone width the table scrolls in its own box with its row labels and headers, and a clerk enters a number", async ({ browser }) => {
  const agency = createTestAgency();
  const reportId = seedReport(agency, widestReport(agency.agency));
  const page = await signedIn(browser, agency.clerk.username, { width: 390, height: 844 });
  await page.goto(`/reports/${reportId}`);
  await openSection(page, /^三、/);
  const table = requestsTable(page);
  const target = cell(page, LAST_ROW, "法律服务机构");
  await target.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("7");
  await expect(target).toHaveValue("7");
  await expect(page.locator('output[data-path="requests.carriedForward.total"]')).toHaveText("7");
  await expect(target).toBeInViewport({ ratio: 1 });
  await expectUncovered(target);
  // Which row and which column the cell is, on screen beside it.
  await expect(table.getByRole("rowheader", { name: LAST_ROW })).toBeInViewport({ ratio: 1 });
  await expectUncovered(table.getByRole("rowheader", { name: LAST_ROW }));
  const header = table.getByRole("columnheader", { name: "法律服务机构", exact: true });
  await expect(header).toBeInViewport({ ratio: 1 });
  await expectUncovered(header);
  expect(await pageScrollsSideways(page)).toBe(false);
  // The next column by the keyboard; then, with the table scrolled to its far right, the first column: the
  // label column never covers the cell that has focus.
  await page.keyboard.press("ArrowRight");
  await expect(cell(page, LAST_ROW, "法人或其他组织·其他")).toBeFocused();
  await table.evaluate((element) => element.parentElement!.scrollTo({ left: element.parentElement!.scrollWidth }));
  await cell(page, LAST_ROW, "自然人").focus();
  await expect(cell(page, LAST_ROW, "自然人")).toBeInViewport({ ratio: 1 });
  await expectUncovered(cell(page, LAST_ROW, "自然人"));
  await expectNoSeriousViolations(page, "table");
});
