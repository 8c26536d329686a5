import Link from "next/link";
import { getDb } from "@/lib/db";
import { listDashboardEntries } from "@/db/queries/dashboard";
import { requireAbility } from "@/lib/auth/guards";
import { actorScope, isCountyAdmin } from "@/lib/permissions";
import { formatDateTime } from "@/lib/format";
import { agencyLevelLabels } from "@/lib/labels";
import { defaultReportYear, selectableReportYears } from "@/lib/reporting-year";
import { dashboardRow, type DashboardRow } from "@/lib/dashboard/dashboard";
import { StatusBadge } from "@/components/report/StatusBadge";
import { cellClass, DataTable } from "@/components/ui/DataTable";
import { YearSelectForm } from "@/components/report/YearSelectForm";

export const metadata = { title: "进度总览 · 年报" };

const td = cellClass;

function daysText(row: DashboardRow): string {
  if (!row.deadline || row.daysLeft === null) return "—";
  if (row.report?.status === "approved") return row.late ? "逾期后批准" : "按期完成";
  if (row.daysLeft < 0) return `逾期 ${-row.daysLeft} 天`;
  if (row.daysLeft === 0) return "今天截止";
  return `剩 ${row.daysLeft} 天`;
}

function Count({ value, tone }: { value: number | undefined; tone: "error" | "warning" }) {
  if (value === undefined) return <span className="text-slate-400">—</span>;
  if (value === 0) return <span className="text-slate-500">0</span>;
  return <span className={`font-semibold ${tone === "error" ? "text-red-700" : "text-amber-700"}`}>{value}</span>;
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const user = await requireAbility("viewDashboard");
  const years = selectableReportYears();
  const requested = Number((await searchParams).year);
  const year = years.includes(requested) ? requested : defaultReportYear();
  const now = new Date();
  const rows = listDashboardEntries(getDb(), actorScope(user), year).map((entry) => dashboardRow(entry, year, now));
  const approved = rows.filter((row) => row.report?.status === "approved").length;
  const submitted = rows.filter((row) => row.report?.status === "submitted").length;
  const notStarted = rows.filter((row) => !row.report).length;
  const late = rows.filter((row) => row.late && row.report?.status !== "approved").length;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">进度总览</h1>
          <p className="text-slate-600">
            {isCountyAdmin(user) ? `${user.agencyName}及所属各机关` : user.agencyName}
            {year} 年度政府信息公开工作年度报告
          </p>
        </div>
        <YearSelectForm id="dashboard-year" year={year} years={years} />
      </div>

      <p className="text-slate-700" data-testid="dashboard-summary">
        {`共 ${rows.length} 个机关：已批准 ${approved} 个，待审核 ${submitted} 个，尚未开始 ${notStarted} 个`}
        {late > 0 && <span className="font-semibold text-red-700">{`，已逾期未完成 ${late} 个`}</span>}。
      </p>

      <DataTable
        testId="dashboard"
        columns={[
          "机关",
          "状态",
          "最近保存",
          { label: "错误", align: "right" },
          { label: "提醒（未说明）", align: "right" },
          "截止日期",
          "剩余天数",
          { label: "操作", hidden: true },
        ]}
      >
        {rows.map((row) => {
          const counts = row.report?.counts;
          const overdue = row.late && row.report?.status !== "approved";
          return (
            <tr
              key={row.agencyId}
              data-late={row.late ? "true" : undefined}
              className={`border-t border-slate-100 ${overdue ? "bg-red-50" : ""}`}
            >
              <td className={td}>
                <div className="font-medium">{row.agencyName}</div>
                <div className="text-sm text-slate-500">{agencyLevelLabels[row.level]}</div>
              </td>
              <td className={td}>
                {row.report ? <StatusBadge status={row.report.status} /> : <span className="text-slate-500">未开始</span>}
              </td>
              <td className={`${td} text-slate-600`}>{row.report ? formatDateTime(row.report.updatedAt) : "—"}</td>
              <td className={`${td} text-right`}>
                {row.report && !counts ? <span className="text-red-700">内容无法读取</span> : <Count value={counts?.errors} tone="error" />}
              </td>
              <td className={`${td} text-right`}>
                <Count value={counts?.warnings} tone="warning" />
                {counts && counts.warnings > 0 && (
                  <span className="text-sm text-slate-500">（{counts.unacknowledgedWarnings}）</span>
                )}
              </td>
              <td className={td}>{row.deadline?.label ?? <span className="text-slate-500">县（区）未设定</span>}</td>
              <td className={`${td} ${row.late ? "font-semibold text-red-700" : ""}`}>{daysText(row)}</td>
              <td className={`${td} text-right`}>
                {row.report && (
                  <span className="flex justify-end gap-3 whitespace-nowrap">
                    <Link href={`/reports/${row.report.id}`} className="text-brand-600 underline-offset-2 hover:underline">
                      打开报告
                    </Link>
                    <Link
                      href={`/reports/${row.report.id}/history`}
                      className="text-brand-600 underline-offset-2 hover:underline"
                    >
                      修订记录
                    </Link>
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <p className="text-sm text-slate-500">
        截止日期：部门为次年1月31日，县（区）人民政府本级报告为次年3月31日，乡镇、街道为县（区）政务公开办设定的日期。
      </p>
    </div>
  );
}
