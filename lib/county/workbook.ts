/**
 * The county figures as an XLSX workbook (exceljs):
 * - 汇总: the combined tables 二, 三 and 四 in the official layout, drawn from the export model
 *   (lib/report/export/document.ts), merged header cells as there; the balance findings of the sum;
 * - 各机关: one row per summed agency, one column per cell of tables 二, 三 and 四 labelled in Chinese,
 *   and a 合计 row;
 * - 未报送: the agencies whose report is not in the sum, with their status or the reason.
 */
import { Workbook } from "exceljs";
import type { Borders, Cell as SheetCell, Worksheet } from "exceljs";
import { agencyLevelLabels } from "@/lib/labels";
import { cellValue, tableCellColumns } from "@/lib/report/aggregate";
import { getEdition } from "@/lib/report/editions";
import { buildExportDocument, toGrid } from "@/lib/report/export/document";
import type { ExportTable, GridSlot } from "@/lib/report/export/document";
import { labelText } from "@/lib/report/model";
import type { Report, TableKey } from "@/lib/report/model";
import type { Executor } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import type { UserProfile } from "@/db/queries/users";
import { loadCountyFigures, type CountyFigures } from "@/lib/county/figures";
import { decideAccount } from "@/lib/permissions";
import { recordRefusal } from "@/lib/refusals";
import { aggregateTitle } from "@/lib/report/aggregate";
import { safeFileName } from "@/lib/report/export/document";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const FONT = "宋体";
const thin = { style: "thin" as const, color: { argb: "FF808080" } };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFF1F5F9" } };
/** 本年增/减 with its sign, as printed (+19, -417). */
const SIGNED_FORMAT = "+0;-0;0";

export type WorkbookDownload =
  | { ok: true; body: Uint8Array<ArrayBuffer>; fileName: string; asciiFileName: string }
  | { ok: false; status: 403 | 404; message: string };

/**
 * An office admin's roll-up XLSX of a year, of its own office or of an office below it: permission checked
 * (refusals audited), the download audited.
 */
export async function countyWorkbookDownload(
  db: Executor,
  actor: UserProfile,
  year: number,
  officeId: number = actor.agencyId,
): Promise<WorkbookDownload> {
  const permitted = decideAccount(actor, "viewCountyFigures");
  if (!permitted.ok) {
    recordRefusal(db, actor, "下载汇总表", permitted.reason, null);
    return { ok: false, status: 403, message: permitted.reason };
  }
  const figures = loadCountyFigures(db, actor, year, officeId);
  if (!figures) {
    const reason = "找不到该政务公开办，或不在您管理的范围内。";
    recordRefusal(db, actor, "下载汇总表", `${reason}（编号 ${officeId}）`, null);
    return { ok: false, status: 404, message: reason };
  }
  const body = await countyWorkbook(figures);
  recordAudit(db, {
    action: "report-downloaded",
    userId: actor.id,
    username: actor.username,
    agencyId: actor.agencyId,
    detail: "county-xlsx",
  });
  return {
    ok: true,
    body,
    fileName: `${safeFileName(aggregateTitle(figures.county.trim(), year))}.xlsx`,
    asciiFileName: `county-report-${year}.xlsx`,
  };
}

export async function countyWorkbook(figures: CountyFigures): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new Workbook();
  workbook.creator = "年报 nianbao";
  workbook.created = new Date();
  summarySheet(workbook.addWorksheet("汇总"), figures);
  agencySheet(workbook.addWorksheet("各机关"), figures);
  missingSheet(workbook.addWorksheet("未报送"), figures);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Display width of a 10 pt text in spreadsheet characters (a CJK character counts 1.6). */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0000-\u00ff]/.test(ch) ? 1 : 1.6;
  return width;
}

function style(cell: SheetCell, options: { header?: boolean; align?: "left" | "center"; bold?: boolean } = {}) {
  cell.font = { name: FONT, size: 10, bold: options.bold };
  cell.border = BORDER;
  cell.alignment = { vertical: "middle", horizontal: options.align ?? "center", wrapText: true };
  if (options.header) cell.fill = HEADER_FILL;
}

