import { expect, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/db/seed";

export function demoUser(username: string) {
  const user = DEMO_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user;
}

export async function signIn(page: Page, username: string, password = demoUser(username).password) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}
