/**
 * The row-label cells of table 三 as printed: up to three label columns, with 三、本年度办理结果 and the
 * （三）（四）（五）(2021:（六）) headings spanning the rows under them. Forms and exports draw from this.
 */
import type { Edition } from "./editions";
import { layoutOf } from "./layout";

export interface RowHeaderCell {
  label: string;
  rowSpan: number;
  colSpan: number;
  /** The label column (0 to REQUEST_LABEL_COLUMNS - 1) the cell starts in. */
  column: number;
  /** true for a heading that spans several data rows */
  heading: boolean;
}

export const REQUEST_LABEL_COLUMNS = 3;

/** For each data/total row of table 三 (print order), the label cells that start on that row. */
export function requestsRowHeaders(edition: Edition): Map<string, RowHeaderCell[]> {
  const layout = layoutOf(edition.id);
  const rows = edition.requests.rows;
  const dataRowsUnder = (headingKey: string): string[] =>
    layout.requestRows
      .filter((row) => {
        for (let parent = row.parent; parent; parent = rows.find((r) => r.key === parent)?.parent) {
          if (parent === headingKey) return true;
        }
        return false;
      })
      .map((row) => row.key);

  const result = new Map<string, RowHeaderCell[]>();
  for (const row of layout.requestRows) result.set(row.key, []);
  for (const heading of rows.filter((row) => row.kind === "heading")) {
    const under = dataRowsUnder(heading.key);
    if (under.length === 0) continue;
    result.get(under[0])!.push({ label: heading.label, rowSpan: under.length, colSpan: 1, column: heading.level, heading: true });
  }
  // A row's own label starts at the column of its level; the headings above it fill the columns to its left.
  for (const row of layout.requestRows) {
    result.get(row.key)!.push({ label: row.label, rowSpan: 1, colSpan: REQUEST_LABEL_COLUMNS - row.level, column: row.level, heading: false });
  }
  return result;
}
