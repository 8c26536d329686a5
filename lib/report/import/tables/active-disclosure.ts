/**
 * Table 二 — 主动公开政府信息情况. Rows by their labels; values by the header row printed above them
 * (信息内容 | column labels) when it names every column of the row, else in the order printed.
 */
import type { CellKind, EditionId } from "../../editions";
import { layoutOf } from "../../layout";
import type { EditionLayout } from "../../layout";
import { cellPath } from "../../model";
import type { Cell, TableData } from "../../model";
import { joinPieces } from "../blocks";
import { candidate, matchLabel, quoted } from "../match";
import type { ImportLog, LabelCandidate, LabelMatch } from "../match";
import type { RowBlock } from "../types";
import { matchKey, readValue, similarity } from "../text";
import { hasValues, placeValues, printedCells, readCell, rowKey, splitRow } from "./rows";
import type { RowParts } from "./rows";

const GROUP_LABEL = /第二十条/;
const ROW_HEADER_KEY = matchKey("信息内容");

interface AdColumn {
  key: string;
  label: string;
  kind: CellKind;
  /** The label's key without its unit, as matched against a printed header. */
  core: string;
}

/** A header row as read: the column key of each printed value position, and the columns printed in 元. */
interface AdHeader {
  keys: (string | undefined)[];
  yuan: Set<string>;
}

export function readActiveDisclosure(rows: RowBlock[], edition: EditionId, log: ImportLog): TableData {
  const layout = layoutOf(edition);
  // Stryker disable next-line ConditionalExpression,StringLiteral: every row of the 2021 edition is one of 2019's (by key), so a 2019 report has no foreign rows whichever edition is asked
  const other: EditionId = edition === "2019" ? "2021" : "2019";
  const columns = adColumns(layout);
  const candidates: LabelCandidate[] = layout.adRows.map((r) =>
    r.key === "normativeDocuments" ? candidate(r.key, r.label, "规范性文件", "行政规范性文件") : candidate(r.key, r.label),
  );
  // Stryker disable next-line MethodExpression: a label naming a row both editions have is taken by the edition's own candidates first, so keeping those rows here changes nothing
  const foreignCandidates = layoutOf(other)
    .adRows.filter((r) => !layout.adRowByKey.has(r.key))
    .map((r) => candidate(r.key, r.label));

  const out: TableData = {};
  const seen = new Set<string>();
  let header: AdHeader | undefined;
  let pending = "";
  for (const row of rows) {
    if (rowKey(row) === "") continue;
    const isGroup = row.cells.some((c) => GROUP_LABEL.test(c));
    if (isGroup) header = undefined;
    if (isHeaderRow(row, columns)) {
      header = readAdHeader(printedCells(row), columns, log);
      // Stryker disable next-line StringLiteral: any text that is no row's label joined to the next label names no row exactly either, as "" does
      pending = "";
      continue;
    }
    if (isGroup) {
      // Stryker disable next-line StringLiteral: any text that is no row's label joined to the next label names no row exactly either, as "" does
      pending = "";
      continue;
    }
    const parts = splitRow(printedCells(row));
    const { match, label } = matchAdRow(parts, pending, candidates);
    pending = "";
    if (!match) {
      if (matchLabel(label, foreignCandidates, { exactOnly: true })) {
        log.unreadAt("activeDisclosure", `${other}年版格式的行${quoted(label)}不属于${edition}年版，未读取`, label);
      } else if (parts.values.length > 0) {
        log.unreadAt("activeDisclosure", `无法识别的行${quoted(label || parts.values.join(" "))}，未读取`, label || "（无行名）");
      } else {
        // A label broken over two lines: its first part waits for the rest.
        pending = label;
      }
      continue;
    }
    const layoutRow = layout.adRowByKey.get(match.key)!;
    if (match.how !== "exact") log.note(`表二的行${quoted(label)}按${quoted(layoutRow.label)}读取。`);
    if (seen.has(match.key)) {
      log.note(`表二的行${quoted(layoutRow.label)}出现了不止一次，取第一次的数字。`);
      continue;
    }
    seen.add(match.key);
    const cells = readAdRow(row, parts, match.key, layoutRow.columns, header, log);
    // Stryker disable next-line ConditionalExpression: a row left undefined is dropped by inEditionOrder all the same
    if (cells) out[match.key] = cells;
  }
  return inEditionOrder(out, layout, rows.length > 0, log);
}

