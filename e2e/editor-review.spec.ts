import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createReport } from "@/db/queries/reports";
import { moveReportStatus } from "@/db/queries/workflow";
import type { Report } from "@/lib/report/model";
import { cleanReport } from "@/lib/report/testing";
import { cell, createTestAgency, expectCellValue, openSection, signIn, testDb, TEST_PASSWORD } from "./support";

/**
 * Reviewing and typing without surprises (issue #14): what a supervisor and a clerk met in the editor.
 */

const NEW_RECEIVED = "一、本年新收政府信息公开申请数量";
const GRANTED = "三、本年度办理结果（一）予以公开";

type Agency = Awaited<ReturnType<typeof createTestAgency>>;

/** A clean 2021-edition report of the agency with numbers in table 三: 5 + 2 requests, all granted. */
function balancedReport(agency: Agency["agency"]): Report {
  const content = cleanReport("2021", { year: 2025 });
  content.agency = { name: agency.name, level: "township" };
  content.title = `${agency.name}2025年政府信息公开工作年度报告`;
  const requests = content.requests;
  requests.newReceived.naturalPerson = 5;
  requests.newReceived.commercial = 2;
  requests.newReceived.total = 7;
  requests.granted.naturalPerson = 5;
  requests.granted.commercial = 2;
  requests.granted.total = 7;
  requests.totalHandled.naturalPerson = 5;
  requests.totalHandled.commercial = 2;
  requests.totalHandled.total = 7;
  return content;
}

async function seedReport({ agency, clerk }: Agency, content: Report, status: "draft" | "submitted" = "draft"): Promise<number> {
  const scope = { userId: clerk.id, agencyId: agency.id, reach: "agency" as const };
  const { id } = await createReport(testDb(), scope, { year: content.year, edition: content.edition, content });
  if (status === "submitted") await moveReportStatus(testDb(), { reportId: id, from: "draft", to: "submitted" });
  return id;
}

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username, TEST_PASSWORD);
  return page;
}

/** Whether an element's text is drawn green (Tailwind's colours are oklch: a canvas turns them into RGB). */
async function isGreen(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const context = document.createElement("canvas").getContext("2d")!;
    context.fillStyle = getComputedStyle(element).color;
    context.fillRect(0, 0, 1, 1);
    const [red, green, blue] = context.getImageData(0, 0, 1, 1).data;
    return green > red && green > blue;
  });
}

async function expectTableThreeNumbers(page: Page) {
  await expectCellValue(page, NEW_RECEIVED, "自然人", "5");
  await expectCellValue(page, NEW_RECEIVED, "商业企业", "2");
  await expectCellValue(page, GRANTED, "自然人", "5");
  await expect(page.locator('output[data-path="requests.newReceived.total"]')).toHaveText("7");
}

test("1: a supervisor's table 三 keeps its numbers after adding a comment and after returning the report", async ({ browser }) => {
  const agency = await createTestAgency();
  const reportId = await seedReport(agency, balancedReport(agency.agency), "submitted");
  const page = await signedIn(browser, agency.supervisor.username);
  await page.goto(`/reports/${reportId}`);
  await openSection(page, /^三、/);
  await expectTableThreeNumbers(page);

  const commentForm = page.getByRole("form", { name: /填写审核意见/ });
  await commentForm.getByLabel("意见内容").fill("请核对予以公开的件数。");
  await commentForm.getByRole("button", { name: "添加意见" }).click();
  await expect(page.getByTestId("comments-requests")).toContainText("请核对予以公开的件数。");
  await expectTableThreeNumbers(page);

  const bar = page.getByTestId("workflow-bar");
  await bar.getByRole("button", { name: "退回修改" }).click();
  await bar.getByRole("button", { name: "确认退回" }).click();
  await expect(bar).toContainText("已退回");
  await expectTableThreeNumbers(page);
});

