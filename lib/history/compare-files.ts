/**
 * 与上年对比 as files: DOCX (the docx package, as lib/report/export/docx.ts uses it) and XLSX (exceljs, as
 * lib/county/workbook.ts uses it), drawn from the same comparison the page shows (lib/history/compare.ts).
 *
 * DOCX, A4 portrait: a title, the two reports compared, the rule of the flags and the counts; the large
 * swings; per table one row per cell (行 | 栏目 | 上年 | 本年 | 变化 | 变化率 | 标记), the row label merged
 * down its cells; the narrative parts side by side (上年 with deletions struck through in red, 本年 with
 * insertions underlined in green).
 * XLSX: 单元格对比 (one row per cell, numbers as numbers, 变化率 as a percentage, filter and frozen header)
 * and 文字对比 (one row per narrative part, both years as rich text with the same marks).
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { Workbook } from "exceljs";
import type { Borders, Cell as SheetCell, RichText, Worksheet } from "exceljs";
import type { Executor } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import type { UserProfile } from "@/db/queries/users";
import {
  changeText,
  countsText,
  editionNote,
  rateText,
  rowNote,
  sideText,
  SWING_LABELS,
  swingRuleText,
  swingsOf,
  type ComparedCell,
  type ComparedRow,
  type ComparedTable,
  type SideValue,
} from "@/lib/report/compare";
import { CONTENT_TYPES } from "@/lib/report/export/download";
import { safeFileName } from "@/lib/report/export/document";
import type { TextSegment } from "./diff";
import { comparedReportsText, compareWithLastYear, comparisonTitle, similarityText, type YearComparison } from "./compare";

export const COMPARE_FORMATS = ["docx", "xlsx"] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export function isCompareFormat(value: unknown): value is CompareFormat {
  return typeof value === "string" && (COMPARE_FORMATS as readonly string[]).includes(value);
}

export const COMPARE_CONTENT_TYPES: Record<CompareFormat, string> = {
  docx: CONTENT_TYPES.docx,
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export type CompareDownload =
  | { ok: true; body: Uint8Array<ArrayBuffer>; contentType: string; fileName: string; asciiFileName: string }
  | { ok: false; status: 404 | 409 | 500; message: string };

/**
 * The comparison of a report the actor may view, as a file: refused as not found (audited) otherwise,
 * 409 with the reason when there is nothing to compare with; every download is in the audit log.
 */
