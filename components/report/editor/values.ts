import { computeTotals, parseCellPath, type Cell, type Report, type TableKey } from "@/lib/report/model";
import { layoutOf } from "@/lib/report/layout";
import { isTableKey } from "@/lib/report/paths";
import type { Acknowledgement } from "@/lib/report/rules";
import type { TableNotes } from "@/lib/report/table-notes";

/**
 * What the form holds: the report with every table 二 row present (so a row switched off and on again
 * keeps its numbers), which of those rows apply, the notes under the tables, and warning acknowledgements.
 */
export type EditorValues = {
  report: Report;
  applicable: Record<string, boolean>;
  tableNotes: TableNotes;
  acknowledgements: Acknowledgement[];
};

/** The form field of a table cell. */
export type CellField = `report.${TableKey}.${string}.${string}`;

/** The form field of a table cell path (`requests.granted.total` → `report.requests.granted.total`). */
export function cellField(path: string): CellField {
  const { table, row, cell } = parseCellPath(path);
  if (!isTableKey(table) || !row || !cell) throw new Error(`not a table cell path: ${path}`);
  return `report.${table}.${row}.${cell}`;
}

/** What is saved: the report as the interchange model, with totals computed. */
export type EditorPayload = { content: Report; acknowledgements: Acknowledgement[]; tableNotes: TableNotes };

export function toEditorValues(report: Report, acknowledgements: Acknowledgement[], tableNotes: TableNotes): EditorValues {
  const layout = layoutOf(report.edition);
  const activeDisclosure = { ...report.activeDisclosure };
  const applicable: Record<string, boolean> = {};
  for (const row of layout.adRows) {
    applicable[row.key] = row.key in report.activeDisclosure;
    activeDisclosure[row.key] ??= Object.fromEntries(row.columns.map((column) => [column.key, null]));
  }
  return { report: { ...report, activeDisclosure }, applicable, tableNotes, acknowledgements };
}

/**
 * The report the values stand for. While editing, totals are computed from their parts; a read-only
 * report (submitted, approved, imported) shows its totals as stored, mistakes included.
 */
export function toReport(values: EditorValues, computeTotalsFromParts = true): Report {
  const activeDisclosure: Report["activeDisclosure"] = {};
  for (const [rowKey, row] of Object.entries(values.report.activeDisclosure)) {
    if (values.applicable[rowKey]) activeDisclosure[rowKey] = row;
  }
  // An emptied date field is no date (the interchange file has no empty dates).
  const report = { ...values.report, activeDisclosure, date: values.report.date || undefined };
  if (report.date === undefined) delete report.date;
  return computeTotalsFromParts ? computeTotals(report) : report;
}

/**
 * The report with one cell's figure replaced and its totals computed again: what a keystroke in a cell makes of
 * the report on screen, without rebuilding it from the whole form.
 */
export function withCell(report: Report, path: string, value: Cell): Report {
  const [table, row, cell] = cellField(path).split(".").slice(1) as [TableKey, string, string];
  const rows = report[table];
  return computeTotals({ ...report, [table]: { ...rows, [row]: { ...rows[row], [cell]: value } } });
}

export function toPayload(values: EditorValues, report: Report = toReport(values)): EditorPayload {
  return {
    content: report,
    acknowledgements: values.acknowledgements.filter((ack) => ack.reason.trim() !== ""),
    tableNotes: values.tableNotes,
  };
}
