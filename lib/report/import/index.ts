/**
 * Importing a published report (plain text, HTML, DOCX or PDF) into the interchange model, for either
 * edition. Every input goes through one core (read-report.ts): DOCX → HTML (mammoth) → blocks;
 * HTML → blocks; text → blocks (tab-separated lines are table rows); PDF → blocks (pdf.ts).
 */
import { htmlToBlocks, textToBlocks } from "./blocks";
import { decodeText, docxToHtml } from "./decode";
import { importPdf } from "./pdf";
import { readReport } from "./read-report";
import type { ImportInput, ImportResult } from "./types";

export type { ImportInput, ImportKind, ImportResult, ImportTableKey, TableCellCount, TableCellCounts, UnreadItem } from "./types";
export { sniffKind } from "./decode";

/** Reads a published report. Never throws: unreadable input gives `{ ok: false, message }` in Chinese. */
export async function importReport(input: ImportInput): Promise<ImportResult> {
  try {
    if (input.kind === "pdf") return await importPdf(input.data);
    if (input.kind === "docx") {
      const html = await docxToHtml(input.data);
      if (!html.ok) return html;
      return readReport(htmlToBlocks(html.text));
    }
    const decoded = decodeText(input.data);
    if (!decoded.ok) return decoded;
    return readReport(input.kind === "html" ? htmlToBlocks(decoded.text) : textToBlocks(decoded.text));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `读取文件时出错，未能导入：${reason}` };
  }
}
