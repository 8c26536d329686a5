import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db";
import { HISTORY_PAGE_SIZE } from "@/db/queries/history";
import { requireUser } from "@/lib/auth/guards";
import { formatDateTime, formatTimeSpan } from "@/lib/format";
import { readCursor } from "@/lib/paging";
import { auditActionLabels } from "@/lib/labels";
import type { AuditAction } from "@/db/queries/audit";
import { diffText } from "@/lib/history/diff";
import { reportHistory } from "@/lib/history/report-history";
import { SITTING_GAP_MS } from "@/lib/history/sittings";
import type { CellValue } from "@/lib/workflow/cells";
import { StatusBadge } from "@/components/report/StatusBadge";
import { cellClass, DataTable } from "@/components/ui/DataTable";

export const metadata = { title: "修订记录 · 年报" };

const td = cellClass;

function cellText(value: CellValue): string {
  if (value === undefined) return "不适用";
  if (value === null) return "空白";
  return String(value);
}

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string; to?: string; before?: string }>;
}) {
  const user = await requireUser();
  const reportId = Number((await params).id);
  const query = await searchParams;
  const before = readCursor(query.before);
  const history = await (Number.isInteger(reportId) ? reportHistory(getDb(), user, reportId, { before, from: query.from, to: query.to }) : undefined);
  if (!history) notFound();
  const { report, timeline, from, to, diff } = history;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">
          {report.agencyName} {report.year} 年报告 · 修订记录
        </h1>
        <StatusBadge status={report.status} />
        <span className="flex-1" />
        <Link href={`/reports/${reportId}`} className="text-brand-600 underline-offset-2 hover:underline">
          返回报告
        </Link>
      </div>

      <p className="text-sm text-slate-600">
        同一人连续的多次保存（每两次相隔不到 {SITTING_GAP_MS / 60_000} 分钟，其间没有提交、退回等审核步骤）合为一行，显示这段时间共修改了什么；比较时取该行的最后一版。
      </p>

      <form method="get" className="space-y-3">
        <DataTable
          testId="revision-list"
          caption={<caption className="sr-only">修订和审核记录，最新的在前；同一人连续的多次保存合为一行</caption>}
          columns={["时间", "版本", "操作人", "修改内容", { label: "比较：从", align: "center" }, { label: "到", align: "center" }]}
        >
          {timeline.map((item) =>
            item.kind === "event" ? (
              <tr key={`e${item.id}`} className="border-t border-slate-100 bg-brand-50">
                <td className={`${td} whitespace-nowrap text-slate-600`}>{formatDateTime(item.at)}</td>
                <td className={td} />
                <td className={td}>{item.user}</td>
                <td className={td} colSpan={3}>
                  <span className="font-medium text-brand-700">{auditActionLabels[item.action as AuditAction] ?? item.action}</span>
                  {item.detail && <span className="ml-2 text-slate-600">{item.detail}</span>}
                </td>
              </tr>
            ) : (
              <tr key={`r${item.id}`} className="border-t border-slate-100">
                <td className={`${td} whitespace-nowrap text-slate-600`}>
                  {item.saves > 1 ? formatTimeSpan(item.startedAt, item.at) : formatDateTime(item.at)}
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  {item.firstVersion === item.version ? `第 ${item.version} 版` : `第 ${item.firstVersion}–${item.version} 版`}
                  {item.saves > 1 && <span className="block text-xs text-slate-500">保存 {item.saves} 次</span>}
                </td>
                <td className={td}>{item.author}</td>
                <td className={`${td} text-slate-700`}>{item.summary}</td>
                <td className={`${td} text-center`}>
                  <input
                    type="radio"
                    name="from"
                    value={item.version}
                    defaultChecked={item.version === from}
                    aria-label={`从第 ${item.version} 版比较`}
                  />
                </td>
                <td className={`${td} text-center`}>
                  <input
                    type="radio"
                    name="to"
                    value={item.version}
                    defaultChecked={item.version === to}
                    aria-label={`比较到第 ${item.version} 版`}
                  />
                </td>
              </tr>
            ),
          )}
        </DataTable>
        {before !== undefined && <input type="hidden" name="before" value={before} />}
        {(before !== undefined || history.olderThan !== null) && (
          <nav aria-label="翻页" className="flex flex-wrap gap-4 text-sm">
            <span className="text-slate-500">每页 {HISTORY_PAGE_SIZE} 次保存。</span>
            {before !== undefined && (
              <Link href={`/reports/${reportId}/history`} className="text-brand-600 hover:underline">
                ← 最新的修订
              </Link>
            )}
            {history.olderThan !== null && (
              <Link href={`/reports/${reportId}/history?before=${history.olderThan}`} className="text-brand-600 hover:underline">
                更早的修订 →
              </Link>
            )}
          </nav>
        )}
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
          比较所选的两个版本
        </button>
      </form>

      <section aria-labelledby="diff-heading" className="space-y-4" data-testid="revision-diff">
        <h2 id="diff-heading" className="text-lg font-semibold">
          第 {from} 版 → 第 {to} 版的差异
        </h2>
        {!diff ? (
          <p className="text-slate-600">所选版本的内容无法读取。</p>
        ) : diff.cells.length === 0 && diff.texts.length === 0 ? (
          <p className="text-slate-600">两个版本内容相同。</p>
        ) : (
          <>
            {diff.cells.length > 0 && (
              <DataTable
                testId="cell-changes"
                caption={<caption className="px-3 py-2 text-left font-semibold">表格单元格（{diff.cells.length} 处）</caption>}
                columns={["单元格", { label: "原值", align: "right" }, { label: "变为", hidden: true }, { label: "新值", align: "right" }]}
              >
                {diff.cells.map((change) => (
                  <tr key={change.path} className="border-t border-slate-100">
                    <td className={td}>{change.label}</td>
                    <td className={`${td} text-right text-red-800 tabular-nums`}>{cellText(change.before)}</td>
                    <td className={`${td} text-center text-slate-400`} aria-hidden="true">→</td>
                    <td className={`${td} text-right text-emerald-800 tabular-nums`}>{cellText(change.after)}</td>
                  </tr>
                ))}
              </DataTable>
            )}
            {diff.texts.map((change) => (
              <div key={change.key} className="rounded border border-slate-200 bg-white px-4 py-3" data-testid="text-change">
                <h3 className="mb-2 font-semibold">{change.label}</h3>
                <p className="whitespace-pre-wrap leading-7">
                  {diffText(change.before, change.after).map((segment, index) =>
                    segment.kind === "same" ? (
                      <span key={index}>{segment.text}</span>
                    ) : segment.kind === "added" ? (
                      <ins key={index} className="bg-emerald-100 text-emerald-900 no-underline" title="新增">
                        {segment.text}
                      </ins>
                    ) : (
                      <del key={index} className="bg-red-100 text-red-900" title="删除">
                        {segment.text}
                      </del>
                    ),
                  )}
                </p>
              </div>
            ))}
          </>
        )}
      </section>
    </div>
  );
}
