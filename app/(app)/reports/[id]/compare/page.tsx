import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/guards";
import { comparedReportsText, compareWithLastYear, similarityText } from "@/lib/history/compare";
import { countsText, editionNote, swingRuleText } from "@/lib/report/compare";
import { StatusBadge } from "@/components/report/StatusBadge";
import {
  COMPARE_FILTERS,
  ComparedTableView,
  NarrativeDiffView,
  SwingList,
  type CompareFilter,
} from "@/components/history/YearComparisonView";

export const metadata = { title: "与上年对比 · 年报" };

const download = "rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50";

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ show?: string }>;
}) {
  const user = await requireUser();
  const reportId = Number((await params).id);
  const show = (await searchParams).show;
  const filter: CompareFilter = show === "changed" || show === "swings" ? show : "all";
  const result = await (Number.isSafeInteger(reportId) && reportId > 0 ? compareWithLastYear(getDb(), user, { reportId }) : undefined);
  if (!result?.ok) notFound();
  const data = result.data;
  const { report, comparison } = data;
  const fileLink = (format: string) => `/api/reports/${report.id}/compare?format=${format}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">
          {report.agencyName} {report.year} 年报告 · 与上年对比
        </h1>
        <StatusBadge status={report.status} />
        <span className="flex-1" />
        {comparison && (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-slate-600">下载对比：</span>
            <a href={fileLink("docx")} className={download}>
              Word（DOCX）
            </a>
            <a href={fileLink("xlsx")} className={download}>
              Excel（XLSX）
            </a>
          </div>
        )}
        <Link href={`/reports/${report.id}`} className="text-brand-600 underline-offset-2 hover:underline">
          返回报告
        </Link>
      </div>

      {!comparison ? (
        <p role="status" data-testid="compare-missing" className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950">
          {data.missing}
          {data.lastYear && (
            <>
              {" "}
              <Link href={`/reports/${data.lastYear.id}`} className="text-brand-700 underline">
                查看 {data.lastYear.year} 年的报告
              </Link>
            </>
          )}
        </p>
      ) : (
        <>
          <section aria-label="对比说明" className="space-y-1 text-sm text-slate-700" data-testid="compare-summary">
            <p>
              {comparedReportsText(data)}{" "}
              <Link href={`/reports/${data.lastYear!.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                查看 {data.lastYear!.year} 年的报告
              </Link>
            </p>
            {editionNote(comparison) && <p className="text-slate-800">{editionNote(comparison)}</p>}
            <p>{swingRuleText()}</p>
            <p className="font-medium text-slate-900">{countsText(comparison.counts)}</p>
          </section>

          <section aria-labelledby="swings-heading" className="space-y-2">
            <h2 id="swings-heading" className="text-lg font-semibold">
              大幅变化（{comparison.counts.swings} 处）
            </h2>
            <SwingList comparison={comparison} />
          </section>

          <nav aria-label="显示哪些单元格" className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-slate-600">表格显示：</span>
            {COMPARE_FILTERS.map(({ value, label }) =>
              value === filter ? (
                <span key={value} aria-current="page" className="rounded bg-brand-600 px-2 py-1 font-medium text-white">
                  {label}
                </span>
              ) : (
                <Link
                  key={value}
                  href={value === "all" ? `/reports/${report.id}/compare` : `/reports/${report.id}/compare?show=${value}`}
                  className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50"
                >
                  {label}
                </Link>
              ),
            )}
          </nav>

          {comparison.tables.map((table) => (
            <ComparedTableView key={table.key} table={table} filter={filter} />
          ))}

          <section aria-labelledby="narratives-heading" className="space-y-4">
            <div>
              <h2 id="narratives-heading" className="text-lg font-semibold">
                文字部分对比
              </h2>
              <p className="text-sm text-slate-600">
                左为上年，<del className="bg-red-100 text-red-900">删去的文字</del>标红并划去；右为本年，
                <ins className="bg-emerald-100 text-emerald-900 no-underline">新增的文字</ins>标绿。
              </p>
            </div>
            {data.narratives.map((narrative) => (
              <NarrativeDiffView
                key={narrative.key}
                narrative={narrative}
                similarity={similarityText(narrative)}
                years={{ previous: comparison.previousYear, current: comparison.currentYear }}
              />
            ))}
          </section>
        </>
      )}
    </div>
  );
}
