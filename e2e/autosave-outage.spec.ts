import { expect, test } from "@playwright/test";
import { startAppServer } from "./instances";
import { createTestAgency, expectSaved, storedReportContent, TEST_PASSWORD } from "./support";

// A server of its own that the test can stop and start, on the build and database of the test run.
const PORT = 3101;
const BASE = `http://localhost:${PORT}`;

test("a server outage while typing loses nothing: saved edits stay saved, unsaved ones come back from the browser", async ({ context }) => {
  test.setTimeout(180_000);
  const { clerk } = await createTestAgency();
  let server = await startAppServer(PORT);
  try {
    const page = await context.newPage();
    await page.goto(`${BASE}/login`);
    await page.getByLabel("用户名").fill(clerk.username);
    await page.getByLabel("密码").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByLabel("报告年度").selectOption("2025");
    await page.getByRole("button", { name: "开始填写该年度报告" }).click();
    await page.waitForURL(/\/reports\/\d+$/);
    const reportId = Number(new URL(page.url()).pathname.split("/").pop());

    await page.getByLabel("联系电话").fill("0535-1234567");
    await expectSaved(page);

    server.stop();
    await page.getByLabel("联系地址").fill("蓬莱区北关路171号");
    await expect(page.getByTestId("save-status")).toContainText("离线", { timeout: 15_000 });
    await page.close();

    // Before the restart: what was saved is on the server, what was not is only in the browser.
    const duringOutage = (await storedReportContent(clerk, reportId)) as { contact?: { phone?: string; address?: string } };
    expect(duringOutage.contact?.phone).toBe("0535-1234567");
    expect(duringOutage.contact?.address ?? "").toBe("");

    server = await startAppServer(PORT);
    const reopened = await context.newPage();
    await reopened.goto(`${BASE}/reports/${reportId}`);
    await expect(reopened.getByTestId("editor-message")).toContainText("已恢复本机浏览器中尚未保存到服务器的修改");
    await expect(reopened.getByLabel("联系电话")).toHaveValue("0535-1234567");
    await expect(reopened.getByLabel("联系地址")).toHaveValue("蓬莱区北关路171号");
    await expectSaved(reopened);
    const afterRestart = (await storedReportContent(clerk, reportId)) as { contact: { phone: string; address: string } };
    expect(afterRestart.contact).toMatchObject({ phone: "0535-1234567", address: "蓬莱区北关路171号" });
  } finally {
    server.stop();
  }
});
