/**
 * What a narrative states about the tables: each count it gives (「予以公开2件」, 「收到8份政府信息公开申请」,
 * 「被申请行政复议3件（维持2件）」, 「制发行政规范性文件5件」) read as one of the table figures, and the
 * sentences that say there were none (「未收到…申请」, 「未发生…行政复议、行政诉讼」, 「无下年度结转」).
 *
 * Conservative by design, a false alarm costing more than a miss: a count is read only when the words
 * right before it (its clause) name exactly one figure; sentences the guard names are skipped (see
 * text.ts); so are counts of another year, changes (增加, 下降), estimates and shares (各, 约, 余).
 */
import type { Report } from "../../model";
import type { ActiveDisclosureFigure, ActiveDisclosureRow, FigureKey } from "./figures";
import { COUNT, halfWidthDigits, readCount } from "./numbers";
import { RecentResults } from "../../recent-results";
import { isGuarded, narrativeFields, sentencesOf, type NarrativeField } from "./text";

/** A number the narrative states, the figure it stands for, the field and the sentence it is in. */
export interface Statement {
  figure: FigureKey;
  value: number;
  field: string;
  quote: string;
}

/** Where a clause ends: a count's words are read back to the nearest of these (or the previous count). */
const CLAUSE_END = /[，,；;：:（(）)]/;

/** A change or a running total, not the figure itself. */
const CHANGE = /增加|减少|增长|下降|上升|提高|降低|累计|历年|占比/;

// ---- table 四: administrative reviews and lawsuits about disclosure -----------------------------------
/** The agency as the body handling reviews or lawsuits (a 复议机关's own caseload), not as the respondent. */
const REVIEWING_BODY = /办理|审理|受理|收到|接收|接到|审结|代理|应诉/;
const REVIEW_TAIL = /(?:行政)?复议(?:案件|申请)?(?:共|共计|合计)?$/;
const LITIGATION_TAIL = /(?:行政)?诉讼(?:案件)?(?:共|共计|合计)?$/;
const UPHELD_TAIL = /维持(?:原(?:具体)?(?:行政行为|决定|答复))?(?:的)?(?:案件)?(?:共)?$/;
const CORRECTED_TAIL = /(?:纠正|纠错)(?:的)?(?:案件)?(?:共)?$/;
const NONE_EVENT = /(?:未发生|没有发生|未收到|没有收到|未出现)[^。；;，,！!？?\n\d]{0,15}?行政复议(?:[、和及与]行政诉讼)?/g;

// ---- table 三: requests ---------------------------------------------------------------------------
/** Counts of something other than disclosure requests. */
const NOT_REQUESTS = /复议|诉讼|咨询|投诉|举报|建议|提案|信访|热线|诉求|来电|留言|许可|审批|政务服务|办件/;
/** Words naming disclosure requests, and a paragraph about them. */
const REQUESTS_CONTEXT = /依申请|信息公开申请|公开申请|申请公开/;
const REQUEST_WORDS = /^(?=.*申请)(?=.*(?:公开|依申请|信息)).*$|^(?:各类|相关)?申请(?:共|共计|合计)?$/;
const RECEIVED = /(?:受理|收到|新收|接收|接到)([^，,；;：:]{0,20})$/;
const RECEIVED_BEFORE_COUNT = /(?:受理|收到|新收|接收|接到)(?:了)?(?:共|共计|合计)?$/;
const REQUEST_AFTER_COUNT = /^(?:的)?(?:政府信息公开|信息公开|依申请公开|政府信息依申请公开|公开)?(?:政府信息)?(?:申请|请求)/;
const HANDLED_WORDS = /^(?:均|共|共计|合计|已|并|全部)*$/;
const HANDLED = /(?:办结|办理完毕|处理完毕|办理|答复|回复)(?:了)?([^，,；;：:]{0,20})$/;
const NOT_DONE = /正在|尚未|未|在办|待|继续/;
const CARRIED_FORWARD = /结转(?:到|至|入)?(?:下一?年度?|次年|明年|(\d{4})年度?)|(?:下一?年度?|次年|明年)继续办理/;
const CARRIED_OVER = /(?:上一?年度?|去年|(\d{4})年度?)(?:的)?结转|结转(?:自)?上一?年度?|上一?年度?转入/;
const FORWARD_NONE = /无(?:下一?年度?|次年)结转|(?:无|没有)(?:申请)?结转(?:到|至)?(?:下一?年度?|次年)/;
const OVER_NONE = /无上一?年度?结转|(?:无|没有)上一?年度?(?:的)?结转/;
const RECEIVED_NONE = /(?:未|没有)(?:收到|受理|接到)[^。；;，,！!？?\n\d]{0,12}?申请/;

