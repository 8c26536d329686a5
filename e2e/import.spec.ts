import fs from "node:fs";
import { first } from "@/db/client";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { reports } from "@/db/schema";
import { exportReport } from "@/lib/report/export";
import { parseInterchange } from "@/lib/report/interchange";
import { deflated, writeZip, zeroEntry } from "@/lib/report/import/zip-testing";
import { createTestAgency, expectCellValue, openSection, signIn, storedReportContent, TEST_PASSWORD, testDb } from "./support";

const SEED_TEXT = path.resolve("..", "shared", "seeds", "000_332374fea032217b.txt");

test("a clerk starts 2021 from the published 2020 report pasted as text, after seeing what was read", async ({ page }) => {
  const { clerk } = await createTestAgency("township", { namePrefix: "烟台市蓬莱区蓬莱阁街道办事处测试" });
  await signIn(page, clerk.username, TEST_PASSWORD);
  await page.getByRole("link", { name: /导入已发布的上年报告/ }).click();
  await page.getByLabel("粘贴全文").check();
  await page.getByLabel(/报告全文/).fill(fs.readFileSync(SEED_TEXT, "utf8"));
  await page.getByRole("button", { name: "读取" }).click();

  await expect(page.getByRole("heading", { name: "读取结果" })).toBeVisible();
  await expect(page.getByText("全部内容均已读取。")).toBeVisible();
  await page.getByRole("button", { name: "确认，开始填写 2021 年度报告" }).click();
  await page.waitForURL(/\/reports\/\d+$/);
  const reportId = Number(new URL(page.url()).pathname.split("/").pop());

  // Carried over: website and contact from the published report; last year's figures beside the cells.
  await expect(page.getByLabel("发布网站网址")).toHaveValue("http://www.penglai.gov.cn");
  await expect(page.getByLabel("联系电话")).toHaveValue("0535-5601507");
  await openSection(page, /三、收到和处理/);
  await expectCellValue(page, "二、上年结转政府信息公开申请数量", "自然人", "0");
  await expect(page.getByLabel("「一、本年新收政府信息公开申请数量」的「自然人」（上年 1）")).toBeVisible();
  const stored = (await storedReportContent(clerk, reportId)) as { year: number; edition: string };
  expect(stored).toMatchObject({ year: 2021, edition: "2021" });
});

test("garbage pasted for import gets a clear message and creates nothing", async ({ page }) => {
  const { clerk } = await createTestAgency();
  await signIn(page, clerk.username, TEST_PASSWORD);
  await page.goto("/reports/import");
  await page.getByLabel("粘贴全文").check();
  await page.getByLabel(/报告全文/).fill("这是一份会议通知，与年度报告无关。\n请各单位准时参加。");
  await page.getByRole("button", { name: "读取" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /年度报告/ })).toBeVisible();
  await page.goto("/");
  await expect(page.getByText("还没有年度报告")).toBeVisible();
});

test("a report whose tables could not be read cannot start the next year; the page says which tables and what it reads", async ({ page }) => {
  const { clerk } = await createTestAgency("township", { namePrefix: "烟台市蓬莱区蓬莱阁街道办事处测试" });
  await signIn(page, clerk.username, TEST_PASSWORD);
  await page.goto("/reports/import");
  await page.getByLabel("粘贴全文").check();
  await page
    .getByLabel(/报告全文/)
    .fill("烟台市蓬莱区蓬莱阁街道2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本街道认真贯彻落实政府信息公开条例。\n五、存在的主要问题及改进情况\n无。");
  await page.getByRole("button", { name: "读取" }).click();
  await expect(page.getByTestId("import-no-table")).toContainText("没有找到表二");
  await expect(page.getByTestId("import-no-table")).toContainText("本系统能读取");
  await expect(page.getByRole("button", { name: /确认，开始填写/ })).toHaveCount(0);
});

