import { expect, test } from "@playwright/test";
import { DEMO_TOWNSHIP, DEMO_USERS } from "@/lib/demo";
import { roleLabels } from "@/lib/labels";
import { signIn } from "./support";

test("pages behind login send a visitor to the Chinese login page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
});

for (const user of DEMO_USERS) {
  test(`demo user ${user.username} signs in and sees agency, name and role`, async ({ page }) => {
    await signIn(page, user.username, user.password);
    const header = page.getByTestId("current-user");
    await expect(header).toContainText(user.displayName);
    await expect(header).toContainText(roleLabels[user.role]);
    await expect(header).toContainText(user.agency);
  });
}

test("a wrong password gets a Chinese error and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("clerk");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("用户名或密码错误，请重新输入。");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("the clerk's report list shows the seeded, approved 2020 report", async ({ page }) => {
  await signIn(page, "clerk");
  await expect(page.getByRole("heading", { name: DEMO_TOWNSHIP })).toBeVisible();
  const row = page.getByTestId("report-list").getByRole("row", { name: /2020 年/ });
  await expect(row).toContainText("已批准");
  await expect(row).toContainText("2019 年版");
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "supervisor");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("repeated failed logins for one username are locked with a Chinese message", async ({ page }) => {
  await page.goto("/login");
  const alert = page.getByTestId("login-error");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("用户名").fill("guessing-someone");
    await page.getByLabel("密码").fill(`guess-${attempt}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(alert).toHaveText("用户名或密码错误，请重新输入。");
  }
  await page.getByLabel("密码").fill("guess-6");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(alert).toHaveText("登录失败次数过多，已暂时锁定，请 15 分钟后再试。");
});
