/**
 * Text that must be written: the narrative sections (SECTION-EMPTY, an error) and the front matter —
 * date, website, contact (META-MISSING, a warning).
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
