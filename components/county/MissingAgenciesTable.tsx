import { StatusBadge } from "@/components/report/StatusBadge";
import type { CountyAgencyFigures } from "@/lib/county/figures";
import { AgencyCells, AgencyListTable, OpenReportCell, td } from "./AgencyListTable";

/** The agencies whose report is not in the sum, with their status and why. */
export function MissingAgenciesTable({ agencies }: { agencies: CountyAgencyFigures[] }) {
  if (agencies.length === 0) return <p className="text-slate-600">各机关的报告均已批准并计入汇总。</p>;
  return (
    <AgencyListTable testId="county-missing" columns={["状态", "说明"]}>
      {agencies.map((agency) => (
        <tr key={agency.agencyId} className="border-t border-slate-100">
          <AgencyCells
            level={agency.level}
            name={
              <>
                {agency.agencyName}
                {agency.isOwnOffice && <span className="ml-1 font-normal text-slate-500">（本级）</span>}
              </>
            }
          />
          <td className={td}>{agency.status ? <StatusBadge status={agency.status} /> : <span className="text-slate-500">未开始</span>}</td>
          <td className={`${td} text-slate-600`}>{agency.reason}</td>
          <OpenReportCell reportId={agency.reportId} />
        </tr>
      ))}
    </AgencyListTable>
  );
}
