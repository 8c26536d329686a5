/**
 * The report model: types mirroring the JSON interchange file (formatVersion 1) exactly, an empty
 * report, computed totals, and the Chinese labels of cell paths.
 */
import { getEdition, OVERVIEW_HEADINGS } from "./editions";
import type { Edition, EditionId, ReviewCellKey, ReviewGroupKey, RequestColumnKey } from "./editions";
import { layoutOf } from "./layout";

export const REPORT_FORMAT = "gov-info-disclosure-annual-report";
export const FORMAT_VERSION = 1;

/** A number, or null for blank (not filled). 0 is a real answer and differs from blank. */
export type Cell = number | null;

export const AGENCY_LEVELS = ["department", "government", "township"] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export interface Agency {
  name: string;
  level?: AgencyLevel;
}

export interface Website {
  name?: string;
  url?: string;
}

export interface Contact {
  address?: string;
  phone?: string;
  postcode?: string;
}

/** A sub-heading of 一、总体情况 or 六、其他需要报告的事项 with its text (heading may be ""). */
export interface NarrativeSection {
  heading: string;
  text: string;
}

/** rowKey → cellKey → value. */
export type TableData = Record<string, Record<string, Cell>>;

export interface Report {
  format: typeof REPORT_FORMAT;
  formatVersion: typeof FORMAT_VERSION;
  edition: EditionId;
  year: number;
  agency: Agency;
  title?: string;
  /** ISO date YYYY-MM-DD */
  date?: string;
  intro?: string;
  website?: Website;
  contact?: Contact;
  overview?: NarrativeSection[];
  /** Table 二: a row present means applicable (all its cells count); absent means not applicable. */
  activeDisclosure: TableData;
  /** Table 三: every row and cell (missing ones are blanks). */
  requests: TableData;
  /** Table 四: every group and cell. */
  reviewLitigation: TableData;
  problems?: string;
  otherMatters?: NarrativeSection[];
}

export type { ReviewCellKey, ReviewGroupKey, RequestColumnKey };

export type TableKey = "activeDisclosure" | "requests" | "reviewLitigation";

/** `{机关名称}{年份}年政府信息公开工作年度报告` */
export function defaultTitle(agencyName: string, year: number): string {
  return `${agencyName}${year}年政府信息公开工作年度报告`;
}

/**
 * A new report: every table row present with blank cells (table 二 with all its rows; remove the ones
 * that do not apply), the default title and the five standard overview sub-headings with empty text.
 */
export function emptyReport(editionId: EditionId, year: number, agency: Agency): Report {
  const layout = layoutOf(editionId);
  const activeDisclosure: TableData = {};
  for (const row of layout.adRows) activeDisclosure[row.key] = blankRow(row.columns.map((c) => c.key));
  return {
    format: REPORT_FORMAT,
    formatVersion: FORMAT_VERSION,
    edition: editionId,
    year,
    agency: { ...agency },
    title: defaultTitle(agency.name, year),
    overview: OVERVIEW_HEADINGS.map((h) => ({ heading: h.heading, text: "" })),
    activeDisclosure,
    requests: normalizeRequests(editionId, {}),
    reviewLitigation: normalizeReviewLitigation(editionId, {}),
  };
}

function blankRow(keys: string[]): Record<string, Cell> {
  const row: Record<string, Cell> = {};
  for (const k of keys) row[k] = null;
  return row;
}

/** Whether table 三 carries the non-standard otherApplicant column (any row has it). */
export function hasOtherApplicant(requests: TableData): boolean {
  for (const key in requests) if (requests[key] && "otherApplicant" in requests[key]) return true;
  return false;
}

/** Column keys of table 三 as the report has them (otherApplicant only when present), total last. */
export function requestColumnKeys(editionId: EditionId, requests: TableData): RequestColumnKey[] {
  const layout = layoutOf(editionId);
  const keys = [...layout.applicantColumnKeys] as RequestColumnKey[];
  if (hasOtherApplicant(requests)) keys.push("otherApplicant");
  keys.push("total");
  return keys;
}

/**
 * Table 三 with every row and column of the edition (missing cells blank); otherApplicant in every row
 * when any row has it. Unknown rows and cells are dropped. Returns a new object.
 */
export function normalizeRequests(editionId: EditionId, requests: TableData): TableData {
  const columns = requestColumnKeys(editionId, requests);
  const out: TableData = {};
  for (const rowKey of layoutOf(editionId).requestRowKeys) {
    const src = requests[rowKey];
    const row: Record<string, Cell> = {};
    for (const c of columns) row[c] = src?.[c] ?? null;
    out[rowKey] = row;
  }
  return out;
}

/** Table 四 with every group and cell (missing ones blank). Returns a new object. */
export function normalizeReviewLitigation(editionId: EditionId, data: TableData): TableData {
  const layout = layoutOf(editionId);
  const out: TableData = {};
  for (const group of layout.reviewGroups) {
    const src = data[group.key];
    const row: Record<string, Cell> = {};
    for (const cell of layout.edition.reviewLitigation.cells) row[cell.key] = src?.[cell.key] ?? null;
    out[group.key] = row;
  }
  return out;
}

/** Sum of the parts; blank counts as 0, but the sum is blank when every part is blank. */
export function sumCells(cells: Cell[]): Cell {
  let sum = 0;
  let any = false;
  for (const c of cells) {
    if (c !== null) {
      sum += c;
      any = true;
    }
  }
  return any ? roundSum(sum) : null;
}

/** Keeps sums of decimal amounts free of binary noise (0.1 + 0.2 → 0.3). */
export function roundSum(n: number): number {
  return Number.isInteger(n) ? n : Math.round(n * 1e6) / 1e6;
}

