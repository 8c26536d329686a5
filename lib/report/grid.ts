/**
 * The three statistics tables as grids of cells, in print order: what the form draws, where the arrow
 * keys go, and where a pasted block lands. Computed cells (totals) are in the grid so a block copied from
 * a full printed table lines up, but they are never written.
 */
import type { CellKind, Edition } from "./editions";
import { layoutOf } from "./layout";
import { cellPath, hasOtherApplicant, labelText, type Report, type TableKey } from "./model";
import { readCellInput } from "./cell-input";

export interface GridCell {
  path: string;
  kind: CellKind;
  /** Totals are computed from their parts and shown read-only. */
  computed: boolean;
}

export interface GridRow {
  key: string;
  cells: GridCell[];
}

export interface TableGrid {
  table: TableKey;
  rows: GridRow[];
}

/** Table 二: every row of the edition (applicable or not), its group's columns. */
export function activeDisclosureGrid(edition: Edition): TableGrid {
  return {
    table: "activeDisclosure",
    rows: layoutOf(edition.id).adRows.map((row) => ({
      key: row.key,
      cells: row.columns.map((column) => ({
        path: cellPath("activeDisclosure", row.key, column.key),
        kind: column.kind,
        computed: false,
      })),
    })),
  };
}

/** Table 三: data and total rows; the 总计 column and the （七）总计 row are computed. */
export function requestsGrid(edition: Edition, report: Pick<Report, "requests">): TableGrid {
  const layout = layoutOf(edition.id);
  const withOther = hasOtherApplicant(report.requests);
  const columns = edition.requests.columns.filter((column) => withOther || !column.optional);
  return {
    table: "requests",
    rows: layout.requestRows.map((row) => ({
      key: row.key,
      cells: columns.map((column) => ({
        path: cellPath("requests", row.key, column.key),
        kind: "count" as const,
        computed: layout.computedPaths.has(cellPath("requests", row.key, column.key)),
      })),
    })),
  };
}

/** Table 四: one row of 15 cells, as printed (行政复议, then the two 行政诉讼 groups). */
export function reviewLitigationGrid(edition: Edition): TableGrid {
  const { computedPaths } = layoutOf(edition.id);
  const cells: GridCell[] = [];
  for (const group of edition.reviewLitigation.groups) {
    for (const cell of edition.reviewLitigation.cells) {
      const path = cellPath("reviewLitigation", group.key, cell.key);
      cells.push({ path, kind: "count", computed: computedPaths.has(path) });
    }
  }
  return { table: "reviewLitigation", rows: [{ key: "all", cells }] };
}

export type PastePlan =
  | { ok: true; writes: { path: string; value: number | null }[] }
  | { ok: false; message: string };

/**
 * Where a pasted block goes, starting at a cell. Every value is read before anything is written: one bad
 * value refuses the whole paste, with a message naming the cell and the reason. Values landing on computed
 * cells are skipped; rows skip the ones the `skipRow` predicate names (table 二 rows that do not apply).
 */
export function planPaste(
  edition: Edition,
  grid: TableGrid,
  start: { row: number; column: number },
  block: string[][],
  skipRow: (rowKey: string) => boolean = () => false,
): PastePlan {
  const rows = grid.rows.filter((row) => !skipRow(row.key));
  const startRow = rows.findIndex((row) => row.key === grid.rows[start.row]?.key);
  if (startRow < 0) return { ok: false, message: "请先选中要粘贴到的单元格。" };
  if (startRow + block.length > rows.length) {
    return { ok: false, message: `粘贴的内容有 ${block.length} 行，超出了表格范围，未粘贴任何内容。` };
  }
  const writes: { path: string; value: number | null }[] = [];
  for (let r = 0; r < block.length; r++) {
    const row = rows[startRow + r];
    if (start.column + block[r].length > row.cells.length) {
      return { ok: false, message: `粘贴的内容有 ${block[r].length} 列，超出了表格范围，未粘贴任何内容。` };
    }
    for (let c = 0; c < block[r].length; c++) {
      const cell = row.cells[start.column + c];
      if (cell.computed) continue;
      const input = readCellInput(block[r][c], cell.kind);
      if (!input.ok) {
        return {
          ok: false,
          message: `${labelText(edition, cell.path)}：“${block[r][c].trim()}”${input.reason}，未粘贴任何内容。`,
        };
      }
      writes.push({ path: cell.path, value: input.value });
    }
  }
  return { ok: true, writes };
}
