import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { cell, createTestAgency, openSection, signIn, storedReportContent, TEST_PASSWORD } from "./support";

const SEED_TEXT = path.resolve("..", "shared", "seeds", "000_332374fea032217b.txt");

test("a clerk starts 2021 from the published 2020 report pasted as text, after seeing what was read", async ({ page }) => {
  const { clerk } = createTestAgency();
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
  await expect(cell(page, "二、上年结转政府信息公开申请数量", "自然人")).toHaveValue("0");
  await expect(page.getByLabel("「一、本年新收政府信息公开申请数量」的「自然人」（上年 1）")).toBeVisible();
  const stored = storedReportContent(clerk, reportId) as { year: number; edition: string };
  expect(stored).toMatchObject({ year: 2021, edition: "2021" });
});

test("garbage pasted for import gets a clear message and creates nothing", async ({ page }) => {
  const { clerk } = createTestAgency();
  await signIn(page, clerk.username, TEST_PASSWORD);
  await page.goto("/reports/import");
  await page.getByLabel("粘贴全文").check();
  await page.getByLabel(/报告全文/).fill("这是一份会议通知，与年度报告无关。\n请各单位准时参加。");
  await page.getByRole("button", { name: "读取" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /年度报告/ })).toBeVisible();
  await page.goto("/");
  await expect(page.getByText("还没有年度报告")).toBeVisible();
});
