/**
 * An office's roll-up as an XLSX workbook (exceljs), written as a stream so that thousands of agencies
 * neither hold the whole workbook in memory nor keep the server from answering others: reports are read
 * 50 at a time, each row is written out as it is made, and other requests are let through between batches
 * and whenever the work has gone on for 5 ms. Cells share one style object per look (exceljs then writes
 * each look once, not once per cell).
 * - 汇总: the combined tables 二, 三 and 四 in the official layout, drawn from the export model
 *   (lib/report/export/document.ts), merged header cells as there; the balance findings of the sum;
 * - 各机关: one row per summed agency, one column per cell of tables 二, 三 and 四 labelled in Chinese,
 *   and a 合计 row;
 * - 未报送: the agencies whose report is not in the sum, with their status or the reason.
 * The sum is the office's stored roll-up (lib/county/rollup.ts), the same numbers as the page shows.
 */
import { PassThrough, Readable, type Writable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { stream as excelStream } from "exceljs";
import type { Borders, Cell as SheetCell, Style, Worksheet } from "exceljs";
import { agencyLevelLabels } from "@/lib/labels";
import { balanceFindings, cellValue, tableCellColumns } from "@/lib/report/aggregate";
import { getEdition } from "@/lib/report/editions";
import { buildExportDocument, toGrid } from "@/lib/report/export/document";
import type { ExportTable, GridSlot } from "@/lib/report/export/document";
import { labelText } from "@/lib/report/model";
import type { Report, TableKey } from "@/lib/report/model";
import type { Finding } from "@/lib/report/rules";
import type { DatabaseLocation, Executor } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { listOfficeReports } from "@/db/queries/county";
import { findOfficeInScope, type OfficeRef } from "@/db/queries/offices";
import { listOfficesInSubtree } from "@/db/queries/rollups";
import type { UserProfile } from "@/db/queries/users";
import { standingInSum, type CountyAgencyFigures } from "@/lib/county/figures";
import { officeRollup, readApprovedFigures } from "@/lib/county/rollup";
import { editionForYear } from "@/lib/report/editions";
import { figureIndex, figurePlaces, reportFigures, type StoredFigure } from "@/lib/report/figures";
import { actorScope, decideAccount } from "@/lib/permissions";
import { recordRefusal } from "@/lib/refusals";
import { aggregateTitle } from "@/lib/report/aggregate";
import { safeFileName } from "@/lib/report/export/document";
import { tryReadStoredReport } from "@/lib/stored-report";
import { writeWorkbookInWorker } from "./workbook-thread";

/** How many reports' figures are read at a time. */
const BATCH = 500;
/** The longest the workbook works before letting other requests through (ms). */
const SLICE_MS = 5;

/** Lets other requests through when the current slice of work has lasted SLICE_MS. */
function timeSlicer() {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await nextTurn();
    sliceStart = performance.now();
  };
}

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const FONT = "宋体";
const thin = { style: "thin" as const, color: { argb: "FF808080" } };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFF1F5F9" } };
/** 本年增/减 with its sign, as printed (+19, -417). */
const SIGNED_FORMAT = "+0;-0;0";

export type WorkbookDownload =
  | { ok: true; body: ReadableStream<Uint8Array>; fileName: string; asciiFileName: string }
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
  /** The database `db` is, for a worker thread to open its own connection to and build the workbook there. */
  offThread?: DatabaseLocation,
): Promise<WorkbookDownload> {
  const permitted = decideAccount(actor, "viewCountyFigures");
  if (!permitted.ok) {
    await recordRefusal(db, actor, "下载汇总表", permitted.reason, null);
    return { ok: false, status: 403, message: permitted.reason };
  }
  const office = await findOfficeInScope(db, actorScope(actor), officeId);
  if (!office) {
    const reason = "找不到该政务公开办，或不在您管理的范围内。";
    await recordRefusal(db, actor, "下载汇总表", `${reason}（编号 ${officeId}）`, null);
    return { ok: false, status: 404, message: reason };
  }
  const body = countyWorkbookStream(db, office, year, offThread);
  await recordAudit(db, {
    action: "report-downloaded",
    userId: actor.id,
    username: actor.username,
    agencyId: actor.agencyId,
    detail: "county-xlsx",
  });
  return {
    ok: true,
    body,
    fileName: `${safeFileName(aggregateTitle(office.name.trim(), year))}.xlsx`,
    asciiFileName: `county-report-${year}.xlsx`,
  };
}

