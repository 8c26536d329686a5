/**
 * 与上年对比: every table cell of a report beside last year's (上年 / 本年 / 变化 / 变化率), large swings
 * flagged by the thresholds kept here as data, and the narrative sections paired for a text diff.
 *
 * Across editions (a 2020 report on the 2019 edition, 2021 on the 2021 edition) a row is matched by its
 * key, or else by its label; a cell of a matched row by its column's key, or else by the column's label.
 * Whatever has no counterpart is 不可比: this year's cell with no cell last year, and last year's rows and
 * cells with none this year (kept, placed after the matched row that preceded them last year).
 *
 * Values are compared as stored (totals are not recomputed: an imported report keeps its own numbers).
 * Pure: no database, no React.
 */
import { getEdition } from "./editions";
import type { CellKind, EditionId, Edition } from "./editions";
import { layoutOf } from "./layout";
import { hasOtherApplicant, roundSum } from "./model";
import type { NarrativeSection, Report, TableKey } from "./model";

/** When a change is flagged as a large swing (大幅增加 / 大幅减少): both must hold. */
export const YEAR_SWING_THRESHOLDS = {
  /** The change is at least this share of last year's value, up or down (0.5: ±50%; from 0, any rise). */
  relativeChange: 0.5,
  /** …and at least this many (件 or 项; 万元 for amounts), so 2 → 4 is no swing. */
  minimumChange: 10,
} as const;

/**
 * One side of a cell: a number; null when blank; "notApplicable" when its table 二 row is absent from that
 * year's report (not applicable to the agency); "missing" when that year's format has no such cell.
 */
export type SideValue = number | null | "notApplicable" | "missing";

/**
 * compared: both years are numbers · blank: either is blank · notApplicable: either year marked the row
 * not applicable · notComparable (不可比): the cell exists in one year's format (or report) only.
 */
export type CompareStatus = "compared" | "blank" | "notApplicable" | "notComparable";

export type Swing = "up" | "down";

export interface ComparedCell {
  /** This year's cell path; last year's for a cell only last year had. */
  path: string;
  /** Last year's cell path when it differs (a cell matched by its label, or only last year's). */
  previousPath?: string;
  /** Column label (this year's; last year's for a cell only last year had). */
  column: string;
  kind: CellKind;
  /** A total computed from its parts (table 三's 总计 column and （七）总计 row, table 四's 总计). */
  computed: boolean;
  previous: SideValue;
  current: SideValue;
  status: CompareStatus;
  /** 本年 − 上年, when compared. */
  change: number | null;
  /** change / |上年|, when compared; 0 when both are 0; null when 上年 is 0 and 本年 is not (no rate). */
  rate: number | null;
  /** Set on a large swing (YEAR_SWING_THRESHOLDS). */
  swing: Swing | null;
}

export interface ComparedRow {
  /** This year's row key; last year's for a row only last year had. */
  key: string;
  /** Row label (table 三: with its headings; table 四: the group's full name). */
  label: string;
  /** Last year's label when the row was matched by key but is labelled differently (规范性文件 → 行政规范性文件). */
  previousLabel?: string;
  /** Table 二: the 第二十条 item the row belongs to (this year's, or last year's for its own rows). */
  group?: string;
  /** Set when the row exists in one year's format only. */
  only?: "previous" | "current";
  cells: ComparedCell[];
}

export interface ComparedTable {
  key: TableKey;
  /** The section title, e.g. 三、收到和处理政府信息公开申请情况 */
  title: string;
  rows: ComparedRow[];
}

export type NarrativeKey = "intro" | "overview" | "problems" | "otherMatters";

/** A narrative part in both years, as text (sub-headings on lines of their own as 【…】). */
export interface NarrativePair {
  key: NarrativeKey;
  title: string;
  previous: string;
  current: string;
}

export interface CompareCounts {
  cells: number;
  compared: number;
  /** Compared cells whose value changed. */
  changed: number;
  swings: number;
  blank: number;
  notApplicable: number;
  notComparable: number;
}

export interface ReportComparison {
  previousYear: number;
  currentYear: number;
  previousEdition: EditionId;
  currentEdition: EditionId;
  sameEdition: boolean;
  tables: ComparedTable[];
  narratives: NarrativePair[];
  counts: CompareCounts;
}

