"use client";

import type React from "react";
import { useCallback, useMemo } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { requestsHeaderRows, type Edition } from "@/lib/report/editions";
import { activeDisclosureGrid, requestsGrid, reviewLitigationGrid, type GridRow, type TableGrid } from "@/lib/report/grid";
import { requestsRowHeaders } from "@/lib/report/row-headers";
import { hasOtherApplicant, type TableKey } from "@/lib/report/model";
import { layoutOf } from "@/lib/report/layout";
import { useEditor } from "./context";
import { ComputedCell, NumberCell } from "./cells";
import { useGridKeys } from "./grid-keys";
import { cellField, type EditorValues } from "./values";

const th = "border border-slate-300 bg-slate-100 px-1.5 py-1 text-center font-medium text-slate-700";

/**
 * A row of number cells is painted as a unit of its own (a positioned row is a paint layer): a keystroke repaints
 * the row it is in and reuses the others' last painting, where a table painted as one is painted again whole on
 * every frame. One layer a row, not a cell: hundreds of layers cost more on every frame than they save.
 */
const paintedRow = "relative";
const rowLabel = "border border-slate-300 bg-white px-2 py-1 text-left text-slate-800";

/**
 * The cells of one grid row: totals read-only, the rest number inputs that know their grid position. In a
 * table's last rows (`cardAbove`) a cell's comments show above it, where the table's box does not cut them off.
 */
function GridRowCells({ row, rowIndex, cardAbove }: { row: GridRow; rowIndex: number; cardAbove: boolean }) {
  return row.cells.map((cell, column) =>
    cell.computed ? (
      <ComputedCell key={cell.path} path={cell.path} cardAbove={cardAbove} />
    ) : (
      <NumberCell key={cell.path} path={cell.path} kind={cell.kind} row={rowIndex} column={column} cardAbove={cardAbove} />
    ),
  );
}

function TableFooter({ table, grid, skipRow }: { table: TableKey; grid: TableGrid; skipRow?: (rowKey: string) => boolean }) {
  const { register, getValues, setValue } = useFormContext<EditorValues>();
  const { readOnly, announce } = useEditor();
  const fillZeros = () => {
    let filled = 0;
    for (const row of grid.rows) {
      if (skipRow?.(row.key)) continue;
      for (const cell of row.cells) {
        if (cell.computed) continue;
        const name = cellField(cell.path);
        if (getValues(name) === null || getValues(name) === undefined) {
          setValue(name, 0, { shouldDirty: true });
          filled++;
        }
      }
    }
    announce({ text: filled > 0 ? `已将 ${filled} 个空白单元格填为 0。` : "本表没有空白单元格。", tone: "done" });
  };
  return (
    <div className="mt-3 space-y-2">
      {!readOnly && (
        <button
          type="button"
          onClick={fillZeros}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-700 hover:bg-slate-50"
        >
          本表无数据，全部填 0（仅填空白单元格）
        </button>
      )}
      <div>
        <label htmlFor={`note-${table}`} className="mb-1 block text-slate-700">
          本表说明（可选，供审核人参考）
        </label>
        <textarea
          id={`note-${table}`}
          rows={2}
          readOnly={readOnly}
          className="w-full rounded border border-slate-300 px-2 py-1"
          {...register(`tableNotes.${table}`)}
        />
      </div>
    </div>
  );
}

/**
 * Table 二's hint, from the edition's columns: only an edition with a signed column (2019's 本年增/减) is
 * told how to enter a decrease, only one with amounts in which unit.
 */
function activeDisclosureHint(edition: Edition): string {
  const columns = edition.activeDisclosure.groups.flatMap((group) => group.columns);
  const signed = [...new Set(columns.filter((column) => column.kind === "signed").map((column) => `“${column.label}”`))];
  const howTo = [
    ...(signed.length > 0 ? [`${signed.join("、")}减少时填负数`] : []),
    ...(columns.some((column) => column.kind === "amount") ? ["金额单位为万元"] : []),
  ];
  return `本机关没有的事项（如乡镇、街道不制定规章）取消“适用”，该行不填写也不打印。${howTo.length > 0 ? `${howTo.join("；")}。` : ""}`;
}

