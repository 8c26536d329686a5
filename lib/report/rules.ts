/**
 * The rules of contract section 7, each written once: id, severity, and a check that emits findings
 * naming their cells by path and, in the Chinese message, by label with both numbers.
 *
 * validate() runs on every keystroke in the browser, so checks walk precomputed per-edition lists
 * (layout.ts) and build labels and messages only for the findings they emit.
 */
import type { EditionId, SectionKey } from "./editions";
import { layoutOf } from "./layout";
import type { EditionLayout } from "./layout";
import { hasOtherApplicant, labelText, roundSum } from "./model";
import type { Cell, Report, TableData } from "./model";

export type Severity = "error" | "warning";

export type RuleId =
  | "R3-BALANCE"
  | "R3-HANDLED-SUM"
  | "R3-ROW-TOTAL"
  | "R4-TOTAL"
  | "CELL-BLANK"
  | "CELL-INVALID"
  | "SECTION-EMPTY"
  | "R2-PUBLISHED"
  | "R2-IN-FORCE"
  | "R2-LAST-YEAR"
  | "X-CARRY"
  | "X-REGULATIONS"
  | "N-MISMATCH"
  | "F-EXTRA-COLUMN"
  | "META-MISSING";

/** A warning acknowledged by a user, with the reason. Targets a finding by its id. */
export interface Acknowledgement {
  findingId: string;
  by: string;
  reason: string;
  /** ISO timestamp */
  at?: string;
}

export interface Finding {
  /** Stable key: `${rule}:${cells.join(",")}` */
  id: string;
  rule: RuleId;
  severity: Severity;
  /** Cell paths (`requests.totalHandled.naturalPerson`) or text field keys (`intro`, `contact.phone`). */
  cells: string[];
  message: string;
  /** Set on warnings only, when an acknowledgement with a reason targets this finding. */
  acknowledgement?: { by: string; reason: string; at?: string };
}

export interface ValidateOptions {
  /** The agency's report of the previous year (for R2-IN-FORCE, R2-LAST-YEAR, X-CARRY). */
  previous?: Report;
  acknowledgements?: Acknowledgement[];
}

interface Context {
  report: Report;
  previous?: Report;
  layout: EditionLayout;
  /** Table 三 columns present in this report, total last. */
  columns: string[];
  /** Applicant columns present (otherApplicant included when present), no total. */
  applicantColumns: string[];
}

type Emit = (cells: string[], message: string) => void;

export interface RuleDef {
  id: RuleId;
  severity: Severity;
  /** What the rule checks, in Chinese (for help texts). */
  description: string;
  check(ctx: Context, emit: Emit): void;
}

// ---------------------------------------------------------------------------------------------------
// Helpers

const get = (table: TableData | undefined, row: string, cell: string): Cell => table?.[row]?.[cell] ?? null;
const n = (c: Cell): number => c ?? 0;
/** A cell's value as printed in a message. */
const show = (c: Cell): string => (c === null ? "空白" : String(c));
const label = (ctx: Context, path: string) => labelText(ctx.report.edition, path);

/** Sum of cells `keys` of `row` (blanks count as 0). */
function sumRow(table: TableData, row: string, keys: string[]): number {
  let sum = 0;
  for (const k of keys) sum += n(get(table, row, k));
  return roundSum(sum);
}

/** Sum of cell `col` over `rows` (blanks count as 0). */
function sumColumn(table: TableData, rows: string[], col: string): number {
  let sum = 0;
  for (const row of rows) sum += n(get(table, row, col));
  return roundSum(sum);
}

/** Emits a finding on the total cell `path` when its value (blank = 0) differs from `sum` of its parts. */
function checkSum(ctx: Context, emit: Emit, path: string, total: Cell, sum: number, parts: string) {
  if (n(total) !== sum) emit([path], `${label(ctx, path)}为 ${show(total)}，但${parts}合计为 ${sum}。`);
}

function reqPath(row: string, col: string) {
  return `requests.${row}.${col}`;
}

// ---------------------------------------------------------------------------------------------------
// The rules