test("2: a refused keystroke in a count cell is told at the cell and never becomes another number", async ({ page }) => {
  const agency = await createTestAgency();
  const content = cleanReport("2021", { year: 2025 });
  content.agency = { name: agency.agency.name, level: "township" };
  const reportId = await seedReport(agency, content);
  await signIn(page, agency.clerk.username, TEST_PASSWORD);
  await page.goto(`/reports/${reportId}`);
  await openSection(page, /^三、/);
  // Low in the table, where the message above it is off screen.
  const target = cell(page, "四、结转下年度继续办理", "商业企业");
  await target.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("1.5");
  await expect(target).not.toHaveValue("15");
  await expect(target).toHaveValue("1.5");
  await expect(target).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator('output[data-path="requests.carriedForward.total"]')).not.toHaveText("15");
  // The reason is told at the cell, tied to it for screen readers, and on screen beside it.
  const describedBy = await target.getAttribute("aria-describedby");
  expect(describedBy).toBeTruthy();
  const message = page.locator(`[id="${describedBy}"]`);
  await expect(message).toBeVisible();
  await expect(message).toContainText("只能填写不小于 0 的整数");
  await expect(message).toBeInViewport();
  const [cellBox, messageBox] = [await target.boundingBox(), await message.boundingBox()];
  expect(Math.abs(messageBox!.y - cellBox!.y)).toBeLessThan(80);
  const audit = await new AxeBuilder({ page }).include("table").analyze();
  expect(audit.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
  // Corrected, the number counts and the message goes.
  await page.keyboard.press("Control+A");
  await page.keyboard.type("2");
  await expect(target).toHaveValue("2");
  await expect(message).toHaveCount(0);
  await expect(page.locator('output[data-path="requests.carriedForward.total"]')).toHaveText("2");
});

test("5: a narrative number that contradicts table 三 shows in section 一, and leads to the sentence", async ({ page }) => {
  const agency = await createTestAgency();
  const content = cleanReport("2021", { year: 2025 });
  content.agency = { name: agency.agency.name, level: "township" };
  const reportId = await seedReport(agency, content);
  await signIn(page, agency.clerk.username, TEST_PASSWORD);
  await page.goto(`/reports/${reportId}`);
  await openSection(page, /^一、/);
  const sentence = "本年度共收到政府信息公开申请3件，均按时答复";
  await page.locator("#field-overview-1").fill(`依申请公开工作规范开展。${sentence}。`);
  const panel = page.getByTestId("findings-panel");
  await expect(panel.locator('[data-rule="N-MISMATCH"]')).toBeVisible();
  await expect(panel).not.toContainText("未发现问题");
  await expect(page.getByTestId("section-state-overview")).toHaveText("填写中");
  // At the sentence too: under the text box it is typed in, and only that one.
  const part = page.getByRole("group").filter({ has: page.locator("#field-overview-1") });
  await expect(part.getByTestId("sentence-findings").locator('[data-rule="N-MISMATCH"]')).toBeVisible();
  await expect(page.getByTestId("sentence-findings")).toHaveCount(1);

  // Not under 三, where nothing is typed about it.
  await openSection(page, /^三、/);
  await expect(panel.locator('[data-rule="N-MISMATCH"]')).toHaveCount(0);

  // On 检查与提交 it stands under 一; a click goes to the sentence itself.
  await openSection(page, "检查与提交");
  const overviewGroup = panel.locator("div").filter({ has: page.getByRole("heading", { name: "一、总体情况" }) }).last();
  await expect(overviewGroup.locator('[data-rule="N-MISMATCH"]')).toBeVisible();
  await panel.locator('[data-rule="N-MISMATCH"]').click();
  const textArea = page.locator("#field-overview-1");
  await expect(textArea).toBeFocused();
  const selected = await textArea.evaluate((element: HTMLTextAreaElement) => element.value.slice(element.selectionStart, element.selectionEnd));
  expect(selected).toBe(sentence);
});

test("6: a message belongs to the section it was made on, and success is green", async ({ page }) => {
  const agency = await createTestAgency();
  await signIn(page, agency.clerk.username, TEST_PASSWORD);
  const content = cleanReport("2021", { year: 2025 });
  content.agency = { name: agency.agency.name, level: "township" };
  content.requests.granted.naturalPerson = null;
  content.requests.granted.commercial = null;
  const reportId = await seedReport(agency, content);
  await page.goto(`/reports/${reportId}`);
  await openSection(page, /^三、/);
  await page.getByRole("button", { name: /本表无数据，全部填 0/ }).click();
  const done = page.getByRole("status").filter({ hasText: "已将 2 个空白单元格填为 0。" });
  await expect(done).toBeVisible();
  expect(await isGreen(done)).toBe(true);

  // Short waits: the message would also go by itself after a few seconds.
  const gone = { timeout: 1_000 };
  await openSection(page, /^四、/);
  await expect(page.getByText("已将 2 个空白单元格填为 0。")).toHaveCount(0, gone);
  await openSection(page, /^三、/);
  await expect(page.getByText("已将 2 个空白单元格填为 0。")).toHaveCount(0, gone);
  await page.getByRole("button", { name: /本表无数据，全部填 0/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "本表没有空白单元格。" })).toBeVisible();
  await openSection(page, "检查与提交");
  await expect(page.getByText("本表没有空白单元格。")).toHaveCount(0, gone);
});

