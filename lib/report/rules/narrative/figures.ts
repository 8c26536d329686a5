/**
 * The table figures a narrative restates, as data: for each, what the narrative calls it, the cells the
 * finding names, the values that agree with the tables (any accepted reading is no finding) and how the
 * message gives the table's number.
 */
import { labelText } from "../../model";
import type { Cell } from "../../model";
import { cellAt } from "../shared";
import type { RuleContext } from "../types";

export type FigureKey =
  | "received"
  | "review"
  | "litigation"
  | "handled"
  | "carriedOver"
  | "carriedForward"
  | "granted"
  | "partiallyGranted"
  | "grantedOrPartial"
  | "denied"
  | "unable"
  | "notProcessed"
  | "otherHandling"
  | "reviewUpheld"
  | "reviewCorrected"
  | "litigationUpheld"
  | "litigationCorrected"
  | `${ActiveDisclosureRow}.${ActiveDisclosureFigure}`;

/** Rows of table 二 a narrative restates, and what it says of them. */
export type ActiveDisclosureRow = "regulations" | "normativeDocuments" | "licensing" | "punishment" | "coercion";
export type ActiveDisclosureFigure = "made" | "repealed" | "inForce" | "decisions";

/** A figure as the report's tables give it. */
export interface TableFigure {
  /** What the narrative states, for the message: 收到政府信息公开申请, 予以公开 … */
  topic: string;
  /** The cells the finding names (the first is where it shows), before the narrative field. */
  cells: string[];
  /** Values of the tables a statement may give without a finding. */
  accepted: number[];
  /** The table's number in the message: 表三「…」的「总计」为 3 */
  tableText: string;
}

/** The order figures are checked and their findings listed: the original three first. */
export const FIGURE_ORDER: FigureKey[] = [
  "received",
  "review",
  "litigation",
  "handled",
  "carriedOver",
  "granted",
  "partiallyGranted",
  "grantedOrPartial",
  "denied",
  "unable",
  "notProcessed",
  "otherHandling",
  "carriedForward",
  "reviewUpheld",
  "reviewCorrected",
  "litigationUpheld",
  "litigationCorrected",
];

const R = (row: string) => `requests.${row}.total`;

/** Paths of table 三's total cells of the rows whose key starts with `prefix` (the items of a heading). */
function rowsStartingWith(ctx: RuleContext, ...prefixes: string[]): string[] {
  return ctx.layout.requestRowKeys.filter((k) => prefixes.some((p) => k.startsWith(p)) && k !== "totalHandled").map(R);
}

/** The value of a path, or undefined when it is blank or absent. */
function valueAt(ctx: RuleContext, path: string): number | undefined {
  const [table, row, cell] = path.split(".");
  const data = table === "requests" ? ctx.report.requests : table === "reviewLitigation" ? ctx.report.reviewLitigation : ctx.report.activeDisclosure;
  const v: Cell = cellAt(data, row, cell);
  return v === null ? undefined : v;
}