/** Outcomes of requests, by their words; 不予(以)公开 is not 予以公开. */
const OUTCOMES: [FigureKey, RegExp][] = [
  ["denied", /不予(?:以)?公开|不公开/],
  ["partiallyGranted", /部分公开/],
  ["unable", /无法提供/],
  ["notProcessed", /不予处理/],
  ["otherHandling", /其他处理/],
  ["granted", /(?<!不)予以公开|同意公开|全部公开/],
];
const GRANTED_OR_PARTIAL = /(?:(?<!不)予以公开|同意公开|全部公开)(?:及|和|或|与|、)(?:予以)?部分公开|全部或部分公开|(?<![不予])公开或部分公开/;

// ---- table 二 ----------------------------------------------------------------------------------------
const DOCUMENTS = "(?:行政)?(?:规范性文件|规章(?!制度))";
const AD_TAILS: [ActiveDisclosureFigure, RegExp][] = [
  ["made", new RegExp(`(?:制发|制定|出台|印发)(?:了)?(?:各类)?${DOCUMENTS}(?:共|共计|合计)?$`)],
  ["repealed", new RegExp(`废止(?:了)?${DOCUMENTS}(?:共|共计|合计)?$`)],
  ["inForce", new RegExp(`(?:现行有效(?:的)?${DOCUMENTS}|${DOCUMENTS}现行有效(?:的)?)(?:共|共计|合计|为)?$`)],
];
/** Documents the agency reviews, cleans up or helps with, not its own. */
const NOT_OWN_DOCUMENTS = /审核|审查|把关|清理|协助|配合|指导|征求|起草|参与|代拟|督促|解读/;
const DECISIONS_TAIL = /行政(许可|处罚|强制)(?:处理)?决定(?:书)?(?:共|共计|合计)?$/;
const NOT_DECISIONS_MADE = /公示|公开|发布|送达|听证|复议|诉讼/;
const DECISION_ROWS: Record<string, ActiveDisclosureRow> = { 许可: "licensing", 处罚: "punishment", 强制: "coercion" };

type Add = (figure: FigureKey, value: number, quote?: string) => void;

/** What is known of the sentence a count stands in. */
interface SentenceContext {
  /** The sentence as written. */
  original: string;
  /** The sentence, full-width digits made ASCII (positions unchanged). */
  text: string;
  /** The sentence is about disclosure (公开). */
  disclosure: boolean;
  /** The sentence, its paragraph or its part's heading speaks of disclosure requests (依申请, 信息公开申请). */
  requests: boolean;
  /** The topic of table 四 (复议 / 诉讼) carried from the sentence before, for one starting with 其中. */
  carriedTopic?: "review" | "litigation";
  year: number;
  /** The documents (规章 or 规范性文件) the last count of the sentence was about, while counts go on about them. */
  documents?: ActiveDisclosureRow;
}

/** Everything the narrative states about the tables, in reading order. */
export function readStatements(report: Report): Statement[] {
  return narrativeFields(report).flatMap((field) =>
    readFields.get(`${report.year}\u0000${field.field}\u0000${field.heading}\u0000${field.text}`, () => fieldStatements(field, report.year)),
  );
}

/**
 * What recent texts state: a field's statements depend on its text, its heading and the year alone, and a
 * keystroke in a table (or in one text) leaves the other texts as they were. Reading them is most of a check.
 */
// Stryker disable next-line NumericLiteral: how many results are kept only changes the time taken
const readFields = new RecentResults<Statement[]>(16);

/** What one text field states, sentence by sentence. */
function fieldStatements({ field, heading, text }: NarrativeField, year: number): Statement[] {
  const out: Statement[] = [];
  let topic: "review" | "litigation" | undefined;
  let guarded = false;
  let lastParagraph = "";
  for (const sentence of sentencesOf(text)) {
    if (sentence.paragraph !== lastParagraph) {
      topic = undefined;
      guarded = false;
    }
    lastParagraph = sentence.paragraph;
    // A sentence going on with 其中 speaks of what the sentence before did: guarded with it.
    guarded = isGuarded(sentence.text) || (guarded && sentence.text.startsWith("其中"));
    if (guarded) {
      topic = undefined;
      continue;
    }
    const ctx: SentenceContext = {
      original: sentence.text,
      text: halfWidthDigits(sentence.text),
      disclosure: sentence.text.includes("公开"),
      requests: [sentence.text, sentence.paragraph, heading].some((t) => REQUESTS_CONTEXT.test(t)),
      carriedTopic: sentence.text.startsWith("其中") ? topic : undefined,
      year,
    };
    const add: Add = (figure, value, quote = sentence.text) => out.push({ figure, value, field, quote });
    readCounts(ctx, add);
    readNone(ctx, add);
    topic = ctx.disclosure ? lastTopic(ctx.text, ctx.text.length) : undefined;
  }
  return out;
}

