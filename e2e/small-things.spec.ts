import { expect, test, type Page } from "@playwright/test";
import { createReport } from "@/db/queries/reports";
import { createUser } from "@/db/queries/users";
import { hashPasswordSync } from "@/lib/auth/passwords";
import { cleanReport } from "@/lib/report/testing";
import { createTestAgency, openSection, signIn, testDb, TEST_PASSWORD } from "./support";

// Issue #14, item 10: the small things a clerk, a supervisor and an admin tripped over.

/** The year being reported: the one before the calendar year. */
const REPORTING_YEAR = new Date().getFullYear() - 1;

/** A test agency (its own county office, having no parent) with a county admin besides its clerk and supervisor. */
async function testCounty() {
  const created = await createTestAgency("government", { namePrefix: "测试县", officeTier: "county" });
  const admin = await createUser(testDb(), {
    username: created.clerk.username.replace(/^clerk-/, "admin-"),
    displayName: "测试管理员",
    role: "admin",
    agencyId: created.agency.id,
    passwordHash: hashPasswordSync(TEST_PASSWORD),
  });
  return { ...created, admin };
}

async function draftReport(clerk: { id: number; agencyId: number }, agencyName: string, year: number, edit?: (report: Awaited<ReturnType<typeof cleanReport>>) => void) {
  const scope = { userId: clerk.id, agencyId: clerk.agencyId, reach: "agency" as const };
  const content = cleanReport("2021", { year });
  content.agency = { name: agencyName, level: "township" };
  edit?.(content);
  return (await createReport(testDb(), scope, { year, edition: "2021", content })).id;
}

function currentSection(page: Page) {
  return page.getByRole("navigation", { name: "报告栏目" }).locator('[aria-current="step"]');
}

test("the editor keeps the current section in the address: reload, back and forward", async ({ page }) => {
  const { agency, clerk } = await createTestAgency();
  const reportId = await draftReport(clerk, agency.name, REPORTING_YEAR);
  await signIn(page, clerk.username, TEST_PASSWORD);
  await page.goto(`/reports/${reportId}`);
  await expect(currentSection(page)).toContainText("封面与引言");

  await openSection(page, /^三、/);
  await expect(page).toHaveURL(new RegExp(`/reports/${reportId}\\?section=requests$`));
  await openSection(page, /^五、/);
  await expect(page).toHaveURL(/section=problems$/);

  // Back and forward move between sections within the page.
  await page.goBack();
  await expect(page).toHaveURL(/section=requests$/);
  await expect(currentSection(page)).toContainText("三、");
  await expect(page.getByLabel("「一、本年新收政府信息公开申请数量」的「自然人」", { exact: false }).first()).toBeVisible();
  await page.goBack();
  await expect(currentSection(page)).toContainText("封面与引言");
  await page.goForward();
  await expect(currentSection(page)).toContainText("三、");
  await page.goForward();
  await expect(currentSection(page)).toContainText("五、");

  // A reload opens the same section.
  await page.reload();
  await expect(currentSection(page)).toContainText("五、");
  await expect(page.getByLabel("存在的主要问题及改进情况", { exact: true })).toBeVisible();

  // An address naming no section opens the cover page.
  await page.goto(`/reports/${reportId}?section=nonsense`);
  await expect(currentSection(page)).toContainText("封面与引言");
});

test("year pickers open on the year being reported, not the calendar year", async ({ browser }) => {
  const { agency, clerk, supervisor, admin } = await testCounty();
  // A report already started for the calendar year does not move the county figures onto it.
  await draftReport(clerk, agency.name, REPORTING_YEAR + 1);

  const clerkPage = await (await browser.newContext()).newPage();
  await signIn(clerkPage, clerk.username, TEST_PASSWORD);
  await expect(clerkPage.getByLabel("报告年度")).toHaveValue(String(REPORTING_YEAR));

  const supervisorPage = await (await browser.newContext()).newPage();
  await signIn(supervisorPage, supervisor.username, TEST_PASSWORD);
  await supervisorPage.goto("/dashboard");
  await expect(supervisorPage.getByLabel("报告年度")).toHaveValue(String(REPORTING_YEAR));
  await expect(supervisorPage.getByRole("main")).toContainText(`${REPORTING_YEAR} 年度政府信息公开工作年度报告`);

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.username, TEST_PASSWORD);
  await adminPage.goto("/dashboard");
  await expect(adminPage.getByLabel("报告年度")).toHaveValue(String(REPORTING_YEAR));
  await adminPage.goto("/county");
  await expect(adminPage.getByLabel("报告年度")).toHaveValue(String(REPORTING_YEAR));
  await expect(adminPage.getByRole("main")).toContainText(`${REPORTING_YEAR} 年度政府信息公开工作年度报告`);
});

