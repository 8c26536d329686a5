import { expect, test, type APIResponse } from "@playwright/test";
import { and, desc, eq } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import { first } from "@/db/client";
import { collectViolations, createTestAgency, expectSaved, fillCell, openSection, signIn, startReport, testDb, TEST_PASSWORD } from "./support";

const FOREIGN_ORIGIN = "https://evil.example";

function policyOf(response: APIResponse | { headers(): Record<string, string> }): Map<string, string> {
  const header = response.headers()["content-security-policy"] ?? "";
  return new Map(
    header
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name, values.join(" ")] as const;
      }),
  );
}

function expectFixedHeaders(headers: Record<string, string>) {
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  // Served over plain http, and no trusted proxy says otherwise.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

function expectPagePolicy(headers: Record<string, string>): string {
  const policy = policyOf({ headers: () => headers });
  const nonce = /'nonce-([^']+)'/.exec(policy.get("script-src") ?? "")?.[1];
  expect(nonce, "script-src carries a nonce").toBeTruthy();
  expect(policy.get("script-src")).not.toContain("unsafe-inline");
  expect(policy.get("script-src")).not.toContain("unsafe-eval");
  expect(policy.get("frame-ancestors")).toBe("'none'");
  expect(policy.get("object-src")).toBe("'none'");
  expect(policy.get("base-uri")).toBe("'self'");
  expect(policy.get("form-action")).toBe("'self'");
  return nonce!;
}


test("the login page has the policy with a fresh nonce on every script, and the fixed headers", async ({ request }) => {
  const first = await request.get("/login");
  expect(first.status()).toBe(200);
  expectFixedHeaders(first.headers());
  const nonce = expectPagePolicy(first.headers());

  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

  // A forged X-Forwarded-Proto (no trusted proxy here) neither switches on HSTS nor upgrades requests.
  const second = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(expectPagePolicy(second.headers())).not.toBe(nonce);
  expect(second.headers()["strict-transport-security"]).toBeUndefined();
  expect(policyOf(second).has("upgrade-insecure-requests")).toBe(false);
});

test("signed-in pages and API routes carry the headers; the HTML export keeps its own stricter policy", async ({ page }) => {
  const { clerk } = await createTestAgency();
  await signIn(page, clerk.username, TEST_PASSWORD);
  const list = await page.goto("/");
  expectFixedHeaders(list!.headers());
  expectPagePolicy(list!.headers());

  const session = await page.request.get("/api/auth/session");
  expect(session.status()).toBe(200);
  expectFixedHeaders(session.headers());

  const reportId = await startReport(page, 2021);
  const editor = await page.goto(`/reports/${reportId}`);
  expectPagePolicy(editor!.headers());

  const exported = await page.request.get(`/api/reports/${reportId}/export?format=html`);
  expect(exported.status()).toBe(200);
  expectFixedHeaders(exported.headers());
  expect(policyOf(exported).get("default-src")).toBe("'none'");
  expect(exported.headers()["content-security-policy"]).not.toContain("nonce-");
});

test("the editor and the pages around it run without a CSP violation", async ({ page }) => {
  const violations = await collectViolations(page);
  const { clerk, supervisor } = await createTestAgency();
  await signIn(page, clerk.username, TEST_PASSWORD);
  const reportId = await startReport(page, 2021);
  // The policy is really there (without one, nothing could violate it).
  expectPagePolicy((await page.reload())!.headers());
  await openSection(page, /三、收到和处理/);
  await fillCell(page, "一、本年新收政府信息公开申请数量", "自然人", "3");
  await expect(page.locator('output[data-path="requests.newReceived.total"]')).toHaveText("3");
  await expectSaved(page);
  await openSection(page, /二、主动公开/);
  await page.goto(`/reports/${reportId}/history`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/reports/import");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Client-side navigation back to the list.
  await page.goto(`/reports/${reportId}`);
  await page.getByRole("link", { name: "年度报告" }).first().click();
  await expect(page).toHaveURL(/\/$/);

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, supervisor.username, TEST_PASSWORD);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto(`/reports/${reportId}`);
  await expect(page.getByTestId("current-user")).toBeVisible();

  expect(violations).toEqual([]);
});

test("the county admin's pages run without a CSP violation", async ({ page }) => {
  const violations = await collectViolations(page);
  await signIn(page, "admin");
  for (const path of ["/dashboard", "/county", "/audit", "/admin", "/account"]) {
    expectPagePolicy((await page.goto(path))!.headers());
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  // The Chinese 404 page is rendered per request too, so its scripts carry the nonce.
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "找不到该页面" })).toBeVisible();
  await page.getByRole("link", { name: "返回年度报告" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(violations).toEqual([]);
});

test("a server action posted from another site is refused with 403 in Chinese and audited", async ({ request }) => {
  const refused = await request.post("/", {
    headers: { "next-action": "7f00000000000000000000000000000000000000", Origin: FOREIGN_ORIGIN, "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toBe("请求来源与本站不符，已拒绝。");
  expectFixedHeaders(refused.headers());

  const event = await first(
    testDb().select().from(auditEvents).where(eq(auditEvents.action, "request-refused")).orderBy(desc(auditEvents.id)).limit(1),
  );
  expect(event?.detail).toContain(FOREIGN_ORIGIN);
  expect(event?.detail).toContain("服务器操作");
  expect(["127.0.0.1", "::1"]).toContain(event?.address);

  // next-auth's own POSTs from another site are refused the same way.
  const signOut = await request.post("/api/auth/signout", { headers: { Origin: FOREIGN_ORIGIN }, form: { csrfToken: "x" } });
  expect(signOut.status()).toBe(403);

  // From this site the request reaches Next (which knows no such action), not the refusal.
  const sameSite = await request.post("/", {
    headers: { "next-action": "7f00000000000000000000000000000000000000", Origin: new URL(refused.url()).origin },
    data: "[]",
  });
  expect(sameSite.status()).not.toBe(403);
});

test("a sign-in with forged address headers is recorded with the connection's address", async ({ playwright, baseURL }) => {
  const { clerk } = await createTestAgency();
  // 127.0.0.1 rather than localhost, so the connection is IPv4 (seen as ::ffff:127.0.0.1 by the server).
  const api = await playwright.request.newContext({
    baseURL: `http://127.0.0.1:${new URL(baseURL!).port}`,
    extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.9", "X-Nianbao-Client-Address": "203.0.113.10" },
  });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: clerk.username, password: TEST_PASSWORD, json: "true" },
  });
  expect(signedIn.ok()).toBe(true);
  await api.dispose();

  const logins = await testDb()
    .select({ address: auditEvents.address })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "login"), eq(auditEvents.username, clerk.username)));
  expect(logins).toEqual([{ address: "127.0.0.1" }]);
});
