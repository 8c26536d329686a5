/**
 * Where a finding belongs: one of the six sections of the format, or "front", the cover page of the form
 * (agency, title, date, website, contact and the introduction: the introduction stands before section 一
 * and the clerk types it on the cover page). The one section mapping: the editor's pages, its findings
 * panel and section states read it. Pure; safe in the browser.
 */
import type { Finding, FindingPlace } from "./rules";

/** The place of a path: its first segment when that is a section, otherwise the cover page. */
export function pathPlace(path: string): FindingPlace {
  // Runs for every finding on every keystroke in the editor: no array from split().
  const dot = path.indexOf(".");
  const top = dot < 0 ? path : path.slice(0, dot);
  switch (top) {
    case "overview":
    case "activeDisclosure":
    case "requests":
    case "reviewLitigation":
    case "problems":
    case "otherMatters":
      return top;
    default:
      return "front";
  }
}

/** Where a finding is shown and fixed: the place of its first cell (the cover page when it names none). */
export function findingPlace(finding: Finding): FindingPlace {
  return pathPlace(finding.cells[0] ?? "");
}
