import Link from "next/link";
import { agencyLevelLabels } from "@/lib/labels";
import { StatusBadge } from "@/components/reports/StatusBadge";
import type { CountyAgencyFigures } from "@/app/(app)/county/figures";

const th = "px-2.5 py-1.5 font-medium";
const td = "px-2.5 py-1.5";

/** The agencies whose report is not in the sum, with their status and, where known, why. */
export function MissingAgenciesTable({ agencies }: { agencies: CountyAgencyFigures[] }) {
  if (agencies.length === 0) return <p className="text-slate-600">各机关的报告均已批准并计入汇总。</p>;
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm" data-testid="county-missing">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className={th}>机关</th>
            <th scope="col" className={th}>层级</th>
            <th scope="col" className={th}>状态</th>
            <th scope="col" className={th}>说明</th>
            <th scope="col" className={th}><span className="sr-only">操作</span></th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((agency) => (
            <tr key={agency.agencyId} className="border-t border-slate-100">
              <th scope="row" className={`${td} text-left font-medium`}>
                {agency.agencyName}
                {agency.isCountyOffice && <span className="ml-1 font-normal text-slate-500">（本级）</span>}
              </th>
              <td className={`${td} text-slate-600`}>{agencyLevelLabels[agency.level]}</td>
              <td className={td}>{agency.status ? <StatusBadge status={agency.status} /> : <span className="text-slate-500">未开始</span>}</td>
              <td className={`${td} text-slate-600`}>{agency.reason ?? ""}</td>
              <td className={`${td} text-right`}>
                {agency.reportId !== null && (
                  <Link href={`/reports/${agency.reportId}`} className="whitespace-nowrap text-brand-600 underline-offset-2 hover:underline">
                    打开报告
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
