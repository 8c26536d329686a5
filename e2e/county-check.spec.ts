import { Workbook } from "exceljs";
import { expect, test } from "@playwright/test";
import { and, eq, like } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import { DEMO_TOWNSHIP } from "@/lib/demo";
import { exportReport } from "@/lib/report/export";
import { parseInterchange } from "@/lib/report/interchange";
import fs from "node:fs";
import path from "node:path";
import { demoUser, signIn, testDb } from "./support";

function seed() {
  const parsed = parseInterchange(fs.readFileSync(path.resolve("lib/report/fixtures/seed-2020.json"), "utf8"));
  if (!parsed.ok) throw new Error("seed fixture unreadable");
  return parsed.report;
}

test("the county admin checks three published reports (one broken) and downloads the result", async ({ page }) => {
  const report = seed();
  // A name of its own, to find this batch's audit event among other tests'.
  const broken = `损坏的报告${Date.now().toString(36)}.docx`;
  const [html, docx] = await Promise.all([exportReport(report, "html", { draft: false }), exportReport(report, "docx", { draft: false })]);

  await signIn(page, "admin");
  await page.goto("/county");
  await page.getByRole("link", { name: "检查已发布的报告" }).click();
  await expect(page.getByRole("heading", { name: "检查已发布的报告", level: 1 })).toBeVisible();

  await page.getByLabel("选择报告文件（可多选）").setInputFiles([
    { name: "蓬莱阁街道2020.html", mimeType: "text/html", buffer: Buffer.from(html.body) },
    { name: "蓬莱阁街道2020.docx", mimeType: "application/octet-stream", buffer: Buffer.from(docx.body) },
    { name: broken, mimeType: "application/octet-stream", buffer: Buffer.from("not a word file") },
  ]);
  await page.getByRole("button", { name: "开始检查（3 个文件）" }).click();

  const progress = page.getByTestId("check-progress");
  await expect(progress).toHaveText("共 3 个文件：已检查 2 个，无法读取 1 个；错误 4 个，提醒 0 个。");
  const results = page.getByTestId("check-results");
  await expect(results.locator("tbody tr")).toHaveCount(3);
  const htmlRow = results.locator("tbody tr").filter({ hasText: "蓬莱阁街道2020.html" });
  await expect(htmlRow).toContainText(DEMO_TOWNSHIP);
  await expect(htmlRow).toContainText("2020");
  await expect(htmlRow).toContainText("2019年版");
  await expect(htmlRow).toContainText("218 / 218");
  await expect(htmlRow).toContainText("R3-HANDLED-SUM×2");
  await expect(results.locator("tbody tr").filter({ hasText: "蓬莱阁街道2020.docx" })).toContainText("218 / 218");
  await expect(results.locator("tbody tr").filter({ hasText: broken })).toContainText(
    "无法读取：无法打开 DOCX 文件：文件已损坏或不是 Word 文档。",
  );
  // Each finding, in full, under the rule summary.
  await htmlRow.getByText("R3-HANDLED-SUM×2").click();
  await expect(htmlRow.getByRole("listitem")).toHaveCount(2);
  await expect(htmlRow.getByRole("listitem").first()).toContainText("「三、本年度办理结果（七）总计」的「自然人」");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载检查结果（XLSX）" }).click()]);
  expect(download.suggestedFilename()).toBe("已发布报告检查结果.xlsx");
  const workbook = new Workbook();
  await workbook.xlsx.readFile(await download.path());
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["汇总", "问题"]);
  const summary = workbook.getWorksheet("汇总")!;
  expect([2, 3, 4].map((row) => summary.getCell(row, 2).value)).toEqual(["蓬莱阁街道2020.html", "蓬莱阁街道2020.docx", broken]);
  expect(summary.getCell(2, 3).value).toBe(DEMO_TOWNSHIP);
  expect(String(summary.getCell(4, 14).value)).toContain("文件已损坏");
  expect(workbook.getWorksheet("问题")!.rowCount).toBe(5);

  // The upload is one audit event; nothing else is stored.
  const events = await testDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "reports-checked"), like(auditEvents.detail, `%${broken}%`)));
  expect(events).toHaveLength(1);
  expect(events[0].username).toBe(demoUser("admin").username);
  expect(events[0].detail).toMatch(/^批次 [0-9a-f]+：3 个文件（读取 3 个，共 \d+ KB）：蓬莱阁街道2020\.html、蓬莱阁街道2020\.docx、/);
});

test("a clerk may not check published reports", async ({ page }) => {
  await signIn(page, "clerk");
  await page.goto("/county/check");
  await expect(page).not.toHaveURL(/county/);
  const start = await page.request.post("/api/county/check", { data: { files: [{ name: "a.html", size: 10 }] } });
  expect(start.status()).toBe(403);
  expect((await start.json()).error).toBe("只有政务公开办的管理员可以批量检查已发布的报告。");
  const file = await page.request.post("/api/county/check/file?name=a.html", { data: "x", headers: { "x-check-batch": "forged" } });
  expect(file.status()).toBe(403);
});
