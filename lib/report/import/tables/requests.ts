/**
 * Table 三 — 收到和处理政府信息公开申请情况. Rows by their labels (headings printed before them
 * included); columns by the printed header where the table keeps its grid, else by counting the
 * numbers of a row. A table printed over pages repeats its header, which is skipped.
 */
import type { EditionId } from "../../editions";
import { layoutOf } from "../../layout";
import type { EditionLayout } from "../../layout";
import { cellPath, normalizeRequests } from "../../model";
import type { Cell, TableData } from "../../model";
import { joinPieces } from "../blocks";
import { candidate, matchLabel, quoted } from "../match";
import type { ImportLog, LabelCandidate } from "../match";
import type { RowBlock } from "../types";
import { isValueLike, matchKey } from "../text";
import { cellsUnderHeader, hasValues, placeValues, readCell, rowKey, splitRow } from "./rows";
import type { RowParts } from "./rows";

export const REQUEST_HEADER_WORDS = ["勾稽关系", "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构"].map(matchKey);
const ORG_KEY = matchKey("法人或其他组织");
const OTHER_KEY = matchKey("其他");
const TOTAL_KEY = matchKey("总计");
const LEAF_COLUMNS: Record<string, string> = {
  [matchKey("自然人")]: "naturalPerson",
  [matchKey("商业企业")]: "commercial",
  [matchKey("科研机构")]: "research",
  [matchKey("社会公益组织")]: "publicInterest",
  [matchKey("法律服务机构")]: "legalService",
};

/** A row of numbers as printed, its row found. */
interface RequestLine {
  key: string;
  label: string;
  /** Text mode: the printed values in order. */
  values?: string[];
  /** Text mode: the row they come from, for placing them (placeValues). */
  printed?: { row: RowBlock; parts: RowParts };
  /** Grid mode: the printed cell of each column key. */
  byColumn?: Map<string, string>;
  /** Grid mode: the columns whose cell lies over two header columns. */
  unplaced?: string[];
}

export function readRequests(rows: RowBlock[], edition: EditionId, log: ImportLog): TableData {
  const layout = layoutOf(edition);
  const { lines, header } = readLines(rows, edition, layout, log);
  if (header.printings > 1) log.note("表三跨页印出，重复的表头已跳过。");

  const standard = [...layout.applicantColumnKeys];
  const withoutOther = [...standard, "total"];
  // In text, a row printing one number more than the standard columns and the total has the 其他 column.
  const hasOther =
    header.otherColumn || lines.some((l) => l.values?.length === withoutOther.length + 1 && l.values.every(isValueLike));
  if (hasOther) log.note(`表三印有非标准的${quoted("申请人情况·其他")}列，已按原样保留，并计入各行总计。`);
  const columns = hasOther ? [...standard, "otherApplicant", "total"] : withoutOther;

  const out: TableData = {};
  let omittedOther = 0;
  for (const line of lines) {
    if (out[line.key]) {
      log.note(`表三的行${quoted(layout.requestRowFullLabel.get(line.key) ?? line.key)}出现了不止一次，取第一次的数字。`);
      continue;
    }
    const printed = printedByColumn(line, hasOther ? columns : undefined, withoutOther, header.textWidth, log);
    if (printed.otherOmitted) omittedOther++;
    out[line.key] = readLineCells(line, columns, printed, log);
  }
  if (omittedOther > 0) {
    log.note(
      `表三${quoted("申请人情况·其他")}列只在 ${lines.length - omittedOther} 行印出数字，其余 ${omittedOther} 行未印出该列，按 0 记。`,
    );
  }
  if (lines.length === 0) {
    log.unreadAt("requests", "未找到表三的数字，各单元格留空");
  } else {
    for (const key of layout.requestRowKeys) {
      if (!out[key]) log.unreadAt(`requests.${key}`, "未找到该行，各单元格留空");
    }
  }
  return normalizeRequests(edition, out);
}

/**
 * The rows of numbers in print order, each with the row its label names; header rows are collected,
 * label-only rows are headings, rows without numbers, or the first part of a label broken over lines.
 */
