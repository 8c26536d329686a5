/**
 * A report's figures (the cells of tables 二, 三 and 四) as a flat list, stored beside the report
 * (reports.figures) when its content is written, so that pages and downloads over thousands of reports (the
 * roll-up, its XLSX) read a few hundred numbers per report instead of parsing and checking its whole content.
 *
 * The list follows figurePaths(edition): every cell the edition can have, in a fixed order. A cell the report
 * does not have is `false`: a table 二 row it leaves out (not applicable) and table 三's optional
 * otherApplicant column. So the three tables come back exactly as stored (figureTables), which is all the
 * roll-up's sum (aggregate.ts) reads of a report.
 */
import type { EditionId } from "./editions";
import { layoutOf } from "./layout";
import type { Cell, Report, TableData, TableKey } from "./model";

/** A stored cell: its value (null when blank), or false when the report has no such cell. */
export type StoredFigure = Cell | false;

/** Where a figure is: its table, row and cell, as in its path `table.row.cell`. */
export type FigurePlace = { path: string; table: TableKey; row: string; cell: string };

const places = new Map<EditionId, FigurePlace[]>();

/** Every cell of tables 二, 三 and 四 of the edition (otherApplicant included), in the order figures are stored. */
export function figurePlaces(edition: EditionId): FigurePlace[] {
  let list = places.get(edition);
  if (!list) {
    const layout = layoutOf(edition);
    const paths = [
      ...layout.adRows.flatMap((row) => row.paths),
      ...layout.requestRowKeys.flatMap((row) => Object.values(layout.requestPaths[row])),
      ...layout.reviewGroups.flatMap((group) => Object.values(layout.reviewPaths[group.key])),
    ];
    list = paths.map((path) => {
      const [table, row, cell] = path.split(".") as [TableKey, string, string];
      return { path, table, row, cell };
    });
    places.set(edition, list);
  }
  return list;
}

/** Each figure path of the edition with its index in the stored list. */
const indexes = new Map<EditionId, Map<string, number>>();

export function figureIndex(edition: EditionId): Map<string, number> {
  let index = indexes.get(edition);
  if (!index) {
    index = new Map(figurePlaces(edition).map((place, i) => [place.path, i]));
    indexes.set(edition, index);
  }
  return index;
}

/** The report's figures in the edition's order (see figurePlaces). */
export function reportFigures(report: Report): StoredFigure[] {
  return figurePlaces(report.edition).map(({ table, row, cell }) => {
    const cells = report[table][row];
    if (cells === undefined) return false;
    // A table 二 row present is applicable: a cell missing from it is blank.
    if (table === "activeDisclosure") return cells[cell] ?? null;
    const value = cells[cell];
    return value === undefined ? false : value;
  });
}

/**
 * The three tables back from stored figures: the cells the report has, as it had them. Undefined when the
 * list does not fit the edition (written by another version of the list): read the content instead.
 */
export function figureTables(edition: EditionId, figures: unknown): Pick<Report, TableKey> | undefined {
  const list = figurePlaces(edition);
  if (!Array.isArray(figures) || figures.length !== list.length) return undefined;
  const tables: Record<TableKey, TableData> = { activeDisclosure: {}, requests: {}, reviewLitigation: {} };
  for (let i = 0; i < list.length; i++) {
    const value: unknown = figures[i];
    if (value === false) continue;
    if (value !== null && typeof value !== "number") return undefined;
    const { table, row, cell } = list[i];
    (tables[table][row] ??= {})[cell] = value;
  }
  return tables;
}
