/**
 * Places in a report that reviewers comment on and that history compares: table cells in print order,
 * the text fields before section 一, and the narrative sections. Pure; safe in the browser.
 */
import { activeDisclosureGrid, requestsGrid, reviewLitigationGrid, type TableGrid } from "@/lib/report/grid";
import { FRONT_SECTION_TITLE } from "@/lib/labels";
import {
  getEdition,
  hasOtherApplicant,
  labelText,
  parseCellPath,
  type Cell,
  type EditionId,
  type NarrativeSection,
  type Report,
} from "@/lib/report";
import { readPath } from "@/lib/report/paths";
import type { FindingPlace } from "@/lib/report/rules";

/** Table grids of a report; with `other`, wide enough for the cells of either report. */
export function tableGrids(report: Report, other?: Report): TableGrid[] {
  const edition = getEdition(report.edition);
  const withColumns = other && hasOtherApplicant(other.requests) ? other : report;
  return [activeDisclosureGrid(edition), requestsGrid(edition, withColumns), reviewLitigationGrid(edition)];
}

/** A cell value; undefined when its table 二 row is absent (not applicable). */
export type CellValue = Cell | undefined;

/** undefined when the cell's row is absent (not applicable); null when blank or not a column of the row. */
export function cellValue(report: Report, path: string): CellValue {
  const { table, row } = parseCellPath(path);
  if (!readPath(report, `${table}.${row}`)) return undefined;
  return (readPath(report, path) as Cell | undefined) ?? null;
}

/** The text fields before section 一, as the cover page of the form shows them (the introduction last). */
export const FRONT_FIELD_KEYS = [
  "agency.name",
  "title",
  "date",
  "website.name",
  "website.url",
  "contact.address",
  "contact.phone",
  "contact.postcode",
  "intro",
] as const;

/** Every text of a report, in reading order. */
export const TEXT_FIELD_KEYS = [
  "agency.name",
  "title",
  "date",
  "intro",
  "website.name",
  "website.url",
  "contact.address",
  "contact.phone",
  "contact.postcode",
  "overview",
  "problems",
  "otherMatters",
] as const;

/** A text field's value; the narratives as their sub-headings (【…】) and paragraphs. */
export function textValue(report: Report, key: string): string {
  if (key === "overview" || key === "otherMatters") return narrativeText(report[key]);
  const value = readPath(report, key);
  return typeof value === "string" ? value : "";
}

function narrativeText(sections: NarrativeSection[] | undefined): string {
  return (sections ?? []).map((s) => (s.heading ? `【${s.heading}】\n${s.text}` : s.text)).join("\n\n");
}

/** Where a comment is attached: the report as a whole, the front matter, or one of the six sections. */
export type CommentSection = "general" | FindingPlace;
export const COMMENT_SECTIONS: readonly CommentSection[] = [
  "general",
  "front",
  "overview",
  "activeDisclosure",
  "requests",
  "reviewLitigation",
  "problems",
  "otherMatters",
];

export function isCommentSection(value: string): value is CommentSection {
  return (COMMENT_SECTIONS as readonly string[]).includes(value);
}

export function commentSectionTitle(edition: EditionId, section: string): string {
  if (section === "general") return "总体意见";
  if (section === "front") return FRONT_SECTION_TITLE;
  return getEdition(edition).sections.find((s) => s.key === section)?.title ?? section;
}

export type CellOption = { path: string; label: string };

/** The cells and fields of a section a comment may point at, with their Chinese labels. */
export function sectionCellOptions(report: Report, section: string): CellOption[] {
  const option = (path: string) => ({ path, label: labelText(report.edition, path) });
  if (section === "front") return FRONT_FIELD_KEYS.map(option);
  const grid = tableGrids(report).find((g) => g.table === section);
  if (!grid) return [];
  return grid.rows
    .flatMap((row) => row.cells)
    .filter((cell) => cellValue(report, cell.path) !== undefined)
    .map((cell) => option(cell.path));
}
