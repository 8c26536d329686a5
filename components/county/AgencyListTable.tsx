import Link from "next/link";
import type { ReactNode } from "react";
import { agencyLevelLabels } from "@/lib/labels";
import type { AgencyLevel } from "@/db/schema";

export const th = "px-2.5 py-1.5 font-medium";
export const td = "px-2.5 py-1.5";
export const link = "text-brand-600 underline-offset-2 hover:underline";

/** A list of agencies: 机关 | 层级 | the given columns | a link to the report. */
export function AgencyListTable({
  testId,
  headers,
  children,
  footer,
}: {
  testId: string;
  headers: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className={th}>机关</th>
            <th scope="col" className={th}>层级</th>
            {headers}
            <th scope="col" className={th}><span className="sr-only">操作</span></th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer}
      </table>
    </div>
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