export const RULES: RuleDef[] = [
  {
    id: "R3-BALANCE",
    severity: "error",
    description: "表三每一列：第一项加第二项之和，等于第三项（七）总计加第四项之和。",
    check(ctx, emit) {
      const q = ctx.report.requests;
      for (const col of ctx.columns) {
        const a = get(q, "newReceived", col);
        const b = get(q, "carriedOver", col);
        const c = get(q, "totalHandled", col);
        const d = get(q, "carriedForward", col);
        const left = roundSum(n(a) + n(b));
        const right = roundSum(n(c) + n(d));
        if (left === right) continue;
        const rows = ["newReceived", "carriedOver", "totalHandled", "carriedForward"];
        const r = ctx.layout.requestRowFullLabel;
        const colLabel = ctx.layout.requestColumnByKey.get(col)?.longLabel ?? col;
        emit(
          rows.map((row) => reqPath(row, col)),
          `「${colLabel}」列：「${r.get("newReceived")}」${show(a)} 加「${r.get("carriedOver")}」${show(b)} 为 ${left}，` +
            `但「${r.get("totalHandled")}」${show(c)} 加「${r.get("carriedForward")}」${show(d)} 为 ${right}，两者应相等。`,
        );
      }
    },
  },
  {
    id: "R3-HANDLED-SUM",
    severity: "error",
    description: "表三每一列：（七）总计等于（一）至（六）各项之和。",
    check(ctx, emit) {
      const q = ctx.report.requests;
      const paths = ctx.layout.requestPaths.totalHandled;
      for (const col of ctx.columns) {
        const sum = sumColumn(q, ctx.layout.handlingRowKeys, col);
        checkSum(ctx, emit, paths[col], get(q, "totalHandled", col), sum, "（一）至（六）各项");
      }
    },
  },
  {
    id: "R3-ROW-TOTAL",
    severity: "error",
    description: "表三每一行：总计等于各申请人列之和。",
    check(ctx, emit) {
      const q = ctx.report.requests;
      for (const row of ctx.layout.requestRowKeys) {
        const sum = sumRow(q, row, ctx.applicantColumns);
        checkSum(ctx, emit, ctx.layout.requestPaths[row].total, get(q, row, "total"), sum, "各申请人列");
      }
    },
  },
  {
    id: "R4-TOTAL",
    severity: "error",
    description: "表四每一组：总计等于结果维持、结果纠正、其他结果、尚未审结之和。",
    check(ctx, emit) {
      const t = ctx.report.reviewLitigation;
      for (const { key } of ctx.layout.reviewGroups) {
        const sum = sumRow(t, key, ctx.layout.reviewPartKeys);
        checkSum(ctx, emit, ctx.layout.reviewPaths[key].total, get(t, key, "total"), sum, "结果维持、结果纠正、其他结果、尚未审结");
      }
    },
  },
  {
    id: "CELL-BLANK",
    severity: "error",
    description: "表三、表四的单元格，以及表二中适用的行的单元格，不能空白；没有的填 0。",
    check(ctx, emit) {
      forEachCell(ctx, (path, value) => {
        if (value === null) emit([path], `${label(ctx, path)}未填写；没有的请填 0。`);
      });
    },
  },
  {
    id: "CELL-INVALID",
    severity: "error",
    description: "数字超出范围：数量须为不小于 0 的整数，本年增/减须为整数，金额须不小于 0。",
    check(ctx, emit) {
      forEachCell(ctx, (path, value, kind) => {
        if (value === null) return;
        let problem: string | undefined;
        if (!Number.isFinite(value)) problem = "不是有效的数字";
        else if (kind !== "signed" && value < 0) problem = "不能为负数";
        else if (kind !== "amount" && !Number.isInteger(value)) problem = "应为整数";
        if (problem) emit([path], `${label(ctx, path)}为 ${value}，${problem}。`);
      });
    },
  },
  {
    id: "SECTION-EMPTY",
    severity: "error",
    description: "一、总体情况（含引言），五、存在的主要问题及改进情况，六、其他需要报告的事项，不能为空。",
    check(ctx, emit) {
      const r = ctx.report;
      if (isBlank(r.intro)) emit(["intro"], "「一、总体情况」前的引言没有内容；应写明编制依据、发布网站及网址、统计期限和联系方式。");
      if (!r.overview?.some((s) => !isBlank(s.text))) emit(["overview"], "「一、总体情况」没有内容。");
      if (isBlank(r.problems)) emit(["problems"], "「五、存在的主要问题及改进情况」没有内容。");
      if (!r.otherMatters?.some((s) => !isBlank(s.text))) emit(["otherMatters"], "「六、其他需要报告的事项」没有内容；没有的请写明“无”。");
    },
  },
  {
    id: "R2-PUBLISHED",
    severity: "warning",
    description: "2019年版表二：对外公开总数量不应小于本年新公开数量。",
    check(ctx, emit) {
      if (ctx.report.edition !== "2019") return;
      for (const row of ctx.layout.adRows) {
        const data = ctx.report.activeDisclosure[row.key];
        if (!data || !("totalPublished" in data)) continue;
        const total = data.totalPublished ?? null;
        const fresh = data.newlyPublished ?? null;
        if (total === null || fresh === null || total >= fresh) continue;
        emit(
          [`activeDisclosure.${row.key}.totalPublished`, `activeDisclosure.${row.key}.newlyPublished`],
          `「${row.label}」的「对外公开总数量」为 ${total}，小于「本年新公开数量」${fresh}；累计总数不应少于本年新公开的数量。`,
        );
      }
    },
  },
  {
    id: "R2-IN-FORCE",
    severity: "warning",
    description: "2021年版表二：现行有效件数应等于上一年度的现行有效件数加本年制发件数减本年废止件数。",
    check(ctx, emit) {
      for (const { row, data, before } of rowsWithPrevious(ctx, "2021", "inForce")) {
        const [inForce, made, repealed, last] = [data.inForce, data.made, data.repealed, before.inForce];
        if (inForce == null || made == null || repealed == null || last == null) continue;
        const expected = last + made - repealed;
        if (inForce === expected) continue;
        emit(
          [`activeDisclosure.${row.key}.inForce`],
          `「${row.label}」的「现行有效件数」为 ${inForce}，但上一年度报告的现行有效件数 ${last} 加「本年制发件数」${made} 减「本年废止件数」${repealed} 为 ${expected}。`,
        );
      }
    },
  },
  {
    id: "R2-LAST-YEAR",
    severity: "warning",
    description: "2019年版表二：上一年项目数量应等于上一年度报告的上一年项目数量加其本年增/减。",
    check(ctx, emit) {
      for (const { row, data, before } of rowsWithPrevious(ctx, "2019", "lastYearItems")) {
        const [items, lastItems, lastChange] = [data.lastYearItems, before.lastYearItems, before.change];
        if (items == null || lastItems == null || lastChange == null) continue;
        const expected = lastItems + lastChange;
        if (items === expected) continue;
        const signed = lastChange >= 0 ? `+${lastChange}` : String(lastChange);
        emit(
          [`activeDisclosure.${row.key}.lastYearItems`],
          `「${row.label}」的「上一年项目数量」为 ${items}，但上一年度报告的上一年项目数量 ${lastItems} 加其「本年增/减」${signed} 为 ${expected}。`,
        );
      }
    },
  },
  {
    id: "X-CARRY",
    severity: "warning",
    description: "表三第二项（上年结转）应等于上一年度报告的第四项（结转下年度继续办理），逐列比较。",
    check(ctx, emit) {
      const prev = ctx.previous?.requests;
      if (!prev) return;
      const prevHasOther = hasOtherApplicant(prev);
      for (const col of ctx.columns) {
        if (col === "otherApplicant" && !prevHasOther) continue;
        const now = get(ctx.report.requests, "carriedOver", col);
        const before = get(prev, "carriedForward", col);
        if (now === null || before === null || now === before) continue;
        const path = reqPath("carriedOver", col);
        const colLabel = ctx.layout.requestColumnByKey.get(col)?.longLabel ?? col;
        emit(
          [path],
          `${label(ctx, path)}为 ${now}，但上一年度报告「四、结转下年度继续办理」的「${colLabel}」为 ${before}。`,
        );
      }
    },
  },
  {
    id: "X-REGULATIONS",
    severity: "warning",
    description: "乡镇、街道不制定规章：表二「规章」行不应有非零数字。",
    check(ctx, emit) {
      if (ctx.report.agency.level !== "township") return;
      const row = ctx.report.activeDisclosure.regulations;
      const def = ctx.layout.adRowByKey.get("regulations");
      if (!row || !def) return;
      const cells: string[] = [];
      const parts: string[] = [];
      for (const c of def.columns) {
        const v = row[c.key];
        if (v == null || v === 0) continue;
        cells.push(`activeDisclosure.regulations.${c.key}`);
        parts.push(`「${c.label}」${v}`);
      }
      if (cells.length === 0) return;
      emit(cells, `乡镇、街道不制定规章，但「规章」行有非零数字：${parts.join("、")}。请核对；不适用的可删除该行。`);
    },
  },
  {
    id: "N-MISMATCH",
    severity: "warning",
    description: "正文中写明的数字（如“受理……申请N件”“行政复议N件”）应与表格一致。",
    check(ctx, emit) {
      checkNarrativeNumbers(ctx, emit);
    },
  },
  {
    id: "F-EXTRA-COLUMN",
    severity: "warning",
    description: "表三非标准的「其他」申请人列有非零数字：国家格式没有该列。",
    check(ctx, emit) {
      if (!ctx.applicantColumns.includes("otherApplicant")) return;
      const cells: string[] = [];
      const parts: string[] = [];
      for (const row of ctx.layout.requestRowKeys) {
        const v = get(ctx.report.requests, row, "otherApplicant");
        if (v == null || v === 0) continue;
        cells.push(reqPath(row, "otherApplicant"));
        parts.push(`「${ctx.layout.requestRowFullLabel.get(row)}」${v}`);
      }
      if (cells.length === 0) return;
      emit(
        cells,
        `表三有国家格式没有的「申请人情况·其他」列，其中有非零数字：${parts.join("、")}。请确认这些申请应计入哪一列。`,
      );
    },
  },
  {
    id: "META-MISSING",
    severity: "warning",
    description: "报告日期、发布网站或联系方式未填写。",
    check(ctx, emit) {
      const r = ctx.report;
      if (isBlank(r.date)) emit(["date"], "未填写报告日期。");
      missingParts(emit, "website", "发布网站", r.website, { name: "网站名称", url: "网站网址" });
      missingParts(emit, "contact", "联系方式", r.contact, { address: "联系地址", phone: "联系电话", postcode: "邮政编码" });
    },
  },
];

