/**
 * Importing a published report from a PDF: its text layer is read by pdfjs in a worker thread
 * (pdf-extract.ts), laid out into paragraphs and tables (pdf-layout.ts), written as the HTML the DOCX
 * path gives and read by the one reader. A scan (pages without text) cannot be read and is told so.
 */
import { htmlToBlocks } from "./blocks";
import { extractPdf, PDF_LIMITS, type PdfLimits } from "./pdf-extract";
import { layoutDocument, layoutPage, tableHtml } from "./pdf-layout";
import type { DocBlock, LaidOutPage } from "./pdf-layout";
import { readReport } from "./read-report";
import type { Block, ImportResult } from "./types";

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF

/** Whether the bytes (or text) start like a PDF file. */
export function looksLikePdf(data: string | Uint8Array): boolean {
  if (typeof data === "string") return data.startsWith("%PDF");
  return PDF_MAGIC.every((b, i) => data[i] === b);
}

export const SCANNED_PDF_MESSAGE =
  "这是扫描件（没有文字层），无法读取。请使用 Word 或网页版本，或复制文字后选择“粘贴全文”。";
export const BROKEN_PDF_MESSAGE = "无法打开 PDF 文件：文件已损坏或不是 PDF 文档。";

function tooManyPages(pages: number, max: number): string {
  return `这个 PDF 文件有 ${pages} 页，超过了 ${max} 页的上限，不像一份年度报告。请只导入年度报告本身。`;
}

export type PdfBlocks = { ok: true; blocks: Block[]; notes: string[] } | { ok: false; message: string };

/** A PDF's text as blocks (paragraphs and table rows, tables with their grid), or why it cannot be read. */
export async function pdfToBlocks(data: string | Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<PdfBlocks> {
  if (typeof data === "string" || !looksLikePdf(data)) return { ok: false, message: BROKEN_PDF_MESSAGE };
  const extracted = await extractPdf(data, limits);
  if (!extracted.ok) {
    switch (extracted.reason) {
      case "too-many-pages":
        return { ok: false, message: tooManyPages(extracted.pages, limits.maxPages) };
      case "password":
        return { ok: false, message: "这个 PDF 文件设有打开密码，无法读取。请导入没有密码的版本。" };
      case "timeout":
        return {
          ok: false,
          message: `无法导入：读取这个 PDF 文件用时超过了 ${Math.ceil(limits.timeoutMs / 1000)} 秒，已停止。请删去与年度报告无关的页面后再试。`,
        };
      case "memory":
        return { ok: false, message: "无法导入：这个 PDF 文件的内容过于庞大或复杂，读取时超出了内存上限。" };
      case "unavailable":
        return { ok: false, message: "服务器暂时无法读取 PDF 文件。请使用 Word 或网页版本，或复制文字后选择“粘贴全文”。" };
      default:
        return { ok: false, message: BROKEN_PDF_MESSAGE };
    }
  }
  // A page at a time, letting other requests run in between (a page takes up to ~60 ms).
  const pages: LaidOutPage[] = [];
  for (const page of extracted.pages) {
    pages.push(layoutPage(page));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const chars = pages.reduce((n, p) => n + p.chars, 0);
  // Stryker disable next-line ConditionalExpression: no pages have no characters, so the count alone refuses them too
  if (pages.length === 0 || chars < 20) return { ok: false, message: SCANNED_PDF_MESSAGE };
  const notes: string[] = [];
  const empty = pages.flatMap((p, i) => (p.chars === 0 ? [i + 1] : []));
  if (empty.length > 0) {
    notes.push(`PDF 第 ${empty.join("、")} 页没有文字层（可能是扫描的图片），这些页上的内容未读取。`);
  }
  return { ok: true, blocks: toBlocks(layoutDocument(pages)), notes };
}

/** The importer's blocks: a ruled table through htmlToBlocks (its grid kept, numbered in order), rows as they are. */
function toBlocks(doc: DocBlock[]): Block[] {
  const out: Block[] = [];
  let tables = 0;
  for (const b of doc) {
    if (b.kind === "para") out.push({ kind: "para", text: b.text });
    else if (b.kind === "rows") for (const cells of b.rows) out.push({ kind: "row", cells });
    else {
      tables++;
      for (const block of htmlToBlocks(tableHtml(b.table))) {
        out.push(block.kind === "row" && block.grid ? { ...block, grid: { ...block.grid, table: tables } } : block);
      }
    }
  }
  return out;
}

/** Reads a published report from a PDF. Never throws: unreadable input gives `{ ok: false, message }`. */
export async function importPdf(data: string | Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<ImportResult> {
  const read = await pdfToBlocks(data, limits);
  if (!read.ok) return read;
  const result = readReport(read.blocks);
  if (!result.ok) return result;
  return { ...result, notes: [...read.notes, ...result.notes] };
}
