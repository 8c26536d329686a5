/**
 * The renderer-neutral export model: the finished report as a title, introduction, sections of
 * headings, paragraphs and tables. Built once from a report and its edition; the DOCX, HTML and
 * Markdown renderers only draw it, so each table layout (spans, merged row headings, the corner note)
 * is written here and nowhere else.
 *
 * Values are printed as stored: totals are not recomputed (an imported report keeps its own numbers),
 * blank cells print empty, absent table 二 rows are not printed.
 */
import { getEdition, requestsHeaderRows } from "../editions";
import type { CellKind, Edition, RequestRowDef, SectionKey } from "../editions";
import { formatCell } from "../cell-input";
import {
  cellPath,
  defaultTitle,
  hasOtherApplicant,
  normalizeRequests,
  normalizeReviewLitigation,
} from "../model";
import type { Cell, NarrativeSection, Report, TableKey } from "../model";

export type ExportFormat = "docx" | "html" | "md";

export interface ExportOptions {
  /** A report that is not approved is marked 「草稿」. */
  draft: boolean;
}

export interface ExportCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  isHeader: boolean;
  /** What a header cell heads (HTML `scope`); absent on data cells and on blank filler cells. */
  scope?: "col" | "colgroup" | "row" | "rowgroup";
  /** Row labels and notes are left-aligned; column headers and numbers are centred. */
  align: "left" | "center";
  /** Data cells: the cell path, e.g. requests.totalHandled.naturalPerson. */
  path?: string;
}

export type ExportRow = ExportCell[];

export interface ExportTable {
  key: TableKey;
  /** The table's name (its section title), for captions and screen readers. */
  caption: string;
  /** Relative width of each grid column; a renderer scales them to its page width. */
  columnWidths: number[];
  /** Column header rows, repeated on every page a long table runs onto. */
  head: ExportRow[];
  /**
   * Body parts in order: table 二 has one per 第二十条 group (each starting with its own label row and
   * 信息内容 header row); the other tables have one.
   */
  bodies: ExportRow[][];
  /** Leading grid columns that hold row labels (3 for table 三: the nested headings; 1 for 二; 0 for 四). */
  rowHeaderColumns: number;
}

export type ExportBlock =
  | { kind: "paragraph"; text: string }
  /** A numbered sub-heading of a narrative section, e.g. （一）主动公开情况, with its paragraphs. */
  | { kind: "subsection"; heading: string; paragraphs: string[] }
  | { kind: "table"; table: ExportTable };

export interface ExportSection {
  key: SectionKey;
  /** Verbatim, e.g. 一、总体情况 */
  heading: string;
  blocks: ExportBlock[];
}

export interface ExportDocument {
  title: string;
  draft: boolean;
  agency: string;
  year: number;
  /** The report date as printed, e.g. 2021年1月21日; "" when the report has none. */
  date: string;
  intro: string[];
  sections: ExportSection[];
}

export const DRAFT_MARK = "草稿";

const EXTENSIONS: Record<ExportFormat, string> = { docx: "docx", html: "html", md: "md" };

/** A title as a file name: characters no file system accepts are replaced with "_". */
export function safeFileName(title: string): string {
  return title.trim().replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_");
}

/** `{机关名称}{年份}年政府信息公开工作年度报告.{ext}`, with characters no file system accepts replaced. */
export function exportFileName(report: Pick<Report, "agency" | "year">, format: ExportFormat): string {
  return `${safeFileName(defaultTitle(report.agency.name.trim(), report.year))}.${EXTENSIONS[format]}`;
}

/** Builds the export model of a report. */
export function buildExportDocument(report: Report, options: ExportOptions): ExportDocument {
  const edition = getEdition(report.edition);
  const sections: ExportSection[] = edition.sections.map((section) => ({
    key: section.key,
    heading: section.title,
    blocks: sectionBlocks(section.key, report, edition),
  }));
  return {
    title: report.title?.trim() || defaultTitle(report.agency.name, report.year),
    draft: options.draft,
    agency: report.agency.name,
    year: report.year,
    date: formatDate(report.date),
    intro: paragraphs(report.intro),
    sections,
  };
}

function sectionBlocks(key: SectionKey, report: Report, edition: Edition): ExportBlock[] {
  switch (key) {
    case "overview":
      return narrativeBlocks(report.overview);
    case "activeDisclosure":
      return tableBlock(activeDisclosureTable(report, edition));
    case "requests":
      return tableBlock(requestsTable(report, edition));
    case "reviewLitigation":
      return tableBlock(reviewLitigationTable(report, edition));
    case "problems":
      return paragraphs(report.problems).map((text) => ({ kind: "paragraph", text }));
    case "otherMatters":
      return narrativeBlocks(report.otherMatters);
  }
}