// ---------------------------------------------------------------------------------------------------
// 汇总

function summarySheet(sheet: Worksheet, figures: CountyFigures) {
  const combined = figures.aggregate.report;
  const doc = buildExportDocument(combined, { draft: false });
  const tables = doc.sections.flatMap((section) =>
    section.blocks.flatMap((block) => (block.kind === "table" ? [{ heading: section.heading, grid: gridOf(block.table) }] : [])),
  );
  const width = Math.max(...tables.map(({ grid }) => grid[0].length));
  const widths = columnWidths(tables.map(({ grid }) => grid), width);
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const total = sum(widths);

  const title = sheet.addRow([doc.title]);
  title.getCell(1).font = { name: FONT, size: 14, bold: true };
  title.height = 22;
  sheet.mergeCells(title.number, 1, title.number, width);
  note(
    sheet,
    `共 ${figures.agencies.length} 个机关，已批准并计入汇总 ${figures.summed.length} 个，未计入 ${figures.missing.length} 个（见「未报送」）。` +
      "各表为已批准报告逐格相加，合计数按各机关填报的数字相加。",
    width,
    total,
  );
  if (figures.aggregate.findings.length > 0) {
    note(sheet, "汇总表不平衡：", width, total, true);
    for (const finding of figures.aggregate.findings) note(sheet, finding.message, width, total);
  }

  for (const { heading, grid } of tables) {
    sheet.addRow([]);
    const headingRow = sheet.addRow([heading]);
    headingRow.getCell(1).font = { name: FONT, size: 11, bold: true };
    drawTable(sheet, grid, combined, widths);
  }
  sheet.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/** Row height (points) for text wrapped in `width` characters: 14 points a line. */
function wrappedHeight(text: string, width: number): number {
  return 14 * Math.max(1, Math.ceil(textWidth(text) / Math.max(1, width - 1)));
}

function note(sheet: Worksheet, text: string, columns: number, width: number, bold = false) {
  const row = sheet.addRow([text]);
  row.getCell(1).font = { name: FONT, size: 10, bold, color: bold ? { argb: "FFB91C1C" } : undefined };
  row.getCell(1).alignment = { wrapText: true, vertical: "top" };
  sheet.mergeCells(row.number, 1, row.number, columns);
  row.height = wrappedHeight(text, width);
}

function gridOf(table: ExportTable): GridSlot[][] {
  return toGrid([...table.head, ...table.bodies.flat()], table.columnWidths.length);
}

/** Column widths (characters) fitting the labels of single-column cells, at most 28; numbers 6. */
function columnWidths(grids: GridSlot[][][], columns: number): number[] {
  const widths: number[] = new Array(columns).fill(6);
  for (const grid of grids) {
    for (const slots of grid) {
      slots.forEach(({ cell, origin }, c) => {
        if (origin && cell.colSpan === 1 && !cell.path) widths[c] = Math.max(widths[c], Math.min(28, textWidth(cell.text) + 2));
      });
    }
  }
  return widths;
}

/** One export-model table at the next rows: every slot bordered, spans merged, numbers as numbers. */
function drawTable(sheet: Worksheet, grid: GridSlot[][], report: Report, widths: number[]) {
  const top = sheet.rowCount + 1;
  grid.forEach((slots, r) => {
    const row = sheet.getRow(top + r);
    let height = 14;
    slots.forEach((slot, c) => {
      const cell = row.getCell(c + 1);
      const source = slot.cell;
      style(cell, { header: source.isHeader, align: source.align });
      if (!slot.origin) return;
      cell.value = source.path ? cellValue(report, source.path) : source.text;
      if (source.path?.endsWith(".change")) cell.numFmt = SIGNED_FORMAT;
      const right = Math.min(c + source.colSpan, slots.length);
      if (source.rowSpan === 1) height = Math.max(height, wrappedHeight(source.text, sum(widths.slice(c, right))));
      if (source.colSpan > 1 || source.rowSpan > 1) {
        sheet.mergeCells(top + r, c + 1, Math.min(top + r + source.rowSpan - 1, top + grid.length - 1), right);
      }
    });
    row.height = height;
  });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------------
// 各机关

const TABLE_TITLES: Record<TableKey, (report: Report) => string> = {
  activeDisclosure: (r) => getEdition(r.edition).activeDisclosure.title,
  requests: (r) => getEdition(r.edition).requests.title,
  reviewLitigation: (r) => getEdition(r.edition).reviewLitigation.title,
};

/** Width (characters) of a cell's column in 各机关. */
const CELL_COLUMN_WIDTH = 18;

function agencySheet(sheet: Worksheet, figures: CountyFigures) {
  const combined = figures.aggregate.report;
  const columns = tableCellColumns(combined);
  const lead = ["机关", "层级"];
  const first = lead.length + 1;

  const groupRow = sheet.getRow(1);
  const labelRow = sheet.getRow(2);
  lead.forEach((text, i) => {
    groupRow.getCell(i + 1).value = text;
    sheet.mergeCells(1, i + 1, 2, i + 1);
  });
  columns.forEach((column, i) => {
    labelRow.getCell(first + i).value = labelText(combined.edition, column.path);
  });
  for (let i = 0; i < columns.length; ) {
    let j = i;
    while (j < columns.length && columns[j].table === columns[i].table) j++;
    groupRow.getCell(first + i).value = TABLE_TITLES[columns[i].table](combined);
    sheet.mergeCells(1, first + i, 1, first + j - 1);
    i = j;
  }
  for (const row of [groupRow, labelRow]) {
    for (let c = 1; c < first + columns.length; c++) style(row.getCell(c), { header: true, align: row === groupRow ? "left" : "center" });
  }
  labelRow.height = Math.max(...columns.map((column) => wrappedHeight(labelText(combined.edition, column.path), CELL_COLUMN_WIDTH)));

  const dataRow = (values: (string | number | null)[], bold = false) => {
    const row = sheet.addRow(values);
    for (let c = 1; c < first + columns.length; c++) {
      const cell = row.getCell(c);
      style(cell, { align: c < first ? "left" : "center", bold });
      if (c >= first && columns[c - first].path.endsWith(".change")) cell.numFmt = SIGNED_FORMAT;
    }
  };
  for (const agency of figures.summed) {
    const report = agency.report!;
    dataRow([
      agency.agencyName,
      agencyLevelLabels[agency.level],
      ...columns.map((column) => {
        const [, row] = column.path.split(".");
        if (column.table === "activeDisclosure" && report.activeDisclosure[row] === undefined) return "不适用";
        return cellValue(report, column.path);
      }),
    ]);
  }
  dataRow(["合计", "", ...columns.map((column) => cellValue(combined, column.path))], true);

  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 10;
  for (let i = 0; i < columns.length; i++) sheet.getColumn(first + i).width = CELL_COLUMN_WIDTH;
  sheet.views = [{ state: "frozen", xSplit: lead.length, ySplit: 2 }];
  sheet.pageSetup = { orientation: "landscape", paperSize: 9, printTitlesRow: "1:2", printTitlesColumn: "A:B" };
}

// ---------------------------------------------------------------------------------------------------
// 未报送

function missingSheet(sheet: Worksheet, figures: CountyFigures) {
  const header = sheet.addRow(["机关", "层级", "状态", "说明"]);
  header.eachCell((cell) => style(cell, { header: true }));
  if (figures.missing.length === 0) {
    const row = sheet.addRow(["各机关的报告均已批准并计入汇总。"]);
    sheet.mergeCells(row.number, 1, row.number, 4);
  }
  for (const agency of figures.missing) {
    const row = sheet.addRow([agency.agencyName, agencyLevelLabels[agency.level], agency.statusLabel, agency.reason ?? ""]);
    row.eachCell((cell) => style(cell, { align: "left" }));
  }
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 10;
  sheet.getColumn(3).width = 10;
  sheet.getColumn(4).width = 60;
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  sheet.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" };
}