/** One agency's line in the workbook: 各机关 (summed) or 未报送 (not summed, with why). */
type WorkbookAgency = Pick<CountyAgencyFigures, "agencyId" | "agencyName" | "level" | "statusLabel" | "reason">;

/**
 * What the workbook is made of, read before its first byte: the sum and who is in it (no report content), and
 * the way to read the summed agencies' reports.
 */
export type WorkbookPlan = {
  county: string;
  year: number;
  combined: Report;
  findings: Finding[];
  agencyCount: number;
  summed: WorkbookAgency[];
  missing: WorkbookAgency[];
  /**
   * The summed agencies' figures (lib/report/figures.ts, in the order of the edition of `combined`), a batch at a
   * time, in the order of `summed`.
   */
  readFigures: (agencyIds: number[]) => Promise<Map<number, StoredFigure[]>>;
};

/** The office's roll-up and the agencies below it, split into summed and not, from stored sums. */
async function planWorkbook(db: Executor, office: OfficeRef, year: number): Promise<WorkbookPlan> {
  const scope = { userId: 0, agencyId: office.id, reach: "subtree" as const };
  const rollup = await officeRollup(db, office, year);
  // Every office below keeps the reasons its own agencies' approved reports were left out.
  const sums = [rollup];
  for (const below of await listOfficesInSubtree(db, office.id)) sums.push(await officeRollup(db, below, year));
  const skipped = new Map(sums.flatMap((sum) => sum.skipped.map((skip) => [skip.agencyId, skip.reason] as const)));
  const entries = standingInSum(await listOfficeReports(db, scope, office.id, year, { content: false }), skipped);
  const summed = entries.filter((agency) => agency.summed);
  const missing = entries.filter((agency) => !agency.summed);
  return {
    county: office.name,
    year,
    combined: rollup.report,
    findings: balanceFindings(rollup.report),
    agencyCount: entries.length,
    summed,
    missing,
    readFigures: figureReader(db, office.id, year),
  };
}

/**
 * Reads the figures of the office's approved reports of the year of some agencies (those in the sum), by agency:
 * as stored, or from the content of a report that has none stored yet (readApprovedFigures, which stores them).
 */
function figureReader(db: Executor, officeId: number, year: number): WorkbookPlan["readFigures"] {
  const scope = { userId: 0, agencyId: officeId, reach: "subtree" as const };
  const edition = editionForYear(year);
  const length = figurePlaces(edition).length;
  return async (agencyIds) => {
    const read = new Map<number, StoredFigure[]>();
    const entries = await listOfficeReports(db, scope, officeId, year, { agencyIds, figures: true });
    const unstored = entries.filter((entry) => {
      const figures = entry.report?.figures;
      // Written by reportFigures for the summed edition: used as they are, a million cells without a table built.
      if (entry.report?.edition !== edition || !Array.isArray(figures) || figures.length !== length) return true;
      read.set(entry.agencyId, figures as StoredFigure[]);
      return false;
    });
    for (const { entry, report } of await readApprovedFigures(db, unstored, year)) read.set(entry.agencyId, reportFigures(report));
    return read;
  };
}

/** Plan the workbook of an office's roll-up of a year (the stored sums, which it may store) and write it to `output`. */
export async function buildWorkbook(db: Executor, office: OfficeRef, year: number, output: Writable): Promise<void> {
  await writeWorkbook(await planWorkbook(db, office, year), output);
}

