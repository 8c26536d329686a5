/**
 * Outliers among agencies' figures, by a rule kept as data: Tukey's fences. A value below
 * Q1 − 1.5 × IQR or above Q3 + 1.5 × IQR is an outlier (low or high), IQR = Q3 − Q1, the quartiles by
 * linear interpolation between order statistics (R's type 7, Excel's QUARTILE.INC). With fewer than
 * `minimumValues` values no one is judged: quartiles of three agencies say nothing.
 *
 * When most agencies share a value (most counties' agencies have no 行政复议 case), IQR is 0 and every
 * other value is outside the fences: that agency does stand out, and is marked.
 */

export const OUTLIER_RULE = {
  /** How far beyond the quartiles, in IQRs, a value is an outlier. */
  factor: 1.5,
  /** Fewer values than this: nobody is judged. */
  minimumValues: 5,
} as const;

export type OutlierRule = { factor: number; minimumValues: number };

export interface Fences {
  q1: number;
  median: number;
  q3: number;
  low: number;
  high: number;
}

/** The value at quantile p (0…1) of sorted values, interpolated linearly (type 7). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("quantile of no values");
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** The median of values (any order); null for none. */
export function median(values: readonly number[]): number | null {
  return values.length === 0 ? null : quantile([...values].sort((a, b) => a - b), 0.5);
}

/** The fences of a set of values; null when there are too few to judge. */
export function outlierFences(values: readonly number[], rule: OutlierRule = OUTLIER_RULE): Fences | null {
  if (values.length < rule.minimumValues) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const spread = (q3 - q1) * rule.factor;
  return { q1, median: quantile(sorted, 0.5), q3, low: q1 - spread, high: q3 + spread };
}

export type Outlier = "high" | "low";

/** Whether a value lies outside the fences, and on which side. */
export function outlierSide(value: number, fences: Fences | null): Outlier | null {
  if (!fences) return null;
  if (value > fences.high) return "high";
  if (value < fences.low) return "low";
  return null;
}
