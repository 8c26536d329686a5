import { edition2019 } from "./2019";
import { edition2021 } from "./2021";
import { OTHER_MATTERS_SUGGESTIONS_2021 } from "./common";
import type { Edition, EditionId, RequestColumnDef } from "./types";

export * from "./types";
export { OVERVIEW_HEADINGS, OTHER_MATTERS_SUGGESTIONS_2021, SECTIONS, REQUESTS_CORNER_NOTE } from "./common";
export { edition2019, edition2021 };

export const EDITIONS: Record<EditionId, Edition> = { "2019": edition2019, "2021": edition2021 };
export const EDITION_IDS: EditionId[] = ["2019", "2021"];

export function isEditionId(value: unknown): value is EditionId {
  return value === "2019" || value === "2021";
}

export function getEdition(id: EditionId): Edition {
  const edition = EDITIONS[id];
  if (!edition) throw new Error(`未知的格式版本：${String(id)}`);
  return edition;
}

/** The edition a report year is written in: 2019–2020 → "2019", 2021 and later → "2021". */
export function editionForYear(year: number): EditionId {
  return year >= 2021 ? "2021" : "2019";
}

/** Suggested sub-headings of 六、其他需要报告的事项 for an edition (empty for 2019). */
export function otherMattersSuggestions(id: EditionId): { heading: string; hint: string }[] {
  return id === "2021" ? OTHER_MATTERS_SUGGESTIONS_2021 : [];
}

/** One header cell of table 三 (the corner cell is not included: it spans all header rows). */
export interface HeaderCell {
  label: string;
  colSpan: number;
  rowSpan: number;
  /** Set on leaf cells: the column key below. */
  key?: string;
}

/**
 * The column header rows of table 三 with their spans, for drawing an HTML/DOCX table:
 * 申请人情况 | 总计 over 自然人 | 法人或其他组织 | (其他) over the five organisation columns.
 * `withOtherApplicant` includes the optional top-level 其他 column.
 */
export function requestsHeaderRows(edition: Edition, withOtherApplicant: boolean): HeaderCell[][] {
  const columns = edition.requests.columns.filter((c) => withOtherApplicant || !c.optional);
  const depth = 1 + Math.max(...columns.map((c) => c.headerPath.length));
  const rows: HeaderCell[][] = [];
  for (let level = 0; level < depth; level++) {
    const row: HeaderCell[] = [];
    let i = 0;
    while (i < columns.length) {
      const col = columns[i];
      if (col.headerPath.length < level) {
        i++;
        continue;
      }
      if (col.headerPath.length === level) {
        row.push({ label: col.label, colSpan: 1, rowSpan: depth - level, key: col.key });
        i++;
        continue;
      }
      const group = col.headerPath[level];
      let j = i;
      while (j < columns.length && sameGroup(columns[j], col, level)) j++;
      row.push({ label: group, colSpan: j - i, rowSpan: 1 });
      i = j;
    }
    rows.push(row);
  }
  return rows;
}

function sameGroup(a: RequestColumnDef, b: RequestColumnDef, level: number): boolean {
  if (a.headerPath.length <= level) return false;
  for (let k = 0; k <= level; k++) if (a.headerPath[k] !== b.headerPath[k]) return false;
  return true;
}
