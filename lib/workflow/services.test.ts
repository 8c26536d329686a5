import { EDITABLE_STATUSES } from "./transitions";
import { actorScope } from "@/lib/permissions";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { first, type Executor } from "@/db/client";
import { getReportForActor, saveReportContent } from "@/db/queries/reports";
import { listComments } from "@/db/queries/comments";
import { listCountyAudit, listManagedUsers } from "@/db/queries/admin";
import { listRevisions } from "@/db/queries/history";
import { findSignInCandidate, type UserProfile } from "@/db/queries/users";
import { verifyPassword } from "@/lib/auth/passwords";
import { auditEvents, reportRevisions, reports } from "@/db/schema";
import { validate, type Report } from "@/lib/report";
import { commentSchema, reopenSchema, userSchema } from "./schemas";
import { createAgency, createUserWithHash, resetPassword } from "@/lib/admin/office";
import { addComment, deleteComment, resolveComment } from "./comments";
import { approveReport, reopenReport, returnReport, submitReport } from "./steps";
import { cleanTownshipReport, sharedWorld, storeReport, worldPasswordHash } from "./test-fixture";

const shared = sharedWorld();
const { itRolledBack } = shared;

const scope = (actor: UserProfile) => actorScope(actor);

async function save(tx: Executor, reportId: number, content: Report, acknowledgements: unknown[] = []) {
  const { clerk } = shared.world.actors;
  const current = (await getReportForActor(tx, scope(clerk), reportId))!;
  return saveReportContent(tx, scope(clerk), {
    stored: current,
    baseVersion: current.version,
    content,
    acknowledgements,
    writableStatuses: EDITABLE_STATUSES,
  });
}

async function statusOf(tx: Executor, reportId: number) {
  return (await first(tx.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId))))?.status;
}