export async function compareDownload(
  db: Executor,
  actor: UserProfile,
  input: { reportId: number; format: CompareFormat },
): Promise<CompareDownload> {
  const result = await compareWithLastYear(db, actor, { reportId: input.reportId, purpose: "download" });
  if (!result.ok) return { ok: false, status: 404, message: "找不到该报告，或您无权查看。" };
  const data = result.data;
  if (!data.comparison) return { ok: false, status: 409, message: data.missing ?? "没有可对比的上年报告。" };
  const body = input.format === "docx" ? await comparisonDocx(data) : await comparisonXlsx(data);
  const draft = data.report.status !== "approved";
  await recordAudit(db, {
    action: "report-downloaded",
    userId: actor.id,
    username: actor.username,
    reportId: data.report.id,
    agencyId: data.report.agencyId,
    detail: `compare-${input.format}${draft ? "（草稿）" : ""}`,
  });
  const { year } = data.report;
  return {
    ok: true,
    body,
    contentType: COMPARE_CONTENT_TYPES[input.format],
    fileName: `${safeFileName(comparisonTitle(data))}.${input.format}`,
    asciiFileName: `annual-report-${year}-vs-${year - 1}.${input.format}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// DOCX

const FONT = { body: "仿宋", heading: "黑体", table: "宋体", latin: "Times New Roman" } as const;
const fonts = (eastAsia: string) => ({ ascii: FONT.latin, hAnsi: FONT.latin, eastAsia, cs: FONT.latin });
/** Half-points: 小二 18 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { title: 36, heading: 28, body: 24, table: 21, small: 18 } as const;
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: mm(25), bottom: mm(25), left: mm(20), right: mm(20), header: mm(12), footer: mm(12) };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const COLORS = { removed: "B91C1C", added: "047857", swing: "FEF3C7", head: "F1F5F9", note: "64748B" } as const;

const paragraph = (text: string, options: { size?: number; font?: string; bold?: boolean; color?: string; spacingAfter?: number } = {}) =>
  new Paragraph({
    spacing: { after: options.spacingAfter ?? 120, line: 360, lineRule: LineRuleType.AUTO },
    children: [
      new TextRun({ text, font: fonts(options.font ?? FONT.body), size: options.size ?? SIZE.body, bold: options.bold, color: options.color }),
    ],
  });

const heading = (text: string) =>
  new Paragraph({
    keepNext: true,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, font: fonts(FONT.heading), size: SIZE.heading })],
  });

function twips(weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * CONTENT_WIDTH));
  widths[widths.length - 1] += CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** A table row: its cells, and whether it stays on the page of the next (the lines of one report row). */
type DocxRow = DocxCell[] & { keepNext?: boolean };

type DocxCell = {
  text?: string;
  runs?: TextRun[][];
  colSpan?: number;
  rowSpan?: number;
  header?: boolean;
  align?: "left" | "center" | "right";
  fill?: string;
  bold?: boolean;
  color?: string;
};

function docxCell(cell: DocxCell): TableCell {
  const alignment = cell.align === "left" ? AlignmentType.LEFT : cell.align === "right" ? AlignmentType.RIGHT : AlignmentType.CENTER;
  const run = (text: string) =>
    new TextRun({ text, font: fonts(FONT.table), size: SIZE.table, bold: cell.bold || cell.header, color: cell.color });
  const paragraphs = (cell.runs ?? (cell.text ?? "").split("\n").map((line) => [run(line)])).map(
    (children) => new Paragraph({ alignment, spacing: { line: 280, lineRule: LineRuleType.AT_LEAST }, children }),
  );
  const fill = cell.fill ?? (cell.header ? COLORS.head : undefined);
  return new TableCell({
    columnSpan: cell.colSpan && cell.colSpan > 1 ? cell.colSpan : undefined,
    rowSpan: cell.rowSpan && cell.rowSpan > 1 ? cell.rowSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: fill ? { type: ShadingType.CLEAR, color: "auto", fill } : undefined,
    children: paragraphs,
  });
}

/** A table whose rows never break across pages, but for `splitRows` (long narrative text). */
function docxTable(weights: number[], rows: DocxRow[], options: { splitRows?: boolean } = {}): Table {
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: twips(weights),
    layout: TableLayoutType.FIXED,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    rows: rows.map(
      (cells, i) =>
        new TableRow({
          cantSplit: !options.splitRows,
          tableHeader: i === 0 || undefined,
          keepNext: cells.keepNext || undefined,
          children: cells.map(docxCell),
        }),
    ),
  });
}

const CELL_HEADER = ["行", "栏目", "上年", "本年", "变化", "变化率", "标记"];
const CELL_WEIGHTS = [24, 21, 8, 8, 8, 10, 11];

/** A cell's values as one line of the table; the swing's mark shaded. */
function cellColumns(cell: ComparedCell): DocxCell[] {
  const fill = cell.swing ? COLORS.swing : undefined;
  const muted = cell.status === "compared" ? undefined : COLORS.note;
  return [
    { text: cell.column, align: "left", fill },
    { text: sideText(cell.previous, cell.kind), align: "right", fill, color: cell.previous === "missing" ? COLORS.note : undefined },
    { text: sideText(cell.current, cell.kind), align: "right", fill, color: cell.current === "missing" ? COLORS.note : undefined },
    ...(cell.status === "notComparable"
      ? [{ text: changeText(cell), colSpan: 2, color: COLORS.note }]
      : [
          { text: changeText(cell), align: "right" as const, fill, color: muted, bold: Boolean(cell.swing) },
          { text: rateText(cell), align: "right" as const, fill, color: muted, bold: Boolean(cell.swing) },
        ]),
    { text: cell.swing ? SWING_LABELS[cell.swing] : "", fill, bold: Boolean(cell.swing) },
  ];
}

function rowLabel(row: ComparedRow): string {
  const note = rowNote(row);
  return note ? `${row.label}\n（${note}）` : row.label;
}

function tableRows(table: ComparedTable): DocxRow[] {
  const rows: DocxRow[] = [CELL_HEADER.map((text) => ({ text, header: true }))];
  let group: string | undefined;
  for (const row of table.rows) {
    if (row.group && row.group !== group) {
      group = row.group;
      rows.push(Object.assign([{ text: row.group, colSpan: CELL_HEADER.length, align: "left" as const, header: true }], { keepNext: true }));
    }
    // The lines of one report row are kept on one page, under their merged label.
    row.cells.forEach((cell, i) => {
      const label: DocxCell[] = i === 0 ? [{ text: rowLabel(row), rowSpan: row.cells.length, align: "left" }] : [];
      rows.push(Object.assign([...label, ...cellColumns(cell)], { keepNext: i < row.cells.length - 1 }));
    });
  }
  return rows;
}

/** A narrative side as paragraphs of runs: the unchanged text plain, this side's changes marked. */
function sideRuns(segments: TextSegment[], side: "previous" | "current"): TextRun[][] {
  const mark = side === "previous" ? "removed" : "added";
  const lines: TextRun[][] = [[]];
  for (const segment of segments) {
    if (segment.kind !== "same" && segment.kind !== mark) continue;
    segment.text.split("\n").forEach((text, i) => {
      if (i > 0) lines.push([]);
      if (!text) return;
      lines[lines.length - 1].push(
        new TextRun({
          text,
          font: fonts(FONT.table),
          size: SIZE.table,
          ...(segment.kind === "removed" ? { strike: true, color: COLORS.removed } : {}),
          ...(segment.kind === "added" ? { underline: {}, color: COLORS.added } : {}),
        }),
      );
    });
  }
  return lines;
}

/** Characters of 小二 on one line of the text width. */
const TITLE_LINE_CHARS = Math.floor(CONTENT_WIDTH / (SIZE.title * 10));

/** The title on one line, or broken before 「{年份}年」 so that the agency name stays whole. */
function titleLines(data: YearComparison): string[] {
  const title = comparisonTitle(data);
  if (title.length <= TITLE_LINE_CHARS) return [title];
  const at = title.indexOf(`${data.report.year}年`);
  return at > 0 ? [title.slice(0, at), title.slice(at)] : [title];
}

export async function comparisonDocx(data: YearComparison): Promise<Uint8Array<ArrayBuffer>> {
  const comparison = data.comparison!;
  const title = comparisonTitle(data);
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: titleLines(data).map(
        (line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, font: fonts(FONT.heading), size: SIZE.title }),
      ),
    }),
    paragraph(comparedReportsText(data)),
  ];
  const note = editionNote(comparison);
  if (note) children.push(paragraph(note));
  children.push(paragraph(swingRuleText()), paragraph(countsText(comparison.counts)));

  const swings = swingsOf(comparison);
  children.push(heading(`大幅变化（${swings.length} 处）`));
  if (swings.length === 0) children.push(paragraph("没有达到标记条件的变化。"));
  else {
    children.push(
      docxTable(
        [24, 21, 8, 8, 8, 10, 11],
        [
          ["单元格", "栏目", "上年", "本年", "变化", "变化率", "标记"].map((text) => ({ text, header: true })),
          ...swings.map(({ table, row, cell }) => [
            { text: `表${table.title.slice(0, 1)}：${row.label}`, align: "left" as const },
            ...cellColumns(cell),
          ]),
        ],
      ),
    );
  }

  for (const table of comparison.tables) {
    children.push(heading(table.title), docxTable(CELL_WEIGHTS, tableRows(table)));
  }

  children.push(heading("文字部分对比"));
  children.push(paragraph("左栏为上年，删去的文字标红并划去；右栏为本年，新增的文字标绿并加下划线。", { size: SIZE.small, color: COLORS.note }));
  for (const narrative of data.narratives) {
    children.push(
      new Paragraph({
        keepNext: true,
        spacing: { before: 200, after: 80 },
        children: [
          new TextRun({ text: narrative.title, font: fonts(FONT.heading), size: SIZE.body }),
          new TextRun({ text: `　${similarityText(narrative)}`, font: fonts(FONT.body), size: SIZE.small, color: COLORS.note }),
        ],
      }),
      docxTable(
        [1, 1],
        [
          [
            { text: `上年（${comparison.previousYear}年）`, header: true },
            { text: `本年（${comparison.currentYear}年）`, header: true },
          ],
          [
            { runs: sideRuns(narrative.segments, "previous"), align: "left" },
            { runs: sideRuns(narrative.segments, "current"), align: "left" },
          ],
        ],
        { splitRows: true },
      ),
    );
  }

  const document = new Document({
    creator: data.report.agencyName,
    title,
    styles: { default: { document: { run: { font: fonts(FONT.body), size: SIZE.body, language: { value: "en-US", eastAsia: "zh-CN" } } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ font: fonts(FONT.table), size: SIZE.small, children: ["— ", PageNumber.CURRENT, " —"] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

// ---------------------------------------------------------------------------------------------------
// XLSX

const SHEET_FONT = "宋体";
const thin = { style: "thin" as const, color: { argb: "FF808080" } };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const fill = (argb: string) => ({ type: "pattern" as const, pattern: "solid" as const, fgColor: { argb } });
/** Excel keeps at most 32,767 characters in a cell. */
const MAX_CELL_TEXT = 32_000;

function style(cell: SheetCell, options: { header?: boolean; align?: "left" | "center" | "right"; bold?: boolean; swing?: boolean } = {}) {
  cell.font = { name: SHEET_FONT, size: 10, bold: options.bold || options.header };
  cell.border = BORDER;
  cell.alignment = { vertical: "top", horizontal: options.align ?? "left", wrapText: true };
  if (options.header) cell.fill = fill("FFF1F5F9");
  if (options.swing) cell.fill = fill("FFFEF3C7");
}

/** A side as a sheet value: numbers as numbers, the rest in words. */
function sheetSide(value: SideValue, kind: ComparedCell["kind"]): number | string {
  return typeof value === "number" ? value : sideText(value, kind);
}

function note(sheet: Worksheet, text: string, columns: number, options: { bold?: boolean; size?: number } = {}) {
  const row = sheet.addRow([text]);
  row.getCell(1).font = { name: SHEET_FONT, size: options.size ?? 10, bold: options.bold };
  row.getCell(1).alignment = { wrapText: true, vertical: "top" };
  sheet.mergeCells(row.number, 1, row.number, columns);
  row.height = Math.max(16, 15 * Math.ceil(text.length / 80));
}

function cellSheet(sheet: Worksheet, data: YearComparison) {
  const comparison = data.comparison!;
  const header = ["表", "行", "栏目", "上年", "本年", "变化", "变化率", "标记", "说明"];
  const widths = [30, 46, 20, 10, 10, 10, 10, 10, 24];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  note(sheet, comparisonTitle(data), header.length, { bold: true, size: 14 });
  note(sheet, comparedReportsText(data), header.length);
  const edition = editionNote(comparison);
  if (edition) note(sheet, edition, header.length);
  note(sheet, swingRuleText(), header.length);
  note(sheet, countsText(comparison.counts), header.length);

  const head = sheet.addRow(header);
  head.eachCell((cell) => style(cell, { header: true, align: "center" }));
  const headerRow = head.number;
  for (const table of comparison.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const swing = Boolean(cell.swing);
        const line = sheet.addRow([
          table.title,
          row.group ? `${row.group} ${row.label}` : row.label,
          cell.column,
          sheetSide(cell.previous, cell.kind),
          sheetSide(cell.current, cell.kind),
          cell.change ?? changeText(cell),
          cell.rate ?? rateText(cell),
          cell.swing ? SWING_LABELS[cell.swing] : "",
          rowNote(row),
        ]);
        line.eachCell({ includeEmpty: true }, (c, column) => style(c, { align: column >= 4 && column <= 7 ? "right" : "left", swing, bold: swing && column === 8 }));
        if (typeof cell.change === "number") line.getCell(6).numFmt = "+0.##;-0.##;0";
        if (typeof cell.rate === "number") line.getCell(7).numFmt = "+0.0%;-0.0%;0%";
        if (cell.kind === "signed") {
          for (const column of [4, 5]) if (typeof line.getCell(column).value === "number") line.getCell(column).numFmt = "+0;-0;0";
        }
      }
    }
  }
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: sheet.rowCount, column: header.length } };
  sheet.views = [{ state: "frozen", ySplit: headerRow }];
  sheet.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` };
}

