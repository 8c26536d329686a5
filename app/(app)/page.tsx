import Link from "next/link";
import { getDb } from "@/lib/db";
import { listAgencyReports } from "@/db/queries/reports";
import { requireUser } from "@/lib/auth/guards";
import type { UserProfile } from "@/db/queries/users";
import { actorScope, decideAccount, type AccountAbility } from "@/lib/permissions";
import { defaultReportYear, selectableReportYears } from "@/lib/reporting-year";
import { formatDateTime } from "@/lib/format";
import { rollupTitleOf } from "@/lib/labels";
import { StatusBadge } from "@/components/report/StatusBadge";
import { StartReportForm } from "@/components/report/StartReportForm";
import { startReport } from "./actions";

export const metadata = { title: "年度报告 · 年报" };

const link = "text-brand-600 underline-offset-2 hover:underline";

/** What the signed-in user can do while the agency has no report yet: only what the server would allow. */
function EmptyReportList({ user }: { user: UserProfile }) {
  const may = (ability: AccountAbility) => decideAccount(user, ability).ok;
  return (
    <div className="space-y-2 px-4 py-6 text-slate-600" data-testid="report-list-empty">
      {may("startReport") ? (
        <p>还没有年度报告。在上方选择报告年度，点击「开始填写该年度报告」；上年报告不在本系统中的，可先导入已发布的上年报告。</p>
      ) : user.role === "supervisor" ? (
        <p>本机关还没有年度报告。年度报告由本机关的经办人开始填写，开始后列在这里；经办人提交审核后，由您审核、退回或批准。</p>
      ) : (
        <p>本机关还没有年度报告。年度报告由各机关的经办人填写、审核人审核。</p>
      )}
      {(may("viewDashboard") || may("viewCountyFigures") || may("administer")) && (
        <ul className="flex flex-wrap gap-x-5 gap-y-1">
          {may("viewDashboard") && (
            <li>
              <Link href="/dashboard" className={link}>
                进度总览
              </Link>
              ：{may("viewCountyFigures") ? "各机关的填报进度和截止日期" : "本机关报告的填写和审核进度"}
            </li>
          )}
          {may("viewCountyFigures") && (
            <li>
              <Link href="/county" className={link}>
                {rollupTitleOf(user.agencyOfficeTier)}
              </Link>
              ：已批准报告的合计表格
            </li>
          )}
          {may("administer") && (
            <li>
              <Link href="/admin" className={link}>
                管理
              </Link>
              ：机关、用户和截止日期
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

export default async function ReportListPage() {
  const user = await requireUser();
  const reports = await listAgencyReports(getDb(), actorScope(user));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">{user.agencyName}</h1>
          <p className="text-slate-600">政府信息公开工作年度报告</p>
        </div>
        {decideAccount(user, "startReport").ok && (
          <div className="space-y-1">
            <StartReportForm
              years={selectableReportYears()}
              defaultYear={defaultReportYear()}
              startReport={startReport}
            />
            <p className="text-xs text-slate-600">
              上年报告不在本系统中？
              <Link href="/reports/import" className="text-brand-600 underline-offset-2 hover:underline">
                导入已发布的上年报告（Word、PDF、网页或文本），据此开始本年报告
              </Link>
            </p>
          </div>
        )}
      </div>
      <section aria-labelledby="reports-heading" className="rounded border border-slate-200 bg-white">
        <h2 id="reports-heading" className="border-b border-slate-200 px-4 py-2 font-semibold">
          各年度报告
        </h2>
        {reports.length === 0 ? (
          <EmptyReportList user={user} />
        ) : (
          <table className="w-full border-collapse" data-testid="report-list">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">年度</th>
                <th scope="col" className="px-4 py-2 font-medium">格式版本</th>
                <th scope="col" className="px-4 py-2 font-medium">状态</th>
                <th scope="col" className="px-4 py-2 font-medium">最近保存</th>
                <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">操作</span></th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr key={report.id} className="border-t border-slate-100">
                  <td className="px-4 py-2 font-medium">{report.year} 年</td>
                  <td className="px-4 py-2 text-slate-600">{report.edition} 年版</td>
                  <td className="px-4 py-2">
                    <StatusBadge status={report.status} />
                  </td>
                  <td className="px-4 py-2 text-slate-600">{formatDateTime(report.updatedAt)}</td>
                  <td className="px-4 py-2 text-right">
                    <Link href={`/reports/${report.id}`} className="text-brand-600 underline-offset-2 hover:underline">
                      打开 {report.year} 年报告
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