// ---------------------------------------------------------------------------------------------------
// Rows and columns of a table as one year's report has them

interface ColumnSpec {
  key: string;
  label: string;
  kind: CellKind;
  computed: boolean;
}

interface RowSpec {
  key: string;
  label: string;
  group?: string;
  columns: ColumnSpec[];
}

function rowSpecs(table: TableKey, report: Report): RowSpec[] {
  const edition = getEdition(report.edition);
  const layout = layoutOf(report.edition);
  if (table === "activeDisclosure") {
    return layout.adRows.map((row) => ({
      key: row.key,
      label: row.label,
      group: row.group.label,
      columns: row.columns.map((c) => ({ key: c.key, label: c.label, kind: c.kind, computed: false })),
    }));
  }
  if (table === "requests") {
    const withOther = hasOtherApplicant(report.requests);
    const columns = edition.requests.columns.filter((c) => withOther || !c.optional);
    return layout.requestRows.map((row) => ({
      key: row.key,
      label: layout.requestRowFullLabel.get(row.key) ?? row.label,
      columns: columns.map((c) => ({
        key: c.key,
        label: c.longLabel,
        kind: "count" as const,
        computed: layout.computedPaths.has(layout.requestPaths[row.key][c.key]),
      })),
    }));
  }
  return layout.reviewGroups.map((group) => ({
    key: group.key,
    label: group.longLabel,
    columns: edition.reviewLitigation.cells.map((c) => ({
      key: c.key,
      label: c.label,
      kind: "count" as const,
      computed: layout.computedPaths.has(layout.reviewPaths[group.key][c.key]),
    })),
  }));
}

function sideValue(report: Report, table: TableKey, row: string, column: string): SideValue {
  const data = report[table][row];
  if (!data) return table === "activeDisclosure" ? "notApplicable" : null;
  const value = data[column];
  return typeof value === "number" ? value : null;
}

const sameLabel = (a: string, b: string) => a.replace(/\s+/g, "") === b.replace(/\s+/g, "");

/** Index of the counterpart of `item` among `others` not yet taken: the same key, or else the same label. */
export function findCounterpart<T extends { key: string; label: string }>(item: T, others: T[], taken: Set<number>): number {
  const byKey = others.findIndex((other, i) => !taken.has(i) && other.key === item.key);
  if (byKey >= 0) return byKey;
  return others.findIndex((other, i) => !taken.has(i) && sameLabel(other.label, item.label));
}

// ---------------------------------------------------------------------------------------------------
// Cells

/** The change and rate of two numbers, and whether it is a large swing. */
export function changeOf(previous: number, current: number): { change: number; rate: number | null; swing: Swing | null } {
  const change = roundSum(current - previous);
  const rate = previous === 0 ? (change === 0 ? 0 : null) : change / Math.abs(previous);
  const T = YEAR_SWING_THRESHOLDS;
  const large =
    Math.abs(change) >= T.minimumChange && (previous === 0 || Math.abs(change) / Math.abs(previous) >= T.relativeChange - 1e-9);
  return { change, rate, swing: large ? (change > 0 ? "up" : "down") : null };
}

function compareCell(
  column: ColumnSpec,
  paths: { path: string; previousPath?: string },
  previous: SideValue,
  current: SideValue,
): ComparedCell {
  const base = { ...paths, column: column.label, kind: column.kind, computed: column.computed, previous, current };
  const none = { change: null, rate: null, swing: null };
  if (previous === "missing" || current === "missing") return { ...base, status: "notComparable", ...none };
  if (previous === "notApplicable" || current === "notApplicable") return { ...base, status: "notApplicable", ...none };
  if (previous === null || current === null) return { ...base, status: "blank", ...none };
  return { ...base, status: "compared", ...changeOf(previous, current) };
}

const pathOf = (table: TableKey, row: string, column: string) => `${table}.${row}.${column}`;