/** Every count of the sentence that names a figure. */
function readCounts(ctx: SentenceContext, add: Add) {
  const s = ctx.text;
  let previousEnd = 0;
  const matches = [...s.matchAll(COUNT)];
  matches.forEach((m, i) => {
    const start = m.index;
    const end = start + m[0].length;
    let clauseStart = previousEnd;
    for (let j = start - 1; j >= previousEnd; j--) {
      if (CLAUSE_END.test(s[j])) {
        clauseStart = j + 1;
        break;
      }
    }
    let clauseEnd = i + 1 < matches.length ? matches[i + 1].index : s.length;
    for (let j = end; j < clauseEnd; j++) {
      if (CLAUSE_END.test(s[j])) {
        clauseEnd = j;
        break;
      }
    }
    previousEnd = end;
    const value = readCount(m[1]);
    if (value === undefined) return;
    const label = s.slice(clauseStart, start).trim();
    const after = s.slice(end, clauseEnd).trim();
    const figure = figureOf(ctx, label, after, m[2], start);
    if (figure && inReportYear(ctx, figure, s.slice(0, start))) add(figure, value, quoteAround(ctx.original, start, clauseEnd));
  });
}

const QUOTE_LENGTH = 60;

/**
 * The words of `sentence` that state a count ending at `end`: its part between semicolons when short
 * enough; otherwise from a clause start close enough before the count, up to it, marked “…” where cut
 * after. Always a piece of the text as written, so the editor can find the sentence it quotes.
 */
function quoteAround(sentence: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !"；;".includes(sentence[from - 1])) from--;
  let to = end;
  while (to < sentence.length && !"；;".includes(sentence[to])) to++;
  if (to - from <= QUOTE_LENGTH) return sentence.slice(from, to).trim();
  const room = QUOTE_LENGTH - 1;
  if (end - from > room) {
    let clause = from;
    for (let i = from; i < end; i++) if ("，,：:".includes(sentence[i]) && end - (i + 1) <= room) {
      clause = i + 1;
      break;
    }
    from = clause > from ? clause : end - room;
  }
  return `${sentence.slice(from, end).trim()}…`;
}

/** The figure a count stands for, from the words before it (`label`) and after it, or undefined. */
function figureOf(ctx: SentenceContext, label: string, after: string, unit: string, at: number): FigureKey | undefined {
  if (CHANGE.test(label)) return undefined;
  const figure = activeDisclosure(ctx, label, unit) ?? reviewLitigation(ctx, label, at) ?? requests(ctx, label, after, unit);
  if (figure && !figure.includes(".")) ctx.documents = undefined;
  return figure;
}

/** 「废止2件」「现行有效25件」right after a count of documents in the same sentence: the same documents. */
const DOCUMENTS_GOING_ON: [ActiveDisclosureFigure, RegExp][] = [
  ["made", /^、?(?:制发|制定|出台|印发)(?:了)?(?:共|共计)?$/],
  ["repealed", /^、?废止(?:了)?(?:共|共计)?$/],
  ["inForce", /^、?现行有效(?:的)?(?:共|共计|为)?$/],
];

function activeDisclosure(ctx: SentenceContext, label: string, unit: string): FigureKey | undefined {
  if (!/件|个|份|项/.test(unit) || NOT_OWN_DOCUMENTS.test(label)) return undefined;
  for (const [figure, tail] of AD_TAILS) {
    const m = tail.exec(label);
    if (!m) continue;
    const row: ActiveDisclosureRow = m[0].includes("规章") ? "regulations" : "normativeDocuments";
    ctx.documents = row;
    return `${row}.${figure}`;
  }
  if (ctx.documents) {
    for (const [figure, words] of DOCUMENTS_GOING_ON) if (words.test(label)) return `${ctx.documents}.${figure}`;
  }
  const d = DECISIONS_TAIL.exec(label);
  if (d && !NOT_DECISIONS_MADE.test(label)) return `${DECISION_ROWS[d[1]]}.decisions`;
  return undefined;
}

