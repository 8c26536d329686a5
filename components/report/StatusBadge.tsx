import type { ReportStatus } from "@/db/schema";
import { statusLabels } from "@/lib/labels";

const statusStyles: Record<ReportStatus, string> = {
  draft: "bg-slate-100 text-slate-700 ring-slate-300",
  submitted: "bg-amber-50 text-amber-800 ring-amber-300",
  returned: "bg-red-50 text-red-800 ring-red-300",
  approved: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  imported: "bg-sky-50 text-sky-800 ring-sky-300",
};

export function StatusBadge({ status }: { status: ReportStatus }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${statusStyles[status]}`}>
      {statusLabels[status]}
    </span>
  );
}
