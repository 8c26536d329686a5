import { expect, test, type Browser, type Page } from "@playwright/test";
import { createReport, getReportForActor } from "@/db/queries/reports";
import { cleanReport } from "@/lib/report/testing";
import { createTestAgency, expectSaved, openSection, signIn, testDb, TEST_PASSWORD } from "./support";

/**
 * The approval workflow end to end, on an agency and report of its own: the clerk submits, the
 * supervisor comments and returns, the clerk sees the comments and resubmits, the supervisor approves,
 * and the approved report can no longer be changed — not in the form and not by calling the save action.
 */

type Actor = { id: number; username: string; agencyId: number; role: "clerk" | "supervisor" | "admin" };

async function seedDraft(agency: { id: number; name: string }, clerk: Actor): Promise<number> {
  const content = cleanReport("2021", { year: 2025 });
  content.agency = { name: agency.name, level: "township" };
  content.title = `${agency.name}2025年政府信息公开工作年度报告`;
  return (await createReport(testDb(), { userId: clerk.id, agencyId: agency.id, reach: "agency" }, { year: 2025, edition: "2021", content })).id;
}

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, TEST_PASSWORD);
  return page;
}

async function openCheck(page: Page, reportId: number) {
  await page.goto(`/reports/${reportId}`);
  await openSection(page, "检查与提交");
  return page.getByTestId("workflow-bar");
}

