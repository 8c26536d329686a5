/**
 * County figures: the cell-wise sum of tables 二, 三 and 四 over several agencies' reports of one year.
 *
 * - Blank counts as 0; a cell of the sum is blank only when it is blank in every report.
 * - A table 二 row is present in the sum when it is present in any report (absent rows add nothing).
 * - Table 三 keeps the non-standard otherApplicant column when any report has it.
 * - Totals are the sums of the totals as stored, not recomputed: an agency's wrong total carries into
 *   the sum, and the balance rules run on the sum show whether the combined tables add up.
 * - Reports of another edition than the year's (or of another year) cannot be laid cell by cell onto
 *   the year's tables; they are skipped, each with a Chinese reason.
 *
 * Which table 二 cells add up across agencies: all of them. Every cell counts the agency's own
 * documents (制作/公开/制发/废止/现行有效), items (上一年项目数量 and its 本年增/减), decisions,
 * procurement projects or amounts in 万元, and no two agencies count the same document, item or
 * decision, so the county's figure is the sum. (A normative document issued jointly by several
 * agencies is counted by each of them; the format gives no way to see that, so it stays counted.)
 * The cross-year rules (R2-IN-FORCE, R2-LAST-YEAR) are not run on the sum: they need the county's
 * previous sum, which would carry the same caveat.
 */
import { editionForYear, getEdition } from "./editions";
import type { EditionId } from "./editions";
import { layoutOf } from "./layout";
import {
  FORMAT_VERSION,
  REPORT_FORMAT,
  defaultTitle,
  hasOtherApplicant,
  normalizeRequests,
  normalizeReviewLitigation,
  parseCellPath,
  requestColumnKeys,
  roundSum,
} from "./model";
import type { Cell, Report, TableData, TableKey } from "./model";
import { isTableKey, readPath } from "./paths";
import { validate } from "./rules";
import type { Finding, RuleId } from "./rules";

export interface SkippedReport {
  /** Index in the input array. */
  index: number;
  agency: string;
  reason: string;
}

export interface AggregateResult {
  /** The sum: a report of the year's edition holding only the three tables. */
  report: Report;
  /** Indexes (in the input array) of the reports summed. */
  included: number[];
  skipped: SkippedReport[];
  /** Findings of the balance rules on the sum (empty when the combined tables balance). */
  findings: Finding[];
}

/** The rules that say whether tables 三 and 四 add up (contract section 7). */
export const BALANCE_RULES: ReadonlySet<RuleId> = new Set<RuleId>(["R3-BALANCE", "R3-HANDLED-SUM", "R3-ROW-TOTAL", "R4-TOTAL"]);

/** The balance findings of a report (or of a sum): where its tables do not add up. */
export function balanceFindings(report: Report): Finding[] {
  return validate(report, { only: BALANCE_RULES });
}

/** The title of a county's sum: {名称}{年份}年政府信息公开工作年度报告汇总 */
export function aggregateTitle(name: string, year: number): string {
  return `${defaultTitle(name, year)}汇总`;
}

/**
 * Sums the tables of `reports` for `year`. `name` names the sum (the county); its title is
 * aggregateTitle(name, year).
 */
export function aggregateReports(reports: Report[], year: number, options: { name?: string } = {}): AggregateResult {
  const edition = editionForYear(year);
  const included: number[] = [];
  const skipped: SkippedReport[] = [];
  reports.forEach((report, index) => {
    const reason = skipReason(report, year, edition);
    if (reason) skipped.push({ index, agency: report.agency.name, reason });
    else included.push(index);
  });
  const parts = included.map((index) => reports[index]);
  const name = options.name ?? "汇总";
  const report: Report = {
    format: REPORT_FORMAT,
    formatVersion: FORMAT_VERSION,
    edition,
    year,
    agency: { name },
    title: aggregateTitle(name, year),
    activeDisclosure: sumActiveDisclosure(edition, parts),
    requests: sumRequests(edition, parts),
    reviewLitigation: sumTables(
      parts.map((part) => normalizeReviewLitigation(edition, part.reviewLitigation)),
      normalizeReviewLitigation(edition, {}),
    ),
  };
  return { report, included, skipped, findings: balanceFindings(report) };
}