/**
 * The workbook of an office's roll-up as a stream of bytes, written while it is read: planned, read and
 * written in a worker thread with its own database connection when `offThread` says which database (this
 * thread only passes the bytes on), else here between other requests.
 */
function countyWorkbookStream(db: Executor, office: OfficeRef, year: number, offThread?: DatabaseLocation): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  // Written while the browser reads it: not awaited here, so the response starts before the last row is made.
  const onThread = () => {
    buildWorkbook(db, office, year, output).catch((error: unknown) => output.destroy(error as Error));
  };
  if (offThread) writeWorkbookInWorker({ office, year, database: offThread }, output, onThread);
  else onThread();
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

/** Write the workbook to `output`, letting the event loop through between batches of rows. */
export async function writeWorkbook(plan: WorkbookPlan, output: Writable): Promise<void> {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "年报 nianbao";
  workbook.created = new Date();
  // A streamed sheet's views and page setup are given when it is added: they are written before its rows.
  summarySheet(
    workbook.addWorksheet("汇总", { pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } }),
    plan,
  );
  await agencySheet(
    workbook.addWorksheet("各机关", {
      views: [{ state: "frozen", xSplit: 2, ySplit: 2 }],
      pageSetup: { orientation: "landscape", paperSize: 9, printTitlesRow: "1:2", printTitlesColumn: "A:B" },
    }),
    plan,
  );
  await missingSheet(
    workbook.addWorksheet("未报送", {
      views: [{ state: "frozen", ySplit: 1 }],
      pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
    }),
    plan,
  );
  await workbook.commit();
}

/** The number of the next row to write (a streamed sheet has no rowCount). */
function nextRowNumber(sheet: Worksheet): number {
  return (sheet.lastRow?.number ?? 0) + 1;
}

/** Display width of a 10 pt text in spreadsheet characters (a CJK character counts 1.6). */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0000-\u00ff]/.test(ch) ? 1 : 1.6;
  return width;
}

type CellStyleOptions = { header?: boolean; align?: "left" | "center"; bold?: boolean; signed?: boolean };

const sharedStyles = new Map<string, Partial<Style>>();

/**
 * One style object per look, shared by every cell that has it: exceljs writes a style it has seen before
 * (the same object) without working it out again, which is most of the time of a large sheet.
 */
function sharedStyle(options: CellStyleOptions): Partial<Style> {
  const key = JSON.stringify(options);
  let shared = sharedStyles.get(key);
  if (!shared) {
    shared = {
      font: { name: FONT, size: 10, bold: options.bold },
      border: BORDER,
      alignment: { vertical: "middle", horizontal: options.align ?? "center", wrapText: true },
      ...(options.header ? { fill: HEADER_FILL } : {}),
      ...(options.signed ? { numFmt: SIGNED_FORMAT } : {}),
    };
    sharedStyles.set(key, shared);
  }
  return shared;
}

function style(cell: SheetCell, options: CellStyleOptions = {}) {
  cell.style = sharedStyle(options);
}

// ---------------------------------------------------------------------------------------------------
// 汇总

