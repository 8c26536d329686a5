import Link from "next/link";
import { KEY_FIGURES, keyFigures } from "@/lib/report/aggregate";
import { formatCell } from "@/lib/report/cell-input";
import type { Report } from "@/lib/report/model";
import type { Finding } from "@/lib/report/rules";
import type { CountyAgencyFigures } from "@/lib/county/figures";
import { AgencyCells, AgencyListTable, OpenReportCell, link, td } from "./AgencyListTable";

function Balance({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <span className="text-slate-500">平衡</span>;
  return <span className="font-semibold text-red-700">{findings.length} 处不平衡</span>;
}

function Figures({ report }: { report: Report }) {
  return keyFigures(report).map((value, i) => (
    <td key={i} className={`${td} text-right tabular-nums`}>
      {value === null ? <span className="text-slate-400">空白</span> : formatCell(value)}
    </td>
  ));
}

/** The summed agencies × key figures, each with links to its tables and its report; the sum last. */
export function AgencyFiguresTable({
  agencies,
  combined,
  combinedFindings,
  combinedCount,
  year,
  selected,
}: {
  agencies: CountyAgencyFigures[];
  combined: Report;
  combinedFindings: Finding[];
  /** How many reports are in the sum (it may hold more than the agencies listed: offices below, other pages). */
  combinedCount: number;
  year: number;
  selected?: number;
}) {
  return (
    <AgencyListTable
      testId="county-agencies"
      columns={[...KEY_FIGURES.map((figure) => ({ label: figure.label, align: "right" as const })), "本机关表格"]}
    >
      {agencies.map((agency) => (
        <tr
          key={agency.agencyId}
          aria-current={agency.agencyId === selected ? "true" : undefined}
          className={`border-t border-slate-100 ${agency.agencyId === selected ? "bg-brand-50" : ""}`}
        >
          <AgencyCells
            level={agency.level}
            name={
              <Link href={`/county?year=${year}&agency=${agency.agencyId}#tables`} className={link}>
                {agency.agencyName}
              </Link>
            }
          />
          <Figures report={agency.report!} />
          <td className={td}>
            <Balance findings={agency.findings} />
          </td>
          <OpenReportCell reportId={agency.reportId} />
        </tr>
      ))}
      <tr className="border-t-2 border-slate-300 bg-slate-50 font-semibold">
        <th scope="row" className={`${td} text-left`} colSpan={2}>
          合计（{combinedCount} 个机关）
        </th>
        <Figures report={combined} />
        <td className={`${td} font-normal`}>
          <Balance findings={combinedFindings} />
        </td>
        <td className={td} />
      </tr>
    </AgencyListTable>
  );
}