describe("submitting for approval", () => {
  itRolledBack("is refused while an error remains, listing it, and the report stays a draft", async (tx) => {
    const content = cleanTownshipReport(shared.world);
    content.requests.newReceived.naturalPerson = null;
    const reportId = await storeReport(tx, shared.world, "draft", content);
    const result = await submitReport(tx, shared.world.actors.clerk, { reportId: reportId });
    expect(result.ok).toBe(false);
    if (result.ok || !("blocking" in result)) throw new Error("expected a refusal with findings");
    expect(result.formError).toMatch(/^还不能提交审核：\d+ 个错误需要改正。$/);
    expect(result.blocking.map((finding) => finding.rule)).toContain("CELL-BLANK");
    expect(result.blocking.every((finding) => finding.severity === "error")).toBe(true);
    expect(await statusOf(tx, reportId)).toBe("draft");
  });

  itRolledBack("is refused while a warning is neither fixed nor acknowledged with a reason", async (tx) => {
    const content = cleanTownshipReport(shared.world);
    delete content.website;
    const reportId = await storeReport(tx, shared.world, "draft", content);
    const refused = await submitReport(tx, shared.world.actors.clerk, { reportId: reportId });
    if (refused.ok || !("blocking" in refused)) throw new Error("expected a refusal with findings");
    expect(refused.formError).toBe("还不能提交审核：1 个提醒需要改正或说明理由。");
    const [warning] = refused.blocking;
    expect(warning).toMatchObject({ rule: "META-MISSING", severity: "warning" });

    // An acknowledgement without a reason does not count.
    await save(tx, reportId, content, [{ findingId: warning.id, by: "王晓梅", reason: "  " }]);
    expect((await submitReport(tx, shared.world.actors.clerk, { reportId: reportId })).ok).toBe(false);

    await save(tx, reportId, content, [{ findingId: warning.id, by: "王晓梅", reason: "本机关暂无门户网站，在区政府网站发布。" }]);
    expect(await submitReport(tx, shared.world.actors.clerk, { reportId: reportId })).toEqual({ ok: true, data: { status: "submitted" } });
    expect(await statusOf(tx, reportId)).toBe("submitted");
  });

  itRolledBack("checks against last year's approved report", async (tx) => {
    const lastYear = cleanTownshipReport(shared.world, 2024);
    lastYear.requests.carriedForward.naturalPerson = 2;
    lastYear.requests.carriedForward.total = 2;
    lastYear.requests.newReceived.naturalPerson = 2;
    lastYear.requests.newReceived.total = 2;
    await storeReport(tx, shared.world, "approved", lastYear);
    const reportId = await (storeReport(tx, shared.world, "draft", cleanTownshipReport(shared.world, 2025)));
    const result = await submitReport(tx, shared.world.actors.clerk, { reportId: reportId });
    if (result.ok || !("blocking" in result)) throw new Error("expected a refusal with findings");
    expect(result.blocking.map((finding) => finding.rule)).toContain("X-CARRY");
  });

  itRolledBack("is not refused for info findings (RATIO), and a refusal never lists them", async (tx) => {
    const content = cleanTownshipReport(shared.world);
    const r = content.requests;
    Object.assign(r.newReceived, { naturalPerson: 40, total: 40 });
    Object.assign(r.granted, { naturalPerson: 10, total: 10 }); // 实质公开率 25%
    Object.assign(r.unableNoInfo, { naturalPerson: 30, total: 30 }); // 无法提供 75%
    Object.assign(r.totalHandled, { naturalPerson: 40, total: 40 });
    expect(validate(content).map((finding) => [finding.rule, finding.severity])).toEqual([
      ["RATIO", "info"],
      ["RATIO", "info"],
    ]);
    const reportId = await (storeReport(tx, shared.world, "draft", content));
    delete content.date; // and a warning, to see the refusal
    const refusedId = await storeReport(tx, shared.world, "draft", { ...content, year: 2024 });
    const refused = await submitReport(tx, shared.world.actors.clerk, { reportId: refusedId });
    if (refused.ok || !("blocking" in refused)) throw new Error("expected a refusal with findings");
    expect(refused.blocking.map((finding) => finding.rule)).toEqual(["META-MISSING"]);
    expect(refused.formError).toBe("还不能提交审核：1 个提醒需要改正或说明理由。");
    expect(await submitReport(tx, shared.world.actors.clerk, { reportId: reportId })).toEqual({ ok: true, data: { status: "submitted" } });
  });

  itRolledBack("is allowed for a clean report, and recorded in the audit log", async (tx) => {
    const reportId = await (storeReport(tx, shared.world, "draft"));
    expect((await submitReport(tx, shared.world.actors.clerk, { reportId: reportId })).ok).toBe(true);
    const events = (await tx.select().from(auditEvents).where(eq(auditEvents.reportId, reportId)));
    expect(events.map((event) => event.action)).toEqual(["report-created", "report-submitted"]);
    expect(events[1]).toMatchObject({ userId: shared.world.actors.clerk.id, username: "clerk" });
  });
});