/**
 * A new report whose computed cells are filled from their parts, as the form shows them (read-only):
 * - table 三 row totals (总计 column) = sum of the applicant columns (otherApplicant included when present);
 * - （七）总计, every column = sum of the handling rows （一） … last （六） row;
 * - table 四 总计 of each group = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
 * Blank parts count as 0; a total is blank only when all its parts are blank. Tables 三 and 四 are
 * normalized to every row and cell (see normalizeRequests). Nothing else changes.
 */
export function computeTotals(report: Report): Report {
  const layout = layoutOf(report.edition);
  const requests = normalizeRequests(report.edition, report.requests);
  const columns = requestColumnKeys(report.edition, requests);
  const applicantColumns = columns.filter((c) => c !== "total");
  for (const rowKey of layout.requestRowKeys) {
    if (rowKey === "totalHandled") continue;
    const row = requests[rowKey];
    row.total = sumCells(applicantColumns.map((c) => row[c]));
  }
  const handled = requests.totalHandled;
  for (const c of columns) handled[c] = sumCells(layout.handlingRowKeys.map((r) => requests[r][c]));

  const reviewLitigation = normalizeReviewLitigation(report.edition, report.reviewLitigation);
  for (const group of layout.reviewGroups) {
    const row = reviewLitigation[group.key];
    row.total = sumCells(layout.reviewPartKeys.map((k) => row[k]));
  }
  return { ...report, requests, reviewLitigation };
}

// ---------------------------------------------------------------------------------------------------
// Cell paths and labels

/** `<table>.<row>.<cell>`, e.g. requests.totalHandled.naturalPerson */
export function cellPath(table: TableKey, row: string, cell: string): string {
  return `${table}.${row}.${cell}`;
}

export function parseCellPath(path: string): { table: string; row?: string; cell?: string } {
  const [table, row, cell] = path.split(".");
  return { table, row, cell };
}

export interface PathLabel {
  /** Section title, e.g. 三、收到和处理政府信息公开申请情况; for front matter 报告信息 */
  section: string;
  /** Table 二 only: 第二十条第（一）项 */
  group?: string;
  /** Row label (table 三: with its headings, e.g. 三、本年度办理结果（七）总计) or field label. */
  row: string;
  /** Column label of a table cell (unambiguous for the two 其他 columns of table 三). */
  column?: string;
  /** Ready to quote: 「三、本年度办理结果（七）总计」的「自然人」 or 「联系电话」 */
  text: string;
}

const FIELD_LABELS: Record<string, string> = {
  format: "文件格式",
  formatVersion: "格式版本号",
  edition: "报告格式版本",
  year: "报告年度",
  agency: "机关",
  "agency.name": "机关名称",
  "agency.level": "机关层级",
  title: "报告标题",
  date: "报告日期",
  intro: "引言",
  website: "发布网站",
  "website.name": "网站名称",
  "website.url": "网站网址",
  contact: "联系方式",
  "contact.address": "联系地址",
  "contact.phone": "联系电话",
  "contact.postcode": "邮政编码",
};

const quote = (s: string) => `「${s}」`;

/**
 * The Chinese labels of a cell path (`requests.totalHandled.naturalPerson` → row
 * 三、本年度办理结果（七）总计, column 自然人) or of a text field (`contact.phone` → 联系电话,
 * `overview` → 一、总体情况). Undefined for a path the edition does not know.
 */
export function cellLabel(edition: Edition | EditionId, path: string): PathLabel | undefined {
  const ed = typeof edition === "string" ? getEdition(edition) : edition;
  const layout = layoutOf(ed.id);
  const { table, row, cell } = parseCellPath(path);
  const section = ed.sections.find((s) => s.key === table);
  if (section && (!section.table || !row)) {
    return { section: section.title, row: section.title, text: quote(section.title) };
  }
  if (table === "activeDisclosure" && row) {
    const r = layout.adRowByKey.get(row);
    if (!r) return undefined;
    const base = { section: ed.activeDisclosure.title, group: r.group.label, row: r.label };
    if (!cell) return { ...base, text: quote(r.label) };
    const col = r.columns.find((c) => c.key === cell);
    if (!col) return undefined;
    return { ...base, column: col.label, text: `${quote(r.label)}的${quote(col.label)}` };
  }
  if (table === "requests" && row) {
    const label = layout.requestRowFullLabel.get(row);
    if (!label) return undefined;
    const base = { section: ed.requests.title, row: label };
    if (!cell) return { ...base, text: quote(label) };
    const col = layout.requestColumnByKey.get(cell);
    if (!col) return undefined;
    return { ...base, column: col.longLabel, text: `${quote(label)}的${quote(col.longLabel)}` };
  }
  if (table === "reviewLitigation" && row) {
    const group = layout.reviewGroupByKey.get(row);
    if (!group) return undefined;
    const base = { section: ed.reviewLitigation.title, row: group.longLabel };
    if (!cell) return { ...base, text: quote(group.longLabel) };
    const c = layout.reviewCellByKey.get(cell);
    if (!c) return undefined;
    return { ...base, column: c.label, text: `${quote(group.longLabel)}的${quote(c.label)}` };
  }
  const field = FIELD_LABELS[path];
  if (field) return { section: "报告信息", row: field, text: quote(field) };
  return undefined;
}

const labelTextCache: Record<EditionId, Map<string, string>> = { "2019": new Map(), "2021": new Map() };

/** 「row」的「column」 for a path, or the path itself when it has no label. Cached per edition. */
export function labelText(edition: Edition | EditionId, path: string): string {
  const id = typeof edition === "string" ? edition : edition.id;
  const cache = labelTextCache[id];
  let text = cache.get(path);
  if (text === undefined) {
    text = cellLabel(id, path)?.text ?? path;
    if (cache.size < 10_000) cache.set(path, text);
  }
  return text;
}