function compareTable(table: TableKey, previous: Report, current: Report): ComparedTable {
  const before = rowSpecs(table, previous);
  const now = rowSpecs(table, current);
  const takenRows = new Set<number>();
  /** For each of last year's rows, the index of this year's row it was matched to. */
  const matchedTo = new Map<number, number>();

  const rows: ComparedRow[] = now.map((row, index) => {
    const match = findCounterpart(row, before, takenRows);
    if (match < 0) {
      return {
        key: row.key,
        label: row.label,
        group: row.group,
        only: "current",
        cells: row.columns.map((column) =>
          compareCell(column, { path: pathOf(table, row.key, column.key) }, "missing", sideValue(current, table, row.key, column.key)),
        ),
      };
    }
    takenRows.add(match);
    matchedTo.set(match, index);
    const old = before[match];
    const takenColumns = new Set<number>();
    const cells: ComparedCell[] = row.columns.map((column) => {
      const path = pathOf(table, row.key, column.key);
      const currentValue = sideValue(current, table, row.key, column.key);
      const c = findCounterpart(column, old.columns, takenColumns);
      if (c < 0) return compareCell(column, { path }, "missing", currentValue);
      takenColumns.add(c);
      const previousPath = pathOf(table, old.key, old.columns[c].key);
      return compareCell(
        column,
        previousPath === path ? { path } : { path, previousPath },
        sideValue(previous, table, old.key, old.columns[c].key),
        currentValue,
      );
    });
    old.columns.forEach((column, c) => {
      if (takenColumns.has(c)) return;
      const path = pathOf(table, old.key, column.key);
      cells.push(compareCell(column, { path, previousPath: path }, sideValue(previous, table, old.key, column.key), "missing"));
    });
    return {
      key: row.key,
      label: row.label,
      ...(sameLabel(old.label, row.label) ? {} : { previousLabel: old.label }),
      group: row.group,
      cells,
    };
  });

  // Last year's rows with no counterpart, each after the matched row that preceded it last year.
  const inserts = new Map<number, ComparedRow[]>();
  let anchor = -1;
  before.forEach((row, index) => {
    const matched = matchedTo.get(index);
    if (matched !== undefined) {
      anchor = matched;
      return;
    }
    const only: ComparedRow = {
      key: row.key,
      label: row.label,
      group: row.group,
      only: "previous",
      cells: row.columns.map((column) => {
        const path = pathOf(table, row.key, column.key);
        return compareCell(column, { path, previousPath: path }, sideValue(previous, table, row.key, column.key), "missing");
      }),
    };
    inserts.set(anchor, [...(inserts.get(anchor) ?? []), only]);
  });
  const ordered: ComparedRow[] = [...(inserts.get(-1) ?? [])];
  rows.forEach((row, index) => ordered.push(row, ...(inserts.get(index) ?? [])));

  return { key: table, title: getEdition(current.edition).sections.find((s) => s.key === table)?.title ?? table, rows: ordered };
}

// ---------------------------------------------------------------------------------------------------
// Narratives

/** A narrative as one text: each sub-heading on a line of its own as 【…】, then its text. */
export function narrativeText(sections: NarrativeSection[] | undefined): string {
  return (sections ?? []).map((s) => (s.heading.trim() ? `【${s.heading.trim()}】\n${s.text}` : s.text)).join("\n\n");
}

function narratives(previous: Report, current: Report, edition: Edition): NarrativePair[] {
  const title = (key: NarrativeKey) => edition.sections.find((s) => s.key === key)?.title ?? key;
  return [
    { key: "intro", title: "引言", previous: previous.intro ?? "", current: current.intro ?? "" },
    { key: "overview", title: title("overview"), previous: narrativeText(previous.overview), current: narrativeText(current.overview) },
    { key: "problems", title: title("problems"), previous: previous.problems ?? "", current: current.problems ?? "" },
    {
      key: "otherMatters",
      title: title("otherMatters"),
      previous: narrativeText(previous.otherMatters),
      current: narrativeText(current.otherMatters),
    },
  ];
}

// ---------------------------------------------------------------------------------------------------

const TABLES: TableKey[] = ["activeDisclosure", "requests", "reviewLitigation"];

