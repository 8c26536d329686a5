"use client";

/**
 * 历年变化: one key figure over the years, a line per agency (grey), the median of the agencies (dashed)
 * and one agency picked out. Drawn on a canvas by uPlot, which this component loads only when it mounts
 * (a dynamic import: the library is in this page's chunks alone). uPlot styles its elements through the
 * CSSOM, which the page's Content-Security-Policy allows; its stylesheet is a file of this site.
 * The same numbers are in a table under the chart, for screen readers and without JavaScript.
 */
import "uplot/dist/uPlot.min.css";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type uPlot from "uplot";
import { formatFigure, type FigureKind } from "@/lib/county/format-figure";

export interface ChartFigure {
  key: string;
  label: string;
  kind: FigureKind;
}

export interface FigureHistoryChartProps {
  figures: ChartFigure[];
  years: number[];
  agencies: { agencyId: number; name: string }[];
  /** figure key → per agency (as in `agencies`) → value by year */
  series: Record<string, (number | null)[][]>;
  /** figure key → median by year */
  median: Record<string, (number | null)[]>;
  initialFigure: string;
  initialAgency?: number;
  /** The year the readout under the chart shows while the pointer is not on it. */
  year: number;
}

const HEIGHT = 300;
const GREY = "#cbd5e1";
const MEDIAN = "#334155";
const PICKED = "#c2410c";

const selectClass = "rounded border border-slate-300 bg-white px-2 py-1.5";

