/**
 * Small readers shared by the rule families: a table cell's value, that value in a sum and in a
 * message, a path's Chinese label, and blank text.
 */
import { labelText, roundSum } from "../model";
import type { Cell, TableData } from "../model";
import type { Emit, RuleContext } from "./types";

/** The value of a table cell; a missing row or cell is blank (null). */
export const cellAt = (table: TableData | undefined, row: string, cell: string): Cell => table?.[row]?.[cell] ?? null;

/** A cell's value in a sum: a blank counts as 0. */
export const blankAsZero = (c: Cell): number => c ?? 0;

/** A cell's value as printed in a message: 空白 for a blank. */
export const printedValue = (c: Cell): string => (c === null ? "空白" : String(c));

/** The Chinese label of a cell path or text field, quoted (「row」的「column」). */
export const labelOf = (ctx: RuleContext, path: string) => labelText(ctx.report.edition, path);

/** The path of a table 三 cell. */
export function requestCellPath(row: string, col: string) {
  return `requests.${row}.${col}`;
}

/** Sum of cells `keys` of `row` (blanks count as 0). */
export function sumOfRow(table: TableData, row: string, keys: string[]): number {
  let sum = 0;
  for (const k of keys) sum += blankAsZero(cellAt(table, row, k));
  return roundSum(sum);
}

/** Sum of cell `col` over `rows` (blanks count as 0). */
export function sumOfColumn(table: TableData, rows: string[], col: string): number {
  let sum = 0;
  for (const row of rows) sum += blankAsZero(cellAt(table, row, col));
  return roundSum(sum);
}

/** Emits a finding on the total cell `path` when its value (blank = 0) differs from `sum` of its parts. */
export function emitIfTotalDiffers(ctx: RuleContext, emit: Emit, path: string, total: Cell, sum: number, parts: string) {
  if (blankAsZero(total) !== sum) emit([path], `${labelOf(ctx, path)}为 ${printedValue(total)}，但${parts}合计为 ${sum}。`);
}

/** Whether a text field is missing or only spaces. */
export function isBlank(s: string | undefined): boolean {
  return s === undefined || s.trim() === "";
}
