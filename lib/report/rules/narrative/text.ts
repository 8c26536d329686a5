/**
 * The narrative of a report as the narrative rules read it: its fields, their paragraphs and sentences,
 * and the guard that keeps the rules off sentences whose numbers are not the report's own.
 */
import type { Report } from "../../model";

/** A text field of the narrative: its key (`intro`, `overview`, `problems`, `otherMatters`), the part's sub-heading, the text. */
export interface NarrativeField {
  field: string;
  heading: string;
  text: string;
}

/** The narrative texts of a report, in reading order. */
export function narrativeFields(report: Report): NarrativeField[] {
  const out: NarrativeField[] = [];
  if (report.intro) out.push({ field: "intro", heading: "", text: report.intro });
  for (const s of report.overview ?? []) if (s.text) out.push({ field: "overview", heading: s.heading ?? "", text: s.text });
  if (report.problems) out.push({ field: "problems", heading: "", text: report.problems });
  for (const s of report.otherMatters ?? []) if (s.text) out.push({ field: "otherMatters", heading: s.heading ?? "", text: s.text });
  return out;
}

/** A sentence (up to 。！？ or a line end) with the paragraph it stands in. */
export interface Sentence {
  text: string;
  paragraph: string;
}

const SENTENCE = /[^。！!？?\n]+[。！!？?]?/g;

/** The sentences of a text, each with its paragraph (the text between line ends). */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const paragraph of text.split(/\n+/)) {
    for (const m of paragraph.matchAll(SENTENCE)) {
      const sentence = m[0].trim();
      if (sentence) out.push({ text: sentence, paragraph });
    }
  }
  return out;
}

/**
 * The false-alarm guard of the narrative rules (contract section 7): a sentence about 备案 (filing)
 * statistics, 信访, the 12345 hotline or 咨询 counts states numbers that are not the report's own. Also
 * kept off: part-year figures (上半年, 季度), comparisons with another period (同比, 较上年), and figures
 * summed over other agencies (各部门, 各乡镇, 镇街), which the agency's own tables do not count.
 */
const NOT_OWN_FIGURES =
  /备案|信访|12345|热线|咨询|上半年|下半年|季度|同期|同比|环比|较上年|比上年|较去年|比去年|各(?:级|地|县|区|市|乡镇|镇|街道|职能部门|部门|单位|委办局)|镇街/;

/** Whether the narrative rules leave a sentence alone (see NOT_OWN_FIGURES). */
export function isGuarded(sentence: string): boolean {
  return NOT_OWN_FIGURES.test(sentence);
}
