/**
 * The fields the overview pages' plain GET filter forms share (进度总览, 全县汇总): a name search, a report status
 * and an agency level, each with 全部; the values are what the pages' filter schemas read.
 */
import { agencyLevelLabels, statusLabels } from "@/lib/labels";
import { AGENCY_LEVELS } from "@/lib/report/model";

export const filterFieldClass = "rounded border border-slate-300 bg-white px-2 py-1";

const STATUSES = ["draft", "submitted", "returned", "approved", "imported"] as const;

export function NameSearchField({ defaultValue }: { defaultValue: string | undefined }) {
  return (
    <label className="flex flex-col gap-1">
      机关名称
      <input type="search" name="q" defaultValue={defaultValue} maxLength={50} className={filterFieldClass} />
    </label>
  );
}

/** A report status, 未开始 (no report) or 全部. */
export function StatusSelectField({ label, defaultValue }: { label: string; defaultValue: string | undefined }) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      <select name="status" defaultValue={defaultValue} className={filterFieldClass}>
        <option value="all">全部</option>
        <option value="none">未开始</option>
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {statusLabels[status]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function LevelSelectField({ defaultValue }: { defaultValue: string | undefined }) {
  return (
    <label className="flex flex-col gap-1">
      层级
      <select name="level" defaultValue={defaultValue} className={filterFieldClass}>
        <option value="all">全部</option>
        {AGENCY_LEVELS.map((level) => (
          <option key={level} value={level}>
            {agencyLevelLabels[level]}
          </option>
        ))}
      </select>
    </label>
  );
}