function skipReason(report: Report, year: number, edition: EditionId): string | undefined {
  if (report.year !== year) return `报告年度为 ${report.year} 年，不是 ${year} 年，未计入汇总。`;
  if (report.edition !== edition) {
    return (
      `报告按${getEdition(report.edition).name}（${report.edition}年版）填写，` +
      `${year} 年度应使用${getEdition(edition).name}（${edition}年版），两版表格不同，未计入汇总。`
    );
  }
  return undefined;
}

/** Blank when every value is blank; one value as it is; a sum of several rounded like model.ts roundSum. */
function sumOf(values: Cell[]): Cell {
  let sum = 0;
  let count = 0;
  let only: Cell = null;
  for (const value of values) {
    if (value === null) continue;
    sum += value;
    only = value;
    count++;
  }
  if (count === 0) return null;
  return count === 1 ? only : roundSum(sum);
}

/** Cell-wise sum of tables shaped like `shape` (its rows and cells; values ignored). */
function sumTables(tables: TableData[], shape: TableData): TableData {
  const out: TableData = {};
  for (const rowKey in shape) {
    out[rowKey] = {};
    for (const cellKey in shape[rowKey]) out[rowKey][cellKey] = sumOf(tables.map((t) => t[rowKey]?.[cellKey] ?? null));
  }
  return out;
}

function sumActiveDisclosure(edition: EditionId, parts: Report[]): TableData {
  const out: TableData = {};
  for (const row of layoutOf(edition).adRows) {
    const present = parts.map((part) => part.activeDisclosure[row.key]).filter((data) => data !== undefined);
    if (present.length === 0) continue;
    out[row.key] = {};
    for (const column of row.columns) out[row.key][column.key] = sumOf(present.map((data) => data[column.key] ?? null));
  }
  return out;
}

function sumRequests(edition: EditionId, parts: Report[]): TableData {
  const withOther = parts.some((part) => hasOtherApplicant(part.requests));
  const shape = normalizeRequests(edition, withOther ? { newReceived: { otherApplicant: null } } : {});
  return sumTables(
    parts.map((part) => normalizeRequests(edition, part.requests)),
    shape,
  );
}

// ---------------------------------------------------------------------------------------------------
// Reading figures out of a report

/** The value at a cell path (`requests.newReceived.total`); blank when the table has no such cell. */
export function cellValue(report: Report, path: string): Cell {
  const { table, row, cell } = parseCellPath(path);
  if (!row || !cell || !isTableKey(table)) return null;
  return (readPath(report, path) as Cell | undefined) ?? null;
}

export interface KeyFigure {
  label: string;
  /** The cells summed into the figure. */
  paths: string[];
}

/** The figures the county's per-agency table shows, as stored (totals not recomputed). */
export const KEY_FIGURES: KeyFigure[] = [
  { label: "新收申请总计", paths: ["requests.newReceived.total"] },
  { label: "予以公开", paths: ["requests.granted.total"] },
  { label: "（七）总计", paths: ["requests.totalHandled.total"] },
  { label: "结转下年度", paths: ["requests.carriedForward.total"] },
  { label: "行政复议总计", paths: ["reviewLitigation.review.total"] },
  { label: "行政诉讼总计", paths: ["reviewLitigation.litigationDirect.total", "reviewLitigation.litigationAfterReview.total"] },
];

export function keyFigures(report: Report): Cell[] {
  return KEY_FIGURES.map((figure) => sumOf(figure.paths.map((path) => cellValue(report, path))));
}

export interface TableCellColumn {
  table: TableKey;
  path: string;
}

/**
 * Every cell of the three tables of `report`, table by table in print order: the present table 二
 * rows, table 三 with its columns (otherApplicant when present), table 四. For one-column-per-cell
 * listings such as a spreadsheet of all agencies.
 */
export function tableCellColumns(report: Report): TableCellColumn[] {
  const layout = layoutOf(report.edition);
  const out: TableCellColumn[] = [];
  for (const row of layout.adRows) {
    if (report.activeDisclosure[row.key] === undefined) continue;
    for (const path of row.paths) out.push({ table: "activeDisclosure", path });
  }
  const columns = requestColumnKeys(report.edition, report.requests);
  for (const row of layout.requestRowKeys) {
    for (const column of columns) out.push({ table: "requests", path: layout.requestPaths[row][column] });
  }
  for (const group of layout.reviewGroups) {
    for (const path of Object.values(layout.reviewPaths[group.key])) out.push({ table: "reviewLitigation", path });
  }
  return out;
}