function summarySheet(sheet: Worksheet, plan: WorkbookPlan) {
  const combined = plan.combined;
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
    `共 ${plan.agencyCount} 个机关，已批准并计入汇总 ${plan.summed.length} 个，未计入 ${plan.missing.length} 个（见「未报送」）。` +
      "各表为已批准报告逐格相加，合计数按各机关填报的数字相加。",
    width,
    total,
  );
  if (plan.findings.length > 0) {
    note(sheet, "汇总表不平衡：", width, total, true);
    for (const finding of plan.findings) note(sheet, finding.message, width, total);
  }

  for (const { heading, grid } of tables) {
    sheet.addRow([]);
    const headingRow = sheet.addRow([heading]);
    headingRow.getCell(1).font = { name: FONT, size: 11, bold: true };
    drawTable(sheet, grid, combined, widths);
  }
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
  const top = nextRowNumber(sheet);
  grid.forEach((slots, r) => {
    const row = sheet.getRow(top + r);
    let height = 14;
    slots.forEach((slot, c) => {
      const cell = row.getCell(c + 1);
      const source = slot.cell;
      style(cell, { header: source.isHeader, align: source.align, signed: source.path?.endsWith(".change") });
      if (!slot.origin) return;
      cell.value = source.path ? cellValue(report, source.path) : source.text;
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

async function agencySheet(sheet: Worksheet, plan: WorkbookPlan) {
  const combined = plan.combined;
  const columns = tableCellColumns(combined);
  const lead = ["机关", "层级"];
  const first = lead.length + 1;
  // A streamed sheet writes its columns with its first row: they are set first.
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 10;
  for (let i = 0; i < columns.length; i++) sheet.getColumn(first + i).width = CELL_COLUMN_WIDTH;

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

  groupRow.commit();
  labelRow.commit();

  // Worked out once per column, not once per cell (a county's sheet has over a million cells): each
  // column's style (one shared object per look) and where its value is in a report.
  const cellStyles = (bold: boolean) =>
    Array.from({ length: first + columns.length }, (_, i) =>
      i === 0 ? undefined : sharedStyle({ align: i < first ? "left" : "center", bold, signed: i >= first && columns[i - first].path.endsWith(".change") }),
    );
  const plainStyles = cellStyles(false);
  const index = figureIndex(combined.edition);
  const places = columns.map((column) => ({ at: index.get(column.path)!, notApplicable: column.table === "activeDisclosure" ? "不适用" : null }));
  const dataRow = (values: (string | number | null)[], styles = plainStyles) => {
    const row = sheet.addRow(values);
    for (let c = 1; c < styles.length; c++) row.getCell(c).style = styles[c]!;
    row.commit();
  };
  const yieldWhenDue = timeSlicer();
  for (let start = 0; start < plan.summed.length; start += BATCH) {
    const batch = plan.summed.slice(start, start + BATCH);
    const read = await plan.readFigures(batch.map((agency) => agency.agencyId));
    for (const agency of batch) {
      const figures = read.get(agency.agencyId);
      if (!figures) continue;
      const values: (string | number | null)[] = [agency.agencyName, agencyLevelLabels[agency.level]];
      // A cell the report does not have: a table 二 row not applicable to it, or table 三's optional column.
      for (const { at, notApplicable } of places) values.push(figures[at] === false ? notApplicable : figures[at]);
      dataRow(values);
      await yieldWhenDue();
    }
    await nextTurn();
  }
  dataRow(["合计", "", ...columns.map((column) => cellValue(combined, column.path))], cellStyles(true));
  sheet.commit();
}

// ---------------------------------------------------------------------------------------------------
// 未报送

async function missingSheet(sheet: Worksheet, plan: WorkbookPlan) {
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 10;
  sheet.getColumn(3).width = 10;
  sheet.getColumn(4).width = 60;
  const header = sheet.addRow(["机关", "层级", "状态", "说明"]);
  header.eachCell((cell) => style(cell, { header: true }));
  header.commit();
  if (plan.missing.length === 0) {
    const row = sheet.addRow(["各机关的报告均已批准并计入汇总。"]);
    sheet.mergeCells(row.number, 1, row.number, 4);
    row.commit();
  }
  for (const [index, agency] of plan.missing.entries()) {
    const row = sheet.addRow([agency.agencyName, agencyLevelLabels[agency.level], agency.statusLabel, agency.reason ?? ""]);
    row.eachCell((cell) => style(cell, { align: "left" }));
    row.commit();
    if (index % BATCH === BATCH - 1) await nextTurn();
  }
  sheet.commit();
}
