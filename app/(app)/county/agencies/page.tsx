import Link from "next/link";
import { rollupTitleOf } from "@/lib/labels";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { requireAbility } from "@/lib/auth/guards";
import { countyYearChoice } from "@/lib/county/figures";
import { COMPARED_FIGURES, compareAgencies, RATE_MINIMUM_BASE, type ComparedFigureKey } from "@/lib/county/compare-agencies";
import { OUTLIER_RULE } from "@/lib/report/outliers";
import { AgencyComparisonTable } from "@/components/county/AgencyComparisonTable";
import { FigureHistoryChart } from "@/components/county/FigureHistoryChart";
import { YearSelectForm } from "@/components/report/YearSelectForm";

export const metadata = { title: "各机关对比 · 年报" };

const link = "text-brand-600 underline-offset-2 hover:underline";

type Params = { year?: string; sort?: string; dir?: string; agency?: string };

/** 各机关对比: the key figures of each agency's approved report of a year, sortable, outliers marked, and each figure over the years. */
export default async function CompareAgenciesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireAbility("viewCountyFigures");
  const db = getDb();
  const params = await searchParams;
  const { year, options: yearOptions } = await countyYearChoice(db, user, params.year);
  const outcome = await compareAgencies(db, user, { year, sort: params.sort, dir: params.dir });
  if (!outcome.ok) redirect("/");
  const comparison = outcome.data;
  const { rows, withoutApproved, history, sort } = comparison;
  const selected = Number(params.agency) || undefined;
  const outliers = rows.reduce((count, row) => count + COMPARED_FIGURES.filter((def) => row.figures[def.key].outlier).length, 0);
  const keep: Record<string, string> = {};
  if (sort.key !== "name") keep.sort = sort.key;
  if (sort.dir !== "asc") keep.dir = sort.dir;
  const chartFigure: ComparedFigureKey = sort.key === "name" ? "newReceived" : sort.key;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href={`/county?year=${year}`} className={link}>
            ← 返回{rollupTitleOf(user.agencyOfficeTier)}
          </Link>
          <h1 className="mt-2 text-xl font-semibold">各机关对比</h1>
          <p className="max-w-4xl text-slate-600">
            {comparison.county}及所属各机关 {year} 年度已批准报告的主要数字。点击列标题排序，标出的数字明显偏离其他机关；点击机关名称可在下方历年变化图中突出显示该机关。
          </p>
        </div>
        <YearSelectForm id="compare-year" year={year} years={yearOptions} keep={keep} />
      </div>

      <p className="text-slate-700" data-testid="comparison-summary">
        {`${year} 年度有已批准报告的机关 ${rows.length} 个`}
        {withoutApproved.length > 0 && `，尚无已批准报告的 ${withoutApproved.length} 个（见表下）`}
        {rows.length > 0 && (outliers > 0 ? `；标出异常数字 ${outliers} 处。` : "；没有明显偏离的数字。")}
      </p>

      {rows.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white px-3 py-2 text-slate-600">{year} 年度尚无已批准的报告，暂无可对比的数字。</p>
      ) : (
        <AgencyComparisonTable comparison={comparison} selected={selected} />
      )}

      {withoutApproved.length > 0 && (
        <section aria-labelledby="without-approved" className="space-y-1">
          <h2 id="without-approved" className="font-semibold">
            尚无已批准报告的机关（{withoutApproved.length} 个）
          </h2>
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700" data-testid="without-approved">
            {withoutApproved.map((agency) => (
              <li key={agency.agencyName}>
                {agency.agencyName}
                <span className="text-slate-500">（{agency.statusLabel}）</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section id="history" aria-labelledby="history-heading" className="scroll-mt-4 space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          历年变化
        </h2>
        {history.years.length === 0 ? (
          <p className="rounded border border-slate-200 bg-white px-3 py-2 text-slate-600">本县尚无已批准的报告。</p>
        ) : (
          <FigureHistoryChart
            // The address picks the figure and the agency: a new one (a click in the table) starts the chart anew.
            key={`${chartFigure}-${selected ?? ""}`}
            figures={COMPARED_FIGURES.map(({ key, label, kind }) => ({ key, label, kind }))}
            years={history.years}
            agencies={history.agencies}
            series={history.series}
            median={history.median}
            initialFigure={chartFigure}
            initialAgency={selected}
            year={year}
          />
        )}
      </section>

      <section aria-labelledby="definitions" className="space-y-2 text-sm text-slate-700">
        <h2 id="definitions" className="text-base font-semibold text-slate-900">
          口径说明
        </h2>
        <dl className="grid max-w-5xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          {COMPARED_FIGURES.map((def) => (
            <div key={def.key} className="contents">
              <dt className="font-medium whitespace-nowrap">{def.label}</dt>
              <dd>{def.description}</dd>
            </div>
          ))}
          <div className="contents">
            <dt className="font-medium whitespace-nowrap">异常标记</dt>
            <dd data-testid="outlier-rule">
              某项数字低于第一四分位数或高于第三四分位数超过四分位距的 {OUTLIER_RULE.factor} 倍时标为「偏低」「偏高」（每项指标在本年度有数值的机关中分别计算）；有数值的机关少于 {OUTLIER_RULE.minimumValues} 个时不作判断。比率的基数（分母）不足 {RATE_MINIMUM_BASE} 件时照常显示，但不参与判断（灰色显示）。
              「—」表示没有数值，指向它可看原因。
            </dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