const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: RuleId): RuleDef | undefined {
  return RULE_BY_ID.get(id);
}

/**
 * Table 二 rows having `cell`, present both in this report and in the previous one, when both are of
 * `edition` (the editions count different things, so they are not compared across).
 */
function* rowsWithPrevious(ctx: Context, edition: EditionId, cell: string) {
  const prev = ctx.previous;
  if (ctx.report.edition !== edition || !prev || prev.edition !== edition) return;
  for (const row of ctx.layout.adRows) {
    const data = ctx.report.activeDisclosure[row.key];
    const before = prev.activeDisclosure[row.key];
    if (data && before && cell in data) yield { row, data, before };
  }
}

function isBlank(s: string | undefined): boolean {
  return s === undefined || s.trim() === "";
}

function missingParts<T extends object>(
  emit: Emit,
  key: string,
  name: string,
  value: T | undefined,
  parts: Record<keyof T & string, string>,
) {
  const missing = (Object.keys(parts) as (keyof T & string)[]).filter((k) => isBlank(value?.[k] as string | undefined));
  if (missing.length === 0) return;
  emit(
    missing.map((k) => `${key}.${k}`),
    `${name}未填写完整：缺少${missing.map((k) => parts[k]).join("、")}。`,
  );
}

type CellKind = "count" | "signed" | "amount";

