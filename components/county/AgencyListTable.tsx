import Link from "next/link";
import type { AgencyLevel } from "@/lib/report/model";
import type { ReactNode } from "react";
import { agencyLevelLabels } from "@/lib/labels";

import { cellClass, DataTable, type Column } from "@/components/ui/DataTable";

export const td = cellClass;
export const link = "text-brand-600 underline-offset-2 hover:underline";

/** A list of agencies (the shared data table): 机关 | 层级 | the given columns | a link to the report. */
export function AgencyListTable({ testId, columns, children }: { testId: string; columns: Column[]; children: ReactNode }) {
  return (
    <DataTable testId={testId} columns={["机关", "层级", ...columns, { label: "操作", hidden: true }]}>
      {children}
    </DataTable>
  );
}

/** The first two cells of an agency's row: its name (as given) and its level. */
export function AgencyCells({ name, level }: { name: ReactNode; level: AgencyLevel }) {
  return (
    <>
      <th scope="row" className={`${td} text-left font-medium`}>
        {name}
      </th>
      <td className={`${td} text-slate-600`}>{agencyLevelLabels[level]}</td>
    </>
  );
}

/** The last cell of an agency's row: 打开报告 when it has a report. */
export function OpenReportCell({ reportId }: { reportId: number | null }) {
  return (
    <td className={`${td} text-right`}>
      {reportId !== null && (
        <Link href={`/reports/${reportId}`} className={`${link} whitespace-nowrap`}>
          打开报告
        </Link>
      )}
    </td>
  );
}
