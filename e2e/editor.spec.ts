import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { cell, createTestAgency, expectCellValue, expectSaved, fillCell, openSection, pasteText, signIn, startReport, storedReportContent, TEST_PASSWORD } from "./support";

const NEW_RECEIVED = "一、本年新收政府信息公开申请数量";
const CARRIED_OVER = "二、上年结转政府信息公开申请数量";

test("a clerk re-enters the seed's table 三 and sees the （七）总计 balance error name the cells", async ({ page }) => {
  const { clerk } = await createTestAgency();
  await signIn(page, clerk.username, TEST_PASSWORD);
  const reportId = await startReport(page, 2020);
  await openSection(page, /三、收到和处理/);
  await fillCell(page, NEW_RECEIVED, "自然人", "1");
  await page.getByRole("button", { name: /本表无数据，全部填 0/ }).click();
  await expect(page.getByTestId("editor-message")).toContainText("已将");

  // The seed prints （七）总计 1 while every handling row is 0: computed here, the column does not balance.
  await expect(page.locator('output[data-path="requests.totalHandled.naturalPerson"]')).toHaveText("0");
  await expect(page.locator('output[data-path="requests.newReceived.total"]')).toHaveText("1");
  const panel = page.getByTestId("findings-panel");
  await expect(panel).toContainText("「自然人」列");
  await expect(panel).toContainText("（七）总计");
  await expect(panel.locator('[data-rule="R3-BALANCE"]')).toHaveCount(2);
  await expect(page.getByTestId("section-state-requests")).toHaveText("有错误 2");

  // Clicking the finding focuses the first cell it names.
  await panel.locator('[data-rule="R3-BALANCE"]').first().click();
  await expect(cell(page, NEW_RECEIVED, "自然人")).toBeFocused();

  // Fix it the way the seed meant: one request granted. The error goes away and the save lands.
  await fillCell(page, "三、本年度办理结果（一）予以公开", "自然人", "1");
  await expect(panel.locator('[data-rule="R3-BALANCE"]')).toHaveCount(0);
  await expectSaved(page);
  const stored = (await storedReportContent(clerk, reportId)) as { requests: Record<string, Record<string, number>> };
  expect(stored.requests.totalHandled.naturalPerson).toBe(1);
  expect(stored.requests.granted.naturalPerson).toBe(1);
});

test("arrow keys and Enter move between cells like a spreadsheet", async ({ page }) => {
  const { clerk } = await createTestAgency();
  await signIn(page, clerk.username, TEST_PASSWORD);
  await startReport(page, 2025);
  await openSection(page, /三、收到和处理/);
  await cell(page, NEW_RECEIVED, "自然人").click();
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");
  await expect(cell(page, CARRIED_OVER, "自然人")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(cell(page, CARRIED_OVER, "商业企业")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(cell(page, NEW_RECEIVED, "商业企业")).toBeFocused();
  // Letters are refused at the cell, which holds no number until corrected.
  await page.keyboard.type("a");
  const refused = cell(page, NEW_RECEIVED, "商业企业");
  await expect(refused).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`[id="${await refused.getAttribute("aria-describedby")}"]`)).toHaveText(/^只能填写不小于 0 的整数/);
  await expect(page.locator('output[data-path="requests.newReceived.total"]')).toHaveText("3");
});

test("the first figure in an empty table marks the other cells blank once the keys pause, and the last key counts", async ({ page }) => {
  const { clerk } = await createTestAgency();
  await signIn(page, clerk.username, TEST_PASSWORD);
  await startReport(page, 2025);
  await openSection(page, /三、收到和处理/);
  const other = page.locator('td[data-path="requests.carriedOver.commercial"]');
  await expect(other).not.toHaveAttribute("data-mark", /./);
  await cell(page, NEW_RECEIVED, "自然人").click();
  // Typed fast, a figure and its deletion and the figure again: the marks follow the last of them.
  await page.keyboard.type("7");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("5");
  await expect(other).toHaveAttribute("data-mark", "blank");
  await expect(other).toHaveAttribute("aria-invalid", "true");
  // The total, the section's state and the findings count follow the keys (written into the page directly).
  const total = page.locator('output[data-path="requests.newReceived.total"]');
  const state = page.getByTestId("section-state-requests");
  const count = page.getByTestId("findings-panel").getByRole("heading", { name: /检查结果/ });
  await expect(total).toHaveText("5");
  await expect(state).toHaveText(/^有错误 \d+$/);
  await expect(count).toContainText(/错误 \d+ 项/);
  const errorsWithFigure = await count.textContent();
  // The cell typed in is marked for what it holds (its column does not balance), not as blank.
  await expect(page.locator('td[data-path="requests.newReceived.naturalPerson"]')).toHaveAttribute("data-mark", "error");
  // Emptied again, the table has no blanks to point at.
  await page.keyboard.press("Backspace");
  await expect(other).not.toHaveAttribute("data-mark", /./);
  await expect(other).not.toHaveAttribute("aria-invalid", "true");
  await expect(total).toHaveText("");
  await expect(state).toHaveText("未填写");
  await expect(count).not.toHaveText(errorsWithFigure!);
});

