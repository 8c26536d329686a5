/**
 * Accounts under attack and in daily use: a forced password change, a session that ends when the password
 * is reset or the account disabled, 「退出所有设备」, and an "admin" below the county that has no power.
 */
import { expect, test, type Browser } from "@playwright/test";
import { setMustChangePassword } from "@/db/queries/account";
import { createAgency } from "@/db/queries/agencies";
import { createUser } from "@/db/queries/users";
import { hashPasswordSync } from "@/lib/auth/passwords";
import { createTestAgency, signIn, TEST_PASSWORD, testDb } from "./support";

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

/** A county office with its admin, and one of its townships with a clerk and a supervisor. */
async function createCounty() {
  const db = testDb();
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const county = await createAgency(db, { name: `测试县${tag}`, level: "government", officeTier: "county" });
  const admin = await createUser(db, {
    username: `county-admin-${tag}`,
    displayName: "县管理员",
    role: "admin",
    agencyId: county.id,
    passwordHash: hashPasswordSync(TEST_PASSWORD),
  });
  return { county, admin, ...await createTestAgency("township", { parentId: county.id }) };
}

test("a user whose password was handed out must set a new one before anything else", async ({ page }) => {
  const { clerk } = await createTestAgency();
  await setMustChangePassword(testDb(), clerk.id, true);
  await page.goto("/login");
  await page.getByLabel("用户名").fill(clerk.username);
  await page.getByLabel("密码").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("must-change-password")).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/account$/);

  const form = page.getByRole("form", { name: "修改密码" });
  await form.getByLabel("当前密码").fill(TEST_PASSWORD);
  await form.getByLabel(/^新密码/).fill("clerk2026");
  await form.getByLabel("再次输入新密码").fill("clerk2026");
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(form.getByText(/新密码至少需要 10 个字符|太常见或是示例密码/)).toBeVisible();

  await form.getByLabel(/^新密码/).fill("Penglai-new-2026");
  await form.getByLabel("再次输入新密码").fill("Penglai-new-2026");
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: /测试街道办事处/ })).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, clerk.username, "Penglai-new-2026");
});

test("a reset password or a disabled account ends the user's open sessions", async ({ browser }) => {
  const { admin, clerk, supervisor } = await createCounty();
  const clerkPage = await newPage(browser);
  await signIn(clerkPage, clerk.username, TEST_PASSWORD);
  const supervisorPage = await newPage(browser);
  await signIn(supervisorPage, supervisor.username, TEST_PASSWORD);

  const adminPage = await newPage(browser);
  await signIn(adminPage, admin.username, TEST_PASSWORD);
  await adminPage.goto("/admin");
  const reset = adminPage.getByRole("form", { name: "重置密码" });
  await reset.getByLabel("用户").selectOption({ label: `测试经办人（${clerk.username}，${clerk.agencyName}）` });
  await reset.getByLabel(/新密码/).fill("Reset-by-admin-1");
  await reset.getByRole("button", { name: "重置密码" }).click();
  await expect(reset.getByText(/已重置/)).toBeVisible();
  await clerkPage.reload();
  await expect(clerkPage).toHaveURL(/\/login/);

  const standing = adminPage.getByRole("form", { name: "停用或启用用户" });
  await standing.getByLabel("用户").selectOption({ label: `测试审核人（${supervisor.username}，${supervisor.agencyName}）` });
  await standing.getByLabel("操作").selectOption("disabled");
  await standing.getByRole("button", { name: "确定" }).click();
  await expect(standing.getByText(/已停用/)).toBeVisible();
  await expect(adminPage.getByTestId("user-list").getByRole("row").filter({ hasText: supervisor.username })).toContainText("已停用");
  await supervisorPage.reload();
  await expect(supervisorPage).toHaveURL(/\/login/);
  await supervisorPage.getByLabel("用户名").fill(supervisor.username);
  await supervisorPage.getByLabel("密码").fill(TEST_PASSWORD);
  await supervisorPage.getByRole("button", { name: "登录" }).click();
  await expect(supervisorPage.getByTestId("login-error")).toHaveText("用户名或密码错误，请重新输入。");
});

test("退出所有设备 signs the user out on every browser", async ({ browser }) => {
  const { clerk } = await createTestAgency();
  const office = await newPage(browser);
  await signIn(office, clerk.username, TEST_PASSWORD);
  const home = await newPage(browser);
  await signIn(home, clerk.username, TEST_PASSWORD);
  await home.goto("/account");
  await home.getByRole("button", { name: "退出所有设备" }).click();
  await home.getByRole("button", { name: "确定退出" }).click();
  await expect(home).toHaveURL(/\/login/);
  await office.reload();
  await expect(office).toHaveURL(/\/login/);
});

test("an admin account below the county office has no admin power", async ({ page }) => {
  const { agency } = await createCounty();
  const tag = Math.random().toString(36).slice(2, 8);
  const townshipAdmin = await createUser(testDb(), {
    username: `township-admin-${tag}`,
    displayName: "乡镇管理员",
    role: "admin",
    agencyId: agency.id,
    passwordHash: hashPasswordSync(TEST_PASSWORD),
  });
  await signIn(page, townshipAdmin.username, TEST_PASSWORD);
  await expect(page.getByRole("navigation", { name: "主导航" })).toHaveCount(0);
  for (const path of ["/admin", "/county", "/audit", "/dashboard"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/$/);
  }
  const xlsx = await page.request.get("/api/county/xlsx?year=2025");
  expect(xlsx.status()).toBe(403);
  expect((await xlsx.json()).error).toBe("只有政务公开办的管理员可以查看汇总。");
});
