/**
 * The county's bulk check of published reports, as every kind of actor: only county admins may start a
 * batch, send its files and download the workbook; a refusal is audited and writes nothing else; an
 * allowed batch writes one audit event and nothing else (no report is stored).
 */
import { Workbook } from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { openTemporaryDb } from "@/db/test-db";
import { exportDocx, exportHtml } from "@/lib/report/export";
import { seedReport } from "@/lib/report/export/testing";
import { auditTrail, buildWorld, snapshot, type World } from "@/lib/workflow/test-fixture";
import type { CheckEntry } from "@/lib/report/batch-check";
import {
  CHECK_BATCH_EXPIRED,
  CHECK_BATCH_TTL_MS,
  checkUploadedFile,
  checkWorkbookDownload,
  signBatch,
  startCheck,
  verifyBatch,
} from "./batch-check";
import { CHECK_TOO_LARGE, CHECK_TOO_MANY, MAX_CHECK_FILE_BYTES } from "./check-source";

vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-of-enough-length");

const REFUSAL = "只有政务公开办的管理员可以批量检查已发布的报告。";
const text = (s: string) => new TextEncoder().encode(s);

describe("checking published reports in bulk (lib/county/batch-check)", () => {
  let db: Db;
  let cleanup: () => void;
  let world: World;
  beforeAll(async () => {
    ({ db, cleanup } = await openTemporaryDb());
    world = await buildWorld(db);
  });
  afterAll(() => cleanup());

  const files = [
    { name: "a.html", size: 1000 },
    { name: "b.docx", size: 20_000 },
    { name: "notes.xls", size: 10 },
  ];

  it("lets office admins start a batch (one audit event, nothing stored) and refuses everyone else", async () => {
    for (const [name, actor] of Object.entries(world.actors)) {
      const before = await snapshot(db);
      const auditBefore = (await auditTrail(db)).length;
      const result = await startCheck(db, actor, { files });
      const added = (await auditTrail(db)).slice(auditBefore);
      expect(await snapshot(db)).toEqual(before);
      expect(added).toHaveLength(1);
      if (["admin", "foreignAdmin", "cityAdmin", "otherCityAdmin"].includes(name)) {
        expect(result.ok).toBe(true);
        expect(added[0]).toMatchObject({ action: "reports-checked", userId: actor.id, agencyId: actor.agencyId });
        expect(added[0].detail).toMatch(/^批次 [0-9a-f]{12}：3 个文件（读取 2 个，共 21 KB）：a\.html、b\.docx、notes\.xls$/);
      } else {
        expect(result).toEqual({ ok: false, status: 403, message: REFUSAL });
        expect(added[0]).toMatchObject({ action: "action-refused", userId: actor.id });
        expect(added[0].detail).toBe(`批量检查已发布的报告：${REFUSAL}`);
      }
    }
  });

  it("gives a token for the files to send only, and refuses a batch over the limits", async () => {
    const { admin } = world.actors;
    const started = await startCheck(db, admin, { files });
    if (!started.ok) throw new Error(started.message);
    expect(started.data.files).toBe(2);
    expect(verifyBatch(started.data.token, admin.id)).toMatchObject({ u: admin.id, n: 2 });
    expect(await startCheck(db, admin, { files: [{ name: "x.xls", size: 5 }] })).toEqual({ ok: true, data: { token: "", files: 0 } });

    const many = Array.from({ length: 201 }, (_, i) => ({ name: `${i}.html`, size: 10 }));
    expect(await startCheck(db, admin, { files: many })).toEqual({ ok: false, status: 400, message: CHECK_TOO_MANY });
    const large = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.docx`, size: MAX_CHECK_FILE_BYTES }));
    expect(await startCheck(db, admin, { files: large })).toEqual({ ok: false, status: 400, message: CHECK_TOO_LARGE });
    // Files over the per-file limit are not sent, so they do not count towards the batch's total.
    const oversized = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.docx`, size: MAX_CHECK_FILE_BYTES + 1 }));
    expect(await startCheck(db, admin, { files: oversized })).toMatchObject({ ok: true, data: { files: 0 } });
    expect(await startCheck(db, admin, { files: [] })).toMatchObject({ ok: false, status: 400, message: "请选择要检查的报告文件。" });
    expect(await startCheck(db, admin, undefined)).toMatchObject({ ok: false, status: 400 });
    expect(await startCheck(db, admin, { files: [{ name: "a.html", size: -1 }] })).toMatchObject({ ok: false, status: 400 });
  });

  it("checks each file of the batch: a report, a broken file, a file of another kind", async () => {
    const { admin } = world.actors;
    const started = await startCheck(db, admin, { files });
    if (!started.ok) throw new Error(started.message);
    const token = started.data.token;
    const before = await snapshot(db);
    const auditBefore = (await auditTrail(db)).length;

    const report = await checkUploadedFile(db, admin, { token, file: { name: "a.html", data: text(exportHtml(seedReport(), { draft: false })) } });
    expect(report).toMatchObject({
      ok: true,
      data: { file: "a.html", ok: true, year: 2020, edition: "2019", cells: { read: 218, printed: 218 }, errors: 2 },
    });
    const docx = await checkUploadedFile(db, admin, { token, file: { name: "b.docx", data: await exportDocx(seedReport(), { draft: false }) } });
    expect(docx).toMatchObject({ ok: true, data: { ok: true, errors: 2 } });
    const broken = await checkUploadedFile(db, admin, { token, file: { name: "c.docx", data: text("not a zip") } });
    expect(broken).toMatchObject({ ok: true, data: { file: "c.docx", ok: false } });
    expect(broken.ok && !broken.data.ok && broken.data.reason).toContain("文件已损坏");
    const other = await checkUploadedFile(db, admin, { token, file: { name: "d.xls", data: text("x") } });
    expect(other.ok && !other.data.ok && other.data.reason).toContain("不是可检查的文件类型");
    // Reading stores nothing and audits nothing more: the batch was its one event.
    expect(await snapshot(db)).toEqual(before);
    expect((await auditTrail(db)).length).toBe(auditBefore);
  });

  it("refuses a file without a valid token of this admin, and a file from anyone else", async () => {
    const { admin, foreignAdmin, clerk } = world.actors;
    const file = { name: "a.html", data: text(exportHtml(seedReport(), { draft: false })) };
    const started = await startCheck(db, admin, { files });
    if (!started.ok) throw new Error(started.message);
    const expired = { ok: false, status: 400, message: CHECK_BATCH_EXPIRED };
    expect(await checkUploadedFile(db, admin, { token: "", file })).toEqual(expired);
    expect(await checkUploadedFile(db, foreignAdmin, { token: started.data.token, file })).toEqual(expired);
    expect(await checkUploadedFile(db, admin, { token: started.data.token, file }, Date.now() + CHECK_BATCH_TTL_MS + 1)).toEqual(expired);
    const [payload, mac] = started.data.token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), n: 200 })).toString("base64url");
    expect(await checkUploadedFile(db, admin, { token: `${forged}.${mac}`, file })).toEqual(expired);
    expect(verifyBatch(signBatch({ u: admin.id, n: 2, e: Date.now() + 1000, b: "x" }, "another-secret-entirely"), admin.id)).toBeUndefined();

    const auditBefore = (await auditTrail(db)).length;
    expect(await checkUploadedFile(db, clerk, { token: started.data.token, file })).toEqual({ ok: false, status: 403, message: REFUSAL });
    expect((await auditTrail(db)).slice(auditBefore)).toMatchObject([{ action: "action-refused", userId: clerk.id }]);
  });

  it("gives the entries back as the workbook, to county admins only", async () => {
    const { admin, supervisor } = world.actors;
    const started = await startCheck(db, admin, { files });
    if (!started.ok) throw new Error(started.message);
    const entries: CheckEntry[] = [];
    for (const [name, data] of [
      ["a.html", text(exportHtml(seedReport(), { draft: false }))],
      ["c.docx", text("not a zip")],
    ] as const) {
      const checked = await checkUploadedFile(db, admin, { token: started.data.token, file: { name, data } });
      if (!checked.ok) throw new Error(checked.message);
      // What the browser holds is the JSON it was sent.
      entries.push(JSON.parse(JSON.stringify(checked.data)));
    }
    const download = await checkWorkbookDownload(db, admin, { entries });
    if (!download.ok) throw new Error(download.message);
    expect(download.data.fileName).toBe("已发布报告检查结果.xlsx");
    const workbook = new Workbook();
    await workbook.xlsx.load(download.data.body.buffer);
    expect(workbook.getWorksheet("汇总")!.getCell("B2").value).toBe("a.html");
    expect(String(workbook.getWorksheet("汇总")!.getCell("N3").value)).toContain("无法读取");
    expect(workbook.getWorksheet("问题")!.rowCount).toBe(3);

    expect(await checkWorkbookDownload(db, admin, { entries: [] })).toMatchObject({ ok: false, status: 400 });
    expect(await checkWorkbookDownload(db, admin, { entries: [{ file: "x", ok: true }] })).toMatchObject({ ok: false, status: 400 });
    expect(await checkWorkbookDownload(db, admin, "nonsense")).toMatchObject({ ok: false, status: 400 });
    expect(await checkWorkbookDownload(db, supervisor, { entries })).toEqual({ ok: false, status: 403, message: REFUSAL });
  });
});
