/**
 * Where a finding belongs: one of the six sections of the format, or "front", the cover page of the form
 * (agency, title, date, website, contact and the introduction: the introduction stands before section 一
 * and the clerk types it on the cover page). The one section mapping: the editor's pages, its findings
 * panel and section states read it. Pure; safe in the browser.
 */
import type { Report } from "./model";
import { isTableKey } from "./paths";
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

function isTextPath(path: string): boolean {
  const dot = path.indexOf(".");
  return !isTableKey(dot < 0 ? path : path.slice(0, dot));
}

/**
 * The field a finding is shown at and fixed in: the first text field it names, when it names one (a
 * number stated in the narrative against the tables belongs where the sentence is typed), otherwise its
 * first cell. Undefined for a finding that names none.
 */
export function findingField(finding: Finding): string | undefined {
  return finding.cells.find(isTextPath) ?? finding.cells[0];
}

/** Where a finding is shown and fixed: the place of its field (the cover page when it names none). */
export function findingPlace(finding: Finding): FindingPlace {
  return pathPlace(findingField(finding) ?? "");
}

/** A sentence of the narrative: the text field it is typed in (`overview.1.text`, `intro`) and where in it. */
export interface SentencePlace {
  path: string;
  start: number;
  end: number;
}

const SENTENCE_ENDS = "。；;！!？?\n";

/** The texts a narrative field key stands for, with their paths: one for intro and problems, a part each for 一 and 六. */
function fieldTexts(report: Report, field: string): { path: string; text: string }[] {
  if (field === "intro" || field === "problems") return [{ path: field, text: report[field] ?? "" }];
  if (field === "overview" || field === "otherMatters") {
    return (report[field] ?? []).map((part, index) => ({ path: `${field}.${index}.text`, text: part.text ?? "" }));
  }
  return [];
}

/**
 * The sentence a finding about the narrative quotes (“…” in its message, cut with “…” when long), found in
 * the text field the finding names; undefined when it names no narrative field or the sentence is no
 * longer there. The whole sentence when the quote was cut, without its closing punctuation.
 */
export function findingSentence(report: Report, finding: Finding): SentencePlace | undefined {
  const field = finding.cells.find(isTextPath);
  const open = finding.message.indexOf("“");
  const close = finding.message.lastIndexOf("”");
  if (!field || open < 0 || close <= open + 1) return undefined;
  let quote = finding.message.slice(open + 1, close).trim();
  const clipped = quote.endsWith("…");
  if (clipped) quote = quote.slice(0, -1);
  quote = quote.replace(/[。；;！!？?]$/, "");
  if (!quote) return undefined;
  for (const { path, text } of fieldTexts(report, field)) {
    const start = text.indexOf(quote);
    if (start < 0) continue;
    let end = start + quote.length;
    if (clipped) while (end < text.length && !SENTENCE_ENDS.includes(text[end])) end++;
    return { path, start, end };
  }
  return undefined;
}