/** The last topic of table 四 named in `text` before `at`. */
function lastTopic(text: string, at: number): "review" | "litigation" | undefined {
  const before = text.slice(0, at);
  const review = before.lastIndexOf("复议");
  const lawsuit = Math.max(before.lastIndexOf("诉讼"), before.lastIndexOf("起诉"));
  if (review < 0 && lawsuit < 0) return undefined;
  return review > lawsuit ? "review" : "litigation";
}

function reviewLitigation(ctx: SentenceContext, label: string, at: number): FigureKey | undefined {
  const outcome = UPHELD_TAIL.test(label) ? "Upheld" : CORRECTED_TAIL.test(label) ? "Corrected" : undefined;
  const total = REVIEW_TAIL.test(label) ? "review" : LITIGATION_TAIL.test(label) ? "litigation" : undefined;
  if (!outcome && !total) return undefined;
  if (REVIEWING_BODY.test(label)) return undefined;
  if (total) {
    if (!ctx.disclosure) return undefined;
    // 复议后提起行政诉讼 counts only a part of the lawsuits; 行政诉讼、行政复议 is two figures
    if (total === "litigation" ? label.includes("复议") : label.includes("诉讼")) return undefined;
    return total;
  }
  const topic = ctx.disclosure ? (lastTopic(ctx.text, at) ?? ctx.carriedTopic) : ctx.carriedTopic;
  if (!topic) return undefined;
  return `${topic}${outcome}` as FigureKey;
}

function requests(ctx: SentenceContext, label: string, after: string, unit: string): FigureKey | undefined {
  if (!ctx.requests || NOT_REQUESTS.test(label)) return undefined;
  const countsRequests = /件|个|份|宗/.test(unit);
  if (GRANTED_OR_PARTIAL.test(label)) return countsRequests ? "grantedOrPartial" : undefined;
  const outcomes = OUTCOMES.filter(([, words]) => words.test(label));
  if (outcomes.length > 1) return undefined;
  if (outcomes.length === 1) return countsRequests ? outcomes[0][0] : undefined;
  if (label.includes("结转")) {
    if (CARRIED_FORWARD.test(label)) return "carriedForward";
    if (CARRIED_OVER.test(label)) return "carriedOver";
    return undefined;
  }
  if (/^(?:申请)?(?:结转|转入)(?:到|至)?(?:下一?年度?|次年|明年)/.test(after)) return "carriedForward";
  if (NOT_DONE.test(label)) return undefined;
  const received = RECEIVED.exec(label);
  if (received && REQUEST_WORDS.test(received[1])) return "received";
  if (RECEIVED_BEFORE_COUNT.test(label) && REQUEST_AFTER_COUNT.test(after)) return "received";
  const handled = HANDLED.exec(label);
  if (handled && countsRequests && (REQUEST_WORDS.test(handled[1]) || (HANDLED_WORDS.test(handled[1]) && ctx.text.includes("申请")))) {
    return "handled";
  }
  return undefined;
}

/**
 * Whether a count is of the report's year: the last year the sentence names before it, carried phrases
 * (2021年结转, 结转2023年度) aside, is the report's year or none; a carried phrase's own year is the year
 * before (carried over) or after (carried forward).
 */
function inReportYear(ctx: SentenceContext, figure: FigureKey, before: string): boolean {
  const clause = before.split(CLAUSE_END).pop() ?? "";
  const over = CARRIED_OVER.exec(clause)?.[1];
  const forward = CARRIED_FORWARD.exec(clause)?.[1];
  if (figure === "carriedOver" && over !== undefined) return Number(over) === ctx.year - 1;
  if (figure === "carriedForward" && forward !== undefined) return Number(forward) === ctx.year + 1;
  const years = [...before.replace(/\d{4}年度?(?:的)?结转|结转(?:到|至|入)?\d{4}年度?/g, "").matchAll(/(\d{4})年/g)];
  const last = years.at(-1)?.[1];
  return last === undefined || Number(last) === ctx.year;
}

/** The sentences saying there were none: no request received, no review or lawsuit, nothing carried. */
function readNone(ctx: SentenceContext, add: Add) {
  const s = ctx.text;
  if (ctx.disclosure) {
    if (!s.includes("复议") && !s.includes("诉讼") && RECEIVED_NONE.test(s)) add("received", 0);
    for (const m of s.matchAll(NONE_EVENT)) {
      add("review", 0);
      if (m[0].includes("行政诉讼")) add("litigation", 0);
    }
  }
  if (ctx.requests) {
    if (FORWARD_NONE.test(s)) add("carriedForward", 0);
    if (OVER_NONE.test(s)) add("carriedOver", 0);
  }
}