describe("review", () => {
  itRolledBack("a return with a comment shows the comment to the clerk and the clerk may edit and resubmit", async (tx) => {
    const reportId = await storeReport(tx, shared.world, "submitted");
    const returned = await returnReport(tx, shared.world.actors.supervisor, { reportId: reportId, version: 1, comment: "请补充联系电话的区号。" });
    expect(returned).toEqual({ ok: true, data: { status: "returned" } });
    const comments = await listComments(tx, scope(shared.world.actors.clerk), reportId);
    expect(comments).toMatchObject([{ section: "general", cell: null, body: "请补充联系电话的区号。", authorName: "supervisor" }]);
    expect((await save(tx, reportId, { ...cleanTownshipReport(shared.world), problems: "已按审核意见修改：补充了政策解读形式单一、答复文书不够规范两个问题及其改进措施。" })).kind).toBe("saved");
    expect((await submitReport(tx, shared.world.actors.clerk, { reportId: reportId })).ok).toBe(true);
  });

  itRolledBack("keeps the version each step was taken on whole in the history, one revision per version", async (tx) => {
    const { clerk, supervisor } = shared.world.actors;
    const first = cleanTownshipReport(shared.world);
    const reportId = await storeReport(tx, shared.world, "draft", first);
    const second = { ...first, problems: "第二版：存在政策解读形式单一的问题，下一步将丰富解读形式。" };
    expect((await save(tx, reportId, second)).kind).toBe("saved");
    const revisionsOf = async () =>
      (await tx.select().from(reportRevisions).where(eq(reportRevisions.reportId, reportId))).map((revision) => ({
        version: revision.version,
        whole: revision.content === null ? null : JSON.parse(revision.content),
        patched: revision.patch !== null,
      }));
    // An autosave keeps what it changed.
    expect((await revisionsOf()).find((revision) => revision.version === 2)).toEqual({ version: 2, whole: null, patched: true });
    expect((await submitReport(tx, clerk, { reportId })).ok).toBe(true);
    expect((await returnReport(tx, supervisor, { reportId, version: 2, comment: "" })).ok).toBe(true);
    const third = { ...second, problems: "第三版：已按审核意见修改，补充了答复文书不够规范的问题及其改进措施。" };
    expect((await save(tx, reportId, third)).kind).toBe("saved");
    // The submitted and returned version 2 is kept whole once replaced, in the one revision it had.
    expect(await revisionsOf()).toEqual([
      { version: 1, whole: first, patched: false },
      { version: 2, whole: second, patched: false },
      { version: 3, whole: null, patched: true },
    ]);
    const { revisions } = await listRevisions(tx, scope(supervisor), reportId);
    expect(revisions.map((revision) => revision.content)).toEqual([third, second, first]);
  });

  itRolledBack("an approval locks the report for everyone, records who and when, and keeps the revision", async (tx) => {
    const reportId = await storeReport(tx, shared.world, "submitted");
    const before = Date.now();
    expect(await approveReport(tx, shared.world.actors.supervisor, { reportId: reportId, version: 1 })).toEqual({
      ok: true,
      data: { status: "approved" },
    });
    const stored = (await getReportForActor(tx, scope(shared.world.actors.supervisor), reportId))!;
    expect(stored.status).toBe("approved");
    expect(stored.approvedBy).toBe(shared.world.actors.supervisor.id);
    expect(stored.approvedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    for (const actor of Object.values(shared.world.actors)) {
      // The approved report as read, saved by each actor: locked for its agency's users, not found for others.
      const outcome = await saveReportContent(tx, scope(actor), {
        stored,
        baseVersion: 1,
        content: cleanTownshipReport(shared.world),
        acknowledgements: [],
        writableStatuses: EDITABLE_STATUSES,
      });
      expect(["locked", "not-found"]).toContain(outcome.kind);
    }
    expect((await submitReport(tx, shared.world.actors.clerk, { reportId: reportId })).ok).toBe(false);
    expect((await returnReport(tx, shared.world.actors.supervisor, { reportId: reportId, version: 1, comment: "" })).ok).toBe(false);
    expect((await listRevisions(tx, scope(shared.world.actors.supervisor), reportId)).revisions.map((r) => r.version)).toEqual([1]);
  });

  itRolledBack("an approval of a version the supervisor did not read is refused", async (tx) => {
    const reportId = await storeReport(tx, shared.world, "draft");
    await save(tx, reportId, { ...cleanTownshipReport(shared.world), problems: "第二版：补充了政策解读形式单一、答复文书不够规范两个问题及其改进措施。" });
    await submitReport(tx, shared.world.actors.clerk, { reportId: reportId });
    expect(await approveReport(tx, shared.world.actors.supervisor, { reportId: reportId, version: 1 })).toEqual({
      ok: false,
      formError: "报告在您打开后已有变化，请刷新页面后再操作。",
    });
    expect(await statusOf(tx, reportId)).toBe("submitted");
    expect((await approveReport(tx, shared.world.actors.supervisor, { reportId: reportId, version: 2 })).ok).toBe(true);
  });

  itRolledBack("comments go to a section and, optionally, one of its cells", async (tx) => {
    const reportId = await storeReport(tx, shared.world, "submitted");
    const { supervisor } = shared.world.actors;
    expect((await addComment(tx, supervisor, { reportId: reportId, section: "requests", cell: "requests.granted.total", body: "偏高。" })).ok).toBe(true);
    expect((await addComment(tx, supervisor, { reportId: reportId, section: "problems", cell: null, body: "请写具体。" })).ok).toBe(true);
    expect(await addComment(tx, supervisor, { reportId: reportId, section: "requests", cell: "reviewLitigation.review.total", body: "x" })).toMatchObject({
      ok: false,
      fieldErrors: { cell: ["所选单元格不属于该栏目"] },
    });
    expect(await addComment(tx, supervisor, { reportId: reportId, section: "nonsense", cell: null, body: "x" })).toMatchObject({
      ok: false,
      fieldErrors: { section: ["请选择意见所属的栏目"] },
    });
    const comments = await listComments(tx, scope(shared.world.actors.clerk), reportId);
    expect(comments.map((c) => [c.section, c.cell, c.body])).toEqual([
      ["requests", "requests.granted.total", "偏高。"],
      ["problems", null, "请写具体。"],
    ]);
    expect(await listComments(tx, scope(shared.world.actors.foreignClerk), reportId)).toEqual([]);
  });

  it("accepts a comment on the whole section, sent with no cell (null) or an empty one", () => {
    for (const cell of [null, undefined, "", "  "]) {
      expect(commentSchema.parse({ reportId: 1, section: "problems", cell, body: "请写具体。" })).toMatchObject({ cell: null });
    }
    expect(commentSchema.parse({ reportId: 1, section: "requests", cell: "requests.granted.total", body: "偏高。" }).cell).toBe(
      "requests.granted.total",
    );
  });

  itRolledBack("a supervisor deletes their own comment while reviewing, never after returning the report", async (tx) => {
    const reportId = await storeReport(tx, shared.world, "submitted");
    const { supervisor, clerk } = shared.world.actors;
    const first = await addComment(tx, supervisor, { reportId: reportId, section: "problems", cell: null, body: "写错了。" });
    const second = await addComment(tx, supervisor, { reportId: reportId, section: "problems", cell: null, body: "请写具体。" });
    if (!first.ok || !second.ok) throw new Error("comment refused");
    expect(await deleteComment(tx, clerk, { reportId: reportId, commentId: first.data.id })).toMatchObject({
      ok: false,
      formError: "只能删除自己填写的审核意见。",
    });
    expect((await deleteComment(tx, supervisor, { reportId: reportId, commentId: first.data.id })).ok).toBe(true);
    expect((await listComments(tx, scope(clerk), reportId)).map((comment) => comment.body)).toEqual(["请写具体。"]);
    expect((await tx.select().from(auditEvents).where(eq(auditEvents.action, "comment-deleted"))).map((e) => e.detail)).toEqual(["写错了。"]);
    expect((await returnReport(tx, supervisor, { reportId: reportId, version: 1, comment: "" })).ok).toBe(true);
    expect(await deleteComment(tx, supervisor, { reportId: reportId, commentId: second.data.id })).toMatchObject({
      ok: false,
      formError: "报告已不在待审核状态，审核意见不能再删除。",
    });
  });

  itRolledBack("the clerk marks a comment on a returned report as dealt with, names who did, and can undo it", async (tx) => {
    const reportId = await storeReport(tx, shared.world, "submitted");
    const { supervisor, clerk } = shared.world.actors;
    const added = await addComment(tx, supervisor, { reportId: reportId, section: "problems", cell: null, body: "请写具体。" });
    if (!added.ok) throw new Error("comment refused");
    const commentId = added.data.id;
    expect((await returnReport(tx, supervisor, { reportId: reportId, version: 1, comment: "" })).ok).toBe(true);

    expect(await resolveComment(tx, clerk, { reportId: reportId, commentId, resolved: true })).toEqual({ ok: true, data: { resolved: true } });
    const [resolved] = await listComments(tx, scope(clerk), reportId);
    expect(resolved.resolverName).toBe(clerk.displayName);
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    const audited = (await tx.select().from(auditEvents).where(eq(auditEvents.action, "comment-resolved")));
    expect(audited.map((event) => [event.reportId, event.detail])).toEqual([[reportId, "请写具体。"]]);

    // Marking it again changes nothing and records nothing.
    expect((await resolveComment(tx, clerk, { reportId: reportId, commentId, resolved: true })).ok).toBe(true);
    expect((await tx.select().from(auditEvents).where(eq(auditEvents.action, "comment-resolved")))).toHaveLength(1);

    expect((await resolveComment(tx, clerk, { reportId: reportId, commentId, resolved: false })).ok).toBe(true);
    expect((await listComments(tx, scope(clerk), reportId))[0]).toMatchObject({ resolvedAt: null, resolverName: null });
    expect(await resolveComment(tx, clerk, { reportId: reportId, commentId: commentId + 100, resolved: true })).toMatchObject({
      ok: false,
      formError: "找不到该审核意见，可能已被删除，请刷新页面。",
    });
  });
});

describe("reopening an approved report", () => {
  it("requires a written reason", async () => {
    expect(reopenSchema.safeParse({ reportId: 1, reason: "  " }).success).toBe(false);
    expect(reopenSchema.safeParse({ reportId: 1 }).success).toBe(false);
    expect(await reopenReport(shared.db, shared.world.actors.admin, { reportId: 1, reason: " " })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["请填写重新打开的原因"] },
    });
  });

  itRolledBack("keeps the approved version, tells the clerk why and records it", async (tx) => {
    const approved = cleanTownshipReport(shared.world);
    const reportId = await storeReport(tx, shared.world, "submitted", approved);
    await approveReport(tx, shared.world.actors.supervisor, { reportId: reportId, version: 1 });
    const reason = "表三第一行数字与公开网站上的版本不一致。";
    expect(await reopenReport(tx, shared.world.actors.admin, { reportId: reportId, reason })).toEqual({ ok: true, data: { status: "draft" } });
    const stored = (await getReportForActor(tx, scope(shared.world.actors.clerk), reportId))!;
    expect(stored).toMatchObject({ status: "draft", approvedBy: null, approvedAt: null });
    expect((await save(tx, reportId, { ...approved, problems: "更正后的内容。" })).kind).toBe("saved");
    const { revisions } = await listRevisions(tx, scope(shared.world.actors.admin), reportId);
    expect(revisions.map((r) => r.version)).toEqual([2, 1]);
    expect(revisions[1].content).toEqual(approved);
    expect((await listComments(tx, scope(shared.world.actors.clerk), reportId)).at(-1)?.body).toContain(reason);
    const event = (await first(tx.select().from(auditEvents).where(eq(auditEvents.action, "report-reopened"))));
    expect(event).toMatchObject({ userId: shared.world.actors.admin.id, reportId });
    expect(event?.detail).toContain(reason);
    expect(event?.detail).toContain("已批准的第 1 版保留在修订记录中");
  });
});

