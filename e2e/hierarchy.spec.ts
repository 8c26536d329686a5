import { expect, test } from "@playwright/test";
import { first } from "@/db/client";
import AxeBuilder from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import { agencies } from "@/db/schema";
import { createAgency } from "@/db/queries/agencies";
import { storeReportInStatus } from "@/db/test-db";
import { DEMO_CITY, DEMO_COUNTY, DEMO_OTHER_COUNTY, DEMO_TOWNSHIP } from "@/lib/demo";
import type { Report } from "@/lib/report/model";
import { cleanReport } from "@/lib/report/testing";
import { collectViolations, createTestAgency, signIn, testDb } from "./support";

/**
 * Offices at any depth (issue #16 item 3): the demo city's admin sees the roll-up of its two counties, drills
 * down into each, and sees nothing of another city.
 */

async function agencyId(name: string): Promise<number> {
  const row = await first(testDb().select({ id: agencies.id }).from(agencies).where(eq(agencies.name, name)));
  if (!row) throw new Error(`no agency ${name}`);
  return row.id;
}

/** An approved 2020 report of a new department under `parentId`, with `received` new requests, all granted. */
async function approvedDepartment(namePrefix: string, parentId: number, received: number) {
  const made = await createTestAgency("department", { namePrefix, parentId });
  const content: Report = cleanReport("2019", { year: 2020 });
  content.agency = { name: made.agency.name, level: "department" };
  content.title = `${made.agency.name}2020年政府信息公开工作年度报告`;
  const { requests } = content;
  requests.newReceived.naturalPerson = requests.newReceived.total = received;
  requests.granted.naturalPerson = requests.granted.total = received;
  requests.totalHandled.naturalPerson = requests.totalHandled.total = received;
  await storeReportInStatus(
    testDb(),
    { userId: made.clerk.id, agencyId: made.agency.id, reach: "agency" },
    { year: 2020, edition: "2019", content, status: "approved" },
  );
  return made.agency;
}

