/**
 * Per-edition lists derived once from the edition data (which rows/cells exist, which are summed into
 * which total, the full Chinese label of each row). Rules, totals and the interchange reader use these
 * instead of walking the edition definitions on every keystroke.
 */
import { getEdition } from "./editions";
import type {
  ActiveDisclosureGroup,
  ColumnDef,
  Edition,
  EditionId,
  RequestColumnDef,
  RequestRowDef,
  ReviewCellDef,
  ReviewGroupDef,
} from "./editions";

export interface ActiveDisclosureRowLayout {
  key: string;
  label: string;
  group: ActiveDisclosureGroup;
  columns: ColumnDef[];
  /** Cell paths of the row, in column order: activeDisclosure.<row>.<column> */
  paths: string[];
}

export interface EditionLayout {
  edition: Edition;
  adRows: ActiveDisclosureRowLayout[];
  adRowByKey: Map<string, ActiveDisclosureRowLayout>;
  /** Data and total rows of table 三 in print order (no headings). */
  requestRows: RequestRowDef[];
  requestRowByKey: Map<string, RequestRowDef>;
  requestRowKeys: string[];
  /** Rows summed into （七）总计. */
  handlingRowKeys: string[];
  /** Standard applicant columns (no otherApplicant, no total). */
  applicantColumnKeys: string[];
  requestColumnByKey: Map<string, RequestColumnDef>;
  /** Full label of each table 三 row including its headings, e.g. 三、本年度办理结果（七）总计. */
  requestRowFullLabel: Map<string, string>;
  reviewGroups: ReviewGroupDef[];
  reviewGroupByKey: Map<string, ReviewGroupDef>;
  reviewCellByKey: Map<string, ReviewCellDef>;
  /** upheld, corrected, other, pending */
  reviewPartKeys: string[];
  /** requests.<row>.<column> for every row and every column (otherApplicant included). */
  requestPaths: Record<string, Record<string, string>>;
  /** reviewLitigation.<group>.<cell> for every group and cell. */
  reviewPaths: Record<string, Record<string, string>>;
  /**
   * The cells computed from their parts in the form, which nobody fills: table 三's 总计 column and its
   * （七）总计 row, table 四's 总计 of each group. Table 二 has none.
   */
  computedPaths: ReadonlySet<string>;
}

const cache = new Map<EditionId, EditionLayout>();

export function layoutOf(id: EditionId): EditionLayout {
  let layout = cache.get(id);
  if (!layout) {
    layout = buildLayout(getEdition(id));
    cache.set(id, layout);
  }
  return layout;
}

function buildLayout(edition: Edition): EditionLayout {
  const adRows: ActiveDisclosureRowLayout[] = [];
  for (const group of edition.activeDisclosure.groups) {
    for (const row of group.rows) {
      const paths = group.columns.map((c) => `activeDisclosure.${row.key}.${c.key}`);
      adRows.push({ key: row.key, label: row.label, group, columns: group.columns, paths });
    }
  }
  const allRows = edition.requests.rows;
  const rowByKey = new Map(allRows.map((r) => [r.key, r]));
  const requestRows = allRows.filter((r) => r.kind !== "heading");
  const fullLabel = new Map<string, string>();
  for (const row of requestRows) {
    let label = row.label;
    for (let parent = row.parent; parent; parent = rowByKey.get(parent)?.parent) {
      label = (rowByKey.get(parent)?.label ?? "") + label;
    }
    fullLabel.set(row.key, label);
  }
  const rl = edition.reviewLitigation;
  const paths = (table: string, rows: string[], cells: string[]) => {
    const out: Record<string, Record<string, string>> = {};
    for (const row of rows) {
      out[row] = {};
      for (const cell of cells) out[row][cell] = `${table}.${row}.${cell}`;
    }
    return out;
  };
  const requestPaths = paths("requests", requestRows.map((r) => r.key), edition.requests.columns.map((c) => c.key));
  const reviewPaths = paths("reviewLitigation", rl.groups.map((g) => g.key), rl.cells.map((c) => c.key));
  const computedPaths = new Set<string>();
  for (const row of requestRows) {
    for (const column of edition.requests.columns) {
      if (row.kind === "total" || column.total) computedPaths.add(requestPaths[row.key][column.key]);
    }
  }
  for (const group of rl.groups) {
    for (const cell of rl.cells) if (cell.total) computedPaths.add(reviewPaths[group.key][cell.key]);
  }
  return {
    edition,
    adRows,
    adRowByKey: new Map(adRows.map((r) => [r.key, r])),
    requestRows,
    requestRowByKey: new Map(requestRows.map((r) => [r.key, r])),
    requestRowKeys: requestRows.map((r) => r.key),
    handlingRowKeys: requestRows.filter((r) => r.handling).map((r) => r.key),
    applicantColumnKeys: edition.requests.columns.filter((c) => !c.optional && !c.total).map((c) => c.key),
    requestColumnByKey: new Map(edition.requests.columns.map((c) => [c.key, c])),
    requestRowFullLabel: fullLabel,
    reviewGroups: rl.groups,
    reviewGroupByKey: new Map(rl.groups.map((g) => [g.key, g])),
    reviewCellByKey: new Map(rl.cells.map((c) => [c.key, c])),
    reviewPartKeys: rl.cells.filter((c) => !c.total).map((c) => c.key),
    requestPaths,
    reviewPaths,
    computedPaths,
  };
}