test("pasting a block from Excel fills cells from the focused one, or refuses all of it", async ({ page }) => {
  const { clerk } = await createTestAgency();
  await signIn(page, clerk.username, TEST_PASSWORD);
  const reportId = await startReport(page, 2025);
  await openSection(page, /三、收到和处理/);

  await cell(page, NEW_RECEIVED, "自然人").click();
  await pasteText(page, "5\t1\t0\n2\tx\t0\n");
  await expect(page.getByTestId("editor-message")).toContainText("「二、上年结转政府信息公开申请数量」的「商业企业」：“x”只能填写不小于 0 的整数，未粘贴任何内容");
  await expectCellValue(page, NEW_RECEIVED, "自然人", "");

  await pasteText(page, "5\t1\t0\r\n2\t0\t0\r\n");
  await expectCellValue(page, NEW_RECEIVED, "自然人", "5");
  await expectCellValue(page, NEW_RECEIVED, "商业企业", "1");
  await expectCellValue(page, CARRIED_OVER, "自然人", "2");
  await expect(page.locator('output[data-path="requests.newReceived.total"]')).toHaveText("6");
  await expectSaved(page);
  const stored = (await storedReportContent(clerk, reportId)) as { requests: Record<string, Record<string, number>> };
  expect(stored.requests.newReceived).toMatchObject({ naturalPerson: 5, commercial: 1, research: 0 });
});

test("two tabs editing: the later save is told of the conflict and nothing is overwritten silently", async ({ context }) => {
  const { clerk } = await createTestAgency();
  const first = await context.newPage();
  await signIn(first, clerk.username, TEST_PASSWORD);
  const reportId = await startReport(first, 2025);
  const second = await context.newPage();
  await second.goto(`/reports/${reportId}`);

  // A clerk types in the tab in front; the browser may hold back timers of a tab behind it.
  await first.bringToFront();
  await first.getByLabel("联系电话").fill("0535-1111111");
  await expectSaved(first);

  await second.bringToFront();
  await second.getByLabel("联系电话").fill("0535-2222222");
  await expect(second.getByTestId("save-conflict")).toBeVisible();
  expect(((await storedReportContent(clerk, reportId)) as { contact: { phone: string } }).contact.phone).toBe("0535-1111111");

  await second.getByRole("button", { name: /载入最新版本/ }).click();
  await expect(second.getByLabel("联系电话")).toHaveValue("0535-1111111");

  // Choosing to keep one's own version overwrites knowingly.
  await first.bringToFront();
  await first.getByLabel("联系电话").fill("0535-3333333");
  await expect(first.getByTestId("save-conflict")).toHaveCount(0);
  await expectSaved(first);
  await second.bringToFront();
  await second.getByLabel("联系电话").fill("0535-4444444");
  await expect(second.getByTestId("save-conflict")).toBeVisible();
  await second.getByRole("button", { name: /保留我的修改/ }).click();
  await expectSaved(second);
  expect(((await storedReportContent(clerk, reportId)) as { contact: { phone: string } }).contact.phone).toBe("0535-4444444");
});

test("the editor has no serious accessibility violations", async ({ page }) => {
  const { clerk } = await createTestAgency();
  await signIn(page, clerk.username, TEST_PASSWORD);
  await startReport(page, 2025);
  for (const section of [/封面与引言/, /一、总体情况/, /三、收到和处理/, /四、政府信息公开行政复议/]) {
    await openSection(page, section);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`)).toEqual([]);
  }
});

test("a keystroke in a table cell reaches the screen with no React render: its totals, the section's state and the count are written directly", async ({ page }) => {
  // React tells the developer tools' hook of every commit. A commit made in the same task as the input event (a
  // synchronous update, as a store read with useSyncExternalStore makes) is counted: the task ends with a message
  // posted before anything the input's handlers schedule (React's own later work comes in later tasks).
  await page.addInitScript(() => {
    const seen = { inInputTask: false, commits: 0 };
    const endOfTask = new MessageChannel();
    endOfTask.port1.onmessage = () => (seen.inInputTask = false);
    Object.assign(window, {
      keyCommits: seen,
      __REACT_DEVTOOLS_GLOBAL_HOOK__: {
        supportsFiber: true,
        renderers: new Map(),
        inject: () => 1,
        checkDCE() {},
        onScheduleFiberRoot() {},
        onCommitFiberRoot() {
          if (seen.inInputTask) seen.commits++;
        },
        onCommitFiberUnmount() {},
        onPostCommitFiberRoot() {},
      },
    });
    document.addEventListener(
      "input",
      () => {
        seen.inInputTask = true;
        endOfTask.port2.postMessage(null);
      },
      true,
    );
  });
  const { clerk } = await createTestAgency();
  await signIn(page, clerk.username, TEST_PASSWORD);
  await startReport(page, 2025);
  await openSection(page, /三、收到和处理/);
  await cell(page, NEW_RECEIVED, "自然人").click();
  // The first key after a save says 未保存 (a React render of the save status); the keys counted come after it.
  await page.keyboard.type("1");
  await expectSaved(page);
  await page.keyboard.type("2");
  await expect(page.getByTestId("save-status")).toHaveText(/^未保存/);
  await page.evaluate(() => ((window as unknown as { keyCommits: { commits: number } }).keyCommits.commits = 0));
  await page.keyboard.type("345");
  await page.keyboard.press("Backspace");
  await expect(page.locator('output[data-path="requests.newReceived.total"]')).toHaveText("1234");
  const commits = await page.evaluate(() => (window as unknown as { keyCommits: { commits: number } }).keyCommits.commits);
  expect(commits).toBe(0);
});
