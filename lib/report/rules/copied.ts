/**
 * X-COPIED (warning): a narrative section (一, 五, 六) nearly the same as last year's. Compared character
 * by character once digits, Chinese numerals, punctuation and whitespace are removed (so years and counts
 * do not count); similarity is 1 − (characters inserted and deleted) / (both lengths), the share of the
 * two texts that is common, in order. Flagged from 90%. Short sections ("无", a fee statement of one line)
 * are left alone: saying the same short thing every year is no copy.
 */
import { SECTIONS } from "../editions";
import type { Report } from "../model";
import { RecentResults } from "../recent-results";
import type { RuleDef } from "./types";

/** Flagged at or above this similarity. */
export const COPIED_SIMILARITY = 0.9;
/** Sections shorter than this (once normalized) are not compared. */
export const COPIED_MINIMUM_CHARACTERS = 50;

type CopiedSection = "overview" | "problems" | "otherMatters";

function sectionText(report: Report, key: CopiedSection): string {
  if (key === "problems") return report.problems ?? "";
  return (report[key] ?? []).map((part) => part.text).join("\n");
}

const IGNORED = /[\d０-９〇零一二两三四五六七八九十百千万亿\s\p{P}\p{S}]/gu;

/** The text as compared: without digits, Chinese numerals, punctuation and whitespace. */
export function comparableText(text: string): string {
  return text.replace(IGNORED, "");
}

export const copiedFromLastYear: RuleDef = {
  id: "X-COPIED",
  severity: "warning",
  description: "一、五、六部分与上一年度报告基本相同（不计数字和年份，相似度达到 90%）：应按本年度实际情况撰写。",
  check(ctx, emit) {
    const previous = ctx.previous;
    if (!previous) return;
    for (const key of ["overview", "problems", "otherMatters"] as const) {
      const now = comparableText(sectionText(ctx.report, key));
      const before = comparableText(sectionText(previous, key));
      if (now.length < COPIED_MINIMUM_CHARACTERS || before.length < COPIED_MINIMUM_CHARACTERS) continue;
      const similar = similarityAtLeast(now, before, COPIED_SIMILARITY);
      if (similar === undefined) continue;
      const title = SECTIONS.find((s) => s.key === key)?.title ?? key;
      const percent = Math.floor(similar * 100);
      emit(
        [key],
        `「${title}」与上一年度（${previous.year}年）报告的同一部分相似度为 ${percent}%（逐字比较，不计数字和年份）；请按本年度的实际情况撰写。`,
      );
    }
  },
};

/** Results of recent comparisons: most sections did not change since the last keystroke. */
const comparisons = new RecentResults<number | undefined>(32);

/**
 * The similarity of `a` and `b` (1 − edits / (|a| + |b|), edits being the characters inserted and
 * deleted to turn one into the other) when it is at least `threshold`, otherwise undefined. Myers'
 * O((N+M)·D) difference, stopped once D passes what the threshold allows.
 */
export function similarityAtLeast(a: string, b: string, threshold: number): number | undefined {
  return comparisons.get(`${threshold}\u0000${a}\u0000${b}`, () => compute(a, b, threshold));
}

function compute(a: string, b: string, threshold: number): number | undefined {
  const n = a.length;
  const m = b.length;
  if (n + m === 0) return 1;
  // The edits the threshold allows; the small allowance keeps 0.1 × 100 at 10 (in binary (1 − 0.9) × 100 is 9.99…).
  const maxD = Math.floor((1 - threshold) * (n + m) + 1e-9);
  // Stryker disable next-line ConditionalExpression: a quick lower bound; editDistanceUpTo gives up past maxD all the same
  if (Math.abs(n - m) > maxD) return undefined;
  // Stryker disable next-line ConditionalExpression: a quick lower bound; editDistanceUpTo gives up past maxD all the same
  if (characterCountDistance(a, b) > maxD) return undefined;
  const d = editDistanceUpTo(a, b, maxD);
  return d === undefined ? undefined : 1 - d / (n + m);
}

/** A lower bound of the edit distance: characters one text has more of than the other. Cheap. */
// Stryker disable BlockStatement,LogicalOperator,AssignmentOperator: a lower bound used only to give up early (see compute)
function characterCountDistance(a: string, b: string): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < a.length; i++) counts.set(a.charCodeAt(i), (counts.get(a.charCodeAt(i)) ?? 0) + 1);
  for (let i = 0; i < b.length; i++) counts.set(b.charCodeAt(i), (counts.get(b.charCodeAt(i)) ?? 0) - 1);
  let distance = 0;
  for (const c of counts.values()) distance += Math.abs(c);
  return distance;
}
// Stryker restore BlockStatement,LogicalOperator,AssignmentOperator

/** Insertions plus deletions turning `a` into `b` (Myers), or undefined when more than `maxD`. */
function editDistanceUpTo(a: string, b: string, maxD: number): number | undefined {
  const n = a.length;
  const m = b.length;
  // Stryker disable next-line ArithmeticOperator: maxD - 1 shifts every index by two, still inside the array except one write at d = maxD that is never read
  const offset = maxD + 1;
  const v = new Int32Array(2 * maxD + 3);
  // Stryker disable next-line ArithmeticOperator: an Int32Array starts filled with zeros
  v[offset + 1] = 0;
  for (let d = 0; d <= maxD; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: past either end charCodeAt gives NaN, equal to nothing, so the bounds only say it plainly
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return undefined;
}
