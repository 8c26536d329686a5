/**
 * DOCX in the usual 公文 layout: A4, margins 37 / 35 / 28 / 26 mm (top / bottom / left / right), title in
 * 方正小标宋简体 二号, body in 仿宋 三号 (16 pt) on a fixed 28 pt line, section headings in 黑体,
 * sub-headings run in at the start of their first paragraph in bold 楷体, tables in 宋体 五号 (10.5 pt),
 * page numbers 「— 1 —」 at the foot, 「草稿」 in the header of a report that is not approved.
 *
 * DOCX names one font per script in a run: the official Chinese names are used, and a machine without
 * them substitutes its own (LibreOffice on Linux: Noto CJK).
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { Report } from "../model";
import { buildExportDocument } from "./document";
import type { ExportBlock, ExportCell, ExportDocument, ExportOptions, ExportRow, ExportTable } from "./document";

const FONT = {
  title: "方正小标宋简体",
  body: "仿宋",
  heading: "黑体",
  subheading: "楷体",
  table: "宋体",
  latin: "Times New Roman",
} as const;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, footer: 28, table: 21 } as const;

const mm = (n: number) => Math.round((n * 1440) / 25.4);
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(25) };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** 28 pt fixed line (22 lines a page), first line indented two characters of 三号. */
const LINE = 560;
const INDENT_2CH = 2 * 16 * 20;

const fonts = (eastAsia: string) => ({ ascii: FONT.latin, hAnsi: FONT.latin, eastAsia, cs: FONT.latin });

const STYLES = {
  default: {
    document: {
      run: { font: fonts(FONT.body), size: SIZE.body, language: { value: "en-US", eastAsia: "zh-CN" } },
      paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
    },
  },
  paragraphStyles: [
    {
      id: "ReportBody",
      name: "正文（报告）",
      run: { font: fonts(FONT.body), size: SIZE.body },
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT_2CH } },
    },
    {
      id: "ReportTitle",
      name: "标题（报告）",
      run: { font: fonts(FONT.title), size: SIZE.title },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { line: 800, lineRule: LineRuleType.EXACT, after: LINE },
        keepNext: true,
      },
    },
    {
      id: "ReportHeading",
      name: "一级标题（报告）",
      run: { font: fonts(FONT.heading), size: SIZE.body },
      paragraph: { indent: { firstLine: INDENT_2CH }, keepNext: true, keepLines: true },
    },
    {
      id: "ReportTable",
      name: "表格文字（报告）",
      run: { font: fonts(FONT.table), size: SIZE.table },
      paragraph: { spacing: { line: 260, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
    },
  ],
};

/** The report as a DOCX file. */
export async function exportDocx(report: Report, options: ExportOptions): Promise<Uint8Array<ArrayBuffer>> {
  return renderDocx(buildExportDocument(report, options));
}

export async function renderDocx(doc: ExportDocument): Promise<Uint8Array<ArrayBuffer>> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ style: "ReportTitle", children: lines(titleLines(doc.title, doc.year).join("\n")) }),
  ];
  for (const text of doc.intro) children.push(body(text));
  let afterTable = false;
  for (const section of doc.sections) {
    children.push(
      new Paragraph({
        style: "ReportHeading",
        spacing: afterTable ? { before: LINE / 2 } : undefined,
        children: [new TextRun(section.heading)],
      }),
    );
    afterTable = false;
    for (const block of section.blocks) {
      children.push(...renderBlock(block));
      afterTable = block.kind === "table";
    }
  }
  children.push(new Paragraph({ children: [] }), ...signature(doc.agency, doc.date));

  const document = new Document({
    creator: doc.agency,
    title: doc.title,
    description: doc.draft ? `${doc.title}（草稿）` : doc.title,
    styles: STYLES,
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: MARGIN,
          },
        },
        headers: doc.draft ? { default: draftHeader() } : undefined,
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  const buffer = await Packer.toArrayBuffer(document);
  return new Uint8Array(buffer);
}

