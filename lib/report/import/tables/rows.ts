/** What the readers of the three tables share: splitting a printed row, and reading a printed cell. */
import type { CellKind } from "../../editions";
import type { Cell } from "../../model";
import { joinPieces } from "../blocks";
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

/** The cells without the empty ones at the end. */
export function trimTrailing(values: string[]): string[] {
  const out = [...values];
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
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
      if (kind === "amount" && (v.unit === "元" || (yuanColumn && v.unit !== "万元"))) {
        const wan = yuanToWan(v.value);
        log.note(`${log.label(path)}印为“${v.text}”${v.unit ? "" : "（单位：元）"}，已由元换算为 ${wan} 万元。`);
        return wan;
      }
      return v.value;
  }
}
