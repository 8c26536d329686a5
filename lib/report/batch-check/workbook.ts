/**
 * A checked batch of published reports as an XLSX workbook (exceljs), for the command line's --xlsx and
 * the county page's download:
 * - 汇总: one row per file — agency, year, edition, cells read and printed, errors, warnings, infos, rules —
 *   or, for a file that could not be read, the reason;
 * - 问题: one row per finding — file, agency, year, severity, rule, place, cells, message.
 */
import { Workbook } from "exceljs";
import type { Worksheet } from "exceljs";
import { batchTotals, rulesText } from "./index";
import type { CheckEntry } from "./index";
import type { Severity } from "../rules";

export const BATCH_WORKBOOK_NAME = "已发布报告检查结果.xlsx";
export const BATCH_WORKBOOK_ASCII_NAME = "published-reports-check.xlsx";

/** 错误, 提醒, or 提示 for a finding that only informs. */
export function severityLabel(severity: Severity): string {
  return severity === "error" ? "错误" : severity === "warning" ? "提醒" : "提示";
}

interface ColumnSpec {
  header: string;
  width: number;
}

function sheetWithHeader(workbook: Workbook, name: string, columns: ColumnSpec[]): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F5F9" } };
  header.alignment = { vertical: "middle", wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

export async function batchWorkbook(entries: CheckEntry[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new Workbook();
  workbook.creator = "年报 nianbao";
  workbook.created = new Date();

  const summary = sheetWithHeader(workbook, "汇总", [
    { header: "序号", width: 6 },
    { header: "文件", width: 40 },
    { header: "机关", width: 32 },
    { header: "年度", width: 7 },
    { header: "格式版本", width: 12 },
    { header: "读取的单元格", width: 10 },
    { header: "印出的单元格", width: 10 },
    { header: "错误", width: 7 },
    { header: "提醒", width: 7 },
    { header: "提示", width: 7 },
    { header: "问题（按规则）", width: 40 },
    { header: "未能读取之处", width: 10 },
    { header: "对照的上年报告", width: 30 },
    { header: "说明", width: 50 },
  ]);
  entries.forEach((e, i) => {
    if (!e.ok) {
      summary.addRow([i + 1, e.file, "", "", "", "", "", "", "", "", "", "", "", `无法读取：${e.reason}`]).getCell(14).font = {
        color: { argb: "FFB91C1C" },
      };
      return;
    }
    summary.addRow([
      i + 1,
      e.file,
      e.agency || "（未找到机关名称）",
      e.year,
      `${e.edition}年版`,
      e.cells.read,
      e.cells.printed,
      e.errors,
      e.warnings,
      e.infos,
      rulesText(e),
      e.unread,
      e.previousFile ?? "",
      "",
    ]);
  });
  const totals = batchTotals(entries);
  summary.addRow([]);
  summary.addRow([
    "",
    `共 ${totals.files} 个文件：已检查 ${totals.checked} 个，无法读取 ${totals.unreadable} 个；错误 ${totals.errors} 个，提醒 ${totals.warnings} 个${
      totals.infos > 0 ? `，提示 ${totals.infos} 个` : ""
    }。`,
  ]).font = { bold: true };

  const findings = sheetWithHeader(workbook, "问题", [
    { header: "文件", width: 36 },
    { header: "机关", width: 30 },
    { header: "年度", width: 7 },
    { header: "严重程度", width: 8 },
    { header: "规则", width: 16 },
    { header: "位置", width: 36 },
    { header: "单元格", width: 36 },
    { header: "说明", width: 80 },
  ]);
  for (const e of entries) {
    if (!e.ok) continue;
    for (const f of e.findings) {
      const row = findings.addRow([e.file, e.agency, e.year, severityLabel(f.severity), f.rule, f.place, f.cells.join(", "), f.message]);
      row.getCell(8).alignment = { wrapText: true, vertical: "top" };
    }
  }

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