function renderBlock(block: ExportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case "paragraph":
      return [body(block.text)];
    case "subsection": {
      // Run-in heading: 「（一）主动公开情况。」 in bold 楷体, then the first paragraph on the same line.
      const [first, ...rest] = block.paragraphs;
      const lead = new TextRun({
        text: first === undefined ? block.heading : runInHeading(block.heading),
        bold: true,
        font: fonts(FONT.subheading),
      });
      return [
        new Paragraph({ style: "ReportBody", children: [lead, ...lines(first ?? "")] }),
        ...rest.map((text) => body(text)),
      ];
    }
    case "table":
      return [renderTable(block.table)];
  }
}

/** A run-in heading ends with 「。」 unless it already ends with a punctuation mark. */
function runInHeading(heading: string): string {
  return /[。．.！？!?：:；;]$/.test(heading) ? heading : `${heading}。`;
}

function body(text: string): Paragraph {
  return new Paragraph({ style: "ReportBody", children: lines(text) });
}

/** Text runs of a text with line breaks kept. */
function lines(text: string): TextRun[] {
  return text.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
}

/** Printed width in characters of 三号: CJK and full-width marks 1, Latin letters and digits ½. */
function ems(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return n;
}

/** Characters of 二号 on one line of the text width. */
const TITLE_LINE_EMS = Math.floor(CONTENT_WIDTH / (SIZE.title * 10));

/**
 * A title too long for one line is broken before 「{年份}年」 when both parts then fit, so that the
 * agency name stays whole (烟台市蓬莱区蓬莱阁街道 / 2020年政府信息公开工作年度报告).
 */
export function titleLines(title: string, year: number): string[] {
  if (ems(title) <= TITLE_LINE_EMS) return [title];
  const at = title.indexOf(`${year}年`);
  if (at <= 0) return [title];
  const parts = [title.slice(0, at), title.slice(at)];
  return parts.every((p) => ems(p) <= TITLE_LINE_EMS) ? parts : [title];
}

/**
 * The agency and the date at the end: the date four characters from the right margin with the agency
 * centred above it; an agency name longer than the date sits two characters from the margin with the
 * date centred below it (GB/T 9704).
 */
function signature(agency: string, date: string): Paragraph[] {
  const char = INDENT_2CH / 2;
  const a = ems(agency);
  const d = ems(date);
  const dateRight = date && a > d ? 2 + (a - d) / 2 : 4;
  const agencyRight = date && a <= d ? 4 + (d - a) / 2 : 2;
  const line = (text: string, right: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(right * char) },
      keepNext: true,
      children: [new TextRun(text)],
    });
  return date ? [line(agency, agencyRight), line(date, dateRight)] : [line(agency, agencyRight)];
}

function draftHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { line: 360, lineRule: LineRuleType.AT_LEAST },
        children: [new TextRun({ text: "草稿", font: fonts(FONT.heading), size: SIZE.footer, color: "C00000" })],
      }),
    ],
  });
}

function pageNumberFooter(): Footer {
  const run = { font: fonts("宋体"), size: SIZE.footer };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 360, lineRule: LineRuleType.AT_LEAST },
        children: [new TextRun({ ...run, children: ["— ", PageNumber.CURRENT, " —"] })],
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------------
// Tables

/** Column widths in twips, scaled to the text width; the last column takes the rounding. */
function twips(weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * CONTENT_WIDTH));
  widths[widths.length - 1] += CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function renderTable(table: ExportTable): Table {
  // Every row is kept with the next, so a table that fits on a page is never split (a longer one
  // breaks where it must, its column headers repeated).
  const all = [...table.head, ...table.bodies.flat()];
  const rows = all.map((row, i) =>
    tableRow(row, { tableHeader: i < table.head.length || undefined, keepNext: i < all.length - 1 }),
  );
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: twips(table.columnWidths),
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: 40, right: 40, top: 28, bottom: 28 },
    rows,
  });
}

function tableRow(row: ExportRow, options: { tableHeader?: boolean; keepNext?: boolean }): TableRow {
  return new TableRow({
    cantSplit: true,
    tableHeader: options.tableHeader,
    keepNext: options.keepNext || undefined,
    children: row.map(tableCell),
  });
}

function tableCell(cell: ExportCell): TableCell {
  return new TableCell({
    columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
    rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        style: "ReportTable",
        alignment: cell.align === "left" ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: lines(cell.text),
      }),
    ],
  });
}
