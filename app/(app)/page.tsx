import Link from "next/link";
import { getDb } from "@/lib/db";
import { listAgencyReports } from "@/db/queries/reports";
import { requireUser } from "@/lib/auth/guards";
import { actorScope, decideAccount } from "@/lib/permissions";
import { defaultReportYear, selectableReportYears } from "@/lib/reporting-year";
import { formatDateTime } from "@/lib/format";
import { StatusBadge } from "@/components/report/StatusBadge";
import { StartReportForm } from "@/components/report/StartReportForm";
import { startReport } from "./actions";

export const metadata = { title: "年度报告 · 年报" };

export default async function ReportListPage() {
  const user = await requireUser();
  const reports = listAgencyReports(getDb(), actorScope(user));
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
                导入已发布的上年报告（Word、网页或文本），据此开始本年报告
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
          <p className="px-4 py-6 text-slate-600">还没有年度报告。选择年度后点击“开始填写该年度报告”。</p>
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
