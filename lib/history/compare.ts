/**
 * 与上年对比 of a report the actor may view: the report beside the agency's published report of the year
 * before (approved, or an imported past report), every table cell compared (lib/report/compare.ts) and
 * the narrative parts diffed character by character (diffText). Whoever may view the report may compare
 * it: clerk and supervisor of its agency, the county admin. A refusal is audited; another agency's report
 * is not found.
 */
import type { Executor } from "@/db/client";
import { findReportIdByYear, getReportForActor, PUBLISHED_STATUSES } from "@/db/queries/reports";
import type { UserProfile } from "@/db/queries/users";
import { findReadableReport, type ReportHead } from "@/db/queries/workflow";
import type { ReportStatus } from "@/db/schema";
import { actionFailure, type ActionResult } from "@/lib/actions";
import { statusLabels } from "@/lib/labels";
import { actorScope, decide, REPORT_NOT_FOUND } from "@/lib/permissions";
import { recordRefusal } from "@/lib/refusals";
import { compareReports, type NarrativePair, type ReportComparison } from "@/lib/report/compare";
import { getEdition, type EditionId } from "@/lib/report/editions";
import { tryReadStoredReport } from "@/lib/stored-report";
import { diffText, type TextSegment } from "./diff";

/** A narrative part of both years with its character diff. */
export type NarrativeDiff = NarrativePair & {
  segments: TextSegment[];
  /** The share of both texts left unchanged: 2 × unchanged characters / (both lengths); 1 when both are empty. */
  similarity: number;
};

export type ComparedReportHead = { id: number; year: number; status: ReportStatus; edition: EditionId };

export type YearComparison = {
  report: ReportHead;
  /** Last year's report when there is one, published or not. */
  lastYear: ComparedReportHead | null;
  /** Why nothing is compared, in Chinese; null when the comparison is there. */
  missing: string | null;
  comparison: ReportComparison | null;
  narratives: NarrativeDiff[];
};

export const COMPARE_ATTEMPTS = { view: "查看与上年对比", download: "下载与上年对比" } as const;

/**
 * The report and last year's, compared. `purpose` names the attempt in the audit log when refused.
 * Refused (audited) when the actor may not view the report; otherwise a comparison, or the reason there
 * is none (no report last year, not yet approved, unreadable).
 */
export async function compareWithLastYear(
  db: Executor,
  actor: UserProfile,
  input: { reportId: number; purpose?: keyof typeof COMPARE_ATTEMPTS },
): Promise<ActionResult<YearComparison>> {
  const scope = actorScope(actor);
  const report = await findReadableReport(db, scope, input.reportId);
  const decision = report ? decide(actor, report, "view") : ({ ok: false, reason: REPORT_NOT_FOUND } as const);
  if (!report || !decision.ok) {
    await recordRefusal(db, actor, COMPARE_ATTEMPTS[input.purpose ?? "view"], decision.ok ? REPORT_NOT_FOUND : decision.reason, report ?? null, input.reportId);
    return actionFailure(decision.ok ? REPORT_NOT_FOUND : decision.reason);
  }
  const none = (missing: string, lastYear: ComparedReportHead | null = null): ActionResult<YearComparison> => ({
    ok: true,
    data: { report: report, lastYear, missing, comparison: null, narratives: [] },
  });

  const current = tryReadStoredReport((await getReportForActor(db, scope, report.id))?.content);
  if (!current) return none("本年报告的内容无法读取，无法对比，请联系管理员。");

  const year = report.year - 1;
  const lastYearId = await findReportIdByYear(db, report.agencyId, year);
  const stored = await (lastYearId === undefined ? undefined : getReportForActor(db, scope, lastYearId));
  if (!stored) {
    return none(
      `本机关没有 ${year} 年的报告，无法与上年对比。经办人可以在「年度报告」页导入本机关已发布的 ${year} 年报告，导入后即可对比。`,
    );
  }
  const lastYear: ComparedReportHead = { id: stored.id, year: stored.year, status: stored.status, edition: stored.edition };
  if (!PUBLISHED_STATUSES.includes(stored.status)) {
    return none(`本机关 ${year} 年的报告尚未批准（${statusLabels[stored.status]}），批准后才能作为上年报告对比。`, lastYear);
  }
  const previous = tryReadStoredReport(stored.content);
  if (!previous) return none(`${year} 年报告的内容无法读取，无法对比，请联系管理员。`, lastYear);

  const comparison = compareReports(previous, current);
  return { ok: true, data: { report: report, lastYear, missing: null, comparison, narratives: comparison.narratives.map(withDiff) } };
}

function withDiff(pair: NarrativePair): NarrativeDiff {
  const segments = diffText(pair.previous, pair.current);
  const total = pair.previous.length + pair.current.length;
  const same = segments.reduce((n, segment) => n + (segment.kind === "same" ? segment.text.length : 0), 0);
  return { ...pair, segments, similarity: total === 0 ? 1 : (2 * same) / total };
}

// ---------------------------------------------------------------------------------------------------
// In words (page and files alike)

/** {机关}{年份}年政府信息公开工作年度报告与上年对比 */
export function comparisonTitle(data: Pick<YearComparison, "report">): string {
  return `${data.report.agencyName.trim()}${data.report.year}年政府信息公开工作年度报告与上年对比`;
}

/** 上年：2024年报告，已批准，国办公开办函〔2021〕30号格式；本年：2025年报告，草稿，…。 */
export function comparedReportsText(data: YearComparison): string {
  const c = data.comparison!;
  const side = (year: number, status: keyof typeof statusLabels, edition: ReportComparison["currentEdition"]) =>
    `${year}年报告，${statusLabels[status]}，${getEdition(edition).name}格式`;
  return `上年：${side(c.previousYear, data.lastYear!.status, c.previousEdition)}；本年：${side(c.currentYear, data.report.status, c.currentEdition)}。`;
}

/** The share of a narrative left unchanged, in words. */
export function similarityText(narrative: NarrativeDiff): string {
  if (!narrative.previous && !narrative.current) return "两年均未填写";
  if (!narrative.previous) return "上年未填写";
  if (!narrative.current) return "本年未填写";
  if (narrative.previous === narrative.current) return "与上年完全相同";
  return `与上年相同的文字约占 ${Math.round(narrative.similarity * 100)}%`;
}
