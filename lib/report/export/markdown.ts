/**
 * Markdown for pasting elsewhere: headings, paragraphs and pipe tables. Pipe tables cannot span, so a
 * table is flattened: merged column headers become one label per column (法人或其他组织·商业企业), the
 * nested row headings of table 三 one label per row, and table 二 one small table per 第二十条 group.
 */
import type { Report } from "../model";
import { buildExportDocument, DRAFT_MARK, toGrid } from "./document";
import type { ExportBlock, ExportCell, ExportDocument, ExportOptions, ExportRow, ExportTable, GridSlot } from "./document";

/** The report as Markdown. */
export function exportMarkdown(report: Report, options: ExportOptions): string {
  return renderMarkdown(buildExportDocument(report, options));
}

export function renderMarkdown(doc: ExportDocument): string {
  const out: string[] = [];
  if (doc.draft) out.push(`> **${DRAFT_MARK}**`);
  out.push(`# ${escapeMarkdown(doc.title)}`);
  for (const text of doc.intro) out.push(paragraph(text));
  for (const section of doc.sections) {
    out.push(`## ${escapeMarkdown(section.heading)}`);
    for (const block of section.blocks) out.push(...renderBlock(block));
  }
  out.push([doc.agency, doc.date].filter(Boolean).map(escapeMarkdown).join("  \n"));
  return `${out.join("\n\n")}\n`;
}

function renderBlock(block: ExportBlock): string[] {
  switch (block.kind) {
    case "paragraph":
      return [paragraph(block.text)];
    case "subsection":
      return [`### ${escapeMarkdown(block.heading)}`, ...block.paragraphs.map(paragraph)];
    case "table":
      return renderTable(block.table);
  }
}

/** A paragraph with its line breaks kept as hard breaks. */
function paragraph(text: string): string {
  return text.split("\n").map(escapeMarkdown).join("  \n");
}

/** Escapes what Markdown would read as markup: inline marks anywhere, block marks at a line start. */
export function escapeMarkdown(text: string): string {
  return escapeInline(text)
    .replace(/^(\s*)([#>+\-=~])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(\s)/, "$1\\$2$3");
}

function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (ch) => `\\${ch}`);
}

// ---------------------------------------------------------------------------------------------------
// Tables

const JOIN = "·";

function renderTable(table: ExportTable): string[] {
  const parts = table.head.length > 0 ? [[...table.head, ...table.bodies.flat()]] : table.bodies;
  const out: string[] = [];
  for (const part of parts) out.push(...renderPart(part, table.columnWidths.length, table.rowHeaderColumns));
  return out;
}

/**
 * One pipe table from rows that start with optional full-width title rows (printed in bold above it),
 * then column header rows, then body rows.
 */
function renderPart(rows: ExportRow[], columns: number, labelColumns: number): string[] {
  const out: string[] = [];
  let i = 0;
  for (; i < rows.length && rows[i].length === 1 && rows[i][0].colSpan === columns; i++) {
    out.push(`**${cellText(rows[i][0].text)}**`);
  }
  const start = i;
  while (i < rows.length && isColumnHeaderRow(rows[i])) i++;
  const grid = toGrid(rows.slice(start), columns);
  const headRows = grid.slice(0, i - start);
  const bodyRows = grid.slice(i - start);

  // Label columns become one; a column that only continues a span or is blank in every row goes.
  const kept: number[][] = [];
  if (labelColumns > 0) kept.push(range(0, labelColumns));
  for (let c = labelColumns; c < columns; c++) {
    const useful = grid.some((row) => row[c].origin && (row[c].cell.text !== "" || row[c].cell.path !== undefined));
    if (useful) kept.push([c]);
  }
  const header = kept.map((cols, k) => {
    const labels = distinct(headRows.flatMap((row) => cols.map((c) => row[c])));
    return (k === 0 && labelColumns > 0 ? labels : labels.slice(-2)).join(JOIN);
  });
  const body = bodyRows.map((row) =>
    kept.map((cols) => (cols.length > 1 ? distinct(cols.map((c) => row[c])).join(JOIN) : originText(row[cols[0]]))),
  );
  const table = [pipeRow(header), `|${header.map(() => " --- ").join("|")}|`, ...body.map(pipeRow)];
  return [...out, table.join("\n")];
}

/** Column headers only, besides blank filler cells. */
function isColumnHeaderRow(row: ExportRow): boolean {
  const heads = (c: ExportCell) => c.isHeader && (c.scope === "col" || c.scope === "colgroup");
  const blank = (c: ExportCell) => !c.isHeader && c.text === "" && c.path === undefined;
  return row.some(heads) && row.every((c) => heads(c) || blank(c));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/** Texts of the cells covering these slots, each cell once, blanks left out. */
function distinct(slots: GridSlot[]): string[] {
  const seen = new Set<object>();
  const texts: string[] = [];
  for (const slot of slots) {
    if (seen.has(slot.cell) || slot.cell.text === "") continue;
    seen.add(slot.cell);
    texts.push(slot.cell.text);
  }
  return texts;
}

function originText(slot: GridSlot): string {
  return slot.origin ? slot.cell.text : "";
}

function cellText(text: string): string {
  return escapeInline(text.replace(/\s*\n\s*/g, " "));
}

function pipeRow(cells: string[]): string {
  return `| ${cells.map(cellText).join(" | ")} |`;
}