test("submit → return with comments → resubmit → approve locks the report", async ({ browser }) => {
  test.setTimeout(180_000);
  const { agency, clerk, supervisor } = await createTestAgency();
  const reportId = await seedDraft(agency, clerk);
  const clerkPage = await signedIn(browser, clerk.username);
  const supervisorPage = await signedIn(browser, supervisor.username);

  // The clerk submits the clean draft.
  let bar = await openCheck(clerkPage, reportId);
  await bar.getByRole("button", { name: "提交审核" }).click();
  await expect(bar).toContainText("待审核");

  // The supervisor comments on a cell of table 三 and returns the report with a general comment.
  await supervisorPage.goto(`/reports/${reportId}`);
  await openSection(supervisorPage, /^三、/);
  const commentForm = supervisorPage.getByRole("form", { name: /填写审核意见/ });
  await commentForm.getByLabel("针对的单元格（可选）").selectOption({ label: "「三、本年度办理结果（一）予以公开」的「自然人」" });
  await commentForm.getByLabel("意见内容").fill("予以公开的件数请与登记台账核对。");
  await commentForm.getByRole("button", { name: "添加意见" }).click();
  await expect(supervisorPage.getByTestId("comments-requests")).toContainText("予以公开的件数请与登记台账核对。");
  // A comment added by mistake is taken back before returning.
  await expect(commentForm.getByLabel("意见内容")).toHaveValue("");
  await commentForm.getByLabel("意见内容").fill("这条写错了。");
  await commentForm.getByRole("button", { name: "添加意见" }).click();
  await expect(supervisorPage.getByTestId("comments-requests")).toContainText("共 2 条");
  const mistaken = supervisorPage.getByTestId("comments-requests").getByRole("listitem").filter({ hasText: "这条写错了。" });
  await mistaken.getByRole("button", { name: "删除" }).click();
  await mistaken.getByRole("button", { name: "确认删除" }).click();
  await expect(supervisorPage.getByTestId("comments-requests")).not.toContainText("这条写错了。");
  await expect(supervisorPage.getByTestId("comments-requests")).toContainText("共 1 条");
  bar = await openCheck(supervisorPage, reportId);
  await bar.getByRole("button", { name: "退回修改" }).click();
  await bar.getByLabel(/退回意见/).fill("请补充联系电话的区号后重新提交。");
  await bar.getByRole("button", { name: "确认退回" }).click();
  await expect(bar).toContainText("已退回");

  // The clerk sees both comments in place, edits, and resubmits.
  await clerkPage.goto(`/reports/${reportId}`);
  await expect(clerkPage.getByTestId("comments-general")).toContainText("请补充联系电话的区号后重新提交。");
  await openSection(clerkPage, /^三、/);
  const sectionComments = clerkPage.getByTestId("comments-requests");
  await expect(sectionComments).toContainText("予以公开的件数请与登记台账核对。");
  await expect(sectionComments).toContainText("「三、本年度办理结果（一）予以公开」的「自然人」");
  // The commented cell itself is marked in the table, and only that one.
  await expect(clerkPage.getByTestId("comment-mark")).toHaveCount(1);
  await expect(
    clerkPage.getByRole("gridcell", { name: "「三、本年度办理结果（一）予以公开」的「自然人」" }).getByTestId("comment-mark"),
  ).toBeVisible();
  // The clerk marks the cell comment as dealt with: it says who did, and the cell is no longer marked.
  await sectionComments.getByRole("button", { name: "标记为已处理" }).click();
  await expect(sectionComments).toContainText("已处理：测试经办人");
  await expect(sectionComments).toContainText("未处理 0 条");
  await expect(clerkPage.getByTestId("comment-mark")).toHaveCount(0);
  await expect(sectionComments.getByRole("button", { name: "恢复为未处理" })).toBeVisible();
  let saveAction: { url: string; headers: Record<string, string>; body: string } | undefined;
  clerkPage.on("request", (request) => {
    const headers = request.headers();
    if (request.method() === "POST" && headers["next-action"] && !saveAction) {
      saveAction = { url: request.url(), headers, body: request.postData() ?? "" };
    }
  });
  await openSection(clerkPage, "封面与引言");
  await clerkPage.getByLabel("联系电话").fill("0535-5601507");
  await expectSaved(clerkPage);
  expect(saveAction, "the editor saved through its server action").toBeDefined();
  bar = await openCheck(clerkPage, reportId);
  await bar.getByRole("button", { name: "提交审核" }).click();
  await expect(bar).toContainText("待审核");

  // The supervisor approves.
  bar = await openCheck(supervisorPage, reportId);
  await bar.getByRole("button", { name: "批准" }).click();
  await bar.getByRole("button", { name: "确认批准" }).click();
  await expect(bar).toContainText("已批准");
  const stored = await getReportForActor(testDb(), { userId: supervisor.id, agencyId: agency.id, reach: "agency" }, reportId);
  expect(stored).toMatchObject({ status: "approved", approvedBy: supervisor.id });

  // Approved: the form is read-only for the clerk and the save action refuses.
  await clerkPage.goto(`/reports/${reportId}`);
  await openSection(clerkPage, "封面与引言");
  await expect(clerkPage.getByLabel("联系电话")).toHaveJSProperty("readOnly", true);
  // Locked: the comments stay as they were, with nothing left to mark.
  await expect(clerkPage.getByTestId("comments-general")).toContainText("请补充联系电话的区号后重新提交。");
  await expect(clerkPage.getByRole("button", { name: /标记为已处理|恢复为未处理/ })).toHaveCount(0);
  const { url, headers, body } = saveAction!;
  const replay = await clerkPage.request.post(url, {
    headers: {
      accept: "text/x-component",
      "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
      "next-action": headers["next-action"],
      ...(headers["next-router-state-tree"] ? { "next-router-state-tree": headers["next-router-state-tree"] } : {}),
    },
    data: body,
  });
  expect(await replay.text()).toContain('"kind":"refused"');
  const after = await getReportForActor(testDb(), { userId: clerk.id, agencyId: agency.id, reach: "agency" }, reportId);
  expect(after?.version).toBe(stored?.version);
  expect(after?.status).toBe("approved");

  // The approved report downloads.
  const download = await clerkPage.request.get(`/api/reports/${reportId}/export?format=docx`);
  expect(download.status()).toBe(200);
});

test("another agency's clerk cannot open, see the history of, or act on a report", async ({ browser }) => {
  const own = await createTestAgency();
  const other = await createTestAgency();
  const reportId = await seedDraft(own.agency, own.clerk);
  const page = await signedIn(browser, other.clerk.username);
  for (const path of [`/reports/${reportId}`, `/reports/${reportId}/history`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  for (const path of ["/dashboard", "/admin", "/audit"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/$/);
  }
});