function readLines(
  rows: RowBlock[],
  edition: EditionId,
  layout: EditionLayout,
  log: ImportLog,
): { lines: RequestLine[]; header: RequestsHeader } {
  const dataCandidates = layout.requestRows.map((r) => candidate(r.key, r.label));
  const headingCandidates = layout.edition.requests.rows.filter((r) => r.kind === "heading").map((r) => candidate(r.key, r.label));
  const header = new RequestsHeader();
  const lines: RequestLine[] = [];
  let pending = "";
  // Rows of numbers under a heading printed without their own labels (（三）不予公开, then bare rows).
  let run: BareRun | undefined;
  const closeRun = () => {
    if (run) lines.push(...placeBareRun(run, layout, lines, log, headingCandidates, edition));
    run = undefined;
  };
  for (const row of rows) {
    if (rowKey(row) === "") continue;
    if (isHeaderRow(row)) {
      header.add(row);
      continue;
    }
    header.close();
    const printed = splitLine(row, header.columnsOf(row));
    const { label, own } = printed;
    const heading = label ? matchLabel(label, headingCandidates, { exactOnly: true }) : undefined;
    if (printed.values === undefined && printed.byColumn === undefined) {
      if (heading) {
        closeRun();
        run = { heading: heading.key, label, rows: [] };
        pending = "";
        continue;
      }
      const whole = matchLabel(label, dataCandidates, { exactOnly: true });
      if (whole) {
        lines.push({ key: whole.key, label, values: [] });
        pending = "";
        continue;
      }
      pending = joinPieces([pending, label]);
      continue;
    }
    const combined = pending ? matchLabel(joinPieces([pending, label]), dataCandidates, { exactOnly: true }) : undefined;
    const match = combined ?? matchLabel(label, dataCandidates, { own });
    const shown = combined ? joinPieces([pending, label]) : label;
    pending = "";
    if (!match && heading) {
      closeRun();
      run = { heading: heading.key, label, rows: [printed] };
      continue;
    }
    if (!match && label === "" && run) {
      run.rows.push(printed);
      continue;
    }
    closeRun();
    if (!match) {
      log.unreadAt("requests", unknownRowReason(printed, headingCandidates, edition), label || "（无行名）");
      continue;
    }
    if (match.how !== "exact" && match.how !== "alias") {
      log.note(`表三的行${quoted(shown)}按${quoted(layout.requestRowFullLabel.get(match.key) ?? match.key)}读取。`);
    }
    lines.push({ key: match.key, label: shown, values: printed.values, printed: printed.printed, byColumn: printed.byColumn, unplaced: printed.unplaced });
  }
  closeRun();
  header.close();
  return { lines, header };
}

/** A heading of table 三 and the rows of numbers printed under it without labels of their own. */
interface BareRun {
  heading: string;
  label: string;
  rows: Omit<RequestLine, "key">[];
}

/**
 * The rows of a bare run: when there are exactly as many as the heading has items, and none of them
 * was read by its label, they are its items in the edition's order (the format fixes that order);
 * otherwise none is read and each is listed.
 */
function placeBareRun(
  run: BareRun,
  layout: EditionLayout,
  read: RequestLine[],
  log: ImportLog,
  headingCandidates: LabelCandidate[],
  edition: EditionId,
): RequestLine[] {
  const items = layout.requestRows.filter((r) => r.parent === run.heading).map((r) => r.key);
  if (run.rows.length === 0) return [];
  if (items.length > 0 && run.rows.length === items.length && items.every((k) => !read.some((l) => l.key === k))) {
    // The heading and its items are rows of the layout: their labels are there.
    const headingLabel = layout.edition.requests.rows.find((r) => r.key === run.heading)!.label;
    const first = layout.requestRowByKey.get(items[0])!.label;
    const last = layout.requestRowByKey.get(items[items.length - 1])!.label;
    log.note(`表三${quoted(headingLabel)}下的 ${items.length} 行数字没有各自的行名，按该项各行的固定顺序（${first}至${last}）读取。`);
    return run.rows.map((printed, i) => ({ ...printed, key: items[i], label: layout.requestRowFullLabel.get(items[i])! }));
  }
  for (const printed of run.rows) {
    log.unreadAt("requests", unknownRowReason(printed, headingCandidates, edition), printed.label || "（无行名）");
  }
  return [];
}

function isHeaderRow(row: RowBlock): boolean {
  if (hasValues(row)) return false;
  const key = rowKey(row);
  return REQUEST_HEADER_WORDS.some((w) => key.includes(w));
}

