import Link from "next/link";
import { agencyLevelLabels } from "@/lib/labels";
import { KEY_FIGURES, keyFigures } from "@/lib/report/aggregate";
import { formatCell } from "@/lib/report/cell-input";
import type { Report } from "@/lib/report/model";
import type { Finding } from "@/lib/report/rules";
import type { CountyAgencyFigures } from "@/app/(app)/county/figures";

const th = "px-2.5 py-1.5 font-medium";
const td = "px-2.5 py-1.5";
const link = "text-brand-600 underline-offset-2 hover:underline";

function Balance({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <span className="text-slate-500">平衡</span>;
  return <span className="font-semibold text-red-700">{findings.length} 处不平衡</span>;
}

/** The summed agencies × key figures, each with links to its tables and its report; the sum last. */
export function AgencyFiguresTable({
  agencies,
  combined,
  combinedFindings,
  year,
  selected,
}: {
  agencies: CountyAgencyFigures[];
  combined: Report;
  combinedFindings: Finding[];
  year: number;
  selected?: number;
}) {
  const figure = (value: number | null) => (value === null ? <span className="text-slate-400">空白</span> : formatCell(value));
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm" data-testid="county-agencies">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className={th}>机关</th>
            <th scope="col" className={th}>层级</th>
            {KEY_FIGURES.map((f) => (
              <th key={f.label} scope="col" className={`${th} text-right`}>
                {f.label}
              </th>
            ))}
            <th scope="col" className={th}>本机关表格</th>
            <th scope="col" className={th}><span className="sr-only">操作</span></th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((agency) => (
            <tr
              key={agency.agencyId}
              aria-current={agency.agencyId === selected ? "true" : undefined}
              className={`border-t border-slate-100 ${agency.agencyId === selected ? "bg-brand-50" : ""}`}
            >
              <th scope="row" className={`${td} text-left font-medium`}>
                <Link href={`/county?year=${year}&agency=${agency.agencyId}#tables`} className={link}>
                  {agency.agencyName}
                </Link>
              </th>
              <td className={`${td} text-slate-600`}>{agencyLevelLabels[agency.level]}</td>
              {keyFigures(agency.report!).map((value, i) => (
                <td key={i} className={`${td} text-right tabular-nums`}>
                  {figure(value)}
                </td>
              ))}
              <td className={td}>
                <Balance findings={agency.findings} />
              </td>
              <td className={`${td} text-right`}>
                {agency.reportId !== null && (
                  <Link href={`/reports/${agency.reportId}`} className={`${link} whitespace-nowrap`}>
                    打开报告
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 bg-slate-50 font-semibold">
          <tr>
            <th scope="row" className={`${td} text-left`} colSpan={2}>
              合计（{agencies.length} 个机关）
            </th>
            {keyFigures(combined).map((value, i) => (
              <td key={i} className={`${td} text-right tabular-nums`}>
                {figure(value)}
              </td>
            ))}
            <td className={`${td} font-normal`}>
              <Balance findings={combinedFindings} />
            </td>
            <td className={td} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
