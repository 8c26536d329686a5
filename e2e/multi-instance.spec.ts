/**
 * Several app instances behind a load balancer, on one PostgreSQL (issue #17 item 2): run by
 * `npm run test:e2e:postgres` (playwright.postgres.config.ts), with a second server started here beside the
 * test run's own. Sessions, the conflict check of saves and the sign-in throttle hold across both.
 */
import { expect, test } from "@playwright/test";
import { startAppServer } from "./instances";
import { createTestAgency, expectSaved, startReport, storedReportContent, TEST_PASSWORD } from "./support";

const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? 3112);
let second: Awaited<ReturnType<typeof startAppServer>>;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  second = await startAppServer(SECOND_PORT);
});
test.afterAll(() => second?.stop());

async function signInAt(page: import("@playwright/test").Page, base: string, username: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

test("a session started on one instance works on the other, and signing out there ends it on both", async ({ page, baseURL }) => {
  const { clerk } = await createTestAgency();
  await signInAt(page, baseURL!, clerk.username, TEST_PASSWORD);
  await expect(page.getByTestId("current-user")).toContainText("测试经办人");
  // The same browser, sent to the other instance (cookies belong to the host, whatever the port).
  await page.goto(`${second.base}/`);
  await expect(page.getByTestId("current-user")).toContainText("测试经办人");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`${baseURL}/`);
  await expect(page).toHaveURL(/\/login/);
});

test("two tabs on two instances: the later save is told of the conflict and nothing is overwritten", async ({ context, baseURL }) => {
  const { clerk } = await createTestAgency();
  const first = await context.newPage();
  await signInAt(first, baseURL!, clerk.username, TEST_PASSWORD);
  await expect(first.getByTestId("current-user")).toBeVisible();
  const reportId = await startReport(first, 2025);
  const other = await context.newPage();
  await other.goto(`${second.base}/reports/${reportId}`);
  await expect(other.getByLabel("联系电话")).toBeVisible();

  await first.bringToFront();
  await first.getByLabel("联系电话").fill("0535-1111111");
  await expectSaved(first);

  await other.bringToFront();
  await other.getByLabel("联系电话").fill("0535-2222222");
  await expect(other.getByTestId("save-conflict")).toBeVisible();
  expect(((await storedReportContent(clerk, reportId)) as { contact: { phone: string } }).contact.phone).toBe("0535-1111111");
});

test("failed sign-ins count on both instances together", async ({ page, baseURL }) => {
  const { clerk } = await createTestAgency();
  const alert = page.getByTestId("login-error");
  // Five wrong passwords, taking turns between the instances: the sixth try is locked out on either.
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signInAt(page, attempt % 2 ? baseURL! : second.base, clerk.username, `wrong-${attempt}`);
    await expect(alert).toHaveText("用户名或密码错误，请重新输入。");
  }
  await signInAt(page, second.base, clerk.username, TEST_PASSWORD);
  await expect(alert).toHaveText("登录失败次数过多，已暂时锁定，请 15 分钟后再试。");
  await signInAt(page, baseURL!, clerk.username, TEST_PASSWORD);
  await expect(alert).toHaveText("登录失败次数过多，已暂时锁定，请 15 分钟后再试。");
});
