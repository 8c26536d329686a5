import JSZip from "jszip";
import { Workbook } from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { openTemporaryDb, storeReportInStatus } from "@/db/test-db";
import { createAgency } from "@/db/queries/agencies";
import { listRecentAudit } from "@/db/queries/audit";
import { createUser } from "@/db/queries/users";
import { cleanReport } from "@/lib/report/testing";

const state = vi.hoisted(() => ({ userId: undefined as number | undefined, db: undefined as unknown }));
vi.mock("@/lib/auth/guards", async (original) => (await import("@/lib/auth/test-session")).signedInAs(await original<object>(), state));
vi.mock("@/lib/db", () => ({ getDb: () => state.db }));

const { GET } = await import("./route");

const AGENCY = "某区某街道办事处";
const TITLE = `${AGENCY}2025年政府信息公开工作年度报告与上年对比`;

async function get(id: string | number, format?: string): Promise<Response> {
  const query = format === undefined ? "" : `?format=${format}`;
  return GET(new Request(`http://localhost/api/reports/${id}/compare${query}`), { params: Promise.resolve({ id: String(id) }) });
}

describe("GET /api/reports/{id}/compare", () => {
  let db: Db;
  let cleanup: () => void;
  const ids = { clerk: 0, otherClerk: 0, report: 0, alone: 0 };

  beforeAll(async () => {
    ({ db, cleanup } = await openTemporaryDb());
    state.db = db;
    const make = async (name: string) => {
      const agency = await createAgency(db, { name, level: "township" });
      const user = await createUser(db, { username: name, displayName: "经办人", role: "clerk", agencyId: agency.id, passwordHash: "not-a-real-hash" });
      return { userId: user.id, scope: { userId: user.id, agencyId: agency.id, reach: "agency" as const } };
    };
    const a = await make(AGENCY);
    const b = await make("某区司法局");
    const report = (year: number, naturalPerson: number, problems: string) => {
      const content = cleanReport("2021", { year });
      content.agency = { name: AGENCY, level: "township" };
      content.requests.newReceived = { ...content.requests.newReceived, naturalPerson, total: naturalPerson };
      content.problems = problems;
      return content;
    };
    await storeReportInStatus(db, a.scope, { year: 2024, edition: "2021", content: report(2024, 40, "部分栏目更新不够及时，信息发布审核有待加强。"), status: "approved" });
    ids.report = (await storeReportInStatus(db, a.scope, { year: 2025, edition: "2021", content: report(2025, 12, "部分栏目更新及时，信息发布审核有待加强，已建立台账。") })).id;
    ids.alone = (await storeReportInStatus(db, b.scope, { year: 2025, edition: "2021", content: cleanReport("2021", { year: 2025 }) })).id;
    ids.clerk = a.userId;
    ids.otherClerk = b.userId;
  });
  afterAll(() => cleanup());

  it("answers 401 without a session and 400 for another format", async () => {
    state.userId = undefined;
    expect((await get(ids.report, "docx")).status).toBe(401);
    state.userId = ids.clerk;
    expect((await get(ids.report)).status).toBe(400);
    expect((await get(ids.report, "pdf")).status).toBe(400);
  });

  it("downloads the comparison as DOCX: the swing, every table, the narratives side by side; audited", async () => {
    state.userId = ids.clerk;
    const response = await get(ids.report, "docx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="annual-report-2025-vs-2024.docx"; filename*=UTF-8''${encodeURIComponent(TITLE)}.docx`,
    );
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<w:tab\/>/g, " ").replace(/<[^>]+>/g, "");
    for (const expected of [
      TITLE,
      "上年：2024年报告，已批准，国办公开办函〔2021〕30号格式；本年：2025年报告，草稿，国办公开办函〔2021〕30号格式。",
      "大幅变化（2 处）",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "大幅减少",
      "-70%",
      "文字部分对比",
      "五、存在的主要问题及改进情况",
    ]) {
      expect(text).toContain(expected);
    }
    // 不够 struck through on last year's side; the new words underlined on this year's.
    expect(xml).toMatch(/<w:strike\/>[^]{0,300}?<w:t[^>]*>不够<\/w:t>/);
    expect(xml).toMatch(/<w:u [^>]*\/>[^]{0,300}?<w:t[^>]*>，已建立台账<\/w:t>/);
    expect((await listRecentAudit(db, 1))[0]).toMatchObject({
      action: "report-downloaded",
      userId: ids.clerk,
      reportId: ids.report,
      detail: "compare-docx（草稿）",
    });
  });

  it("downloads the comparison as XLSX: one row per cell with numbers, and the narratives as marked rich text", async () => {
    state.userId = ids.clerk;
    const response = await get(ids.report, "xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain('filename="annual-report-2025-vs-2024.xlsx"');
    const workbook = new Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["单元格对比", "文字对比"]);
    const cells = workbook.getWorksheet("单元格对比")!;
    expect(cells.getCell("A1").value).toBe(TITLE);
    const rows: unknown[][] = [];
    cells.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((row) => row[0] === "表");
    expect(rows[header]).toEqual(["表", "行", "栏目", "上年", "本年", "变化", "变化率", "标记", "说明"]);
    expect(rows.length - header - 1).toBe(10 + 25 * 7 + 15);
    const natural = rows.find((row) => row[1] === "一、本年新收政府信息公开申请数量" && row[2] === "自然人")!;
    expect(natural.slice(3, 8)).toEqual([40, 12, -28, -0.7, "大幅减少"]);
    const regulations = rows.find((row) => row[1] === "第二十条第（一）项 规章" && row[2] === "本年制发件数")!;
    expect(regulations.slice(3, 8)).toEqual([0, 0, 0, 0, ""]);

    const texts = workbook.getWorksheet("文字对比")!;
    const problems = texts.getRow(find(texts, "五、存在的主要问题及改进情况"));
    const previous = problems.getCell(3).value as { richText: { text: string; font?: { strike?: boolean } }[] };
    expect(previous.richText.map((part) => part.text).join("")).toBe("部分栏目更新不够及时，信息发布审核有待加强。");
    expect(previous.richText.find((part) => part.text === "不够")?.font?.strike).toBe(true);
    const current = problems.getCell(4).value as { richText: { text: string; font?: { underline?: boolean } }[] };
    expect(current.richText.map((part) => part.text).join("")).toBe("部分栏目更新及时，信息发布审核有待加强，已建立台账。");
    expect(current.richText.find((part) => part.text === "，已建立台账")?.font?.underline).toBe(true);
    expect((await listRecentAudit(db, 1))[0]).toMatchObject({ action: "report-downloaded", detail: "compare-xlsx（草稿）" });
  });

  it("finds nothing for another agency's report (audited), and says why when there is no report last year", async () => {
    state.userId = ids.otherClerk;
    const refused = await get(ids.report, "xlsx");
    expect(refused.status).toBe(404);
    expect((await refused.json()).error).toMatch(/找不到/);
    expect((await listRecentAudit(db, 1))[0]).toMatchObject({
      action: "action-refused",
      userId: ids.otherClerk,
      reportId: null,
      detail: `下载与上年对比（报告编号 ${ids.report}）：找不到该报告，或您无权查看该报告。`,
    });
    expect((await get("abc", "docx")).status).toBe(404);

    const nothing = await get(ids.alone, "docx");
    expect(nothing.status).toBe(409);
    expect((await nothing.json()).error).toContain("本机关没有 2024 年的报告");
  });
});

function find(sheet: import("exceljs").Worksheet, text: string): number {
  let found: number | undefined;
  sheet.eachRow((row, r) => row.eachCell((cell) => {
    if (found === undefined && cell.value === text) found = r;
  }));
  if (found === undefined) throw new Error(`「${text}」 not in ${sheet.name}`);
  return found;
}