/** Every cell that must hold a value: table 三 and 四 all, table 二 present rows. */
function forEachCell(ctx: Context, fn: (path: string, value: Cell, kind: CellKind) => void) {
  const { report, layout } = ctx;
  for (const row of layout.adRows) {
    const data = report.activeDisclosure[row.key];
    if (!data) continue;
    const columns = row.columns;
    for (let i = 0; i < columns.length; i++) fn(row.paths[i], data[columns[i].key] ?? null, columns[i].kind);
  }
  for (const row of layout.requestRowKeys) {
    const data = report.requests[row];
    const paths = layout.requestPaths[row];
    for (const col of ctx.columns) fn(paths[col], data?.[col] ?? null, "count");
  }
  for (const group of layout.reviewGroups) {
    const data = report.reviewLitigation[group.key];
    const paths = layout.reviewPaths[group.key];
    for (const c of layout.edition.reviewLitigation.cells) fn(paths[c.key], data?.[c.key] ?? null, "count");
  }
}

// ---------------------------------------------------------------------------------------------------
// N-MISMATCH: numbers stated in the narrative. Conservative: only sentences about disclosure (公开),
// only a few fixed phrasings, and a statement that matches any accepted reading is no finding.

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
const ENDS = "。；;！!？?\n";

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
  while (start > 0 && !ENDS.includes(text[start - 1])) start--;
  let end = at;
  while (end < text.length && !ENDS.includes(text[end])) end++;
  return text.slice(start, end).trim();
}

