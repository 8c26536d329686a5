/**
 * What the clerk is told for each way reading a PDF can fail, whatever pdfjs said (the worker's answer stood in
 * for here, so that a server without pdfjs, a file of too many pages or one that takes too long need not be
 * made): each reason its own Chinese message, and the limits it names from the limits it was read under.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PdfExtract, PdfPageData, PdfTextItem } from "./pdf-extract";

const answer = vi.hoisted(() => ({ current: undefined as unknown }));

vi.mock("./pdf-extract", async (importOriginal) => {
  const original = await importOriginal<typeof import("./pdf-extract")>();
  return { ...original, extractPdf: vi.fn(async () => answer.current as PdfExtract) };
});

const { BROKEN_PDF_MESSAGE, importPdf, looksLikePdf, pdfToBlocks } = await import("./pdf");
const { PDF_LIMITS } = await import("./pdf-extract");

const PDF = new TextEncoder().encode("%PDF-1.7\n");

async function messageFor(extract: PdfExtract, limits = PDF_LIMITS): Promise<string | undefined> {
  answer.current = extract;
  const read = await pdfToBlocks(PDF, limits);
  return read.ok ? undefined : read.message;
}

describe("why a PDF could not be read, in the clerk's words", () => {
  beforeEach(() => {
    answer.current = undefined;
  });

  it("too many pages: how many, and the limit it was read under", async () => {
    expect(await messageFor({ ok: false, reason: "too-many-pages", pages: 75 }, { ...PDF_LIMITS, maxPages: 40 })).toBe(
      "这个 PDF 文件有 75 页，超过了 40 页的上限，不像一份年度报告。请只导入年度报告本身。",
    );
  });

  it("a password", async () => {
    expect(await messageFor({ ok: false, reason: "password" })).toBe("这个 PDF 文件设有打开密码，无法读取。请导入没有密码的版本。");
  });

  it("too slow: the time limit in whole seconds, rounded up", async () => {
    expect(await messageFor({ ok: false, reason: "timeout" }, { ...PDF_LIMITS, timeoutMs: 30_000 })).toBe(
      "无法导入：读取这个 PDF 文件用时超过了 30 秒，已停止。请删去与年度报告无关的页面后再试。",
    );
    expect(await messageFor({ ok: false, reason: "timeout" }, { ...PDF_LIMITS, timeoutMs: 2_500 })).toMatch(/用时超过了 3 秒/);
  });

  it("too much memory", async () => {
    expect(await messageFor({ ok: false, reason: "memory" })).toBe("无法导入：这个 PDF 文件的内容过于庞大或复杂，读取时超出了内存上限。");
  });

  it("no pdfjs on the server: the other ways in", async () => {
    expect(await messageFor({ ok: false, reason: "unavailable", detail: "pdfjs-dist is not installed" })).toBe(
      "服务器暂时无法读取 PDF 文件。请使用 Word 或网页版本，或复制文字后选择“粘贴全文”。",
    );
  });

  it("anything else: a broken file", async () => {
    expect(await messageFor({ ok: false, reason: "broken", detail: "bad xref" })).toBe(BROKEN_PDF_MESSAGE);
    expect(BROKEN_PDF_MESSAGE).toBe("无法打开 PDF 文件：文件已损坏或不是 PDF 文档。");
  });

  it("a report read: the note on pages without text comes before the reader's notes", async () => {
    const HEIGHT = 842;
    const text = (str: string, top: number): PdfTextItem => ({ str, transform: [12, 0, 0, 12, 72, HEIGHT - top], width: 12 * str.length, height: 12 });
    const page = (items: PdfTextItem[]): PdfPageData => ({ viewport: [1, 0, 0, -1, 0, HEIGHT], width: 595, height: HEIGHT, items, ops: [] });
    answer.current = {
      ok: true,
      pages: [
        page([text("某县某局2021年政府信息公开工作年度报告", 100), text("一、总体情况", 140), text("全年主动公开信息20条。", 170)]),
        page([]),
      ],
    } satisfies PdfExtract;
    const r = await importPdf(PDF);
    if (!r.ok) throw new Error(r.message);
    expect(r.report.agency.name).toBe("某县某局");
    expect(r.notes[0]).toBe("PDF 第 2 页没有文字层（可能是扫描的图片），这些页上的内容未读取。");
    expect(r.notes[1]).toMatch(/^按年度（2021年）识别为2021年版/);
  });

  it("a PDF is told by its first bytes, or its first characters", () => {
    expect(looksLikePdf(PDF)).toBe(true);
    expect(looksLikePdf(new Uint8Array([0x25, 0x50, 0x44, 0x45]))).toBe(false);
    expect(looksLikePdf("%PDF-1.7")).toBe(true);
    expect(looksLikePdf("PDF-1.7 %PDF")).toBe(false);
  });

  it("text is never read as a PDF, even text that starts like one", async () => {
    answer.current = { ok: true, pages: [] } satisfies PdfExtract;
    expect(await pdfToBlocks("%PDF-1.7 pasted as text")).toEqual({ ok: false, message: BROKEN_PDF_MESSAGE });
    expect(await pdfToBlocks(new TextEncoder().encode("PK not a PDF"))).toEqual({ ok: false, message: BROKEN_PDF_MESSAGE });
  });

  it("tables drawn with rules are numbered in order, their rows keeping the grid; paragraphs have none", async () => {
    const HEIGHT = 842;
    const item = (str: string, x: number, top: number): PdfTextItem => ({ str, transform: [10, 0, 0, 10, x, HEIGHT - top - 8.5], width: 10 * str.length, height: 10 });
    // A ruled table of two columns and two rows whose top is at `top` (page space).
    const rules = (top: number) =>
      [
        [50, top, 250, top],
        [50, top + 20, 250, top + 20],
        [50, top + 40, 250, top + 40],
        [50, top, 50, top + 40],
        [150, top, 150, top + 40],
        [250, top, 250, top + 40],
      ].map(([x0, y0, x1, y1]) => ["constructPath", ["stroke", [0, x0, HEIGHT - y0, 1, x1, HEIGHT - y1]]] as [string, unknown]);
    const cells = (top: number, a: string, b: string) => [item(a, 60, top + 5), item(b, 160, top + 5), item("合计", 60, top + 25), item("9", 160, top + 25)];
    answer.current = {
      ok: true,
      pages: [
        {
          viewport: [1, 0, 0, -1, 0, HEIGHT],
          width: 595,
          height: HEIGHT,
          items: [item("某县某局2021年政府信息公开工作年度报告", 50, 40), ...cells(100, "项目", "数量"), ...cells(300, "名称", "件数")],
          ops: [...rules(100), ...rules(300)],
        },
      ],
    } satisfies PdfExtract;
    const read = await pdfToBlocks(PDF);
    if (!read.ok) throw new Error(read.message);
    expect(read.blocks.map((b) => (b.kind === "row" ? [b.cells.join("|"), b.grid?.table] : [b.text]))).toEqual([
      ["某县某局2021年政府信息公开工作年度报告"],
      ["项目|数量", 1],
      ["合计|9", 1],
      ["名称|件数", 2],
      ["合计|9", 2],
    ]);
  });

  it("importPdf gives the same refusal, and nothing is read", async () => {
    answer.current = { ok: false, reason: "password" } satisfies PdfExtract;
    expect(await importPdf(PDF)).toEqual({ ok: false, message: "这个 PDF 文件设有打开密码，无法读取。请导入没有密码的版本。" });
  });
});
