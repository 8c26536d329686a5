"use client";

import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useFormContext } from "react-hook-form";
import type { CellKind } from "@/lib/report/editions";
import { formatCell, readCellInput, refusedCellText } from "@/lib/report/cell-input";
import { labelText, type Cell, type Report } from "@/lib/report/model";
import { readPath } from "@/lib/report/paths";
import { useEditor } from "./context";
import { useValueStore } from "../value-store";
import { fieldDomId } from "./store";
import { cellField, type EditorValues } from "./values";

const severityStyles = {
  error: "bg-red-50 ring-2 ring-inset ring-red-500",
  warning: "bg-amber-50 ring-2 ring-inset ring-amber-400",
  blank: "bg-yellow-50/70",
} as const;

/** A corner mark on a cell that a supervisor's comment points at. */
function CommentMark({ path }: { path: string }) {
  const { commentedCells } = useEditor();
  if (!commentedCells.has(path)) return null;
  return (
    <span
      className="pointer-events-none absolute right-0 top-0 h-0 w-0 border-l-8 border-t-8 border-l-transparent border-t-amber-500"
      data-testid="comment-mark"
      title="此单元格有审核意见，见本栏目下方"
    />
  );
}

function PreviousYear({ path }: { path: string }) {
  const { previous } = useEditor();
  const value = previousFigure(previous, path);
  if (value === null) return null;
  return (
    <span className="pointer-events-none absolute bottom-0 left-1 text-[10px] leading-3 text-slate-400" aria-hidden="true">
      上年 {formatCell(value)}
    </span>
  );
}

/**
 * Inputs and totals are fixed-size boxes with size and layout containment: a keystroke or a new total
 * then lays out that box alone instead of the whole table (table layout depends on every cell's content).
 */
const cellBox = "block h-9 w-full min-w-0 [contain:size_layout]";

/**
 * Only a cell with a corner mark or last year's figure is positioned (for the mark's placement): a
 * positioned cell is painted as a layer of its own, and a whole table of them costs every frame.
 */
function cellPosition(path: string, previous: Report | null, commentedCells: ReadonlySet<string>): string {
  return commentedCells.has(path) || previousFigure(previous, path) !== null ? "relative" : "";
}

function previousFigure(previous: Report | null, path: string): Cell {
  const value = previous ? (readPath(previous, path) as Cell | undefined) : undefined;
  // Zeros would fill every cell with noise; the screen-reader label still gives every figure.
  return value === undefined || value === 0 ? null : value;
}

/**
 * Why the cell's text was refused, at the cell: above it while the cell has focus (tied to the input by
 * aria-describedby, read out when it appears), the cell ringed red. Mounted only for a refused cell, it
 * watches that cell's value alone: a number written into the cell another way (全部填 0, a pasted block)
 * ends the refusal.
 */
function CellRefusal({ id, path, reason, onGone }: { id: string; path: string; reason: string; onGone: () => void }) {
  const { store } = useEditor();
  const filled = useValueStore(store, (snapshot) => readPath(snapshot.report, path) != null);
  useEffect(() => {
    if (filled) onGone();
  }, [filled, onGone]);
  return (
    <span
      id={id}
      role="alert"
      className="pointer-events-none absolute bottom-full right-0 z-10 mb-1 hidden w-max max-w-[16rem] rounded bg-red-700 px-2 py-1 text-left text-xs leading-4 text-white shadow-md peer-focus:block"
    >
      {reason}；改正前此格按未填写计。
    </span>
  );
}

/**
 * A number cell: its own highlight, last year's figure beside it. What does not read as a number of the
 * cell's kind stays on screen as typed, refused at the cell, and counts as blank: "1.5" in a count is
 * never taken for 15.
 */