/** A narrative side as rich text: the unchanged text plain, this side's changes marked. */
function richSide(segments: TextSegment[], side: "previous" | "current"): { richText: RichText[] } {
  const mark = side === "previous" ? "removed" : "added";
  const richText: RichText[] = [];
  let length = 0;
  for (const segment of segments) {
    if (segment.kind !== "same" && segment.kind !== mark) continue;
    const text = segment.text.slice(0, Math.max(0, MAX_CELL_TEXT - length));
    if (!text) break;
    length += text.length;
    const font = { name: SHEET_FONT, size: 10 };
    if (segment.kind === "removed") richText.push({ text, font: { ...font, strike: true, color: { argb: "FFB91C1C" } } });
    else if (segment.kind === "added") richText.push({ text, font: { ...font, underline: true, color: { argb: "FF047857" } } });
    else richText.push({ text, font });
  }
  return { richText };
}

function narrativeSheet(sheet: Worksheet, data: YearComparison) {
  const comparison = data.comparison!;
  const header = ["部分", "相同程度", `上年（${comparison.previousYear}年）`, `本年（${comparison.currentYear}年）`];
  [24, 16, 70, 70].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  note(sheet, "上年一栏中删去的文字标红并划去，本年一栏中新增的文字标绿并加下划线。", header.length);
  const head = sheet.addRow(header);
  head.eachCell((cell) => style(cell, { header: true, align: "center" }));
  for (const narrative of data.narratives) {
    const row = sheet.addRow([narrative.title, similarityText(narrative), "", ""]);
    row.getCell(3).value = richSide(narrative.segments, "previous");
    row.getCell(4).value = richSide(narrative.segments, "current");
    row.eachCell({ includeEmpty: true }, (cell) => style(cell));
    const longest = Math.max(narrative.previous.length, narrative.current.length);
    const lines = longest / 40 + (narrative.previous.match(/\n/g)?.length ?? 0);
    row.height = Math.min(409, Math.max(18, 14 * Math.ceil(lines)));
  }
  sheet.views = [{ state: "frozen", ySplit: head.number }];
  sheet.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

export async function comparisonXlsx(data: YearComparison): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new Workbook();
  workbook.creator = "年报 nianbao";
  workbook.created = new Date();
  cellSheet(workbook.addWorksheet("单元格对比"), data);
  narrativeSheet(workbook.addWorksheet("文字对比"), data);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
