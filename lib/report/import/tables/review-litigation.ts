/**
 * Table 四 — 行政复议、行政诉讼: three groups (行政复议, 未经复议直接起诉, 复议后起诉) of five cells,
 * printed as one row of fifteen numbers under a two-level header, or as one row per group.
 */
import type { EditionId } from "../../editions";
import { layoutOf } from "../../layout";
import { cellPath, normalizeReviewLitigation } from "../../model";
import type { Cell, TableData } from "../../model";
import { candidate, matchLabel } from "../match";
import type { ImportLog, LabelCandidate } from "../match";
import type { RowBlock } from "../types";
import { matchKey } from "../text";
import { cellsUnderHeader, hasValues, placeValues, printedCells, readCell, rowKey, splitRow } from "./rows";

export const REVIEW_WORDS = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议", "复议后起诉"].map(matchKey);
const GROUP_KEYS: [string, string][] = [
  ["review", matchKey("行政复议")],
  ["litigationDirect", matchKey("未经复议直接起诉")],
  ["litigationAfterReview", matchKey("复议后起诉")],
];

/** The printed text of each cell, by group key then cell key. */
type PrintedCells = Map<string, Map<string, string | undefined>>;

export function readReviewLitigation(rows: RowBlock[], edition: EditionId, log: ImportLog): TableData {
  const layout = layoutOf(edition);
  const cellDefs = layout.edition.reviewLitigation.cells;
  const cellCandidates = cellDefs.map((c) => candidate(c.key, c.label));
  const headerRows: RowBlock[] = [];
  const printed: PrintedCells = new Map();
  for (const g of layout.reviewGroups) printed.set(g.key, new Map());
  let found = false;
  let valueRowsUsed = 0;
  // Groups whose row of numbers could not be placed (listed once), cells over two header columns.
  const unplacedGroups = new Set<string>();
  const unplacedCells = new Set<string>();

  for (const row of rows) {
    const key = rowKey(row);
    // Stryker disable next-line ConditionalExpression,StringLiteral: an empty row has no values and holds no header word, so it is skipped below all the same
    if (key === "") continue;
    if (!hasValues(row)) {
      if (REVIEW_WORDS.some((w) => key.includes(w))) headerRows.push(row);
      continue;
    }
    const parts = splitRow(printedCells(row));
    const group = parts.label ? reviewGroupOf(matchKey(parts.label), true) : undefined;
    if (group) {
      // One group per row (the table printed the other way round).
      const cells = headerOrder(headerRows, cellDefs).cells;
      // Stryker disable next-line StringLiteral: placeValues does not read a row's kind
      const placed = placeValues(row.grid ? { kind: "row", cells: printedCells(row), exact: true } : row, parts, cells.length);
      found = true;
      if ("unplaced" in placed) {
        log.unreadAt(`reviewLitigation.${group}`, `${placed.unplaced}（印出“${parts.values.join(" ")}”）`);
        unplacedGroups.add(group);
        continue;
      }
      cells.forEach((c, i) => printed.get(group)!.set(c, placed.values[i]));
      continue;
    }
    if (valueRowsUsed === 0 && placeByGridHeader(row, headerRows, cellCandidates, printed, unplacedCells) > 0) {
      found = true;
      valueRowsUsed++;
      continue;
    }
    if (valueRowsUsed > 0) {
      log.unreadAt("reviewLitigation", `表四多出的一行数字“${parts.values.join(" ")}”未读取`);
      continue;
    }
    const { groups, cells } = headerOrder(headerRows, cellDefs);
    const slots = groups.flatMap((g) => cells.map((c) => [g, c] as const));
    // Stryker disable next-line StringLiteral: placeValues does not read a row's kind
    const placed = placeValues(row.grid ? { kind: "row", cells: printedCells(row), exact: true } : row, parts, slots.length);
    found = true;
    valueRowsUsed++;
    if ("unplaced" in placed) {
      log.unreadAt("reviewLitigation", `表四${placed.unplaced}（印出“${parts.values.join(" ")}”）`);
      for (const g of groups) unplacedGroups.add(g);
      continue;
    }
    slots.forEach(([g, c], i) => printed.get(g)!.set(c, placed.values[i]));
  }

  const out: TableData = {};
  if (!found) {
    log.unreadAt("reviewLitigation", "未找到表四的数字，各单元格留空");
    return normalizeReviewLitigation(edition, out);
  }
  for (const g of layout.reviewGroups) {
    const cells: Record<string, Cell> = {};
    for (const c of cellDefs) {
      const path = cellPath("reviewLitigation", g.key, c.key);
      if (unplacedGroups.has(g.key) && !printed.get(g.key)!.has(c.key)) cells[c.key] = null;
      else if (unplacedCells.has(path)) {
        log.unreadAt(path, "该处的数字跨两列印出，无法确定属于哪一列，未读取");
        cells[c.key] = null;
      } else {
        // Stryker disable next-line StringLiteral: readCell tells only "amount" apart; any other kind reads a count.
        cells[c.key] = readCell(printed.get(g.key)!.get(c.key), path, "count", log);
      }
    }
    out[g.key] = cells;
  }
  return normalizeReviewLitigation(edition, out);
}

