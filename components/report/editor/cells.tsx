"use client";

import { memo, useMemo } from "react";
import { useFormContext } from "react-hook-form";
import type { CellKind } from "@/lib/report/editions";
import { formatCell, isCellInputPrefix, readCellInput } from "@/lib/report/cell-input";
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
const cellBox = "block h-9 w-full min-w-14 [contain:size_layout]";

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

/** A number cell: number-only typing, its own highlight, last year's figure beside it. */
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
  const { store, edition, readOnly, announce, previous, commentedCells } = useEditor();
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
  const label = labelText(edition, path);
  const previousValue = previous ? (readPath(previous, path) as Cell | undefined) : undefined;
  return (
    <td className={`${cellPosition(path, previous, commentedCells)} border border-slate-300 p-0 ${severity ? severityStyles[severity] : ""}`}>
      <input
        {...field}
        id={fieldDomId(path)}
        data-row={row}
        data-col={column}
        data-path={path}
        type="text"
        inputMode={kind === "count" ? "numeric" : kind === "amount" ? "decimal" : "text"}
        autoComplete="off"
        aria-label={`${label}${previousValue != null ? `（上年 ${previousValue}）` : ""}${commentedCells.has(path) ? "（有审核意见）" : ""}`}
        aria-invalid={severity === "error" || severity === "blank" ? true : undefined}
        disabled={disabled}
        readOnly={readOnly}
        className={`${cellBox} bg-transparent px-1.5 text-right tabular-nums outline-none focus:bg-brand-50 focus:ring-2 focus:ring-inset focus:ring-brand-600 disabled:bg-slate-100 disabled:text-slate-400`}
        onFocus={(event) => {
          event.currentTarget.dataset.lastGood = event.currentTarget.value;
        }}
        onChange={(event) => {
          const input = event.currentTarget;
          if (!isCellInputPrefix(input.value, kind)) {
            const refused = readCellInput(input.value, kind);
            announce({ text: `${label}${refused.ok ? "格式不正确" : refused.reason}。`, tone: "refused" });
            input.value = input.dataset.lastGood ?? "";
            return;
          }
          input.dataset.lastGood = input.value;
          return field.onChange(event);
        }}
      />
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
      className={`${cellPosition(path, previous, commentedCells)} h-9 border border-slate-300 bg-slate-100 px-1.5 text-right font-medium tabular-nums text-slate-800 ${severity ? severityStyles[severity] : ""}`}
    >
      <output aria-label={`${labelText(edition, path)}（自动合计）`} data-path={path} className={`${cellBox} leading-9`}>
        {formatCell(value)}
      </output>
      <PreviousYear path={path} />
      <CommentMark path={path} />
    </td>
  );
});