export const NumberCell = memo(function NumberCell({
  path,
  kind,
  row,
  column,
  disabled = false,
}: {
  path: string;
  kind: CellKind;
  row: number;
  column: number;
  disabled?: boolean;
}) {
  const { store, edition, readOnly, previous, commentedCells } = useEditor();
  const { register } = useFormContext<EditorValues>();
  const severity = useValueStore(store, (snapshot) => snapshot.severityByPath.get(path));
  // Registered once: a fresh registration on every render hands React a new ref callback, and the
  // form library re-attaches the field each time the cell's highlight changes.
  const field = useMemo(
    () =>
      register(cellField(path), {
        setValueAs: (text: unknown) => {
          if (typeof text !== "string") return text;
          const input = readCellInput(text, kind);
          return input.ok ? input.value : null;
        },
      }),
    [register, path, kind],
  );
  // Why the text in the cell is refused; set only when that changes (not on every keystroke).
  const [refusal, setRefusal] = useState<string | null>(null);
  const shownRefusal = useRef<string | null>(null);
  const refuse = useCallback((reason: string | null) => {
    if (shownRefusal.current === reason) return;
    shownRefusal.current = reason;
    setRefusal(reason);
  }, []);
  const endRefusal = useCallback(() => refuse(null), [refuse]);
  const label = labelText(edition, path);
  const previousValue = previous ? (readPath(previous, path) as Cell | undefined) : undefined;
  const id = fieldDomId(path);
  return (
    <td
      className={`${refusal ? "relative bg-red-50 ring-2 ring-inset ring-red-600" : `${cellPosition(path, previous, commentedCells)} ${severity ? severityStyles[severity] : ""}`} border-b border-r border-slate-300 p-0`}
      title={refusal ?? undefined}
    >
      <input
        {...field}
        id={id}
        data-row={row}
        data-col={column}
        data-path={path}
        type="text"
        inputMode={kind === "count" ? "numeric" : kind === "amount" ? "decimal" : "text"}
        autoComplete="off"
        aria-label={`${label}${previousValue != null ? `（上年 ${previousValue}）` : ""}${commentedCells.has(path) ? "（有审核意见）" : ""}`}
        aria-invalid={refusal || severity === "error" || severity === "blank" ? true : undefined}
        aria-describedby={refusal ? `${id}-refusal` : undefined}
        disabled={disabled}
        readOnly={readOnly}
        className={`peer ${cellBox} bg-transparent px-1.5 text-right tabular-nums outline-none focus:bg-brand-50 focus:ring-2 focus:ring-inset focus:ring-brand-600 disabled:bg-slate-100 disabled:text-slate-400 ${refusal ? "text-red-800" : ""}`}
        onFocus={(event) => refuse(refusedCellText(event.currentTarget.value, kind, true))}
        onChange={(event) => {
          // The text stays as typed; the form holds its number, or blank when it reads as none.
          refuse(refusedCellText(event.currentTarget.value, kind, false));
          return field.onChange(event);
        }}
        onBlur={(event) => {
          refuse(refusedCellText(event.currentTarget.value, kind, true));
          return field.onBlur(event);
        }}
      />
      {refusal && <CellRefusal id={`${id}-refusal`} path={path} reason={refusal} onGone={endRefusal} />}
      <PreviousYear path={path} />
      <CommentMark path={path} />
    </td>
  );
});

/** A total: computed from its parts and shown read-only. */
export const ComputedCell = memo(function ComputedCell({ path }: { path: string }) {
  const { store, edition, previous, commentedCells } = useEditor();
  const value = useValueStore(store, (snapshot) => readPath(snapshot.report, path) as Cell | undefined);
  const severity = useValueStore(store, (snapshot) => snapshot.severityByPath.get(path));
  return (
    <td
      id={fieldDomId(path)}
      tabIndex={-1}
      className={`${cellPosition(path, previous, commentedCells)} h-9 border-b border-r border-slate-300 bg-slate-100 px-1.5 text-right font-medium tabular-nums text-slate-800 ${severity ? severityStyles[severity] : ""}`}
    >
      <output aria-label={`${labelText(edition, path)}（自动合计）`} data-path={path} className={`${cellBox} leading-9`}>
        {formatCell(value)}
      </output>
      <PreviousYear path={path} />
      <CommentMark path={path} />
    </td>
  );
});
