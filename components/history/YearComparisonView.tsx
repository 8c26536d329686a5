import {
  changeText,
  rateText,
  rowNote,
  sideText,
  SWING_LABELS,
  swingsOf,
  type ComparedCell,
  type ComparedRow,
  type ComparedTable,
  type ReportComparison,
} from "@/lib/report/compare";
import type { NarrativeDiff } from "@/lib/history/compare";
import type { TextSegment } from "@/lib/history/diff";

/** Which cells the tables show: every one, those that changed, or the large swings only. */
export type CompareFilter = "all" | "changed" | "swings";

export const COMPARE_FILTERS: { value: CompareFilter; label: string }[] = [
  { value: "all", label: "全部单元格" },
  { value: "changed", label: "只看有变化的" },
  { value: "swings", label: "只看大幅变化" },
];

function shown(cell: ComparedCell, filter: CompareFilter): boolean {
  if (filter === "swings") return cell.swing !== null;
  if (filter === "changed") return Boolean(cell.change);
  return true;
}

const th = "px-3 py-2 font-medium";
const td = "px-3 py-1.5";
const num = `${td} text-right tabular-nums whitespace-nowrap`;

/** The id a cell's line carries, so that the list of swings can link to it. */
export function cellAnchor(path: string): string {
  return `cell-${path.replace(/\./g, "-")}`;
}

function SwingBadge({ cell }: { cell: ComparedCell }) {
  if (!cell.swing) return null;
  return (
    <span
      className={`ml-2 inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${
        cell.swing === "up" ? "bg-amber-50 text-amber-900 ring-amber-300" : "bg-orange-50 text-orange-900 ring-orange-300"
      }`}
    >
      {SWING_LABELS[cell.swing]}
    </span>
  );
}

function Side({ value, cell }: { value: ComparedCell["previous"]; cell: ComparedCell }) {
  const text = sideText(value, cell.kind);
  return <span className={typeof value === "number" ? "" : "text-slate-500"}>{text}</span>;
}

/** The change and rate of a cell; 不可比 over both columns for a cell with no counterpart. */
function ChangeCells({ cell }: { cell: ComparedCell }) {
  if (cell.status === "notComparable") {
    return (
      <td colSpan={2} className={`${td} text-center text-slate-500`}>
        不可比
      </td>
    );
  }
  const tone = cell.swing ? "font-semibold text-amber-900" : cell.change ? "text-slate-900" : "text-slate-500";
  return (
    <>
      <td className={`${num} ${tone}`}>{changeText(cell)}</td>
      <td className={`${num} ${tone}`}>
        {rateText(cell)}
        <SwingBadge cell={cell} />
      </td>
    </>
  );
}

function RowLines({ row, cells }: { row: ComparedRow; cells: ComparedCell[] }) {
  const note = rowNote(row);
  return (
    <>
      {cells.map((cell, i) => (
        <tr
          key={cell.path}
          id={cellAnchor(cell.path)}
          data-testid="compare-cell"
          className={`border-t border-slate-100 ${cell.swing ? "bg-amber-50" : ""} ${i === 0 ? "border-slate-200" : ""}`}
        >
          {i === 0 && (
            <th scope="rowgroup" rowSpan={cells.length} className={`${td} align-top text-left font-normal text-slate-800`}>
              {row.label}
              {note && <span className="block text-xs text-slate-500">（{note}）</span>}
            </th>
          )}
          <td className={`${td} text-slate-700`}>
            {cell.column}
            {cell.computed && <span className="sr-only">（合计）</span>}
          </td>
          <td className={num}>
            <Side value={cell.previous} cell={cell} />
          </td>
          <td className={num}>
            <Side value={cell.current} cell={cell} />
          </td>
          <ChangeCells cell={cell} />
        </tr>
      ))}
    </>
  );
}

