import Link from "next/link";
import { getDb } from "@/lib/db";
import { AUDIT_PAGE_SIZE, listCountyAudit } from "@/db/queries/admin";
import type { AuditAction } from "@/db/queries/audit";
import { requireAbility } from "@/lib/auth/guards";
import { actorScope } from "@/lib/permissions";
import { formatDateTime } from "@/lib/format";
import { auditActionLabels, auditDetailText } from "@/lib/labels";
import { readCursor } from "@/lib/paging";
import { cellClass, DataTable } from "@/components/ui/DataTable";

export const metadata = { title: "审计日志 · 年报" };

const td = `${cellClass} align-top`;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireAbility("viewAudit");
  const before = readCursor((await searchParams).before);
  const { events, olderThan } = await listCountyAudit(getDb(), actorScope(user), { before });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">审计日志</h1>
        <p className="text-slate-600">
          {user.agencyName}及所属各机关的记录（登录、提交、退回、批准、重新打开、下载和管理操作），从新到旧，每页 {AUDIT_PAGE_SIZE} 条
          {before !== undefined ? "；当前为较早的记录" : ""}。
        </p>
      </div>
      <DataTable testId="audit-log" columns={["时间", "操作", "用户", "机关", "报告", "说明", "来源地址"]}>
        {events.map((event) => (
          <tr
            key={event.id}
            className={`border-t border-slate-100 ${event.action === "login-failed" ? "bg-red-50" : ""}`}
          >
            <td className={`${td} whitespace-nowrap text-slate-600`}>{formatDateTime(event.at)}</td>
            <td className={`${td} whitespace-nowrap font-medium`}>
              {auditActionLabels[event.action as AuditAction] ?? event.action}
            </td>
            <td className={td}>
              {event.userDisplayName ?? event.username ?? "—"}
              {event.userDisplayName && event.username && (
                <span className="ml-1 font-mono text-sm text-slate-500">{event.username}</span>
              )}
            </td>
            <td className={td}>{event.agencyName ?? "—"}</td>
            <td className={`${td} whitespace-nowrap`}>
              {event.reportId ? (
                <Link href={`/reports/${event.reportId}`} className="text-brand-600 underline-offset-2 hover:underline">
                  {event.reportYear} 年报告
                </Link>
              ) : (
                "—"
              )}
            </td>
            <td className={`${td} text-slate-700`}>{auditDetailText(event.action, event.detail)}</td>
            <td className={`${td} font-mono text-sm text-slate-500`}>{event.address ?? ""}</td>
          </tr>
        ))}
      </DataTable>
      <nav aria-label="翻页" className="flex gap-4">
        {before !== undefined && (
          <Link href="/audit" className="text-brand-600 hover:underline">
            ← 回到最新记录
          </Link>
        )}
        {olderThan !== null && (
          <Link href={`/audit?before=${olderThan}`} className="text-brand-600 hover:underline">
            更早的记录 →
          </Link>
        )}
      </nav>
    </div>
  );
}
