/**
 * Text that must be written: the narrative sections (SECTION-EMPTY, an error), with substance in section
 * 五 (SECTION-BOILERPLATE, a warning), and the front matter — date, website, contact (META-MISSING, a
 * warning).
 */
import { isBlank } from "./shared";
import type { Emit, RuleDef } from "./types";

export const sectionEmpty: RuleDef = {
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
};

export const frontMatterMissing: RuleDef = {
  id: "META-MISSING",
  severity: "warning",
  description: "报告日期、发布网站或联系方式未填写。",
  check(ctx, emit) {
    const r = ctx.report;
    if (isBlank(r.date)) emit(["date"], "未填写报告日期。");
    emitMissingParts(emit, "website", "发布网站", r.website, { name: "网站名称", url: "网站网址" });
    emitMissingParts(emit, "contact", "联系方式", r.contact, { address: "联系地址", phone: "联系电话", postcode: "邮政编码" });
  },
};

/** One finding naming the blank parts of the text field group `key` (e.g. `contact.phone`), if any. */
function emitMissingParts<T extends object>(
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

/** Numbering of a heading or list item: （一） (1) 一、 1. 1、 */
const NUMBERING = /[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．]/g;
/** The headings section 五 is written under, which say nothing by themselves. */
const PROBLEMS_HEADINGS = /存在的主要问题(?:及|和|与)改进(?:情况|措施)|存在的?(?:主要)?问题|主要问题|改进(?:情况|措施)|下一步(?:工作)?(?:计划|打算)?/g;
/** Punctuation (Chinese and ASCII) and whitespace. */
const PUNCTUATION = /[\s\p{P}\p{S}]/gu;
/** Section 五 saying only that there is nothing to say. */
const NOTHING = /^(?:无|暂无|没有|无无|暂无暂无)$/;
const MINIMUM_CHARACTERS = 20;

export const problemsBoilerplate: RuleDef = {
  id: "SECTION-BOILERPLATE",
  severity: "warning",
  description: "「五、存在的主要问题及改进情况」应有实质内容：不能只写“无”“暂无”“没有”，去掉标题和标点后不少于 20 字。",
  check(ctx, emit) {
    const text = ctx.report.problems;
    if (isBlank(text)) return; // SECTION-EMPTY says so
    const substance = (text ?? "").replace(PROBLEMS_HEADINGS, "").replace(NUMBERING, "").replace(PUNCTUATION, "");
    if (!NOTHING.test(substance) && [...substance].length >= MINIMUM_CHARACTERS) return;
    const what =
      // Stryker disable next-line MethodExpression: NOTHING admits only 无, 暂无, 没有 and 无无, 暂无暂无, each starting with what it ends with
      substance === "" ? "只有标题" : NOTHING.test(substance) ? `只写了“${substance.startsWith("暂无") ? "暂无" : substance.startsWith("没有") ? "没有" : "无"}”` : `去掉标题和标点后只有 ${[...substance].length} 个字`;
    emit(["problems"], `「五、存在的主要问题及改进情况」没有实质内容（${what}）；请写明本年度工作中存在的主要问题和相应的改进措施。`);
  },
};
