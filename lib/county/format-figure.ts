/** How the comparison prints a figure (no imports: the chart in the browser uses it too). */
export type FigureKind = "count" | "rate" | "days";

/** A rate as a percentage with at most one decimal (75%, 33.3%); counts and days as they are. */
export function formatFigure(kind: FigureKind, value: number): string {
  if (kind === "rate") return `${Number((value * 100).toFixed(1))}%`;
  return String(Number(value.toFixed(2)));
}
