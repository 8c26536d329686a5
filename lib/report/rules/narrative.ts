/**
 * N-MISMATCH: numbers stated in the narrative against the tables. Conservative: only sentences about
 * disclosure (公开), only a few fixed phrasings, and a statement that matches any accepted reading is no
 * finding.
 */
import { clip } from "../clip";
import { labelText } from "../model";
import type { Report } from "../model";
import { cellAt } from "./shared";
import type { Emit, RuleContext, RuleDef } from "./types";

export const narrativeNumbers: RuleDef = {
  id: "N-MISMATCH",
  severity: "warning",
  description: "正文中写明的数字（如“受理……申请N件”“行政复议N件”）应与表格一致。",
  check(ctx, emit) {
    checkNarrativeNumbers(ctx, emit);
  },
};

/** A number the narrative states, with the field it stands in and the sentence around it. */
interface Statement {
  field: string;
  value: number;
  quote: string;
}

// The patterns never cross a sentence end (。；;！!？?, newline); each match is then checked against
// the sentence around it, which must be about disclosure (公开).
const APPLICATIONS = /(?:受理|收到|新收|接收|接到)([^。；;，,：:、！!？?\n\d]{0,20}?)(\d+)\s*(?:件|个|份)/g;
const APPLICATIONS_NONE = /(?:未|没有)(?:收到|受理|接到)[^。；;，,！!？?\n\d]{0,12}?申请/g;
const NOT_APPLICATIONS = /复议|诉讼|咨询|投诉|举报|建议|提案|信访|热线|诉求|来电|留言/;
const REVIEW = /行政复议(?:案件|申请)?(?:共|共计|合计)?[ \t]*(\d+)[ \t]*(?:件|起|宗)/g;
const LITIGATION = /行政诉讼(?:案件)?(?:共|共计|合计)?[ \t]*(\d+)[ \t]*(?:件|起|宗)/g;
const NONE_EVENT = /(?:未发生|没有发生|未收到|没有收到|未出现)[^。；;，,！!？?\n\d]{0,15}?行政复议(?:[、和及与]行政诉讼)?/g;
const SENTENCE_ENDS = "。；;！!？?\n";

/** The narrative texts of a report as [field key, text], in reading order. */
function narrativeFields(report: Report): [string, string][] {
  const out: [string, string][] = [];
  if (report.intro) out.push(["intro", report.intro]);
  for (const s of report.overview ?? []) if (s.text) out.push(["overview", s.text]);
  if (report.problems) out.push(["problems", report.problems]);
  for (const s of report.otherMatters ?? []) if (s.text) out.push(["otherMatters", s.text]);
  return out;
}

/** The sentence of `text` around position `at`. */
function sentenceAt(text: string, at: number): string {
  let start = at;
  while (start > 0 && !SENTENCE_ENDS.includes(text[start - 1])) start--;
  let end = at;
  while (end < text.length && !SENTENCE_ENDS.includes(text[end])) end++;
  return text.slice(start, end).trim();
}

/** The sentence of a match when it is about disclosure (and, with `notCases`, not about 复议/诉讼). */
function disclosureSentence(text: string, at: number, notCases = false): string | undefined {
  const sentence = sentenceAt(text, at);
  if (!sentence.includes("公开")) return undefined;
  if (notCases && (sentence.includes("复议") || sentence.includes("诉讼"))) return undefined;
  return sentence;
}

/** What the narrative states about applications, administrative reviews and lawsuits. */
function collectStatements(report: Report) {
  const applications: Statement[] = [];
  const reviews: Statement[] = [];
  const litigations: Statement[] = [];
  for (const [field, text] of narrativeFields(report)) {
    for (const m of text.matchAll(APPLICATIONS)) {
      if (!m[1].includes("申请") || NOT_APPLICATIONS.test(m[1])) continue;
      const quote = disclosureSentence(text, m.index);
      if (quote) applications.push({ field, value: Number(m[2]), quote });
    }
    for (const m of text.matchAll(APPLICATIONS_NONE)) {
      const quote = disclosureSentence(text, m.index, true);
      if (quote) applications.push({ field, value: 0, quote });
    }
    if (!text.includes("行政复议") && !text.includes("行政诉讼")) continue;
    for (const [pattern, list] of [[REVIEW, reviews], [LITIGATION, litigations]] as const) {
      for (const m of text.matchAll(pattern)) {
        const quote = disclosureSentence(text, m.index);
        if (quote) list.push({ field, value: Number(m[1]), quote });
      }
    }
    for (const m of text.matchAll(NONE_EVENT)) {
      const quote = disclosureSentence(text, m.index);
      if (!quote) continue;
      reviews.push({ field, value: 0, quote });
      if (m[0].includes("行政诉讼")) litigations.push({ field, value: 0, quote });
    }
  }
  return { applications, reviews, litigations };
}

function checkNarrativeNumbers(ctx: RuleContext, emit: Emit) {
  const r = ctx.report;
  const fields = narrativeFields(r);
  if (fields.length === 0) return;
  const { applications, reviews, litigations } = collectStatements(r);
  const received = cellAt(r.requests, "newReceived", "total");
  const carried = cellAt(r.requests, "carriedOver", "total");
  const review = cellAt(r.reviewLitigation, "review", "total");
  const direct = cellAt(r.reviewLitigation, "litigationDirect", "total");
  const after = cellAt(r.reviewLitigation, "litigationAfterReview", "total");

  /** One finding, on the first statement, when no statement gives an accepted number. */
  const emitUnlessAccepted = (
    statements: Statement[],
    accepted: number[],
    cell: string,
    tableText: string,
    topic: string,
  ) => {
    if (statements.length === 0 || statements.some((s) => accepted.includes(s.value))) return;
    const s = statements[0];
    const section = labelText(r.edition, s.field);
    emit(
      [cell, s.field],
      `${section}中写明${topic} ${s.value} 件（“${clipQuote(s.quote)}”），但${tableText}。`,
    );
  };
  if (received !== null) {
    emitUnlessAccepted(
      applications,
      carried === null ? [received] : [received, received + carried],
      "requests.newReceived.total",
      `表三${labelText(r.edition, "requests.newReceived.total")}为 ${received}`,
      "收到政府信息公开申请",
    );
  }
  if (review !== null) {
    emitUnlessAccepted(reviews, [review], "reviewLitigation.review.total", `表四${labelText(r.edition, "reviewLitigation.review.total")}为 ${review}`, "行政复议");
  }
  if (direct !== null && after !== null) {
    emitUnlessAccepted(
      litigations,
      [direct + after],
      "reviewLitigation.litigationDirect.total",
      `表四行政诉讼的「总计」合计为 ${direct + after}（未经复议直接起诉 ${direct}，复议后起诉 ${after}）`,
      "行政诉讼",
    );
  }
}

/** A quoted sentence cut to 60 characters. */
function clipQuote(s: string): string {
  return clip(s, 60);
}