/** The group a label (or a header path) names; with `only`, undefined when it names more than one (a header). */
function reviewGroupOf(key: string, only = false): string | undefined {
  const direct = key.includes(matchKey("未经复议")) || key.includes(matchKey("直接起诉"));
  const after = key.includes(matchKey("复议后"));
  const review = key.includes(matchKey("行政复议"));
  if (only && [direct, after, review].filter(Boolean).length > 1) return undefined;
  if (direct) return "litigationDirect";
  if (after) return "litigationAfterReview";
  if (review) return "review";
  return undefined;
}

/** Group order and cell order as the header prints them (standard order where it does not say). */
function headerOrder(headerRows: RowBlock[], cellDefs: { key: string; label: string }[]) {
  const text = headerRows.map(rowKey).join("");
  const pos = (k: string) => {
    const i = text.indexOf(k);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const groups = [...GROUP_KEYS].sort((a, b) => pos(a[1]) - pos(b[1])).map(([g]) => g);
  const cells = [...cellDefs].sort((a, b) => pos(matchKey(a.label)) - pos(matchKey(b.label))).map((c) => c.key);
  return { groups, cells };
}

/**
 * A value row of a kept grid: each value placed in the group and cell its grid column's header names.
 * How many values were placed (0 when the row's table printed no header).
 */
function placeByGridHeader(
  row: RowBlock,
  headerRows: RowBlock[],
  cellCandidates: LabelCandidate[],
  printed: PrintedCells,
  unplacedCells: Set<string>,
): number {
  const grid = row.grid;
  // Stryker disable next-line ArrayDeclaration: without a grid the function returns below before reading the header
  const gridHeader = grid ? headerRows.filter((r) => r.grid?.table === grid.table) : [];
  if (!grid || gridHeader.length === 0) return 0;
  // Grid column of each group.cell its header names.
  const columns = new Map<string, number>();
  grid.filled.forEach((_, j) => {
    const path = gridHeader.map((r) => matchKey(r.grid!.filled[j] ?? ""));
    // Stryker disable next-line StringLiteral: a header cell is a whole word, so no group word runs across two of them however they are joined
    const g = reviewGroupOf(path.join("|"));
    const leaf = path[path.length - 1];
    const c = matchLabel(leaf, cellCandidates, { exactOnly: true });
    if (g && c && !columns.has(`${g}.${c.key}`)) columns.set(`${g}.${c.key}`, j);
  });
  // Stryker disable next-line ConditionalExpression: with no columns cellsUnderHeader places nothing and lists nothing, so 0 is returned all the same
  if (columns.size === 0) return 0;
  const { byColumn, unplaced } = cellsUnderHeader(row, columns);
  for (const [path, text] of byColumn) {
    const [g, c] = path.split(".");
    printed.get(g)!.set(c, text);
  }
  for (const path of unplaced) unplacedCells.add(`reviewLitigation.${path}`);
  return byColumn.size + unplaced.length;
}
