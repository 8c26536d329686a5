import { first } from "@/db/client";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/db/queries/audit";
import { agencies } from "@/db/schema";
import { DEMO_TOWNSHIP } from "@/lib/demo";
import { signIn, testDb } from "./support";

test("the audit log pages from the newest events to older ones and back", async ({ page }) => {
  const db = testDb();
  const township = (await first(db.select().from(agencies).where(eq(agencies.name, DEMO_TOWNSHIP))))!;
  // More than a page of events, the oldest of them marked, so it can only be on a later page.
  await recordAudit(db, { action: "deadline-set", agencyId: township.id, detail: "翻页测试：最早的一条" });
  for (let i = 0; i < 210; i++) await recordAudit(db, { action: "deadline-set", agencyId: township.id, detail: `翻页测试 ${i}` });

  await signIn(page, "admin");
  await page.goto("/audit");
  const log = page.getByTestId("audit-log");
  await expect(log.getByRole("row").filter({ hasText: "翻页测试 209" })).toHaveCount(1);
  await expect(log).not.toContainText("翻页测试：最早的一条");
  await expect(log.locator("tbody tr")).toHaveCount(200);
  await expect(page.getByRole("link", { name: "回到最新记录" })).toHaveCount(0);

  await page.getByRole("link", { name: "更早的记录" }).click();
  await expect(page).toHaveURL(/\/audit\?before=\d+$/);
  await expect(log).toContainText("翻页测试：最早的一条");
  await expect(log).not.toContainText("翻页测试 209");
  await page.getByRole("link", { name: "回到最新记录" }).click();
  await expect(log).toContainText("翻页测试 209");

  // A cursor that is not a number shows the newest page instead of failing.
  await page.goto("/audit?before=abc");
  await expect(log).toContainText("翻页测试 209");
});
