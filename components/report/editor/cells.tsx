"use client";

import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useFormContext } from "react-hook-form";
import type { CellKind } from "@/lib/report/editions";
import { formatCell, readCellInput, refusedCellText } from "@/lib/report/cell-input";
import { labelText, type Cell, type Report } from "@/lib/report/model";
import { readPath } from "@/lib/report/paths";
import { useEditor, type CellComment } from "./context";
import { useValueStore } from "../value-store";
import { fieldDomId } from "./store";
import { cellField, type EditorValues } from "./values";

const severityStyles = {
  error: "bg-red-50 ring-2 ring-inset ring-red-500",
  warning: "bg-amber-50 ring-2 ring-inset ring-amber-400",
  blank: "bg-yellow-50/70",
} as const;

/** A corner mark on a cell that a supervisor's open comment points at. */
function CommentMark({ path }: { path: string }) {
  const { cellComments } = useEditor();
  if (!cellComments.has(path)) return null;
  return (
    <span
      className="pointer-events-none absolute right-0 top-0 h-0 w-0 border-l-[10px] border-t-[10px] border-l-transparent border-t-amber-500"
      data-testid="comment-mark"
      aria-hidden="true"
    />
  );
}

/**
 * What a cell shows beside it while hovered (only a cell with comments) or focused: the open comments on it
 * (a tooltip, the cell's description) and, for a viewer who may comment, 「对此单元格提意见」. Always in the
 * page, hidden by CSS alone (display:none in the tree keeps it out of the tab order and of the screen reader's
 * way until then): hovering or focusing costs no React work. It stays while the pointer is on it, and
 * Escape hides it until focus leaves the cell (grid-keys.ts). Below the cell, or above it in a table's last
 * rows, and from the cell's right edge leftwards, or from the left edge rightwards in a table's first
 * columns: where the table's box does not cut it off.
 */
function CellCard({
  id,
  path,
  comments,
  above,
  fromLeft,
}: {
  id: string;
  path: string;
  comments: readonly CellComment[] | undefined;
  above: boolean;
  fromLeft: boolean;
}) {
  const { commentOnCell } = useEditor();
  if (!comments && !commentOnCell) return null;
  return (
    <div
      data-cell-card=""
      className={`absolute ${fromLeft ? "left-0" : "right-0"} z-30 hidden w-max min-w-full max-w-[14rem] text-left text-xs leading-5 font-normal group-focus-within:block group-data-[card-dismissed]:invisible hover:block ${comments ? "group-hover:block" : ""} ${above ? "bottom-full" : "top-full"}`}
    >
      {comments && (
        <div id={id} role="tooltip" className="rounded bg-amber-50 px-2 py-1 text-slate-800 shadow-md ring-1 ring-amber-400">
          <p className="font-semibold text-amber-900">审核意见</p>
          <ul className="space-y-0.5">
            {comments.map((comment) => (
              <li key={comment.id} className="whitespace-pre-wrap">
                {comment.body}
                <span className="text-slate-500">（{comment.author}）</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {commentOnCell && (
        <button
          type="button"
          onClick={() => commentOnCell(path)}
          className="mt-0.5 block rounded bg-brand-600 px-2 py-0.5 text-white shadow-md hover:bg-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-1"
        >
          对此单元格提意见
        </button>
      )}
    </div>
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
 * Only a cell with a corner mark, last year's figure or a card beside it is positioned (for their placement):
 * a positioned cell is painted as a layer of its own, and a whole table of them costs every frame. (Every cell
 * has a card for a supervisor, whose table is read-only: nothing is typed there.)
 */
function cellPosition(path: string, previous: Report | null, cellComments: ReadonlyMap<string, unknown>, canComment: boolean): string {
  return canComment || cellComments.has(path) || previousFigure(previous, path) !== null ? "relative" : "";
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
  cardAbove = false,
}: {
  path: string;
  kind: CellKind;
  row: number;
  column: number;
  disabled?: boolean;
  /** The comments and the comment action show above the cell (a table's last rows). */
  cardAbove?: boolean;
}) {
  const { store, edition, readOnly, previous, cellComments, commentOnCell } = useEditor();
  const comments = cellComments.get(path);
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
  const describedBy = [refusal && `${id}-refusal`, comments && `${id}-comments`].filter(Boolean).join(" ");
  return (
    <td
      className={`group ${refusal ? "relative bg-red-50 ring-2 ring-inset ring-red-600" : `${cellPosition(path, previous, cellComments, !!commentOnCell)} ${severity ? severityStyles[severity] : ""}`} border-b border-r border-slate-300 p-0`}
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
        aria-label={`${label}${previousValue != null ? `（上年 ${previousValue}）` : ""}${comments ? "（有审核意见）" : ""}`}
        aria-invalid={refusal || severity === "error" || severity === "blank" ? true : undefined}
        aria-describedby={describedBy || undefined}
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
      <CellCard id={`${id}-comments`} path={path} comments={comments} above={cardAbove} fromLeft={column < 2} />
    </td>
  );
});

/**
 * A total: computed from its parts and shown read-only. A total with comments, or in a supervisor's table, is
 * a tab stop, so its comments and the comment action are reached from the keyboard too.
 */
export const ComputedCell = memo(function ComputedCell({ path, cardAbove = false }: { path: string; cardAbove?: boolean }) {
  const { store, edition, previous, cellComments, commentOnCell } = useEditor();
  const value = useValueStore(store, (snapshot) => readPath(snapshot.report, path) as Cell | undefined);
  const severity = useValueStore(store, (snapshot) => snapshot.severityByPath.get(path));
  const comments = cellComments.get(path);
  const id = fieldDomId(path);
  return (
    <td
      id={id}
      tabIndex={comments || commentOnCell ? 0 : -1}
      aria-describedby={comments ? `${id}-comments` : undefined}
      className={`group ${cellPosition(path, previous, cellComments, !!commentOnCell)} h-9 border-b border-r border-slate-300 bg-slate-100 px-1.5 text-right font-medium tabular-nums text-slate-800 outline-none focus:ring-2 focus:ring-inset focus:ring-brand-600 ${severity ? severityStyles[severity] : ""}`}
    >
      <output aria-label={`${labelText(edition, path)}（自动合计）${comments ? "（有审核意见）" : ""}`} data-path={path} className={`${cellBox} leading-9`}>
        {formatCell(value)}
      </output>
      <PreviousYear path={path} />
      <CommentMark path={path} />
      <CellCard id={`${id}-comments`} path={path} comments={comments} above={cardAbove} fromLeft={false} />
    </td>
  );
});