function collectStatements(report: Report) {
  const applications: Statement[] = [];
  const reviews: Statement[] = [];
  const litigations: Statement[] = [];
  /** The sentence of a match when it is about disclosure (and, if asked, not about 复议/诉讼). */
  const about = (text: string, at: number, notCases = false): string | undefined => {
    const sentence = sentenceAt(text, at);
    if (!sentence.includes("公开")) return undefined;
    if (notCases && (sentence.includes("复议") || sentence.includes("诉讼"))) return undefined;
    return sentence;
  };
  for (const [field, text] of narrativeFields(report)) {
    for (const m of text.matchAll(APPLICATIONS)) {
      if (!m[1].includes("申请") || NOT_APPLICATIONS.test(m[1])) continue;
      const quote = about(text, m.index);
      if (quote) applications.push({ field, value: Number(m[2]), quote });
    }
    for (const m of text.matchAll(APPLICATIONS_NONE)) {
      const quote = about(text, m.index, true);
      if (quote) applications.push({ field, value: 0, quote });
    }
    if (!text.includes("行政复议") && !text.includes("行政诉讼")) continue;
    for (const [pattern, list] of [[REVIEW, reviews], [LITIGATION, litigations]] as const) {
      for (const m of text.matchAll(pattern)) {
        const quote = about(text, m.index);
        if (quote) list.push({ field, value: Number(m[1]), quote });
      }
    }
    for (const m of text.matchAll(NONE_EVENT)) {
      const quote = about(text, m.index);
      if (!quote) continue;
      reviews.push({ field, value: 0, quote });
      if (m[0].includes("行政诉讼")) litigations.push({ field, value: 0, quote });
    }
  }
  return { applications, reviews, litigations };
}

