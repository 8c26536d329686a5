/** What the readers of the three tables share: splitting a printed row, and reading a printed cell. */
import type { CellKind } from "../../editions";
import type { Cell } from "../../model";
import { joinPieces, trimTrailing } from "../blocks";
import type { ImportLog } from "../match";
import type { RowBlock } from "../types";
import { isValueLike, matchKey, readValue, yuanToWan } from "../text";

export interface RowParts {
  /** All label cells joined (headings printed before the row's own label included). */
  label: string;
  /** The last label cell: the row's own label. */
  own: string;
  /** Cells from the first number or placeholder on; trailing empty cells dropped. */
  values: string[];
  /** Cells after the label cells, as printed (for tables whose grid is kept). */
  afterLabel: string[];
}

/** Splits a row into its label (leading text cells, empty cells skipped) and its value cells. */
export function splitRow(cells: string[]): RowParts {
  const labels: string[] = [];
  let i = 0;
  let lastLabel = -1;
  while (i < cells.length && !isValueLike(cells[i])) {
    if (cells[i] !== "") {
      labels.push(cells[i]);
      lastLabel = i;
    }
    i++;
  }
  const values = trimTrailing(cells.slice(i));
  return { label: joinPieces(labels), own: labels[labels.length - 1] ?? "", values, afterLabel: cells.slice(lastLabel + 1) };
}

/** The row's text as one key (matchKey of all its cells): "" for an empty row. */
export function rowKey(row: RowBlock): string {
  return matchKey(row.cells.join(""));
}

/** Whether any cell of the row is a number or a placeholder (/, —). */
export function hasValues(row: RowBlock): boolean {
  return row.cells.some(isValueLike);
}

/**
 * A printed cell as stored: a number (元 converted to 万元 in amount cells), else null with the
 * reason listed. `raw` undefined: the cell was not printed at all.
 */
export function readCell(raw: string | undefined, path: string, kind: CellKind, log: ImportLog, yuanColumn = false): Cell {
  if (raw === undefined) {
    log.unreadAt(path, "单元格为空或未印出");
    return null;
  }
  const v = readValue(raw);
  switch (v.kind) {
    case "empty":
      log.unreadAt(path, "单元格为空");
      return null;
    case "placeholder":
      log.unreadAt(path, `印为“${v.text}”，按空白处理`);
      return null;
    case "text":
      log.unreadAt(path, `内容“${v.text}”不是数字，未读取`);
      return null;
    case "number":
      log.cellRead(path);
      if (kind === "amount" && (v.unit === "元" || (yuanColumn && v.unit !== "万元"))) {
        const wan = yuanToWan(v.value);
        log.note(`${log.label(path)}印为“${v.text}”${v.unit ? "" : "（单位：元）"}，已由元换算为 ${wan} 万元。`);
        return wan;
      }
      return v.value;
  }
}

/** Where the values of a row go: the printed text of each expected column in order, or why they cannot be placed. */
export type Placement = { values: (string | undefined)[] } | { unplaced: string };

/**
 * The printed values of a row off the grid, placed on `expected` columns in order. The values are
 * those from the first number on, or (`afterLabel`, and in an `exact` row) every cell after the label,
 * an empty one there being a blank value. Never a guess:
 * - as many value cells as columns (blank cells among them included): in order;
 * - as many once the empty cells are left out (they were fillers of merged cells): those, in order;
 * - in a row that marks its blank cells (tabs, pipes; not `covered`) with an empty cell right after the
 *   label: every cell after the label, in order, when there are as many as columns (that cell is a
 *   blank value, not a filler of the label);
 * - fewer, in a row that marks its blank cells with nothing left out before its first number: in
 *   order, the rest blank (a 总计 printed blank);
 * - otherwise none: which number stands in which column cannot be told.
 */
export function placeValues(row: RowBlock, parts: RowParts, expected: number, options: { afterLabel?: boolean } = {}): Placement {
  const fromLabel = row.exact || options.afterLabel;
  const slots = fromLabel ? trimTrailing(parts.afterLabel) : parts.values;
  if (slots.length === expected) return { values: slots };
  const gap = !fromLabel && parts.afterLabel[0] === "";
  if (gap && !row.loose && !row.covered) {
    const printed = parts.afterLabel.length === expected ? parts.afterLabel : trimTrailing(parts.afterLabel);
    if (printed.length === expected) return { values: printed };
  }
  const filled = slots.filter((v) => v !== "");
  if (!row.exact && filled.length === expected) return { values: filled };
  // Stryker disable next-line EqualityOperator: as many slots as columns returned above, so < and <= agree here
  if (slots.length < expected && !row.loose && !gap) {
    return { values: [...slots, ...Array<undefined>(expected - slots.length).fill(undefined)] };
  }
  const unmarked = row.loose || gap ? "，空白单元格没有留下位置" : "";
  return { unplaced: `该行印出 ${filled.length} 个数字，表格有 ${expected} 列${unmarked}，无法确定各数字所在的列，未读取` };
}

/** The cells of a row as printed, a merged cell once: on a kept grid the cells that start in this row. */
export function printedCells(row: RowBlock): string[] {
  const grid = row.grid;
  if (!grid) return row.cells;
  return row.cells.filter((_, j) => grid.starts[j] === j);
}

/**
 * The printed cell under each header column (key → grid column) in a row of a kept grid, and the
 * label cells before them. A table whose cells span other columns from row to row than its header
 * (the first number over two columns) does not line up with it: the row's cells over the header
 * columns are taken in order when there are as many of them as header columns; else each header
 * column takes the cell over it when that cell lies over no other header column, and a cell over two
 * is placed in neither (`unplaced`).
 */
export function cellsUnderHeader(
  row: RowBlock,
  columns: Map<string, number>,
): { labels: string[]; byColumn: Map<string, string>; unplaced: string[] } {
  const grid = row.grid!;
  const first = Math.min(...columns.values());
  const spanEnd = (start: number) => {
    let end = start;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: past the grid grid.starts[end + 1] is undefined, never a start, so the bound changes nothing
    while (end + 1 < grid.starts.length && grid.starts[end + 1] === start) end++;
    return end;
  };
  // Stryker disable next-line ArrayDeclaration: a string in place of [] has no end, so neither filter below keeps it
  const origins = row.cells.flatMap((text, j) => (grid.starts[j] === j ? [{ start: j, end: spanEnd(j), text }] : []));
  const labels = origins.filter((o) => o.end < first && o.text !== "").map((o) => o.text);
  const values = origins.filter((o) => o.end >= first);
  const ordered = [...columns.entries()].sort((a, b) => a[1] - b[1]);
  const byColumn = new Map<string, string>();
  const unplaced: string[] = [];
  if (values.length === ordered.length) {
    ordered.forEach(([key], i) => byColumn.set(key, values[i].text));
    return { labels, byColumn, unplaced };
  }
  const headerColumns = new Set(columns.values());
  for (const [key, j] of ordered) {
    const start = grid.starts[j];
    if (start < 0) {
      byColumn.set(key, "");
      continue;
    }
    let over = 0;
    for (let c = start; c <= spanEnd(start); c++) if (headerColumns.has(c)) over++;
    if (over === 1) byColumn.set(key, row.cells[start]);
    else unplaced.push(key);
  }
  return { labels, byColumn, unplaced };
}