/** This year's report beside last year's: every table cell and the narrative parts. */
export function compareReports(previous: Report, current: Report): ReportComparison {
  const tables = TABLES.map((table) => compareTable(table, previous, current));
  const counts: CompareCounts = { cells: 0, compared: 0, changed: 0, swings: 0, blank: 0, notApplicable: 0, notComparable: 0 };
  for (const table of tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        counts.cells++;
        counts[cell.status]++;
        if (cell.change) counts.changed++;
        if (cell.swing) counts.swings++;
      }
    }
  }
  return {
    previousYear: previous.year,
    currentYear: current.year,
    previousEdition: previous.edition,
    currentEdition: current.edition,
    sameEdition: previous.edition === current.edition,
    tables,
    narratives: narratives(previous, current, getEdition(current.edition)),
    counts,
  };
}

/** Every large swing, in table order, with its row. */
export function swingsOf(comparison: ReportComparison): { table: ComparedTable; row: ComparedRow; cell: ComparedCell }[] {
  const out: { table: ComparedTable; row: ComparedRow; cell: ComparedCell }[] = [];
  for (const table of comparison.tables) {
    for (const row of table.rows) for (const cell of row.cells) if (cell.swing) out.push({ table, row, cell });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// As printed (page, DOCX and XLSX alike)

/** One side as printed: the number (本年增/减 with its sign), 空白, 不适用, or — for no such cell. */
export function sideText(value: SideValue, kind: CellKind): string {
  if (value === null) return "空白";
  if (value === "notApplicable") return "不适用";
  if (value === "missing") return "—";
  return kind === "signed" && value > 0 ? `+${value}` : String(value);
}

/** 变化 as printed: +12, -3, 0; 不可比 for a cell with no counterpart; — when either side is not a number. */
export function changeText(cell: ComparedCell): string {
  if (cell.status === "notComparable") return "不可比";
  if (cell.change === null) return "—";
  return cell.change > 0 ? `+${cell.change}` : String(cell.change);
}

/** 变化率 as printed: +50%, -33.3%, 0%; — when there is no rate (上年 0, or not compared). */
export function rateText(cell: ComparedCell): string {
  if (cell.rate === null) return "—";
  const percent = Number((cell.rate * 100).toFixed(1));
  return `${percent > 0 ? "+" : ""}${percent}%`;
}

export const SWING_LABELS: Record<Swing, string> = { up: "大幅增加", down: "大幅减少" };

/** The rule of the flags in words, from YEAR_SWING_THRESHOLDS. */
export function swingRuleText(): string {
  const T = YEAR_SWING_THRESHOLDS;
  return `变化率达到 ±${T.relativeChange * 100}%（上年为 0 的，任何增加）且增减至少 ${T.minimumChange} 的单元格标为「大幅增加」或「大幅减少」，请核实。`;
}

/** What 不可比 means for these two reports, or "" when both use the same edition. */
export function editionNote(comparison: ReportComparison): string {
  if (comparison.sameEdition) return "";
  const before = getEdition(comparison.previousEdition);
  const now = getEdition(comparison.currentEdition);
  return (
    `两年的报告格式不同：上年为${before.name}（${before.description}），本年为${now.name}（${now.description}）。` +
    "两版中标识或名称相同的行和栏逐格对比，只有一版有的标为「不可比」。"
  );
}

/** What sets a row apart, in words: a row of one year's format only, or one labelled otherwise last year. */
export function rowNote(row: ComparedRow): string {
  if (row.only === "previous") return "仅上年的格式有此项";
  if (row.only === "current") return "仅本年的格式有此项";
  if (row.previousLabel) return `上年为「${row.previousLabel}」`;
  return "";
}

/** One line of the counts, e.g. 共 200 个单元格：对比 196 个，有变化 5 个，大幅变化 4 个；空白 1 个…。 */
export function countsText(counts: CompareCounts): string {
  const rest = [
    counts.blank ? `空白 ${counts.blank} 个` : "",
    counts.notApplicable ? `不适用 ${counts.notApplicable} 个` : "",
    counts.notComparable ? `不可比 ${counts.notComparable} 个` : "",
  ].filter(Boolean);
  return (
    `共 ${counts.cells} 个单元格：对比 ${counts.compared} 个，有变化 ${counts.changed} 个，大幅变化 ${counts.swings} 个` +
    (rest.length ? `；${rest.join("，")}` : "") +
    "。"
  );
}