/** One statistics table: a line per cell, the row label over its cells, table 二's items as group lines. */
export function ComparedTableView({ table, filter }: { table: ComparedTable; filter: CompareFilter }) {
  const rows = table.rows.map((row) => ({ row, cells: row.cells.filter((cell) => shown(cell, filter)) })).filter((r) => r.cells.length > 0);
  const id = `table-${table.key}`;
  let group: string | undefined;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {table.title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-slate-600">{filter === "swings" ? "本表没有大幅变化。" : "本表没有变化。"}</p>
      ) : (
        <div className="max-w-5xl overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full border-collapse text-sm" data-testid={`compare-${table.key}`}>
            <caption className="sr-only">{table.title}：与上年对比，每个单元格一行</caption>
            <colgroup>
              <col className="w-[34%]" />
              <col className="w-[18%]" />
              <col />
              <col />
              <col />
              <col />
            </colgroup>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className={th}>
                  行
                </th>
                <th scope="col" className={th}>
                  栏目
                </th>
                <th scope="col" className={`${th} text-right`}>
                  上年
                </th>
                <th scope="col" className={`${th} text-right`}>
                  本年
                </th>
                <th scope="col" className={`${th} text-right`}>
                  变化
                </th>
                <th scope="col" className={`${th} text-right`}>
                  变化率
                </th>
              </tr>
            </thead>
            {rows.map(({ row, cells }) => {
              const groupLine = row.group && row.group !== group;
              group = row.group;
              return (
                <tbody key={`${row.only ?? ""}${row.key}`}>
                  {groupLine && (
                    <tr className="border-t border-slate-200 bg-brand-50">
                      <th scope="colgroup" colSpan={6} className={`${td} text-left font-medium text-brand-700`}>
                        {row.group}
                      </th>
                    </tr>
                  )}
                  <RowLines row={row} cells={cells} />
                </tbody>
              );
            })}
          </table>
        </div>
      )}
    </section>
  );
}

/** The large swings, each linking to its line in its table. */
export function SwingList({ comparison }: { comparison: ReportComparison }) {
  const swings = swingsOf(comparison);
  if (swings.length === 0) return <p className="text-slate-600">没有达到标记条件的变化。</p>;
  return (
    <ul className="max-w-5xl divide-y divide-amber-200 rounded border border-amber-300 bg-amber-50" data-testid="compare-swings">
      {swings.map(({ table, row, cell }) => (
        <li key={cell.path} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-sm">
          <a href={`#${cellAnchor(cell.path)}`} className="min-w-0 flex-1 text-brand-700 underline-offset-2 hover:underline">
            表{table.title.slice(0, 1)}「{row.label}」的「{cell.column}」
          </a>
          <span className="tabular-nums text-slate-700">
            {sideText(cell.previous, cell.kind)} → {sideText(cell.current, cell.kind)}
          </span>
          <span className="tabular-nums font-semibold text-amber-900">
            {changeText(cell)}（{rateText(cell)}）
          </span>
          <SwingBadge cell={cell} />
        </li>
      ))}
    </ul>
  );
}

function SideText({ segments, side }: { segments: TextSegment[]; side: "previous" | "current" }) {
  const mark = side === "previous" ? "removed" : "added";
  const parts = segments.filter((segment) => segment.kind === "same" || segment.kind === mark);
  if (parts.length === 0) return <p className="text-slate-500">（未填写）</p>;
  return (
    <p className="whitespace-pre-wrap leading-7">
      {parts.map((segment, index) =>
        segment.kind === "same" ? (
          <span key={index}>{segment.text}</span>
        ) : segment.kind === "added" ? (
          <ins key={index} className="bg-emerald-100 text-emerald-900 no-underline" title="本年新增">
            {segment.text}
          </ins>
        ) : (
          <del key={index} className="bg-red-100 text-red-900" title="本年删去">
            {segment.text}
          </del>
        ),
      )}
    </p>
  );
}

/** A narrative part of both years side by side: last year's with its deletions, this year's with its insertions. */
export function NarrativeDiffView({
  narrative,
  years,
  similarity,
}: {
  narrative: NarrativeDiff;
  years: { previous: number; current: number };
  similarity: string;
}) {
  const id = `narrative-${narrative.key}`;
  return (
    <section aria-labelledby={id} className="space-y-2" data-testid="narrative-diff">
      <h3 id={id} className="flex flex-wrap items-baseline gap-x-3 font-semibold">
        {narrative.title}
        <span className="text-sm font-normal text-slate-600">{similarity}</span>
      </h3>
      <div className="grid gap-3 md:grid-cols-2">
        <div className="rounded border border-slate-200 bg-white px-4 py-3">
          <h4 className="mb-1 text-sm font-medium text-slate-600">上年（{years.previous} 年）</h4>
          <SideText segments={narrative.segments} side="previous" />
        </div>
        <div className="rounded border border-slate-200 bg-white px-4 py-3">
          <h4 className="mb-1 text-sm font-medium text-slate-600">本年（{years.current} 年）</h4>
          <SideText segments={narrative.segments} side="current" />
        </div>
      </div>
    </section>
  );
}