test("an imported report stays 导入 until the agency's supervisor confirms it; a clerk cannot import another agency's report", async ({ browser }) => {
  // The agency's name contains the printed one (烟台市蓬莱区蓬莱阁街道), as a real agency's would.
  const { clerk, supervisor } = await createTestAgency("township", { namePrefix: "烟台市蓬莱区蓬莱阁街道办事处测试" });
  const clerkPage = await (await browser.newContext()).newPage();
  await signIn(clerkPage, clerk.username, TEST_PASSWORD);
  await clerkPage.goto("/reports/import");
  await clerkPage.getByLabel("粘贴全文").check();
  await clerkPage.getByLabel(/报告全文/).fill(fs.readFileSync(SEED_TEXT, "utf8"));
  await clerkPage.getByRole("button", { name: "读取" }).click();
  await expect(clerkPage.getByText(/标为“导入”，只读/)).toBeVisible();
  await clerkPage.getByRole("button", { name: "确认，开始填写 2021 年度报告" }).click();
  await clerkPage.waitForURL(/\/reports\/\d+$/);

  // The 2020 report is the imported one: not approved, read-only, with its origin.
  await clerkPage.goto("/");
  const row2020 = clerkPage.getByTestId("report-list").getByRole("row").filter({ hasText: "2020 年" });
  await expect(row2020).toContainText("导入（待确认）");
  await row2020.getByRole("link").click();
  await expect(clerkPage.getByTestId("import-origin")).toContainText("粘贴的文字");
  await expect(clerkPage.getByRole("button", { name: "确认为已批准的报告" })).toHaveCount(0);
  await expect(clerkPage.getByRole("link", { name: "Word（DOCX）" })).toBeVisible();
  await expect(clerkPage.getByText("下载草稿：")).toBeVisible();
  const importedId = Number(new URL(clerkPage.url()).pathname.split("/").pop());
  expect(await first(testDb().select().from(reports).where(eq(reports.id, importedId)))).toMatchObject({
    status: "imported",
    approvedBy: null,
    importedBy: clerk.id,
  });

  // Its supervisor compares it with the published report and confirms it.
  const supervisorPage = await (await browser.newContext()).newPage();
  await signIn(supervisorPage, supervisor.username, TEST_PASSWORD);
  await supervisorPage.goto(`/reports/${importedId}`);
  await supervisorPage.getByRole("button", { name: "确认为已批准的报告" }).click();
  await supervisorPage.getByRole("button", { name: "确认无误" }).click();
  await expect(supervisorPage.getByText("报告已确认为已批准的报告。")).toBeVisible();
  expect(await first(testDb().select().from(reports).where(eq(reports.id, importedId)))).toMatchObject({
    status: "approved",
    approvedBy: supervisor.id,
  });

  // Another agency's clerk is refused, and nothing is stored for them.
  const other = await createTestAgency();
  const otherPage = await (await browser.newContext()).newPage();
  await signIn(otherPage, other.clerk.username, TEST_PASSWORD);
  await otherPage.goto("/reports/import");
  await otherPage.getByLabel("粘贴全文").check();
  await otherPage.getByLabel(/报告全文/).fill(fs.readFileSync(SEED_TEXT, "utf8"));
  await otherPage.getByRole("button", { name: "读取" }).click();
  await expect(otherPage.getByRole("alert").filter({ hasText: "经办人只能导入本机关的报告" })).toBeVisible();
  expect(await testDb().select().from(reports).where(eq(reports.agencyId, other.agency.id))).toEqual([]);
});

test("a Word file is read through the server's worker; a zip bomb gets a clear message at once and the app stays responsive", async ({ page }) => {
  const { clerk } = await createTestAgency("township", { namePrefix: "烟台市蓬莱区蓬莱阁街道办事处测试" });
  await signIn(page, clerk.username, TEST_PASSWORD);
  const seed = parseInterchange(fs.readFileSync(path.resolve("lib/report/fixtures/seed-2020.json"), "utf8"));
  if (!seed.ok) throw new Error("seed fixture unreadable");
  const docx = await exportReport(seed.report, "docx", { draft: false });

  await page.goto("/reports/import");
  await page.getByLabel("报告文件").setInputFiles({ name: "蓬莱阁街道2020年报.docx", mimeType: "application/octet-stream", buffer: Buffer.from(docx.body) });
  await page.getByRole("button", { name: "读取" }).click();
  await expect(page.getByRole("heading", { name: "读取结果" })).toBeVisible();
  await expect(page.getByText("全部内容均已读取。")).toBeVisible();

  // 0.5 MB that would inflate to 512 MB.
  await page.goto("/reports/import");
  const bomb = writeZip([deflated("[Content_Types].xml", "<Types/>"), zeroEntry("word/document.xml", 512)]);
  await page.getByLabel("报告文件").setInputFiles({ name: "bomb.docx", mimeType: "application/octet-stream", buffer: Buffer.from(bomb) });
  const started = Date.now();
  await page.getByRole("button", { name: "读取" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /解压后|压缩/ })).toBeVisible({ timeout: 2_000 });
  expect(Date.now() - started).toBeLessThan(2_000);
  const list = await page.request.get("/");
  expect(list.status()).toBe(200);
});

test("a PDF report is read through the server's worker; a scan gets a clear message", async ({ page }) => {
  const { clerk } = await createTestAgency("township", { namePrefix: "烟台市蓬莱区蓬莱阁街道办事处测试" });
  await signIn(page, clerk.username, TEST_PASSWORD);
  const fixture = (name: string) => fs.readFileSync(path.resolve("lib/report/import/fixtures/pdf", name));

  await page.goto("/reports/import");
  await page.getByLabel("报告文件").setInputFiles({ name: "蓬莱阁街道2020年报.pdf", mimeType: "application/pdf", buffer: fixture("seed-libreoffice.pdf") });
  await page.getByRole("button", { name: "读取" }).click();
  await expect(page.getByRole("heading", { name: "读取结果" })).toBeVisible();
  await expect(page.getByText("2020 年度报告，2019 年版格式")).toBeVisible();
  await expect(page.getByText("全部内容均已读取。")).toBeVisible();

  await page.goto("/reports/import");
  await page.getByLabel("报告文件").setInputFiles({ name: "扫描件.pdf", mimeType: "application/pdf", buffer: fixture("scan.pdf") });
  await page.getByRole("button", { name: "读取" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "这是扫描件（没有文字层），无法读取" })).toBeVisible();
});