function checkNarrativeNumbers(ctx: Context, emit: Emit) {
  const r = ctx.report;
  const fields = narrativeFields(r);
  if (fields.length === 0) return;
  const { applications, reviews, litigations } = collectStatements(r);
  const received = get(r.requests, "newReceived", "total");
  const carried = get(r.requests, "carriedOver", "total");
  const review = get(r.reviewLitigation, "review", "total");
  const direct = get(r.reviewLitigation, "litigationDirect", "total");
  const after = get(r.reviewLitigation, "litigationAfterReview", "total");

  const compare = (
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
      `${section}中写明${topic} ${s.value} 件（“${clip(s.quote)}”），但${tableText}。`,
    );
  };
  if (received !== null) {
    compare(
      applications,
      carried === null ? [received] : [received, received + carried],
      "requests.newReceived.total",
      `表三${labelText(r.edition, "requests.newReceived.total")}为 ${received}`,
      "收到政府信息公开申请",
    );
  }
  if (review !== null) {
    compare(reviews, [review], "reviewLitigation.review.total", `表四${labelText(r.edition, "reviewLitigation.review.total")}为 ${review}`, "行政复议");
  }
  if (direct !== null && after !== null) {
    compare(
      litigations,
      [direct + after],
      "reviewLitigation.litigationDirect.total",
      `表四行政诉讼的「总计」合计为 ${direct + after}（未经复议直接起诉 ${direct}，复议后起诉 ${after}）`,
      "行政诉讼",
    );
  }
}

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 60) + "…" : s;
}

// ---------------------------------------------------------------------------------------------------
// validate, summaries

/** All findings of a report, in rule order. Acknowledgements attach to warnings only. */
export function validate(report: Report, options: ValidateOptions = {}): Finding[] {
  const layout = layoutOf(report.edition as EditionId);
  const applicantColumns = hasOtherApplicant(report.requests)
    ? [...layout.applicantColumnKeys, "otherApplicant"]
    : layout.applicantColumnKeys;
  const ctx: Context = {
    report,
    previous: options.previous,
    layout,
    columns: [...applicantColumns, "total"],
    applicantColumns,
  };
  const acks = options.acknowledgements;
  const findings: Finding[] = [];
  for (const rule of RULES) {
    rule.check(ctx, (cells, message) => {
      const finding: Finding = { id: `${rule.id}:${cells.join(",")}`, rule: rule.id, severity: rule.severity, cells, message };
      if (acks && rule.severity === "warning") {
        const ack = acks.find((a) => a.findingId === finding.id && !isBlank(a.reason));
        if (ack) finding.acknowledgement = ack.at === undefined ? { by: ack.by, reason: ack.reason } : { by: ack.by, reason: ack.reason, at: ack.at };
      }
      findings.push(finding);
    });
  }
  return findings;
}

/** Where a finding shows: one of the six sections, or "front" (title, date, website, contact). */
export type FindingPlace = SectionKey | "front";

export function findingSection(finding: Finding): FindingPlace {
  // Runs for every finding on every keystroke in the editor: no array from split().
  const path = finding.cells[0] ?? "";
  const dot = path.indexOf(".");
  const top = dot < 0 ? path : path.slice(0, dot);
  switch (top) {
    case "activeDisclosure":
    case "requests":
    case "reviewLitigation":
    case "overview":
    case "problems":
    case "otherMatters":
      return top;
    case "intro":
      return "overview";
    default:
      return "front";
  }
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  unacknowledgedWarnings: number;
}

export interface FindingSummary extends FindingCounts {
  bySection: Record<FindingPlace, FindingCounts>;
}

export function summarizeFindings(findings: Finding[]): FindingSummary {
  const zero = (): FindingCounts => ({ errors: 0, warnings: 0, unacknowledgedWarnings: 0 });
  const summary: FindingSummary = {
    ...zero(),
    bySection: {
      front: zero(),
      overview: zero(),
      activeDisclosure: zero(),
      requests: zero(),
      reviewLitigation: zero(),
      problems: zero(),
      otherMatters: zero(),
    },
  };
  for (const f of findings) {
    const section = summary.bySection[findingSection(f)];
    for (const counts of [summary, section]) {
      if (f.severity === "error") counts.errors++;
      else {
        counts.warnings++;
        if (!f.acknowledgement) counts.unacknowledgedWarnings++;
      }
    }
  }
  return summary;
}

/**
 * Whether the report may be submitted for approval: no errors, and every warning acknowledged with a
 * reason (warnings never block once acknowledged; errors can only be fixed).
 */
export function canSubmit(findings: Finding[]): boolean {
  return findings.every((f) => f.severity === "warning" && f.acknowledgement !== undefined);
}