test("7: the blank count and the list name only cells a person can fill, never a computed total", async ({ page }) => {
  const agency = await createTestAgency();
  await signIn(page, agency.clerk.username, TEST_PASSWORD);
  const content = cleanReport("2021", { year: 2025 });
  content.agency = { name: agency.agency.name, level: "township" };
  // Both tables begun: one cell filled in each, every other cell blank.
  for (const row of Object.values(content.requests)) for (const key in row) row[key] = null;
  for (const row of Object.values(content.reviewLitigation)) for (const key in row) row[key] = null;
  content.requests.newReceived.naturalPerson = 0;
  content.reviewLitigation.litigationDirect.upheld = 0;
  const reportId = await seedReport(agency, content);
  await page.goto(`/reports/${reportId}`);

  // Table 三 of the 2021 edition: 24 rows a person fills (not （七）总计) × 6 applicant columns (not 总计).
  await openSection(page, /^三、/);
  const panel = page.getByTestId("findings-panel");
  await expect(panel.locator('[data-rule="CELL-BLANK"]')).toContainText("有 143 个单元格未填写");
  // Table 四: 3 groups × 4 cells; the groups' 总计 are computed.
  await openSection(page, /^四、/);
  await expect(panel.locator('[data-rule="CELL-BLANK"]')).toContainText("有 11 个单元格未填写");
  await expect(page.locator('output[data-path="reviewLitigation.review.total"]')).toHaveText("");

  // 检查与提交 and the refused submission name no total.
  await openSection(page, "检查与提交");
  await expect(panel).not.toContainText("总计」未填写");
  const bar = page.getByTestId("workflow-bar");
  await bar.getByRole("button", { name: "提交审核" }).click();
  const refusal = page.getByTestId("workflow-refusal");
  await expect(refusal).toContainText("154 个错误需要改正");
  await expect(refusal).toContainText("「行政复议」的「结果维持」未填写");
  await expect(refusal).not.toContainText("总计」未填写");
});

test("8: one word for a warning (提醒) wherever a user sees it, and table 二's hint follows the edition", async ({ page }) => {
  const agency = await createTestAgency();
  const content = cleanReport("2021", { year: 2025 });
  content.agency = { name: agency.agency.name, level: "township" };
  delete content.date; // META-MISSING, a warning
  const reportId = await seedReport(agency, content);
  await signIn(page, agency.clerk.username, TEST_PASSWORD);
  await page.goto(`/reports/${reportId}`);
  await openSection(page, "检查与提交");
  await expect(page.getByTestId("findings-panel")).toContainText("提醒");
  await page.getByTestId("workflow-bar").getByRole("button", { name: "提交审核" }).click();
  const refusal = page.getByTestId("workflow-refusal");
  await expect(refusal).toContainText("1 个提醒需要改正或说明理由");
  await expect(refusal).toContainText("提醒（未说明理由）");
  await expect(page.locator("body")).not.toContainText("警告");

  // Table 二 of the 2021 edition has no 本年增/减 column; its hint does not mention one.
  await openSection(page, /^二、/);
  const hint = page.getByText(/取消“适用”/);
  await expect(hint).toBeVisible();
  await expect(hint).not.toContainText("本年增/减");
  await expect(hint).toContainText("万元");

  // The 2019 edition has it, and the hint says how to fill it.
  const older = cleanReport("2019", { year: 2020 });
  older.agency = { name: agency.agency.name, level: "township" };
  const olderId = await seedReport(agency, older);
  await page.goto(`/reports/${olderId}`);
  await openSection(page, /^二、/);
  await expect(page.getByText(/取消“适用”/)).toContainText("“本年增/减”减少时填负数");

  // The supervisor's progress overview counts 提醒 too.
  const supervisorPage = await (await page.context().browser()!.newContext()).newPage();
  await signIn(supervisorPage, agency.supervisor.username, TEST_PASSWORD);
  await supervisorPage.goto("/dashboard?year=2025");
  await expect(supervisorPage.getByTestId("dashboard")).toContainText("提醒");
  await expect(supervisorPage.getByTestId("dashboard")).not.toContainText("警告");
});
