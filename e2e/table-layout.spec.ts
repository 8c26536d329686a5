import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createReport } from "@/db/queries/reports";
import { insertComment } from "@/db/queries/comments";
import { moveReportStatus } from "@/db/queries/workflow";
import { computeTotals, type Report } from "@/lib/report/model";
import { cleanReport } from "@/lib/report/testing";
import { cell, createTestAgency, openSection, signIn, testDb, TEST_PASSWORD } from "./support";

/**
 * Table 三 away from a wide screen, and cell comments that are found at the cell (issue #14, items 3 and 4).
 */

type Agency = Awaited<ReturnType<typeof createTestAgency>>;

const LAST_ROW = "四、结转下年度继续办理";
const GRANTED = "三、本年度办理结果（一）予以公开";
const CARRIED_OVER = "二、上年结转政府信息公开申请数量";

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

async function seedReport({ agency, clerk }: Agency, content: Report, status: "draft" | "submitted" | "returned" = "draft"): Promise<number> {
  const scope = { userId: clerk.id, agencyId: agency.id, reach: "agency" as const };
  const { id } = await createReport(testDb(), scope, { year: content.year, edition: content.edition, content });
  if (status !== "draft") await moveReportStatus(testDb(), { reportId: id, from: "draft", to: "submitted" });
  if (status === "returned") await moveReportStatus(testDb(), { reportId: id, from: "submitted", to: "returned" });
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
  const agency = await createTestAgency();
  const reportId = await seedReport(agency, widestReport(agency.agency));
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
  const lastCells = lastRow.locator("td[data-path], output");
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
  const agency = await createTestAgency();
  const reportId = await seedReport(agency, widestReport(agency.agency));
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

test("4: a marked cell shows its comments on hover and on focus, and a comment's cell name leads to the cell", async ({ browser }) => {
  const agency = await createTestAgency();
  const reportId = await (seedReport(agency, widestReport(agency.agency), "returned"));
  const body = "予以公开的商业企业件数与登记台账不一致，请核对。";
  await insertComment(testDb(), { reportId: reportId, section: "requests", cell: "requests.granted.commercial", body, authorId: agency.supervisor.id });
  const page = await signedIn(browser, agency.clerk.username);
  await page.goto(`/reports/${reportId}`);
  await openSection(page, /^三、/);

  const marked = cell(page, GRANTED, "商业企业");
  await marked.hover();
  await expect(page.getByRole("tooltip").filter({ hasText: body })).toBeVisible();
  // From the keyboard: the comment shows while the cell has focus, and is its description.
  await page.mouse.move(0, 0);
  await expect(page.getByRole("tooltip").filter({ hasText: body })).toBeHidden();
  await cell(page, GRANTED, "自然人").focus();
  await page.keyboard.press("ArrowRight");
  await expect(marked).toBeFocused();
  const describedBy = await marked.getAttribute("aria-describedby");
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText(body);
  await expect(page.locator(`[id="${describedBy}"]`)).toBeVisible();
  await expectNoSeriousViolations(page, "table");
  // Escape puts it away until the cell is left and focused again.
  await page.keyboard.press("Escape");
  await expect(page.locator(`[id="${describedBy}"]`)).toBeHidden();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(marked).toBeFocused();
  await expect(page.locator(`[id="${describedBy}"]`)).toBeVisible();

  // The comment's cell name, on 检查与提交, takes the clerk to the cell.
  await openSection(page, "检查与提交");
  await page.getByTestId("comments-all").getByRole("button", { name: `「${GRANTED}」的「商业企业」` }).click();
  await expect(page.getByRole("navigation", { name: "报告栏目" }).getByRole("button", { name: /^三、/ })).toHaveAttribute("aria-current", "step");
  await expect(marked).toBeFocused();
  await expect(marked).toBeInViewport();
});

test("4: a supervisor comments on a cell from the cell itself", async ({ browser }) => {
  const agency = await createTestAgency();
  const reportId = await seedReport(agency, widestReport(agency.agency), "submitted");
  const page = await signedIn(browser, agency.supervisor.username);
  await page.goto(`/reports/${reportId}`);
  await openSection(page, /^三、/);

  const target = cell(page, CARRIED_OVER, "自然人");
  // From the keyboard: the action is the next stop after the focused cell.
  await target.click();
  const action = page.getByRole("button", { name: "对此单元格提意见" });
  await expect(action).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(action).toBeFocused();
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: /填写审核意见/ });
  await expect(form.getByLabel("针对的单元格（可选）")).toHaveValue("requests.carriedOver.naturalPerson");
  await expect(form.getByLabel("意见内容")).toBeFocused();
  await page.keyboard.type("上年结转数与上年报告不一致。");
  await form.getByRole("button", { name: "添加意见" }).click();
  const list = page.getByTestId("comments-requests");
  await expect(list).toContainText("上年结转数与上年报告不一致。");
  await expect(list.getByRole("button", { name: `「${CARRIED_OVER}」的「自然人」` })).toBeVisible();
  // The cell is marked now and shows the comment.
  await target.hover();
  await expect(page.getByRole("tooltip").filter({ hasText: "上年结转数与上年报告不一致。" })).toBeVisible();
  await expectNoSeriousViolations(page, "table");
});