/**
 * The header rows of table 三 as they come, a run at a time: how often the header was printed,
 * whether it has the non-standard 申请人情况·其他 column, and the grid column of each column key.
 */
class RequestsHeader {
  /** Whether a header printed the 申请人情况·其他 column. */
  otherColumn = false;
  /** How many times the header was printed (more than once: the table runs over pages). */
  printings = 0;
  /**
   * Cells of a header row printed as text that names every column in a cell of its own, 总计 last
   * (our Markdown export): a row as wide lines up with it.
   */
  textWidth: number | undefined;
  private run: RowBlock[] = [];
  private columnsByTable = new Map<number, Map<string, number>>();
  private lastColumns: { width: number; map: Map<string, number> } | undefined;

  add(row: RowBlock) {
    this.run.push(row);
  }

  /** Ends a run of header rows (at the first row that is not one). */
  close() {
    if (this.run.length === 0) return;
    this.printings++;
    const others = this.run.flatMap((r) => r.cells).filter((c) => matchKey(c) === OTHER_KEY).length;
    if (others >= 2) this.otherColumn = true;
    const grid = this.run[0].grid;
    if (!grid) this.textWidth = this.run.find(namesEachColumn)?.cells.length;
    if (grid && this.run.every((r) => r.grid?.table === grid.table)) {
      const map = gridColumns(this.run);
      if (map) {
        this.columnsByTable.set(grid.table, map);
        this.lastColumns = { width: grid.filled.length, map };
        if (map.has("otherApplicant")) this.otherColumn = true;
      }
    }
    this.run = [];
  }

  /** Column key → grid column for a row of a kept grid: its table's header, or the last header if as wide. */
  columnsOf(row: RowBlock): Map<string, number> | undefined {
    if (!row.grid) return undefined;
    return (
      this.columnsByTable.get(row.grid.table) ??
      (this.lastColumns && this.lastColumns.width === row.cells.length ? this.lastColumns.map : undefined)
    );
  }
}

/** A header row of pipes or tabs with one label cell, then a named cell for each column, 总计 last. */
function namesEachColumn(row: RowBlock): boolean {
  const names = row.cells.slice(1);
  return !row.loose && names.length > 0 && names.every((c) => c !== "") && matchKey(names[names.length - 1]) === TOTAL_KEY;
}

/** Grid column → column key, from the header rows of a table whose grid is kept. */
function gridColumns(headerRows: RowBlock[]): Map<string, number> | undefined {
  const width = headerRows[0].grid!.filled.length;
  const map = new Map<string, number>();
  for (let j = 0; j < width; j++) {
    const path = headerRows.map((r) => matchKey(r.grid!.filled[j]));
    const leaf = path[path.length - 1];
    let key: string | undefined = LEAF_COLUMNS[leaf];
    if (leaf === OTHER_KEY) key = path.includes(ORG_KEY) ? "otherOrg" : "otherApplicant";
    if (leaf === TOTAL_KEY) key = "total";
    if (key && !map.has(key)) map.set(key, j);
  }
  return map.has("naturalPerson") && map.has("total") ? map : undefined;
}

/** A row split into its label and its numbers (none when it printed none): by grid column, or in order. */
function splitLine(row: RowBlock, columns: Map<string, number> | undefined): Omit<RequestLine, "key"> & { own: string } {
  if (!columns) {
    const parts = splitRow(row.cells);
    const values = parts.values.length > 0 ? parts.values : undefined;
    return { label: parts.label, own: parts.own, values, printed: values && { row, parts } };
  }
  const { labels, byColumn, unplaced } = cellsUnderHeader(row, columns);
  const noNumbers = !row.cells.some(isValueLike);
  const label = { label: joinPieces(labels), own: labels[labels.length - 1] ?? "" };
  return noNumbers ? label : { ...label, byColumn, unplaced };
}