test("a city admin sees its two counties' roll-up and progress, drills into each, and nothing of another city", async ({ page }) => {
  const violations = await collectViolations(page);
  const tag = Date.now().toString(36);
  const zhifuDepartment = await approvedDepartment("芝罘区层级测试局", await agencyId(DEMO_OTHER_COUNTY), 7);
  // Another city with a county and an approved report: none of it may show to 烟台市's admin.
  const otherCity = await createAgency(testDb(), { name: `威海市${tag}`, level: "government", officeTier: "city" });
  const otherCounty = await createAgency(testDb(), { name: `威海市环翠区${tag}`, level: "government", officeTier: "county", parentId: otherCity.id });
  const foreign = await approvedDepartment("环翠区不可见局", otherCounty.id, 999);

  await signIn(page, "city-admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "全市汇总" }).click();
  await expect(page.getByRole("heading", { name: "全市汇总", level: 1 })).toBeVisible();
  await page.goto("/county?year=2020");
  const rollups = page.getByTestId("child-office-rollups");
  await expect(rollups.getByRole("row")).toHaveCount(3);
  const penglai = rollups.getByRole("row", { name: new RegExp(DEMO_COUNTY) });
  const zhifu = rollups.getByRole("row", { name: new RegExp(DEMO_OTHER_COUNTY) });
  // 蓬莱区: the demo township's confirmed 2020 report; 芝罘区: the department made here.
  await expect(penglai.getByRole("cell").nth(2)).toHaveText("1");
  await expect(zhifu.getByRole("cell").nth(2)).toHaveText("1");
  await expect(zhifu.getByRole("cell").nth(3)).toHaveText("平衡");
  await expect(page.getByTestId("county-summary")).toContainText("已批准并计入汇总 2 个");
  await expect(page.locator("body")).not.toContainText(foreign.name);
  await expect(page.locator("body")).not.toContainText(otherCity.name);

  // Down into 芝罘区: its own roll-up, with the way back up to the city.
  await zhifu.getByRole("link", { name: DEMO_OTHER_COUNTY }).click();
  await expect(page.getByRole("heading", { name: "全县汇总", level: 1 })).toBeVisible();
  const line = page.getByRole("navigation", { name: "所在层级" });
  await expect(line).toContainText(`${DEMO_CITY}›${DEMO_OTHER_COUNTY}`);
  await expect(page.getByTestId("county-summary")).toContainText("已批准并计入汇总 1 个");
  await expect(page.getByText(zhifuDepartment.name).first()).toBeVisible();
  await line.getByRole("link", { name: DEMO_CITY }).click();
  await expect(page.getByRole("heading", { name: "全市汇总", level: 1 })).toBeVisible();

  // Another city's office by its id: refused in Chinese, as if it did not exist.
  await page.goto(`/county?year=2020&office=${otherCounty.id}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("找不到该政务公开办，或不在您管理的范围内。");
  await expect(page.locator("body")).not.toContainText(otherCounty.name);
  const xlsx = await page.request.get(`/api/county/xlsx?year=2020&office=${otherCounty.id}`);
  expect(xlsx.status()).toBe(404);

  // Progress: one line per county, and the county's own agencies one click down.
  await page.goto("/dashboard?year=2020");
  const progress = page.getByTestId("child-offices");
  await expect(progress.getByRole("row")).toHaveCount(3);
  await expect(progress.getByRole("row", { name: new RegExp(DEMO_COUNTY) }).getByRole("cell").nth(2)).toHaveText("1");
  await progress.getByRole("link", { name: DEMO_COUNTY }).click();
  await expect(page.getByRole("navigation", { name: "所在层级" })).toContainText(`${DEMO_CITY}›${DEMO_COUNTY}`);
  await expect(page.getByTestId("dashboard")).toContainText("蓬莱阁街道办事处");
  await page.goto(`/dashboard?office=${otherCity.id}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("找不到该政务公开办，或不在您管理的范围内。");

  // Administration reaches both counties and no further.
  await page.goto("/admin");
  const agencyList = page.getByTestId("agency-list");
  await expect(agencyList).toContainText(`${DEMO_OTHER_COUNTY}司法局`);
  await expect(agencyList).toContainText("蓬莱阁街道办事处");
  await expect(agencyList).not.toContainText(foreign.name);
  await expect(page.getByTestId("user-list")).not.toContainText("环翠区");

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  expect(violations).toEqual([]);
});

test("a county admin sees neither its city's roll-up nor the other county", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto(`/county?year=2020&office=${agencyId(DEMO_CITY)}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("找不到该政务公开办，或不在您管理的范围内。");
  await page.goto(`/dashboard?office=${agencyId(DEMO_OTHER_COUNTY)}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("找不到该政务公开办，或不在您管理的范围内。");
  await page.goto("/county?year=2020");
  await expect(page.getByRole("heading", { name: "全县汇总", level: 1 })).toBeVisible();
  await expect(page.getByTestId("child-office-rollups")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(DEMO_OTHER_COUNTY);
});

test("a city admin adds a county under the city and its admin, who then administers only that county", async ({ page }) => {
  const tag = Date.now().toString(36);
  const countyName = `烟台市福山区${tag}`;
  await signIn(page, "city-admin");
  await page.goto("/admin");
  const agencyForm = page.getByRole("form", { name: "添加机关" });
  await agencyForm.getByLabel("机关名称").fill(countyName);
  await agencyForm.getByLabel("机关层级").selectOption("government");
  await agencyForm.getByRole("button", { name: "添加机关" }).click();
  await expect(agencyForm).toContainText(`已添加机关“${countyName}”`);
  // A township straight under a city is refused at the field, in Chinese.
  await agencyForm.getByLabel("机关名称").fill(`某街道${tag}`);
  await agencyForm.getByLabel("机关层级").selectOption("township");
  await agencyForm.getByRole("button", { name: "添加机关" }).click();
  await expect(agencyForm).toContainText("乡镇、街道只能设在县（区）之下。");

  await page.reload();
  const userForm = page.getByRole("form", { name: "添加用户" });
  await userForm.getByLabel("用户名（登录用，字母或数字）").fill(`fushan-${tag}`);
  await userForm.getByLabel("姓名").fill("福山管理员");
  await userForm.getByLabel("角色").selectOption("admin");
  await userForm.getByLabel("所属机关").selectOption({ label: countyName });
  await userForm.getByLabel("初始密码（至少 8 个字符）").fill("initial-pass-1");
  await userForm.getByRole("button", { name: "添加用户" }).click();
  await expect(userForm).toContainText(`已添加用户 fushan-${tag}`);
  await expect(page.getByTestId("agency-list").getByRole("row", { name: new RegExp(countyName) })).toContainText("县（区）级政务公开办");
});

test("the progress overview finds an agency by name, status and level, and keeps the filter in the address", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/dashboard?year=2020");
  const form = page.getByRole("form", { name: "筛选机关" });
  await form.getByLabel("机关名称").fill("蓬莱阁");
  await form.getByLabel("状态").selectOption("approved");
  await form.getByLabel("层级").selectOption("township");
  await form.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("dashboard-matching")).toHaveText("符合筛选条件的机关 1 个。");
  await expect(page.getByTestId("dashboard").getByRole("row")).toHaveCount(2);
  await expect(page.getByTestId("dashboard")).toContainText("蓬莱阁街道办事处");
  await expect(page).toHaveURL(/status=approved/);
  // Counted over every agency of the county, whatever the filter.
  await expect(page.getByTestId("dashboard-summary")).toContainText("已批准 1 个");
  await form.getByLabel("状态").selectOption("none");
  await form.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("dashboard-matching")).toHaveText("符合筛选条件的机关 0 个。");
  await page.getByRole("link", { name: "清除筛选" }).click();
  await expect(page.getByTestId("dashboard-matching")).toHaveCount(0);
});

