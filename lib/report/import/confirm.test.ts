/**
 * The import page's server side on a temporary database: nothing is stored on garbage or before
 * confirmation; confirming stores the imported report (status imported, never approved) and the next
 * year's draft.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { first as firstRow, type Db } from "@/db/client";
import { openTemporaryDb } from "@/db/test-db";
import { createAgency } from "@/db/queries/agencies";
import { createReport, getReportForActor } from "@/db/queries/reports";
import { createUser } from "@/db/queries/users";
import type { UserProfile } from "@/db/queries/users";
import { auditEvents, reports } from "@/db/schema";
import { confirmImport as confirmImportCore, previewImport as previewImportCore } from "@/lib/reports/import";
import { actorScope } from "@/lib/permissions";
import type { ImportSource } from "@/lib/reports/import";
import { parseInterchange } from "../interchange";
import type { Report } from "../index";

const seedText = fs.readFileSync(path.join(__dirname, "../../../../shared/seeds/000_332374fea032217b.txt"), "utf8");
const seed: ImportSource = { kind: "text", data: seedText, fileName: "蓬莱阁街道2020年报.txt" };

let db: Db;
let cleanup: () => void;
let clerk: UserProfile;

beforeEach(async () => {
  ({ db, cleanup } = await openTemporaryDb());
  const agency = await createAgency(db, { name: "烟台市蓬莱区蓬莱阁街道办事处", level: "township" });
  clerk = await createUser(db, { username: "clerk", displayName: "经办人", role: "clerk", agencyId: agency.id, passwordHash: "not-a-real-hash" });
});
afterEach(() => cleanup());

const reportCount = async () => (await firstRow(db.select({ n: count() }).from(reports)))!.n;
const auditCount = async () => (await firstRow(db.select({ n: count() }).from(auditEvents)))!.n;
const scope = () => actorScope(clerk);

async function stored(id: number): Promise<{ status: string; year: number; report: Report }> {
  const row = (await getReportForActor(db, scope(), id))!;
  const parsed = parseInterchange(JSON.stringify(row.content));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { status: row.status, year: row.year, report: parsed.report };
}

describe("import page: preview and confirm", () => {
  it("stores nothing on garbage input, for preview and for confirm", async () => {
    for (const source of [
      { kind: "text", data: "", fileName: "empty.txt" },
      { kind: "docx", data: new Uint8Array([1, 2, 3, 4, 5]), fileName: "x.docx" },
      { kind: "text", data: "红烧肉的做法\n\n五花肉切块。", fileName: "recipe.txt" },
    ] as ImportSource[]) {
      const preview = await previewImportCore(db, clerk, source);
      const confirm = await confirmImportCore(db, clerk, source);
      expect(preview.ok).toBe(false);
      expect(confirm.ok).toBe(false);
      if (!confirm.ok) expect(confirm.formError).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await reportCount()).toBe(0);
    expect(await auditCount()).toBe(0);
  });

  it("shows the preview without storing anything", async () => {
    const result = await previewImportCore(db, clerk, seed);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ nextYear: 2021, unread: [], warnings: [], editionName: "国办公开办函〔2019〕60号" });
    expect(result.data.report.requests.newReceived.total).toBe(1);
    expect(result.data.existingNext).toBeUndefined();
    expect(await reportCount()).toBe(0);
  });

  it("on confirm creates the imported report (imported, not approved) and the next year's draft carried forward from it", async () => {
    const result = await confirmImportCore(db, clerk, seed);
    expect(result.ok).toBe(true);
    if (!result.ok || result.data.kind !== "created") throw new Error("not created");
    expect(result.data).toMatchObject({ year: 2021, previousStored: true });
    expect(await reportCount()).toBe(2);

    const next = await stored(result.data.reportId);
    expect(next.status).toBe("draft");
    expect(next.year).toBe(2021);
    expect(next.report.edition).toBe("2021");
    expect(next.report.requests.carriedOver).toMatchObject({ naturalPerson: 0, commercial: 0, total: 0 });
    expect(next.report.requests.newReceived.naturalPerson).toBeNull();
    expect(next.report.website).toEqual({ name: "蓬莱区人民政府门户网站", url: "http://www.penglai.gov.cn" });
    expect(next.report.contact).toEqual({ address: "蓬莱区北关路171号", phone: "0535-5601507", postcode: "265600" });
    expect(next.report.overview?.map((s) => s.heading)).toContain("建议提案办理");
    expect(next.report.overview?.every((s) => s.text === "")).toBe(true);
    expect(next.report.activeDisclosure.regulations).toBeUndefined();

    const previousRow = (await firstRow(db.select().from(reports).where(eq(reports.year, 2020))))!;
    const previous = await stored(previousRow.id);
    // An import is never an approval: no approver, no approval time, marked with who imported it from which file.
    expect(previous.status).toBe("imported");
    expect(previousRow).toMatchObject({ approvedBy: null, approvedAt: null, importedBy: clerk.id, importedFrom: "蓬莱阁街道2020年报.txt" });
    expect((await db.select().from(reports)).some((row) => row.status === "approved" || row.approvedBy !== null)).toBe(false);
    expect(previous.report.requests.totalHandled.total).toBe(1);
    expect(previous.report.title).toBe("烟台市蓬莱区蓬莱阁街道2020年政府信息公开工作年度报告");

    const details = (await db.select().from(auditEvents)).map((e) => [e.reportId, e.action, e.detail]);
    expect(details.some(([, action]) => action === "report-approved")).toBe(false);
    expect(details).toEqual(
      expect.arrayContaining([
        [previousRow.id, "report-imported", "2020（导入的已发布报告，文件：蓬莱阁街道2020年报.txt；待审核人或管理员确认）"],
        [result.data.reportId, "report-created", "2021（由导入的 2020 年度报告结转，文件：蓬莱阁街道2020年报.txt）"],
      ]),
    );
  });

  it("never overwrites: an existing next-year report is named and linked, an existing imported-year report is kept", async () => {
    const kept = await createReport(db, scope(), { year: 2020, edition: "2019", content: { kept: true } });
    const first = await confirmImportCore(db, clerk, seed);
    if (!first.ok || first.data.kind !== "created") throw new Error("not created");
    expect(first.data.previousStored).toBe(false);
    expect((await firstRow(db.select().from(reports).where(eq(reports.id, kept.id))))!.content).toBe(JSON.stringify({ kept: true }));

    const preview = await previewImportCore(db, clerk, seed);
    expect(preview.ok && preview.data.existingNext).toEqual({ id: first.data.reportId });
    expect(preview.ok && preview.data.existingPrevious).toEqual({ id: kept.id });
    const before = await reportCount();
    const again = await confirmImportCore(db, clerk, seed);
    expect(again).toEqual({ ok: true, data: { kind: "exists", reportId: first.data.reportId, year: 2021 } });
    expect(await reportCount()).toBe(before);
  });

  it("refuses anyone but a clerk, and refuses a file that names another agency; each refusal audited", async () => {
    const supervisor = await createUser(db, {
      username: "sup",
      displayName: "审核人",
      role: "supervisor",
      agencyId: clerk.agencyId,
      passwordHash: "not-a-real-hash",
    });
    const refused = await confirmImportCore(db, supervisor, seed);
    expect(refused).toEqual({ ok: false, formError: "只有经办人可以导入往年报告。", fieldErrors: undefined });
    expect(await reportCount()).toBe(0);
    const refusals = async () => (await db.select().from(auditEvents)).filter((event) => event.action === "action-refused");
    expect((await refusals()).map((event) => event.username)).toEqual(["sup"]);

    const other = await createAgency(db, { name: "某县某局", level: "department" });
    const otherClerk = await createUser(db, { username: "c2", displayName: "经办人", role: "clerk", agencyId: other.id, passwordHash: "not-a-real-hash" });
    const preview = await previewImportCore(db, otherClerk, seed);
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.formError).toMatch(/与您所在的机关「某县某局」不同。经办人只能导入本机关的报告/);
    const confirmed = await confirmImportCore(db, otherClerk, seed);
    expect(confirmed.ok).toBe(false);
    expect(await reportCount()).toBe(0);
    expect((await refusals()).map((event) => event.username)).toEqual(["sup", "c2", "c2"]);
  });

  it("refuses to start a year from a file in which not one table cell was read, naming what is missing", async () => {
    const noTables: ImportSource = {
      kind: "text",
      fileName: "只有文字.txt",
      data:
        "烟台市蓬莱区蓬莱阁街道2020年政府信息公开工作年度报告\n一、总体情况\n2020年，蓬莱阁街道办事处认真贯彻落实《中华人民共和国政府信息公开条例》。\n" +
        "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。",
    };
    const preview = await previewImportCore(db, clerk, noTables);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.data.noTableRead).toMatch(/^没有找到表二（主动公开政府信息情况）、表三（收到和处理政府信息公开申请情况）、表四（政府信息公开行政复议、行政诉讼情况），不能据此开始新年度的报告。本系统能读取：/);
    const confirmed = await confirmImportCore(db, clerk, noTables);
    expect(confirmed).toMatchObject({ ok: false, formError: preview.data.noTableRead });
    expect(await reportCount()).toBe(0);

    // The seed's tables are read: nothing refuses it.
    const seedPreview = await previewImportCore(db, clerk, seed);
    expect(seedPreview.ok && seedPreview.data.noTableRead).toBeUndefined();
    expect(seedPreview.ok && seedPreview.data.tableCells.requests.read).toBeGreaterThan(100);
  });
});