/** Every column of the edition's table 二, with the key its printed header is matched by. */
function adColumns(layout: EditionLayout): AdColumn[] {
  const columns = new Map<string, AdColumn>();
  for (const row of layout.adRows) {
    for (const c of row.columns) columns.set(c.key, { ...c, core: matchKey(stripUnit(c.label)) });
  }
  return [...columns.values()];
}

function stripUnit(label: string): string {
  // Stryker disable next-line Regex: a closing bracket left behind is dropped by matchKey all the same
  return label.replace(/[（(][^）)]*[）)]/g, "");
}

/** A row without numbers that prints 信息内容 or a column label. */
function isHeaderRow(row: RowBlock, columns: AdColumn[]): boolean {
  return (
    !hasValues(row) &&
    (row.cells.some((c) => matchKey(c) === ROW_HEADER_KEY) ||
      // Stryker disable next-line ConditionalExpression,StringLiteral: no column's label is all brackets, so no core is empty
      row.cells.some((c) => columns.some((col) => col.core === matchKey(stripUnit(c)) && col.core !== "")))
  );
}

/** Reads a header row 信息内容 | column labels…: the column key of each printed value position. */
function readAdHeader(cells: string[], columns: AdColumn[], log: ImportLog): AdHeader {
  const start = cells.findIndex((c) => matchKey(c) === ROW_HEADER_KEY);
  const printed = cells.slice(start + 1);
  const used = new Set<string>();
  const yuan = new Set<string>();
  const keys = printed.map((text) => {
    const k = matchKey(stripUnit(text));
    // Stryker disable next-line ConditionalExpression,StringLiteral: an empty key matches no column either (no core is empty, a prefix needs two characters, similarity to "" is 0)
    if (k === "") return undefined;
    const found = matchHeaderColumn(k, columns, used);
    if (!found) return undefined;
    const { col, how } = found;
    used.add(col.key);
    if (how !== "exact") log.note(`表二表头${quoted(text)}不完整或有误，按${quoted(col.label)}读取。`);
    const unit = matchKey(text);
    // Stryker disable next-line ConditionalExpression: readCell converts 元 in amount cells only, so a count column in the set changes nothing
    if (col.kind === "amount" && unit.includes("元") && !unit.includes("万元")) yuan.add(col.key);
    return col.key;
  });
  return { keys, yuan };
}

/** The first column not yet used that a printed header key names: exactly, as a cut-short prefix, or with a typo. */
function matchHeaderColumn(
  key: string,
  columns: AdColumn[],
  used: Set<string>,
): { col: AdColumn; how: "exact" | "prefix" | "fuzzy" } | undefined {
  const firstFree = (list: AdColumn[]) => list.find((c) => !used.has(c.key));
  const exact = firstFree(columns.filter((c) => c.core === key));
  if (exact) return { col: exact, how: "exact" };
  const prefix = firstFree(columns.filter((c) => c.core.startsWith(key) && key.length >= 2));
  // Stryker disable next-line StringLiteral: `how` is only told apart from "exact"
  if (prefix) return { col: prefix, how: "prefix" };
  const scored = columns
    .filter((c) => !used.has(c.key))
    .map((c) => ({ c, s: similarity(key, c.core) }))
    .sort((a, b) => b.s - a.s);
  // Stryker disable next-line StringLiteral: `how` is only told apart from "exact"
  return scored[0] && scored[0].s >= 0.7 ? { col: scored[0].c, how: "fuzzy" } : undefined;
}