test("the progress overview keeps only reports with errors and sorts by a column from the keyboard, in the address", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/dashboard?year=2020");
  const table = page.getByTestId("dashboard");
  const form = page.getByRole("form", { name: "筛选机关" });
  // The seeded 2020 report of the township was approved with the seed's own two sums that do not add up.
  await form.getByLabel("只看有错误的").check();
  await form.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/errors=1/);
  await expect(page.getByTestId("dashboard-matching")).toHaveText("符合筛选条件的机关 1 个。");
  await expect(table.getByRole("row").nth(1)).toContainText(DEMO_TOWNSHIP);
  await expect(table.getByRole("row").nth(1).getByRole("cell").nth(3)).toHaveText("2");
  await page.getByRole("link", { name: "清除筛选" }).click();
  await expect(page.getByTestId("dashboard-matching")).toHaveCount(0);

  // Sorting by errors, most first, with the keyboard: the header link says how the column is sorted.
  const errorsHeader = table.getByRole("columnheader", { name: "错误" });
  await expect(errorsHeader).toHaveAttribute("aria-sort", "none");
  await errorsHeader.getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=errors&dir=desc/);
  await expect(errorsHeader).toHaveAttribute("aria-sort", "descending");
  await expect(table.getByRole("row").nth(1)).toContainText(DEMO_TOWNSHIP);
  // Agencies with no report of the year come last, whichever way.
  await expect(table.getByRole("row").last()).toContainText("未开始");
  await errorsHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=errors&dir=asc/);
  await expect(errorsHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("row").last()).toContainText("未开始");

  // By name, the other way round: the county office itself (its name the shortest) comes last.
  const nameHeader = table.getByRole("columnheader", { name: "机关" });
  await expect(nameHeader).toHaveAttribute("aria-sort", "none");
  await nameHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await expect(table.getByRole("row").nth(1)).toContainText(DEMO_COUNTY);
  await nameHeader.getByRole("link").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect(table.getByRole("row").last().getByRole("cell").first()).toContainText(DEMO_COUNTY);
  // Filtering keeps the order.
  await form.getByLabel("状态").selectOption("all");
  await form.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
});
