/**
 * The key figures of one report, the ones offices compare across agencies and years (issue #16 item 2):
 *
 * - 新收申请: table 三 一、本年新收 总计, as stored;
 * - 予以公开率: (（一）予以公开 + （二）部分公开) ÷ （七）总计, the 总计 column (the share RATIO calls 实质公开率);
 * - 复议纠错率: table 四 行政复议 结果纠正 ÷ 总计;
 * - 诉讼纠错率: table 四 both 行政诉讼 groups' 结果纠正 ÷ both groups' 总计;
 * - 制发文件: table 二 规章 + 规范性文件, 2021 edition 本年制发件数, 2019 edition 本年新制作数量;
 * - 现行有效文件: table 二 规章 + 规范性文件, 现行有效件数 (2021 edition only).
 *
 * Every figure reads the cells as stored (totals are not recomputed, as in the county sum). A figure is
 * a number, or null with the reason it has none:
 * - `blank`: a cell it reads is blank (a blank never counts as 0 here: a rate of half-filled cells would
 *   look like a real one);
 * - `no-base`: a rate whose base is 0 (no request handled, no case);
 * - `not-applicable`: both table 二 rows are absent (the agency issues neither 规章 nor 规范性文件);
 * - `not-in-edition`: the report's edition has no such cell (现行有效件数 in the 2019 edition, whose
 *   对外公开总数量 counts documents published, not documents in force, and is not taken for it).
 */
import type { EditionId } from "./editions";
import { layoutOf } from "./layout";
import type { Cell, Report } from "./model";
import { readPath } from "./paths";

export const KEY_FIGURE_KEYS = [
  "newReceived",
  "disclosureRate",
  "reviewCorrectionRate",
  "litigationCorrectionRate",
  "documentsIssued",
  "documentsInForce",
] as const;
export type KeyFigureKey = (typeof KEY_FIGURE_KEYS)[number];

export type NoFigure = "blank" | "no-base" | "not-applicable" | "not-in-edition";

export type FigureValue =
  | {
      value: number;
      /** For a rate: the sum of its numerator cells and of its base cells. */
      parts?: { numerator: number; base: number };
    }
  | { value: null; why: NoFigure };

export interface KeyFigureDef {
  key: KeyFigureKey;
  label: string;
  kind: "count" | "rate";
  /** What the figure is, in Chinese, for the page's explanation of its columns. */
  description: string;
  /** The cells summed into the figure (for a rate, the numerator) in a report of `edition`; null: none in that edition. */
  cells: (edition: EditionId, report: Report) => string[] | null;
  /** A rate's base cells. */
  base?: string[];
}

const R = (row: string) => `requests.${row}.total`;
const DOCUMENT_ROWS = ["regulations", "normativeDocuments"] as const;

/** The table 二 cells of `column` in the document rows the report has (null when the edition has no such column). */
function documentCells(edition: EditionId, report: Report, column: string): string[] | null {
  const layout = layoutOf(edition);
  if (!DOCUMENT_ROWS.some((row) => layout.adRowByKey.get(row)?.columns.some((c) => c.key === column))) return null;
  return DOCUMENT_ROWS.filter((row) => report.activeDisclosure[row] !== undefined).map((row) => `activeDisclosure.${row}.${column}`);
}

export const KEY_FIGURE_DEFS: readonly KeyFigureDef[] = [
  {
    key: "newReceived",
    label: "新收申请",
    kind: "count",
    description: "表三「一、本年新收政府信息公开申请数量」的总计。",
    cells: () => [R("newReceived")],
  },
  {
    key: "disclosureRate",
    label: "予以公开率",
    kind: "rate",
    description: "（「（一）予以公开」＋「（二）部分公开」）÷「（七）总计」，均取总计列。",
    cells: () => [R("granted"), R("partiallyGranted")],
    base: [R("totalHandled")],
  },
  {
    key: "reviewCorrectionRate",
    label: "复议纠错率",
    kind: "rate",
    description: "表四行政复议「结果纠正」÷ 行政复议「总计」。",
    cells: () => ["reviewLitigation.review.corrected"],
    base: ["reviewLitigation.review.total"],
  },
  {
    key: "litigationCorrectionRate",
    label: "诉讼纠错率",
    kind: "rate",
    description: "表四行政诉讼（未经复议直接起诉、复议后起诉）「结果纠正」之和 ÷ 两项「总计」之和。",
    cells: () => ["reviewLitigation.litigationDirect.corrected", "reviewLitigation.litigationAfterReview.corrected"],
    base: ["reviewLitigation.litigationDirect.total", "reviewLitigation.litigationAfterReview.total"],
  },
  {
    key: "documentsIssued",
    label: "制发文件",
    kind: "count",
    description: "表二规章与规范性文件之和：2021年版「本年制发件数」，2019年版「本年新制作数量」。",
    cells: (edition, report) => documentCells(edition, report, edition === "2019" ? "newlyMade" : "made"),
  },
  {
    key: "documentsInForce",
    label: "现行有效文件",
    kind: "count",
    description: "表二规章与规范性文件「现行有效件数」之和（2021年版起；2019年版表二无此项）。",
    cells: (edition, report) => documentCells(edition, report, "inForce"),
  },
];

export const KEY_FIGURE_DEF: Record<KeyFigureKey, KeyFigureDef> = Object.fromEntries(
  KEY_FIGURE_DEFS.map((def) => [def.key, def]),
) as Record<KeyFigureKey, KeyFigureDef>;

/** The values at `paths`, or undefined when any is blank (or missing from the stored tables). */
function valuesAt(report: Report, paths: string[]): number[] | undefined {
  const out: number[] = [];
  for (const path of paths) {
    const value = readPath(report, path) as Cell | undefined;
    if (typeof value !== "number") return undefined;
    out.push(value);
  }
  return out;
}

/** Sum with the float noise of decimal cells removed (counts are integers anyway). */
const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;

/** One figure of a report. */
export function keyFigure(report: Report, key: KeyFigureKey): FigureValue {
  const def = KEY_FIGURE_DEF[key];
  const cells = def.cells(report.edition, report);
  if (cells === null) return { value: null, why: "not-in-edition" };
  if (cells.length === 0) return { value: null, why: "not-applicable" };
  const values = valuesAt(report, cells);
  if (!values) return { value: null, why: "blank" };
  if (!def.base) return { value: sum(values) };
  const base = valuesAt(report, def.base);
  if (!base) return { value: null, why: "blank" };
  const numerator = sum(values);
  const denominator = sum(base);
  if (denominator === 0) return { value: null, why: "no-base" };
  return { value: numerator / denominator, parts: { numerator, base: denominator } };
}

/** Every key figure of a report. */
export function reportKeyFigures(report: Report): Record<KeyFigureKey, FigureValue> {
  return Object.fromEntries(KEY_FIGURE_KEYS.map((key) => [key, keyFigure(report, key)])) as Record<KeyFigureKey, FigureValue>;
}

/** Why a figure is missing, in Chinese, for the cell's tooltip. */
export const NO_FIGURE_TEXT: Record<NoFigure, string> = {
  blank: "报告中相关单元格为空白",
  "no-base": "无基数（分母为 0）",
  "not-applicable": "表二无规章、规范性文件行（不适用）",
  "not-in-edition": "该年度所用版式（2019年版）无此项",
};