/**
 * The row a printed label names. A label broken over two lines (`pending`, then this row's) is tried
 * whole first; `label` is the label that matched.
 */
function matchAdRow(parts: RowParts, pending: string, candidates: LabelCandidate[]): { match?: LabelMatch; label: string } {
  // Stryker disable next-line StringLiteral: without a first part any text in place of "" is no row's label, so nothing matches it whole
  const combined = pending ? joinPieces([pending, parts.label]) : "";
  const whole = combined ? matchLabel(combined, candidates, { exactOnly: true }) : undefined;
  const match = whole ?? matchLabel(parts.label, candidates, { own: parts.own, exactOnly: parts.values.length === 0 });
  return { match, label: whole ? combined : parts.label };
}

/** The cells of a matched row, or undefined when the row is printed as not applicable (blank, / or —). */
function readAdRow(
  row: RowBlock,
  parts: RowParts,
  key: string,
  expected: { key: string; kind: CellKind }[],
  header: AdHeader | undefined,
  log: ImportLog,
): Record<string, Cell> | undefined {
  const raw = printedValues(row, parts, key, expected, header, log);
  if (!raw) {
    const cells: Record<string, Cell> = {};
    for (const c of expected) cells[c.key] = null;
    return cells;
  }
  const kinds = [...raw.values()].map((v) => (v === undefined ? "empty" : readValue(v).kind));
  if (kinds.every((k) => k === "empty" || k === "placeholder")) {
    const allEmpty = kinds.every((k) => k === "empty");
    log.unreadAt(
      `activeDisclosure.${key}`,
      allEmpty ? "该行各单元格均为空，视为不适用（不列入报告）" : "该行印为“/”或“—”，视为不适用（不列入报告）",
    );
    return undefined;
  }
  const cells: Record<string, Cell> = {};
  for (const c of expected) {
    cells[c.key] = readCell(raw.get(c.key), cellPath("activeDisclosure", key, c.key), c.kind, log, header?.yuan.has(c.key));
  }
  return cells;
}

/**
 * The printed text of each expected column: by the header when it names them all, else in order
 * (placeValues); undefined, with the row listed, when the values cannot be placed.
 */
function printedValues(
  row: RowBlock,
  parts: RowParts,
  key: string,
  expected: { key: string }[],
  header: AdHeader | undefined,
  log: ImportLog,
): Map<string, string | undefined> | undefined {
  // The values of table 二 stand right after the label: an empty cell there is a blank value.
  const printed = parts.afterLabel;
  const raw = new Map<string, string | undefined>();
  if (header && expected.every((c) => header.keys.includes(c.key))) {
    for (const c of expected) raw.set(c.key, printed[header.keys.indexOf(c.key)] ?? "");
    return raw;
  }
  const placed = placeValues(row, parts, expected.length, { afterLabel: true });
  if ("unplaced" in placed) {
    log.unreadAt(`activeDisclosure.${key}`, `${placed.unplaced}（印出“${parts.values.join(" ")}”）`);
    return undefined;
  }
  expected.forEach((c, i) => raw.set(c.key, placed.values[i]));
  return raw;
}

/** The rows read, in the edition's order; rows not printed are not applicable (noted when any row was). */
function inEditionOrder(out: TableData, layout: EditionLayout, anyRows: boolean, log: ImportLog): TableData {
  const ordered: TableData = {};
  const notPrinted: string[] = [];
  for (const r of layout.adRows) {
    if (out[r.key]) ordered[r.key] = out[r.key];
    else if (!log.unread.some((u) => u.where === `activeDisclosure.${r.key}`)) notPrinted.push(r.label);
  }
  if (notPrinted.length > 0 && anyRows) {
    log.note(`表二未列出${notPrinted.map(quoted).join("、")}，按不适用处理（不列入报告）。`);
  }
  return ordered;
}
