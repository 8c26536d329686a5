/**
 * RATIO (info): the ratios evaluators look at, flagged beyond thresholds kept here as data. Only informs:
 * never blocks, needs no acknowledgement. A ratio is computed only when its base is large enough to mean
 * something and none of its cells is blank.
 */
import { labelText } from "../model";
import { cellAt } from "./shared";
import type { RuleContext, RuleDef } from "./types";

/** The thresholds of RATIO (contract section 7). */
export const RATIO_THRESHOLDS = {
  /** A ratio is looked at only when its base (the denominator) is at least this. */
  minimumBase: 30,
  /** 实质公开率 (予以公开 + 部分公开) / （七）总计 below this is flagged. */
  substantiveDisclosureBelow: 0.4,
  /** 复议纠错率 and 诉讼纠错率 (结果纠正 / 总计) above this are flagged. */
  correctionAbove: 0.15,
  /** The share of 无法提供 in （七）总计 above this is flagged. */
  unableAbove: 0.35,
} as const;

interface Ratio {
  /** 实质公开率 … */
  name: string;
  /** Cells of the numerator, then of the base: the cells the finding names. */
  parts: string[];
  base: string[];
  /** How the message states the numerator and the base. */
  partsText: (values: number[], sum: number) => string;
  baseText: (values: number[], sum: number) => string;
  flagged: (ratio: number) => boolean;
  limitText: string;
}

const T = RATIO_THRESHOLDS;
const R = (row: string) => `requests.${row}.total`;
const percent = (x: number) => `${Number((x * 100).toFixed(1))}%`;

function ratios(ctx: RuleContext): Ratio[] {
  const label = (path: string) => labelText(ctx.report.edition, path);
  const unable = ctx.layout.requestRowKeys.filter((k) => k.startsWith("unable")).map(R);
  const handledText = (_: number[], sum: number) => `${label(R("totalHandled"))} ${sum} 件`;
  return [
    {
      name: "实质公开率",
      parts: [R("granted"), R("partiallyGranted")],
      base: [R("totalHandled")],
      partsText: ([granted, partial]) => `「予以公开」${granted} 件加「部分公开」${partial} 件`,
      baseText: handledText,
      flagged: (x) => x < T.substantiveDisclosureBelow,
      limitText: `低于 ${percent(T.substantiveDisclosureBelow)}`,
    },
    {
      name: "「无法提供」占比",
      parts: unable,
      base: [R("totalHandled")],
      partsText: (_, sum) => `「（四）无法提供」各项合计 ${sum} 件`,
      baseText: handledText,
      flagged: (x) => x > T.unableAbove,
      limitText: `高于 ${percent(T.unableAbove)}`,
    },
    {
      name: "行政复议纠错率",
      parts: ["reviewLitigation.review.corrected"],
      base: ["reviewLitigation.review.total"],
      partsText: (_, sum) => `「结果纠正」${sum} 件`,
      baseText: (_, sum) => `${label("reviewLitigation.review.total")} ${sum} 件`,
      flagged: (x) => x > T.correctionAbove,
      limitText: `高于 ${percent(T.correctionAbove)}`,
    },
    {
      name: "行政诉讼纠错率",
      parts: ["reviewLitigation.litigationDirect.corrected", "reviewLitigation.litigationAfterReview.corrected"],
      base: ["reviewLitigation.litigationDirect.total", "reviewLitigation.litigationAfterReview.total"],
      partsText: ([direct, after], sum) => `「结果纠正」${sum} 件（未经复议直接起诉 ${direct}，复议后起诉 ${after}）`,
      baseText: (_, sum) => `行政诉讼的「总计」${sum} 件`,
      flagged: (x) => x > T.correctionAbove,
      limitText: `高于 ${percent(T.correctionAbove)}`,
    },
  ];
}

function valuesAt(ctx: RuleContext, paths: string[]): number[] | undefined {
  const out: number[] = [];
  for (const path of paths) {
    const [table, row, cell] = path.split(".");
    const v = cellAt(table === "requests" ? ctx.report.requests : ctx.report.reviewLitigation, row, cell);
    if (v === null) return undefined;
    out.push(v);
  }
  return out;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export const riskRatios: RuleDef = {
  id: "RATIO",
  severity: "info",
  description: `提示：实质公开率低于 40%、行政复议或行政诉讼纠错率高于 15%、「无法提供」占比高于 35%（基数不少于 ${T.minimumBase} 件时）。仅作提示，不影响提交。`,
  check(ctx, emit) {
    for (const ratio of ratios(ctx)) {
      const parts = valuesAt(ctx, ratio.parts);
      const base = valuesAt(ctx, ratio.base);
      if (!parts || !base) continue;
      const baseSum = sum(base);
      if (baseSum < T.minimumBase) continue;
      const value = sum(parts) / baseSum;
      if (!ratio.flagged(value)) continue;
      emit(
        [...ratio.parts, ...ratio.base],
        `${ratio.name}为 ${percent(value)}：${ratio.partsText(parts, sum(parts))}，占${ratio.baseText(base, baseSum)}，${ratio.limitText}。仅作提示，不影响提交。`,
      );
    }
  },
};
