import { expect, type Page } from "@playwright/test";
import type { AgencyLevel } from "@/lib/report/model";
import type { OfficeTier } from "@/db/schema";
import { DEMO_USERS } from "@/lib/demo";
import path from "node:path";
import { first, openDb, openPostgres, type Db } from "@/db/client";
import { createAgency } from "@/db/queries/agencies";
import { createUser } from "@/db/queries/users";
import { hashPasswordSync } from "@/lib/auth/passwords";
import { getReportForActor } from "@/db/queries/reports";


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


/** The database the browser tests' server uses (see scripts/e2e-server.sh): DATABASE_URL's, or this SQLite file. */
export const E2E_DATABASE = path.resolve(process.env.E2E_DATA_DIR ?? "data/e2e", "nianbao.db");

let e2eDb: Db | undefined;
export function testDb(): Db {
  e2eDb ??= process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL, { max: 2 }) : openDb(E2E_DATABASE);
  return e2eDb;
}

export const TEST_PASSWORD = "test-pass-2026";
let testPasswordHash: string | undefined;

/**
 * A fresh agency with a clerk and a supervisor, so each test works on its own data and tests can run in
 * parallel without seeing each other's reports.
 */
export async function createTestAgency(
  level: AgencyLevel = "township",
  options: { namePrefix?: string; parentId?: number; officeTier?: OfficeTier } = {},
) {
  const db = testDb();
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const passwordHash = (testPasswordHash ??= hashPasswordSync(TEST_PASSWORD));
  const agency = await createAgency(db, {
    name: `${options.namePrefix ?? "测试街道办事处"}${tag}`,
    level,
    parentId: options.parentId ?? null,
    officeTier: options.officeTier ?? null,
  });
  const clerk = await createUser(db, { username: `clerk-${tag}`, displayName: "测试经办人", role: "clerk", agencyId: agency.id, passwordHash });
  const supervisor = await createUser(db, {
    username: `supervisor-${tag}`,
    displayName: "测试审核人",
    role: "supervisor",
    agencyId: agency.id,
    passwordHash,
  });
  return { agency, clerk, supervisor };
}

export async function storedReportContent(clerk: { id: number; agencyId: number }, reportId: number) {
  return (await getReportForActor(testDb(), { userId: clerk.id, agencyId: clerk.agencyId, reach: "agency" }, reportId))?.content as
    | Record<string, unknown>
    | undefined;
}

/** Start a year's report from the report list as a signed-in clerk; returns its id. */
export async function startReport(page: Page, year: number): Promise<number> {
  await page.goto("/");
  await page.getByLabel("报告年度").selectOption(String(year));
  await page.getByRole("button", { name: "开始填写该年度报告" }).click();
  await page.waitForURL(/\/reports\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

export async function openSection(page: Page, title: RegExp | string) {
  await page.getByRole("navigation", { name: "报告栏目" }).getByRole("button", { name: title }).click();
}

/**
 * A number cell of an editor table, by its row and column: the cell itself, or the editor input inside it while
 * the cell is edited (the input then carries the cell's name).
 */
export function cell(page: Page, row: string, column: string) {
  return page.getByLabel(`「${row}」的「${column}」`, { exact: false }).first();
}

/** Types a figure into a cell as a clerk does: the cell is clicked (its editor input appears) and filled. */
export async function fillCell(page: Page, row: string, column: string, text: string) {
  await cell(page, row, column).click();
  await expect(cell(page, row, column)).toBeFocused();
  await cell(page, row, column).fill(text);
}

/** The text a cell shows: its editor input's while the cell is edited, its own otherwise. */
export async function expectCellValue(page: Page, row: string, column: string, value: string) {
  await expect(async () => {
    const shown = await cell(page, row, column).evaluate((element) =>
      element instanceof HTMLInputElement ? element.value : (element.querySelector("[data-cell-text]")?.textContent ?? null),
    );
    expect(shown).toBe(value);
  }).toPass();
}

export async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/, { timeout: 30_000 });
}

/** Dispatch a paste of text onto the focused element, as Excel or WPS would put it on the clipboard. */
export async function pasteText(page: Page, text: string) {
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Every CSP violation the page reports, as console errors (the browser's own and a listener's). */
export async function collectViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|CSP violation/.test(message.text())) {
      violations.push(`${page.url()}: ${message.text()}`);
    }
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return violations;
}