export function ActiveDisclosureTable() {
  const { edition, readOnly, announce } = useEditor();
  const { register } = useFormContext<EditorValues>();
  const applicable = useWatch<EditorValues, "applicable">({ name: "applicable" });
  const grid = useMemo(() => activeDisclosureGrid(edition), [edition]);
  const skipRow = useCallback((rowKey: string) => !applicable[rowKey], [applicable]);
  const keys = useGridKeys(edition, grid, announce, skipRow);
  const layout = layoutOf(edition.id);
  const width = Math.max(...edition.activeDisclosure.groups.map((group) => group.columns.length));
  let rowIndex = 0;
  return (
    <div>
      <div className="overflow-x-auto [contain:content]">
        <table
          className="w-full border-collapse border-l border-t border-slate-300"
          {...keys}
          aria-readonly={readOnly || undefined}
        >
          <caption className="sr-only">{edition.activeDisclosure.title}</caption>
          {edition.activeDisclosure.groups.map((group) => (
            <tbody key={group.label}>
              <tr>
                <th colSpan={width + 2} scope="colgroup" className={`${th} text-left`}>
                  {group.label}
                </th>
              </tr>
              <tr>
                <th scope="col" className={`${th} w-48`}>
                  {edition.activeDisclosure.rowHeader}
                </th>
                {group.columns.map((column) => (
                  <th key={column.key} scope="col" className={th}>
                    {column.label}
                  </th>
                ))}
                {group.columns.length < width && <td colSpan={width - group.columns.length} className="border border-slate-300 bg-slate-50" />}
                <th scope="col" className={`${th} w-24 text-xs`}>
                  是否适用
                </th>
              </tr>
              {group.rows.map((row) => {
                const r = rowIndex++;
                const rowLayout = layout.adRowByKey.get(row.key)!;
                const isApplicable = applicable[row.key];
                return (
                  <tr key={row.key} className={`${paintedRow} ${isApplicable ? "" : "text-slate-400"}`}>
                    <th scope="row" className={`${rowLabel} font-normal`}>
                      {row.label}
                    </th>
                    {rowLayout.columns.map((column, c) => (
                      <NumberCell
                        key={column.key}
                        path={`activeDisclosure.${row.key}.${column.key}`}
                        kind={column.kind}
                        row={r}
                        column={c}
                        disabled={!isApplicable}
                        cardAbove={r >= grid.rows.length - 2}
                      />
                    ))}
                    {group.columns.length < width && <td colSpan={width - group.columns.length} className="border border-slate-300 bg-slate-50" />}
                    <td className="border border-slate-300 px-2 text-center">
                      <label className="inline-flex items-center gap-1 text-xs text-slate-600">
                        <input type="checkbox" disabled={readOnly} {...register(`applicable.${row.key}`)} />
                        适用
                      </label>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-500">{activeDisclosureHint(edition)}</p>
      <TableFooter table="activeDisclosure" grid={grid} skipRow={skipRow} />
    </div>
  );
}

/**
 * Table 三's box. In a box at least 40rem wide (a 1024 px screen beside the section list, or wider) every
 * column fits: the box does not scroll and the column headers stick to the top of the window. Narrower (a
 * phone), the table scrolls inside its own box, at most as high as the window, its headers stuck to the box's
 * top and its row labels to its left. Container queries (`@min-[40rem]`), not the screen's width, choose: the
 * section list beside or above the form changes the room the table has.
 */
const requestsBox =
  "max-h-[calc(100dvh-3rem)] overflow-auto [contain:content] @min-[40rem]:max-h-none @min-[40rem]:overflow-visible";

/**
 * A row label sticks to the box's left while the table scrolls sideways in its box (phone), at the left of
 * the label column it starts in; in a wide box nothing scrolls sideways and labels are not positioned at all
 * (a sticky element is a layer of its own).
 */
const stickyLabel = [
  "sticky left-0 z-10 @min-[40rem]:static",
  "sticky left-7 z-10 @min-[40rem]:static",
  "sticky left-14 z-10 @min-[40rem]:static",
] as const;

/**
 * When a cell of a table that scrolls in its own box gets focus, the page brings the whole box on screen (it is
 * no higher than the window), so the headers at its top are in view beside the cell, not scrolled off above.
 */
function showWholeBox(event: React.FocusEvent<HTMLElement>) {
  const box = event.currentTarget;
  if (getComputedStyle(box).overflowY === "visible") return;
  const { top, bottom } = box.getBoundingClientRect();
  if (top < 0 || bottom > window.innerHeight) box.scrollIntoView({ block: "nearest", behavior: "instant" });
}

const requestsTh = "border-b border-r border-slate-300 bg-slate-100 px-1 py-1 text-center font-medium text-slate-700";
const requestsRowLabel = "border-b border-r border-slate-300 bg-white px-1.5 py-1 text-left text-slate-800";

export function RequestsTable() {
  const { edition, store, readOnly, announce } = useEditor();
  const withOther = useMemo(() => hasOtherApplicant(store.get().report.requests), [store]);
  const grid = useMemo(() => requestsGrid(edition, store.get().report), [edition, store]);
  const headerRows = useMemo(() => requestsHeaderRows(edition, withOther), [edition, withOther]);
  const rowHeaders = useMemo(() => requestsRowHeaders(edition), [edition]);
  const keys = useGridKeys(edition, grid, announce);
  return (
    <div>
      <div className="@container">
        <div className={requestsBox} onFocus={showWholeBox}>
          <table
            className="w-full min-w-[38rem] table-fixed border-separate border-spacing-0 border-l border-t border-slate-300 text-sm [&_td]:scroll-ml-[10.5rem] [&_td]:scroll-mt-32"
            {...keys}
            aria-readonly={readOnly || undefined}
          >
            <caption className="sr-only">{edition.requests.title}</caption>
            <colgroup>
              <col className="w-7" />
              <col className="w-7" />
              <col className="w-28 @min-[40rem]:w-36 @min-[52rem]:w-48 @min-[64rem]:w-60" />
              {grid.rows[0].cells.map((cell) => (
                <col key={cell.path} />
              ))}
            </colgroup>
            {/* One sticky box for the whole header, not one per header cell. */}
            <thead className="sticky top-0 z-20">
              {headerRows.map((cells, level) => (
                <tr key={level}>
                  {level === 0 && (
                    <th
                      rowSpan={headerRows.length}
                      colSpan={3}
                      scope="col"
                      className={`${requestsTh} ${stickyLabel[0]} text-left text-xs font-normal`}
                    >
                      {edition.requests.cornerNote}
                    </th>
                  )}
                  {cells.map((cell) => (
                    <th
                      key={`${cell.label}-${cell.key ?? level}`}
                      colSpan={cell.colSpan}
                      rowSpan={cell.rowSpan}
                      scope={cell.key ? "col" : "colgroup"}
                      className={requestsTh}
                    >
                      {cell.label}
                    </th>
                  ))}
                </tr>
              ))}
            </thead>
            <tbody>
              {grid.rows.map((row, r) => (
                <tr key={row.key} className={paintedRow}>
                  {rowHeaders.get(row.key)!.map((header) => (
                    <th
                      key={header.label}
                      rowSpan={header.rowSpan}
                      colSpan={header.colSpan}
                      scope={header.heading ? "rowgroup" : "row"}
                      className={`${requestsRowLabel} ${stickyLabel[header.column]} ${header.heading ? "px-0 text-center align-middle font-medium" : "font-normal"}`}
                    >
                      {/* A heading over many rows stands upright in its narrow column, as printed forms do. */}
                      {header.heading ? <span className="inline-block [writing-mode:vertical-rl]">{header.label}</span> : header.label}
                    </th>
                  ))}
                  <GridRowCells row={row} rowIndex={r} cardAbove={r >= grid.rows.length - 3} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p className="mt-2 text-xs text-slate-500">
        “总计”列和“（七）总计”行自动合计。第一项加第二项之和应等于第三项加第四项之和；不平衡的单元格以红框标出。
      </p>
      <TableFooter table="requests" grid={grid} />
    </div>
  );
}

export function ReviewLitigationTable() {
  const { edition, readOnly, announce } = useEditor();
  const grid = useMemo(() => reviewLitigationGrid(edition), [edition]);
  const keys = useGridKeys(edition, grid, announce);
  const { groups, cells } = edition.reviewLitigation;
  const [review, ...litigation] = groups;
  return (
    <div>
      <div className="overflow-x-auto [contain:content]">
        <table
          className="w-full min-w-[38rem] table-fixed border-collapse border-l border-t border-slate-300 text-sm"
          {...keys}
          aria-readonly={readOnly || undefined}
        >
          <caption className="sr-only">{edition.reviewLitigation.title}</caption>
          <thead>
            <tr>
              <th colSpan={cells.length} rowSpan={2} scope="colgroup" className={th}>
                {review.label}
              </th>
              <th colSpan={cells.length * litigation.length} scope="colgroup" className={th}>
                {litigation[0].label}
              </th>
            </tr>
            <tr>
              {litigation.map((group) => (
                <th key={group.key} colSpan={cells.length} scope="colgroup" className={th}>
                  {group.subLabel}
                </th>
              ))}
            </tr>
            <tr>
              {groups.flatMap((group) =>
                cells.map((cell) => (
                  <th key={`${group.key}-${cell.key}`} scope="col" className={`${th} text-xs`}>
                    {cell.label}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            <tr className={paintedRow}>
              <GridRowCells row={grid.rows[0]} rowIndex={0} cardAbove />
            </tr>
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-500">各组“总计”自动合计。复议机关作共同被告的行政诉讼案件，只由原行政行为机关统计。</p>
      <TableFooter table="reviewLitigation" grid={grid} />
    </div>
  );
}