describe("county administration", () => {
  itRolledBack("creates users only in the admin's county, with Chinese field errors", async (tx) => {
    const { admin } = shared.world.actors;
    const input = { username: "new-clerk", displayName: "新经办人", role: "clerk" as const, agencyId: shared.world.agencies.department.id, password: "long-enough-1" };
    const hash = worldPasswordHash();
    expect((await createUserWithHash(tx, admin, input, hash)).ok).toBe(true);
    expect(await createUserWithHash(tx, admin, input, hash)).toMatchObject({ ok: false, fieldErrors: { username: ["您管理的机关中已有该用户名，请换一个"] } });
    // Another county's username is refused without saying whose it is.
    expect(await createUserWithHash(tx, admin, { ...input, username: "foreign-clerk" }, hash)).toMatchObject({
      ok: false,
      fieldErrors: { username: ["该用户名不可用，请换一个"] },
    });
    // The admin role exists only at the county office.
    expect(await createUserWithHash(tx, admin, { ...input, username: "dept-admin", role: "admin" }, hash)).toMatchObject({
      ok: false,
      fieldErrors: { role: ["管理员只能设在政务公开办（县、市、省人民政府办公室）本级，不能设在乡镇、街道或部门。"] },
    });
    expect((await createUserWithHash(tx, admin, { ...input, username: "second-admin", role: "admin", agencyId: shared.world.agencies.countyA.id }, hash)).ok).toBe(true);
    expect(await createUserWithHash(tx, admin, { ...input, username: "x-clerk", agencyId: shared.world.agencies.townshipB.id }, hash)).toMatchObject({
      ok: false,
      fieldErrors: { agencyId: ["请选择您管理的机关"] },
    });
    expect(await createAgency(tx, admin, { name: "甲县司法局", level: "department" })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["甲县已有同名机关，请换一个名称"] },
    });
    // Another county's agency names are no concern of this admin's: the same name may exist there.
    expect((await createAgency(tx, admin, { name: "乙县河西镇人民政府", level: "township" })).ok).toBe(true);
  });

  it("validates user input with messages naming the field", () => {
    const result = userSchema.safeParse({ username: "a", displayName: "", role: "boss", agencyId: "", password: "short" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "username: 用户名至少需要 3 个字符",
        "displayName: 请填写姓名",
        "role: 请选择角色",
        "password: 密码至少需要 8 个字符",
      ]),
    );
    expect(messages.some((m) => m.startsWith("agencyId: "))).toBe(true);
  });

  it("resets a password so the new one signs in and the old one does not", async () => {
    const { admin, otherClerk } = shared.world.actors;
    expect(await resetPassword(shared.db, admin, { userId: otherClerk.id, password: "fresh-password-2" })).toEqual({
      ok: true,
      data: { username: "other-clerk" },
    });
    const stored = (await findSignInCandidate(shared.db, "other-clerk"))!.passwordHash;
    expect((await verifyPassword("fresh-password-2", stored)).ok).toBe(true);
    expect((await verifyPassword("password-1", stored)).ok).toBe(false);
    // The admin knows it: the user must choose their own at the next page.
    expect((await findSignInCandidate(shared.db, "other-clerk"))!.mustChangePassword).toBe(true);
  });

  it("lists the county's users without password hashes, and only the county's audit events", async () => {
    const users = await listManagedUsers(shared.db, scope(shared.world.actors.admin));
    expect(users.map((user) => user.username).sort()).toEqual(
      ["admin", "clerk", "county-supervisor", "other-clerk", "other-supervisor", "supervisor", "township-admin"].sort(),
    );
    for (const user of users) expect(Object.keys(user)).not.toContain("passwordHash");
    const { events } = await listCountyAudit(shared.db, scope(shared.world.actors.foreignAdmin));
    expect(events.every((event) => event.username !== "admin")).toBe(true);
  });

  itRolledBack("pages a report's revisions, newest first, each page with the revision before it", async (tx) => {
    const reportId = await storeReport(tx, shared.world, "draft");
    const clean = cleanTownshipReport(shared.world);
    for (let i = 0; i < 6; i++) expect((await save(tx, reportId, { ...clean, problems: `第 ${i} 次修改。` })).kind).toBe("saved");
    const { clerk } = shared.world.actors;
    const all = await listRevisions(tx, scope(clerk), reportId, { limit: 100 });
    expect(all.revisions.map((r) => r.version)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(all).toMatchObject({ base: null, olderThan: null, newerPageFrom: null });

    const first = await listRevisions(tx, scope(clerk), reportId, { limit: 3 });
    expect(first.revisions.map((r) => r.version)).toEqual([7, 6, 5]);
    expect(first.base?.version).toBe(4);
    expect(first.newerPageFrom).toBeNull();
    const second = await listRevisions(tx, scope(clerk), reportId, { before: first.olderThan!, limit: 3 });
    expect(second.revisions.map((r) => r.version)).toEqual([4, 3, 2]);
    expect(second.newerPageFrom).toEqual(first.revisions[2].createdAt);
    const last = await listRevisions(tx, scope(clerk), reportId, { before: second.olderThan!, limit: 3 });
    expect(last.revisions.map((r) => r.version)).toEqual([1]);
    expect(last).toMatchObject({ base: null, olderThan: null });
    expect((await listRevisions(tx, scope(shared.world.actors.foreignClerk), reportId)).revisions).toEqual([]);
  });

  itRolledBack("pages the audit log by id, newest first, without gaps or repeats", async (tx) => {
    const { admin } = shared.world.actors;
    for (let i = 0; i < 7; i++) {
      expect((await createAgency(tx, admin, { name: `翻页测试局${i}`, level: "department" })).ok).toBe(true);
    }
    const all = await listCountyAudit(tx, scope(admin), { limit: 1000 });
    expect(all.olderThan).toBeNull();
    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await listCountyAudit(tx, scope(admin), { before, limit: 3 });
      expect(page.events.length).toBeLessThanOrEqual(3);
      seen.push(...page.events.map((event) => event.id));
      if (page.olderThan === null) break;
      before = page.olderThan;
    }
    expect(seen).toEqual(all.events.map((event) => event.id));
    expect(seen.length).toBeGreaterThanOrEqual(7);
  });
});
