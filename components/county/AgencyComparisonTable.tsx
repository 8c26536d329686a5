import Link from "next/link";
import { agencyLevelLabels } from "@/lib/labels";
import { formatFigure } from "@/lib/county/format-figure";
import {
  COMPARED_FIGURES,
  type AgencyComparison,
  type ComparedFigureDef,
  type FigureCell,
  type SortDirection,
  type SortKey,
} from "@/lib/county/compare-agencies";
import { cellClass as td } from "@/components/ui/DataTable";

const link = "text-brand-600 underline-offset-2 hover:underline";
/** Figure columns are narrower than the shared tables' cells, so seven of them and the names fit 1024 px. */
const figureTd = "px-2 py-2";

/** The page's address with the given search parameters. */
export function comparisonHref(params: { year: number; sort: SortKey; dir: SortDirection; agency?: number }, hash = ""): string {
  const query = new URLSearchParams({ year: String(params.year) });
  if (params.sort !== "name") query.set("sort", params.sort);
  if (params.dir !== "asc") query.set("dir", params.dir);
  if (params.agency !== undefined) query.set("agency", String(params.agency));
  return `/county/agencies?${query}${hash}`;
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

/** A column header that sorts by its column: first click descending for figures (largest first), ascending for names. */
function SortHeader({
  comparison,
  sortKey,
  label,
  align,
  first,
}: {
  comparison: AgencyComparison;
  sortKey: SortKey;
  label: string;
  align: "left" | "right";
  first: SortDirection;
}) {
  const { key, dir } = comparison.sort;
  const active = key === sortKey;
  const next: SortDirection = active ? (dir === "asc" ? "desc" : "asc") : first;
  return (
    <th
      scope="col"
      aria-sort={active ? ARIA_SORT[dir] : undefined}
      className={`${align === "left" ? `${td} text-left` : `${figureTd} text-right`} font-medium whitespace-nowrap`}
    >
      <Link
        href={comparisonHref({ year: comparison.year, sort: sortKey, dir: next })}
        className={`inline-flex items-center gap-0.5 hover:text-brand-700 hover:underline ${active ? "text-slate-900" : ""}`}
        title={`按「${label}」${next === "asc" ? "从小到大" : "从大到小"}排序`}
      >
        {label}
        <span aria-hidden="true" className={active ? "text-brand-600" : "text-slate-400"}>
          {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

const OUTLIER_TEXT = { high: "偏高", low: "偏低" } as const;

function Figure({ def, cell }: { def: ComparedFigureDef; cell: FigureCell }) {
  if (cell.value === null) {
    return (
      <td className={`${figureTd} text-right text-slate-400`} title={cell.note}>
        —<span className="sr-only">（{cell.note}）</span>
      </td>
    );
  }
  const text = formatFigure(def.kind, cell.value);
  return (
    <td
      className={`${figureTd} text-right tabular-nums whitespace-nowrap ${cell.outlier ? "bg-amber-50" : ""} ${cell.judged ? "" : "text-slate-500"}`}
      title={cell.note}
      data-outlier={cell.outlier ?? undefined}
    >
      {cell.outlier && (
        <span className="mr-1.5 rounded bg-amber-200 px-1 py-px text-xs font-medium text-amber-900">
          {cell.outlier === "high" ? "↑" : "↓"}
          {OUTLIER_TEXT[cell.outlier]}
        </span>
      )}
      <span className={cell.outlier ? "font-semibold text-amber-900" : ""}>{text}</span>
      {def.kind === "rate" && cell.note && <span className="sr-only">（{cell.note}）</span>}
    </td>
  );
}

/** The agencies of a year × the key figures: sortable by each header (links, so it works without JavaScript), outliers marked. */
export function AgencyComparisonTable({ comparison, selected }: { comparison: AgencyComparison; selected?: number }) {
  const { rows, year, sort } = comparison;
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full border-collapse" data-testid="agency-comparison">
        <caption className="sr-only">
          {year} 年度各机关主要数字，点击列标题排序；当前按「
          {sort.key === "name" ? "机关" : COMPARED_FIGURES.find((def) => def.key === sort.key)!.label}」
          {sort.dir === "asc" ? "从小到大" : "从大到小"}排列
        </caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <SortHeader comparison={comparison} sortKey="name" label="机关" align="left" first="asc" />
            {COMPARED_FIGURES.map((def) => (
              <SortHeader key={def.key} comparison={comparison} sortKey={def.key} label={def.label} align="right" first="desc" />
            ))}
            <th scope="col" className={td}>
              <span className="sr-only">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const current = row.agencyId === selected;
            return (
              <tr
                key={row.agencyId}
                aria-current={current ? "true" : undefined}
                className={`border-t border-slate-100 ${current ? "bg-brand-50" : ""}`}
              >
                <th scope="row" className={`${td} min-w-[12rem] text-left font-medium`}>
                  <Link href={comparisonHref({ year, sort: sort.key, dir: sort.dir, agency: row.agencyId }, "#history")} className={link} title="在下方历年变化图中突出显示">
                    {row.agencyName}
                  </Link>
                  <span className="block text-xs font-normal text-slate-600">
                    {row.isChildOffice ? "下级政务公开办（汇总）" : agencyLevelLabels[row.level]}
                    {row.isOwnOffice && "（本级）"}
                  </span>
                </th>
                {COMPARED_FIGURES.map((def) => (
                  <Figure key={def.key} def={def} cell={row.figures[def.key]} />
                ))}
                <td className={`${td} text-right`}>
                  {row.reportId === null ? (
                    <Link href={`/county?year=${year}&office=${row.agencyId}`} className={`${link} whitespace-nowrap`}>
                      查看汇总
                    </Link>
                  ) : (
                    <Link href={`/reports/${row.reportId}`} className={`${link} whitespace-nowrap`}>
                      打开报告
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