/** Why a row of numbers whose label names no row was not read. */
function unknownRowReason(printed: Omit<RequestLine, "key">, headingCandidates: LabelCandidate[], edition: EditionId): string {
  const { label } = printed;
  // A row of numbers: printed in order (text) or by column (grid).
  const numbers = (printed.values ?? [...printed.byColumn!.values()]).join(" ");
  const heading = label ? matchLabel(label, headingCandidates, { exactOnly: true }) : undefined;
  if (heading) return `${quoted(label)}在${edition}年版中是标题，其下分项列出，不能按一行读取；其数字“${numbers}”未读取`;
  if (label) return `无法识别的行${quoted(label)}，其数字“${numbers}”未读取`;
  return `一行数字“${numbers}”没有行名，未读取`;
}

/**
 * The printed text of each column of a line: by grid column, or by position. With the 其他 column
 * (`columnsWithOther`), a text row one number short omits it (`otherOmitted`) — unless it marks a
 * cell for every column: as wide as the header printed as text (`headerWidth`), it lines up with it
 * and its blank cells are blank; else, with an empty cell right after its label, that cell may be a
 * blank value or a filler and the row is listed.
 */
function printedByColumn(
  line: RequestLine,
  columnsWithOther: string[] | undefined,
  withoutOther: string[],
  headerWidth: number | undefined,
  log: ImportLog,
): { raw: Map<string, string | undefined>; otherOmitted: boolean; unplaced?: boolean } {
  const columns = columnsWithOther ?? withoutOther;
  const raw = new Map<string, string | undefined>();
  if (line.byColumn) {
    for (const c of columns) raw.set(c, line.byColumn.get(c));
    return { raw, otherOmitted: false };
  }
  // Not by column: a row read as text (its values and the row they come from), or named without numbers.
  const values = line.values!;
  const rowPath = `requests.${line.key}`;
  if (values.length === 0) {
    log.unreadAt(rowPath, "该行只印出行名，没有数字，各单元格留空");
    return { raw, otherOmitted: false };
  }
  // A row of pipes or tabs with a cell for every column, as wide as a header that names each column
  // in a cell of its own, lines up with it: its cells in order, a blank one blank.
  const { row, parts } = line.printed!;
  const afterLabel = parts.afterLabel;
  const marked = columnsWithOther !== undefined && !row.loose && !row.covered && afterLabel.length === columns.length;
  if (marked && row.cells.length === headerWidth) {
    columns.forEach((c, i) => raw.set(c, afterLabel[i]));
    return { raw, otherOmitted: false };
  }
  const otherOmitted = columnsWithOther !== undefined && values.length === withoutOther.length;
  if (otherOmitted && marked && afterLabel[0] === "") {
    log.unreadAt(
      rowPath,
      `该行标签后的空白单元格可能是空白的${quoted("自然人")}，也可能是标签的填充（该行未印出${quoted("申请人情况·其他")}列），无法确定各数字所在的列，未读取（印出“${values.join(" ")}”）`,
    );
    return { raw, otherOmitted: false, unplaced: true };
  }
  const keys = otherOmitted ? withoutOther : columns;
  const placed = placeValues(row, parts, keys.length);
  if ("unplaced" in placed) {
    log.unreadAt(rowPath, `${placed.unplaced}（印出“${values.join(" ")}”）`);
    return { raw, otherOmitted: false, unplaced: true };
  }
  keys.forEach((c, i) => raw.set(c, placed.values[i]));
  return { raw, otherOmitted };
}

/** The cells of a line: an omitted 其他 column is 0, a row printed without numbers is blank. */
function readLineCells(
  line: RequestLine,
  columns: string[],
  printed: { raw: Map<string, string | undefined>; otherOmitted: boolean; unplaced?: boolean },
  log: ImportLog,
): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const c of columns) {
    if (c === "otherApplicant" && printed.otherOmitted) {
      cells[c] = 0;
      continue;
    }
    // The row is listed once (placeValues says why); its cells are blank.
    if (printed.unplaced) {
      cells[c] = null;
      continue;
    }
    if (line.unplaced?.includes(c)) {
      log.unreadAt(cellPath("requests", line.key, c), "该处的数字跨两列印出，无法确定属于哪一列，未读取");
      cells[c] = null;
      continue;
    }
    const text = printed.raw.get(c);
    if (text === undefined && line.values && line.values.length === 0) {
      cells[c] = null;
      continue;
    }
    // Stryker disable next-line StringLiteral: readCell tells only "amount" apart; any other kind reads a count.
    cells[c] = readCell(text, cellPath("requests", line.key, c), "count", log);
  }
  return cells;
}