test("each role's empty report list says what that role can do", async ({ browser }) => {
  const { clerk, supervisor, admin } = await testCounty();
  const list = async (username: string) => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, username, TEST_PASSWORD);
    return page.getByRole("region", { name: "各年度报告" });
  };

  const clerkList = await list(clerk.username);
  await expect(clerkList).toContainText("开始填写该年度报告");
  await expect(clerkList.page().getByRole("button", { name: "开始填写该年度报告" })).toBeVisible();

  const supervisorList = await list(supervisor.username);
  await expect(supervisorList).toContainText("经办人");
  await expect(supervisorList).not.toContainText("开始填写该年度报告");
  await expect(supervisorList.getByRole("link", { name: "进度总览" })).toBeVisible();

  const adminList = await list(admin.username);
  await expect(adminList).not.toContainText("开始填写该年度报告");
  await expect(adminList.getByRole("link", { name: "进度总览" })).toBeVisible();
  await expect(adminList.getByRole("link", { name: "全县汇总" })).toBeVisible();
});

test("the audit log explains downloads in words, not codes", async ({ page }) => {
  const { agency, clerk, admin } = await testCounty();
  const reportId = await draftReport(clerk, agency.name, REPORTING_YEAR);
  await signIn(page, admin.username, TEST_PASSWORD);
  for (const format of ["docx", "html", "md"]) {
    expect((await page.request.get(`/api/reports/${reportId}/export?format=${format}`)).status()).toBe(200);
  }
  expect((await page.request.get(`/api/county/xlsx?year=${REPORTING_YEAR}`)).status()).toBe(200);

  await page.goto("/audit");
  const downloads = page.getByTestId("audit-log").getByRole("row").filter({ hasText: "下载报告" });
  await expect(downloads).toHaveCount(4);
  await expect(downloads.nth(0)).toContainText("全县汇总表（XLSX）");
  await expect(downloads.nth(1)).toContainText("Markdown，草稿");
  await expect(downloads.nth(2)).toContainText("网页（HTML），草稿");
  await expect(downloads.nth(3)).toContainText("Word（DOCX），草稿");
  await expect(page.getByTestId("audit-log")).not.toContainText(/county-xlsx|docx|\bmd\b/);
});

test("the page-not-found page is Chinese and leads back", async ({ page }) => {
  const { clerk } = await createTestAgency();
  await signIn(page, clerk.username, TEST_PASSWORD);
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "找不到该页面" })).toBeVisible();
  await page.getByRole("link", { name: "返回年度报告" }).click();
  await expect(page.getByRole("heading", { name: "各年度报告" })).toBeVisible();
});

test("last year's narrative shows, folded, beside each sub-heading and can be copied in", async ({ page }) => {
  const { agency, clerk } = await createTestAgency();
  const scope = { userId: clerk.id, agencyId: agency.id, reach: "agency" as const };
  const lastYear = cleanReport("2021", { year: REPORTING_YEAR - 1 });
  lastYear.agency = { name: agency.name, level: "township" };
  lastYear.overview = (lastYear.overview ?? []).map((part) => ({ ...part, text: `上年${part.heading}的写法。` }));
  lastYear.problems = "上年的问题：公开目录更新不及时。";
  lastYear.otherMatters = [{ heading: "信息处理费收取情况", text: "上年未收取信息处理费。" }];
  // An imported past report counts as last year's published report.
  await createReport(testDb(), scope, { year: REPORTING_YEAR - 1, edition: "2021", content: lastYear, imported: { fileName: "上年报告.docx" } });
  const reportId = await draftReport(clerk, agency.name, REPORTING_YEAR, (report) => {
    report.overview = (report.overview ?? []).map((part) => ({ ...part, text: "" }));
    report.problems = "";
    report.otherMatters = [{ heading: "信息处理费收取情况", text: "" }];
  });

  await signIn(page, clerk.username, TEST_PASSWORD);
  await page.goto(`/reports/${reportId}`);
  await openSection(page, /^一、/);
  const firstPart = page.getByRole("group", { name: "第 1 部分" });
  const shown = firstPart.getByText("上年主动公开情况的写法。");
  // Folded at first, opened from the keyboard.
  await expect(shown).toBeHidden();
  const summary = firstPart.getByText(`${REPORTING_YEAR - 1} 年报告的这一部分`);
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(shown).toBeVisible();
  await firstPart.getByRole("button", { name: "复制上年内容" }).click();
  await expect(firstPart.getByLabel("第 1 部分正文")).toHaveValue("上年主动公开情况的写法。");
  // The second part's own text stays until its own copy is asked for.
  await expect(page.getByRole("group", { name: "第 2 部分" }).getByLabel("第 2 部分正文")).toHaveValue("");

  await openSection(page, /^五、/);
  await page.getByText(`${REPORTING_YEAR - 1} 年报告的这一部分`).click();
  await expect(page.getByText("上年的问题：公开目录更新不及时。")).toBeVisible();
  await page.getByRole("button", { name: "复制上年内容" }).click();
  await expect(page.getByLabel("存在的主要问题及改进情况", { exact: true })).toHaveValue("上年的问题：公开目录更新不及时。");

  await openSection(page, /^六、/);
  const feePart = page.getByRole("group", { name: "第 1 部分" });
  await feePart.getByText(`${REPORTING_YEAR - 1} 年报告的这一部分`).click();
  await feePart.getByRole("button", { name: "复制上年内容" }).click();
  await expect(feePart.getByLabel("第 1 部分正文")).toHaveValue("上年未收取信息处理费。");
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/, { timeout: 30_000 });
});