function tableBlock(table: ExportTable): ExportBlock[] {
  return table.bodies.length > 0 ? [{ kind: "table", table }] : [];
}

// ---------------------------------------------------------------------------------------------------
// Text

/** Paragraphs of a plain text: split on blank lines; single line breaks stay inside a paragraph. */
export function paragraphs(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.replace(/^\n+|\s+$/g, ""))
    .filter((p) => p.trim() !== "");
}

/** Sub-headings are numbered （一）（二）… in order; an item without a heading is plain paragraphs. */
function narrativeBlocks(items: NarrativeSection[] | undefined): ExportBlock[] {
  const blocks: ExportBlock[] = [];
  let n = 0;
  for (const item of items ?? []) {
    const heading = item.heading.trim();
    const texts = paragraphs(item.text);
    if (heading) {
      blocks.push({ kind: "subsection", heading: `（${chineseNumeral(++n)}）${heading}`, paragraphs: texts });
    } else {
      for (const text of texts) blocks.push({ kind: "paragraph", text });
    }
  }
  return blocks;
}

const DIGITS = "零一二三四五六七八九";

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (larger numbers in Arabic digits). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}

/** 2021-01-21 → 2021年1月21日 */
export function formatDate(date: string | undefined): string {
  const m = date?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return "";
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A cell as printed: blank → "", a positive 本年增/减 with its sign (+19). */
export function formatValue(value: Cell | undefined, kind: CellKind): string {
  if (kind === "signed" && typeof value === "number" && value > 0) return `+${value}`;
  return formatCell(value);
}

// ---------------------------------------------------------------------------------------------------
// Cells

function header(text: string, scope: ExportCell["scope"], colSpan = 1, rowSpan = 1, align: ExportCell["align"] = "center"): ExportCell {
  return { text, colSpan, rowSpan, isHeader: true, scope, align };
}

function rowHeader(text: string, colSpan = 1, rowSpan = 1): ExportCell {
  return header(text, rowSpan > 1 ? "rowgroup" : "row", colSpan, rowSpan, "left");
}

function dataCell(table: TableKey, row: string, cell: string, value: Cell | undefined, kind: CellKind, colSpan = 1): ExportCell {
  return { text: formatValue(value, kind), colSpan, rowSpan: 1, isHeader: false, align: "center", path: cellPath(table, row, cell) };
}

function filler(): ExportCell {
  return { text: "", colSpan: 1, rowSpan: 1, isHeader: false, align: "center" };
}

/** Section title without its numbering: 二、主动公开政府信息情况 → 主动公开政府信息情况. */
function captionOf(title: string): string {
  return title.replace(/^[一二三四五六七八九十]+、/, "");
}

// ---------------------------------------------------------------------------------------------------
// Table 二: one part per 第二十条 group that has a present row: label row, 信息内容 | columns, rows.

function activeDisclosureTable(report: Report, edition: Edition): ExportTable {
  const def = edition.activeDisclosure;
  const width = Math.max(...def.groups.map((g) => g.columns.length));
  const bodies: ExportRow[][] = [];
  for (const group of def.groups) {
    const rows = group.rows.filter((row) => report.activeDisclosure[row.key] !== undefined);
    if (rows.length === 0) continue;
    // A single column spans the table (2021 edition); shorter groups keep blank cells, as printed.
    const span = group.columns.length === 1 ? width : 1;
    const pad = group.columns.length === 1 ? 0 : width - group.columns.length;
    const body: ExportRow[] = [
      [header(group.label, "colgroup", width + 1)],
      [
        header(def.rowHeader, "col"),
        ...group.columns.map((c) => header(c.label, "col", span)),
        ...Array.from({ length: pad }, filler),
      ],
    ];
    for (const row of rows) {
      const values = report.activeDisclosure[row.key];
      body.push([
        rowHeader(row.label),
        ...group.columns.map((c) => dataCell("activeDisclosure", row.key, c.key, values[c.key], c.kind, span)),
        ...Array.from({ length: pad }, filler),
      ]);
    }
    bodies.push(body);
  }
  return {
    key: "activeDisclosure",
    caption: captionOf(def.title),
    columnWidths: [34, ...Array.from({ length: width }, () => 22)],
    head: [],
    bodies,
    rowHeaderColumns: 1,
  };
}

// ---------------------------------------------------------------------------------------------------
// Table 三: the corner note over three label columns, the applicant header of layout.ts, and the
// headings 三、本年度办理结果 / （三）… merged down the rows they head.

function requestsTable(report: Report, edition: Edition): ExportTable {
  const def = edition.requests;
  const withOther = hasOtherApplicant(report.requests);
  const columns = def.columns.filter((c) => withOther || !c.optional);
  const labelColumns = 1 + Math.max(...def.rows.map((r) => r.level));
  const headerRows = requestsHeaderRows(edition, withOther);
  const head: ExportRow[] = headerRows.map((row) =>
    row.map((cell) => header(cell.label, cell.key ? "col" : "colgroup", cell.colSpan, cell.rowSpan)),
  );
  head[0].unshift(header(def.cornerNote, "col", labelColumns, headerRows.length, "left"));

  const data = normalizeRequests(report.edition, report.requests);
  const spans = headingSpans(def.rows);
  const started = new Set<string>();
  const body: ExportRow[] = [];
  const byKey = new Map(def.rows.map((r) => [r.key, r]));
  for (const row of def.rows) {
    if (row.kind === "heading") continue;
    const cells: ExportRow = [];
    const ancestors: RequestRowDef[] = [];
    for (let p = row.parent; p; p = byKey.get(p)?.parent) ancestors.unshift(byKey.get(p)!);
    for (const heading of ancestors) {
      if (started.has(heading.key)) continue;
      started.add(heading.key);
      cells.push(rowHeader(heading.label, 1, spans.get(heading.key) ?? 1));
    }
    cells.push(rowHeader(row.label, labelColumns - row.level));
    for (const c of columns) cells.push(dataCell("requests", row.key, c.key, data[row.key]?.[c.key], "count"));
    body.push(cells);
  }
  return {
    key: "requests",
    caption: captionOf(def.title),
    columnWidths: [7, 9, 27].slice(0, labelColumns).concat(columns.map(() => 5)),
    head,
    bodies: [body],
    rowHeaderColumns: labelColumns,
  };
}

/** How many data and total rows each heading row of table 三 heads (all its descendants). */
function headingSpans(rows: RequestRowDef[]): Map<string, number> {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const spans = new Map<string, number>();
  for (const row of rows) {
    if (row.kind === "heading") continue;
    for (let p = row.parent; p; p = byKey.get(p)?.parent) spans.set(p, (spans.get(p) ?? 0) + 1);
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------------
// Table 四: 行政复议 | 行政诉讼 over 未经复议直接起诉 / 复议后起诉 over the five result columns; one row.

function reviewLitigationTable(report: Report, edition: Edition): ExportTable {
  const def = edition.reviewLitigation;
  const n = def.cells.length;
  const depth = def.groups.some((g) => g.subLabel) ? 3 : 2;
  const head: ExportRow[] = Array.from({ length: depth }, () => []);
  for (let i = 0; i < def.groups.length; ) {
    let j = i;
    while (j < def.groups.length && def.groups[j].label === def.groups[i].label) j++;
    head[0].push(header(def.groups[i].label, "colgroup", (j - i) * n));
    i = j;
  }
  for (const group of def.groups) {
    if (group.subLabel) {
      head[1].push(header(group.subLabel, "colgroup", n));
      for (const c of def.cells) head[depth - 1].push(header(c.label, "col"));
    } else {
      for (const c of def.cells) head[1].push(header(c.label, "col", 1, depth - 1));
    }
  }
  const data = normalizeReviewLitigation(report.edition, report.reviewLitigation);
  const row: ExportRow = [];
  for (const group of def.groups) {
    for (const c of def.cells) row.push(dataCell("reviewLitigation", group.key, c.key, data[group.key]?.[c.key], "count"));
  }
  return {
    key: "reviewLitigation",
    caption: captionOf(def.title),
    columnWidths: row.map(() => 1),
    head,
    bodies: [[row]],
    rowHeaderColumns: 0,
  };
}

// ---------------------------------------------------------------------------------------------------
// Grids, for renderers that cannot span (Markdown) and for tests.

export interface GridSlot {
  cell: ExportCell;
  /** true in the slot where the cell starts; false in the slots its spans cover. */
  origin: boolean;
}

/** Lays rows with spans out on a full grid: every slot names the cell covering it. */
export function toGrid(rows: ExportRow[], columns: number): GridSlot[][] {
  const grid: (GridSlot | undefined)[][] = rows.map(() => new Array<GridSlot | undefined>(columns));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < columns && grid[r][c]) c++;
      for (let dr = 0; dr < cell.rowSpan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colSpan && c + dc < columns; dc++) {
          grid[r + dr][c + dc] = { cell, origin: dr === 0 && dc === 0 };
        }
      }
      c += cell.colSpan;
    }
  });
  return grid.map((row) => Array.from(row, (slot) => slot ?? { cell: filler(), origin: true }));
}
