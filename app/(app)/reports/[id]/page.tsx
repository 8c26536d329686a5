import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getReportForActor } from "@/db/queries/reports";
import { requireUser, scopeOf } from "@/lib/auth/guards";
import { StatusBadge } from "@/components/reports/StatusBadge";

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const reportId = Number((await params).id);
  const report = Number.isInteger(reportId) ? getReportForActor(getDb(), scopeOf(user), reportId) : undefined;
  if (!report) notFound();
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">{report.year} 年政府信息公开工作年度报告</h1>
        <StatusBadge status={report.status} />
      </div>
    </div>
  );
}