export function FigureHistoryChart(props: FigureHistoryChartProps) {
  const { figures, years, agencies, series, median } = props;
  const [figureKey, setFigureKey] = useState(props.initialFigure);
  const [picked, setPicked] = useState<number | null>(
    props.initialAgency !== undefined && agencies.some((agency) => agency.agencyId === props.initialAgency) ? props.initialAgency : null,
  );
  const [hover, setHover] = useState<number | null>(null);
  const [state, setState] = useState<"loading" | "drawn" | "failed">("loading");
  const box = useRef<HTMLDivElement>(null);
  const id = useId();

  const figure = figures.find((candidate) => candidate.key === figureKey) ?? figures[0];
  const pickedIndex = picked === null ? -1 : agencies.findIndex((agency) => agency.agencyId === picked);
  const values = series[figure.key];
  const medians = median[figure.key];
  const hasValues = values.some((agency) => agency.some((value) => value !== null));
  const format = (value: number | null | undefined) => (value === null || value === undefined ? "—" : formatFigure(figure.kind, value));

  const plotData = useMemo(() => {
    const grey = values.filter((_, index) => index !== pickedIndex);
    return [years, ...grey, medians, ...(pickedIndex >= 0 ? [values[pickedIndex]] : [])] as uPlot.AlignedData;
  }, [years, values, medians, pickedIndex]);

  useEffect(() => {
    const element = box.current;
    if (!element || !hasValues) return;
    let plot: uPlot | undefined;
    let observer: ResizeObserver | undefined;
    let cancelled = false;
    const greyCount = values.length - (pickedIndex >= 0 ? 1 : 0);
    const kind = figure.kind;
    import("uplot")
      .then(({ default: UPlot }) => {
        if (cancelled) return;
        const options: uPlot.Options = {
          width: Math.max(element.clientWidth, 280),
          height: HEIGHT,
          legend: { show: false },
          cursor: { y: false, drag: { x: false, y: false }, points: { size: 7 } },
          scales: {
            x: { time: false, range: (_, min, max) => (min === max ? [min - 1, max + 1] : [min - 0.25, max + 0.25]) },
            y: {
              range: (_, __, max) => (kind === "rate" ? [0, 1] : [0, max > 0 ? Math.ceil(max * 1.1) : 1]),
            },
          },
          axes: [
            { values: (_, splits) => splits.map((year) => (Number.isInteger(year) ? String(year) : "")), incrs: [1], grid: { show: false } },
            {
              size: 56,
              incrs: kind === "rate" ? [0.1, 0.2, 0.25, 0.5] : [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000],
              values: (_, splits) => splits.map((value) => formatFigure(kind, value)),
              grid: { stroke: "#eef2f7" },
            },
          ],
          series: [
            {},
            ...Array.from({ length: greyCount }, (): uPlot.Series => ({ stroke: GREY, width: 1, points: { show: true, size: 4, fill: GREY } })),
            { stroke: MEDIAN, width: 2, dash: [6, 4], points: { show: true, size: 6, fill: MEDIAN } },
            ...(pickedIndex >= 0 ? [{ stroke: PICKED, width: 3, points: { show: true, size: 7, fill: PICKED } }] : []),
          ],
          hooks: { setCursor: [(u) => setHover(u.cursor.idx ?? null)] },
        };
        plot = new UPlot(options, plotData, element);
        observer = new ResizeObserver(() => plot?.setSize({ width: Math.max(element.clientWidth, 280), height: HEIGHT }));
        observer.observe(element);
        setState("drawn");
      })
      .catch(() => {
        if (!cancelled) setState("failed");
      });
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [plotData, figure.kind, hasValues, pickedIndex, values.length]);

  const yearIndex = years.indexOf(props.year);
  const shownIndex = hover ?? (yearIndex >= 0 ? yearIndex : years.length - 1);
  const pickedName = pickedIndex >= 0 ? agencies[pickedIndex].name : undefined;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-figure`} className="mb-1 block text-slate-700">
            指标
          </label>
          <select id={`${id}-figure`} value={figure.key} onChange={(event) => setFigureKey(event.target.value)} className={selectClass}>
            {figures.map((option) => (
              <option key={option.key} value={option.key}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-agency`} className="mb-1 block text-slate-700">
            突出显示机关
          </label>
          <select
            id={`${id}-agency`}
            value={picked ?? ""}
            onChange={(event) => setPicked(event.target.value === "" ? null : Number(event.target.value))}
            className={`${selectClass} max-w-[22rem]`}
          >
            <option value="">（不突出显示）</option>
            {agencies.map((agency) => (
              <option key={agency.agencyId} value={agency.agencyId}>
                {agency.name}
              </option>
            ))}
          </select>
        </div>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 pb-2 text-sm text-slate-700" aria-label="图例">
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block w-6 border-t-2 border-dashed border-slate-700" />
            各机关中位数
          </li>
          {pickedName && (
            <li className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block w-6 border-t-[3px] border-orange-700" />
              {pickedName}
            </li>
          )}
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block w-6 border-t border-slate-300" />
            其他机关
          </li>
        </ul>
      </div>

      {hasValues ? (
        <figure className="rounded border border-slate-200 bg-white p-3">
          <div
            ref={box}
            role="img"
            aria-label={`${figure.label}历年变化图：${years[0]}—${years.at(-1)} 年，各机关中位数${pickedName ? `与${pickedName}` : ""}（数值见图下表格）`}
            data-testid="history-chart"
            data-state={state}
            className="min-h-[300px] w-full"
          />
          {state === "loading" && <p className="text-sm text-slate-500">正在载入图表……</p>}
          {state === "failed" && <p className="text-sm text-red-700">图表未能载入，请刷新页面；数值见下表。</p>}
          <figcaption className="mt-2 text-sm text-slate-700" aria-live="polite" data-testid="history-readout">
            {years[shownIndex]} 年「{figure.label}」：各机关中位数 {format(medians[shownIndex])}
            {pickedName && `；${pickedName} ${format(values[pickedIndex][shownIndex])}`}
            <span className="text-slate-500">（指向图中的年份查看该年数值）</span>
          </figcaption>
        </figure>
      ) : (
        <p className="rounded border border-slate-200 bg-white px-3 py-2 text-slate-600">各年度已批准的报告中均无「{figure.label}」的数值。</p>
      )}

      <details className="rounded border border-slate-200 bg-white">
        <summary className="cursor-pointer px-3 py-2 text-brand-600">以表格查看「{figure.label}」历年数值</summary>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  机关
                </th>
                {years.map((year) => (
                  <th key={year} scope="col" className="px-3 py-1.5 text-right font-medium">
                    {year}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className="border-t border-slate-100 font-semibold">
                <th scope="row" className="px-3 py-1.5 text-left">
                  各机关中位数
                </th>
                {medians.map((value, index) => (
                  <td key={index} className="px-3 py-1.5 text-right tabular-nums">
                    {format(value)}
                  </td>
                ))}
              </tr>
              {agencies.map((agency, row) => (
                <tr key={agency.agencyId} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-1.5 text-left font-normal">
                    {agency.name}
                  </th>
                  {values[row].map((value, index) => (
                    <td key={index} className="px-3 py-1.5 text-right tabular-nums">
                      {format(value)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