/** The sum of paths, or undefined when any is blank. */
function sumAt(ctx: RuleContext, paths: string[]): number | undefined {
  let sum = 0;
  for (const p of paths) {
    const v = valueAt(ctx, p);
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

const label = (ctx: RuleContext, path: string) => labelText(ctx.report.edition, path);

/** A figure of one cell of table 三 or 四, accepted when the statement gives its value. */
function single(ctx: RuleContext, topic: string, path: string, table: "表三" | "表四"): TableFigure | undefined {
  const v = valueAt(ctx, path);
  if (v === undefined) return undefined;
  return { topic, cells: [path], accepted: [v], tableText: `${table}${label(ctx, path)}为 ${v}` };
}

/** A figure summed over cells, named in the message by `what`. */
function summed(ctx: RuleContext, topic: string, paths: string[], what: string): TableFigure | undefined {
  if (paths.length === 0) return undefined;
  const v = sumAt(ctx, paths);
  if (v === undefined) return undefined;
  return { topic, cells: paths, accepted: [v], tableText: `${what}合计为 ${v}` };
}

/** Table 四's litigation groups summed for one cell (upheld, corrected, total). */
function litigation(ctx: RuleContext, topic: string, cell: string, what: string): TableFigure | undefined {
  const direct = valueAt(ctx, `reviewLitigation.litigationDirect.${cell}`);
  const after = valueAt(ctx, `reviewLitigation.litigationAfterReview.${cell}`);
  if (direct === undefined || after === undefined) return undefined;
  return {
    topic,
    cells: [`reviewLitigation.litigationDirect.${cell}`, `reviewLitigation.litigationAfterReview.${cell}`],
    accepted: [direct + after],
    tableText: `表四行政诉讼的「${what}」合计为 ${direct + after}（未经复议直接起诉 ${direct}，复议后起诉 ${after}）`,
  };
}

/** Which columns of a table 二 row a statement may mean, by edition (none: the edition does not count it). */
const AD_COLUMNS: Record<"2019" | "2021", Record<ActiveDisclosureFigure, string[]>> = {
  "2019": { made: ["newlyMade", "newlyPublished"], repealed: [], inForce: [], decisions: ["decisions"] },
  "2021": { made: ["made"], repealed: ["repealed"], inForce: ["inForce"], decisions: ["decisions"] },
};

const AD_TOPIC: Record<ActiveDisclosureFigure, string> = { made: "制发", repealed: "废止", inForce: "现行有效", decisions: "作出" };

function activeDisclosureFigure(ctx: RuleContext, row: ActiveDisclosureRow, figure: ActiveDisclosureFigure): TableFigure | undefined {
  const data = ctx.report.activeDisclosure[row];
  const def = ctx.layout.adRowByKey.get(row);
  if (!data || !def) return undefined; // not applicable to the agency
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: AD_COLUMNS has an entry for each edition (EditionId is "2019" | "2021")
  const columns = AD_COLUMNS[ctx.report.edition as "2019" | "2021"]?.[figure] ?? [];
  const paths = columns.filter((c) => c in data).map((c) => `activeDisclosure.${row}.${c}`);
  const values = paths.map((p) => valueAt(ctx, p));
  if (paths.length === 0 || values.some((v) => v === undefined)) return undefined;
  const parts = paths.map((p, i) => `${label(ctx, p)}为 ${values[i]}`);
  const what = figure === "decisions" ? `${def.label}决定` : `${def.label}`;
  return {
    topic: `${AD_TOPIC[figure]}${what}`,
    cells: [paths[0]],
    accepted: values as number[],
    tableText: `表二${parts.join("，")}`,
  };
}

/** The figure `key` as the report's tables give it, or undefined when they do not (a blank cell, an absent row). */
export function tableFigure(ctx: RuleContext, key: FigureKey): TableFigure | undefined {
  const newReceived = valueAt(ctx, R("newReceived"));
  const carriedOver = valueAt(ctx, R("carriedOver"));
  const handled = valueAt(ctx, R("totalHandled"));
  const receivedReadings = newReceived === undefined ? [] : carriedOver === undefined ? [newReceived] : [newReceived, newReceived + carriedOver];
  switch (key) {
    case "received": {
      if (newReceived === undefined) return undefined;
      return {
        topic: "收到政府信息公开申请",
        cells: [R("newReceived")],
        accepted: receivedReadings,
        tableText: `表三${label(ctx, R("newReceived"))}为 ${newReceived}`,
      };
    }
    case "handled": {
      if (handled === undefined) return undefined;
      return {
        topic: "办理政府信息公开申请",
        cells: [R("totalHandled")],
        accepted: [handled, ...receivedReadings],
        tableText: `表三${label(ctx, R("totalHandled"))}为 ${handled}`,
      };
    }
    case "carriedOver":
      return single(ctx, "上年结转的申请", R("carriedOver"), "表三");
    case "carriedForward":
      return single(ctx, "结转下年度继续办理的申请", R("carriedForward"), "表三");
    case "granted": {
      const f = single(ctx, "予以公开", R("granted"), "表三");
      const partial = valueAt(ctx, R("partiallyGranted"));
      if (f && partial !== undefined) f.accepted.push(f.accepted[0] + partial); // 予以公开 counted with 部分公开
      return f;
    }
    case "partiallyGranted":
      return single(ctx, "部分公开", R("partiallyGranted"), "表三");
    case "grantedOrPartial":
      return summed(ctx, "予以公开及部分公开", [R("granted"), R("partiallyGranted")], "表三「（一）予以公开」与「（二）部分公开」的「总计」");
    case "denied":
      return summed(ctx, "不予公开", rowsStartingWith(ctx, "denied"), "表三「（三）不予公开」各项的「总计」");
    case "unable":
      return summed(ctx, "无法提供", rowsStartingWith(ctx, "unable"), "表三「（四）无法提供」各项的「总计」");
    case "notProcessed":
      return summed(ctx, "不予处理", rowsStartingWith(ctx, "notProcessed"), "表三「（五）不予处理」各项的「总计」");
    case "otherHandling":
      return summed(ctx, "其他处理", rowsStartingWith(ctx, "other"), "表三「（六）其他处理」各项的「总计」");
    case "review":
      return single(ctx, "行政复议", "reviewLitigation.review.total", "表四");
    case "reviewUpheld":
      return single(ctx, "行政复议结果维持", "reviewLitigation.review.upheld", "表四");
    case "reviewCorrected":
      return single(ctx, "行政复议结果纠正", "reviewLitigation.review.corrected", "表四");
    case "litigation": {
      const f = litigation(ctx, "行政诉讼", "total", "总计");
      if (f) f.cells = [f.cells[0]]; // named by its first group's total, as before
      return f;
    }
    case "litigationUpheld":
      return litigation(ctx, "行政诉讼结果维持", "upheld", "结果维持");
    case "litigationCorrected":
      return litigation(ctx, "行政诉讼结果纠正", "corrected", "结果纠正");
    default: {
      const [row, figure] = key.split(".") as [ActiveDisclosureRow, ActiveDisclosureFigure];
      return activeDisclosureFigure(ctx, row, figure);
    }
  }
}
