"use client";

import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useFormContext } from "react-hook-form";
import type { CellKind } from "@/lib/report/editions";
import { formatCell, readCellInput, refusedCellText } from "@/lib/report/cell-input";
import { labelText, type Cell, type Report } from "@/lib/report/model";
import { readPath } from "@/lib/report/paths";
import { useLiveText } from "../value-store";
import { useEditor, type CellComment } from "./context";
import { cellValue, fieldDomId, type EditorStore } from "./store";
import { takeSelectOnEdit } from "./grid-keys";
import { cellField, type EditorValues } from "./values";

/**
 * A cell's look for its mark (`data-mark`, written by CellMarks outside React): its most severe finding, or
 * text refused at the cell.
 */
const markStyles = [
  "data-[mark=error]:bg-red-50 data-[mark=error]:ring-2 data-[mark=error]:ring-inset data-[mark=error]:ring-red-500",
  "data-[mark=warning]:bg-amber-50 data-[mark=warning]:ring-2 data-[mark=warning]:ring-inset data-[mark=warning]:ring-amber-400",
  "data-[mark=blank]:bg-yellow-50/70",
  "data-[mark=refused]:relative data-[mark=refused]:bg-red-50 data-[mark=refused]:ring-2 data-[mark=refused]:ring-inset data-[mark=refused]:ring-red-600",
].join(" ");

/**
 * The attributes a cell is first rendered with, from the snapshot when it mounts (so the server's HTML is
 * marked too); later changes are CellMarks' alone, and these stay the same props so React never rewrites them.
 */
function useFirstMark(path: string) {
  const { store, marks } = useEditor();
  const [first] = useState(() => store.get().severityByPath.get(path));
  const ref = useCallback((td: HTMLTableCellElement | null) => marks.register(path, td), [marks, path]);
  return { ref, marks, severity: first, invalid: first === "error" || first === "blank" };
}

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
 * A cell's text, input or total is a fixed-size box with size and layout containment: a keystroke or a new
 * total then lays out that box alone instead of the whole table (table layout depends on every cell's content).
 */
const cellBox = "block h-9 w-full min-w-0 [contain:size_layout]";

/**
 * What changes on every keystroke (the editor input, the totals) is painted apart too (strict containment adds
 * paint's): the rest of the table is not painted again for it. Not every plain cell: a table of separately
 * painted cells costs more on every frame than it saves.
 */
const liveBox = "block h-9 w-full min-w-0 [contain:strict]";

/**
 * Only a cell with a corner mark, last year's figure or a card beside it is positioned (for their placement):
 * a positioned cell is painted as a layer of its own, and a whole table of them costs every frame. (Every cell
 * has a card for a supervisor, whose table is read-only: nothing is typed there.)
 */
function cellPosition(path: string, previous: Report | null, cellComments: ReadonlyMap<string, unknown>, canComment: boolean): string {
  return canComment || cellComments.has(path) || previousFigure(previous, path) !== null ? "relative" : "";
}

/** The events of a keystroke in the editor input besides keydown and input, which no handler above it needs. */
const TYPING_EVENTS = ["keypress", "keyup", "beforeinput", "textInput"] as const;

/** What a cell being edited reads while its figure is the one its input wrote. */
const EDITING = Symbol("editing");

/**
 * What `read` picks from the cell's figure, re-read only when the figure at the path changes (the store tells
 * the cells of a keystroke's figures alone, not every cell of the table).
 */
function useCellFigure<S>(store: EditorStore, path: string, read: (figure: Cell | undefined) => S): S {
  const steps = useMemo(() => path.split("."), [path]);
  const subscribe = useCallback((listener: () => void) => store.subscribeCell(path, listener), [store, path]);
  const snapshot = () => read(cellValue(store.get().report, steps));
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** A total's text, written into its element when its figure changes (useLiveText: no React render per keystroke). */
function useTotalText(store: EditorStore, path: string) {
  const subscribe = useCallback((listener: () => void) => store.subscribeCell(path, listener), [store, path]);
  const read = useCallback(() => formatCell(cellValue(store.get().report, path.split("."))), [store, path]);
  return useLiveText<HTMLOutputElement>(subscribe, read);
}

function previousFigure(previous: Report | null, path: string): Cell {
  const value = previous ? (readPath(previous, path) as Cell | undefined) : undefined;
  // Zeros would fill every cell with noise; the screen-reader label still gives every figure.
  return value === undefined || value === 0 ? null : value;
}

/**
 * Why the cell's text was refused, at the cell: above it while the cell has focus (tied to the cell by
 * aria-describedby, read out when it appears), the cell ringed red; from the cell's right edge leftwards, or
 * in a table's first columns from its left edge rightwards, where the table's box does not cut it off.
 * Mounted only for a refused cell.
 */
function CellRefusal({ id, reason, fromLeft }: { id: string; reason: string; fromLeft: boolean }) {
  return (
    <span
      id={id}
      role="alert"
      className={`pointer-events-none absolute bottom-full ${fromLeft ? "left-0" : "right-0"} z-10 mb-1 hidden w-max max-w-[16rem] rounded bg-red-700 px-2 py-1 text-left text-xs leading-4 text-white shadow-md group-focus-within:block`}
    >
      {reason}；改正前此格按未填写计。
    </span>
  );
}

/**
 * A number cell of a table. Like a spreadsheet's, it is a plain cell showing its figure, and one editor input
 * moves over the grid: the cell that gets focus (by Tab, a click, the arrow keys or a finding) shows an input
 * in its place until focus leaves it. A page of plain cells costs far less on every frame than a page of
 * inputs. The cell is a focusable grid cell named by its row and column and then its figure (a name replaces
 * the content a screen reader would read); while it is edited the input carries the name, its text the figure.
 *
 * What does not read as a number of the cell's kind stays on screen as typed, refused at the cell, and counts
 * as blank: "1.5" in a count is never taken for 15. A number written into the cell another way (全部填 0, a
 * pasted block, a restored draft) replaces the refused text.
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
  const { store, edition, readOnly, previous, cellComments, commentOnCell, writeCell } = useEditor();
  const { getValues } = useFormContext<EditorValues>();
  const comments = cellComments.get(path);
  const mark = useFirstMark(path);
  const field = cellField(path);
  // The figure as the form holds it. A table 二 row that does not apply is not in the report: its cells show
  // the numbers the form keeps for it (greyed), which come back when the row applies again.
  const [editing, setEditing] = useState(false);
  // While the cell is edited its input shows what is typed: the cell is not redrawn for the figure its input
  // wrote, only for one written another way (a pasted block, 全部填 0), which the input then shows.
  const written = useRef<Cell | undefined>(undefined);
  const stored = useCellFigure<Cell | undefined | typeof EDITING>(store, path, (figure) =>
    editing && Object.is(figure, written.current) ? EDITING : figure,
  );
  const figure = stored === EDITING ? written.current : stored;
  const value = disabled ? (getValues(field) as Cell | undefined) : figure;
  // Text typed into the cell that holds no number (refused, or "3." left half-typed); null when the cell
  // shows its figure. Kept while a number written another way does not replace it. Taken from the input when
  // it goes: while the cell is edited, the input holds the text.
  const [typed, setTyped] = useState<{ text: string; over: Cell | undefined } | null>(null);
  const text = typed && Object.is(typed.over, value) ? typed.text : formatCell(value);
  // Why the text in the cell is refused; set only when that changes (not on every keystroke).
  const [refusal, setRefusal] = useState<string | null>(null);
  const shownRefusal = useRef<string | null>(null);
  const refuse = useCallback((reason: string | null) => {
    if (shownRefusal.current === reason) return;
    shownRefusal.current = reason;
    setRefusal(reason);
  }, []);
  if (refusal && !editing && text !== typed?.text) refuse(null);
  const td = useRef<HTMLTableCellElement | null>(null);
  const input = useRef<HTMLInputElement | null>(null);
  const { ref: markRef, marks } = mark;
  const cellRef = useCallback(
    (element: HTMLTableCellElement | null) => {
      td.current = element;
      markRef(element);
    },
    [markRef],
  );
  const inputRef = useCallback(
    (element: HTMLInputElement | null) => {
      input.current = element;
      marks.setInput(path, element);
    },
    [marks, path],
  );
  // A refusal shows before the cell's severity, and makes the cell invalid; an input that appears takes the
  // cell's invalidity and focus, the caret at the end, or its text selected when the keys moved here (typing
  // then replaces it, as in a spreadsheet).
  useLayoutEffect(() => {
    marks.setRefused(path, refusal !== null);
  }, [marks, path, refusal]);
  useLayoutEffect(() => {
    if (!editing || stored === EDITING || !input.current) return;
    input.current.value = formatCell(stored);
    written.current = stored;
    setTyped(null);
    refuse(null);
  }, [editing, stored, refuse]);
  useLayoutEffect(() => {
    if (!editing || !input.current || !td.current) return;
    input.current.focus();
    if (takeSelectOnEdit(td.current)) input.current.select();
    else input.current.setSelectionRange(input.current.value.length, input.current.value.length);
  }, [editing]);
  // A keystroke is the input's own event, not React's: the store holds the text's number, or blank when it reads
  // as none (the text stays as typed), and the cell itself is redrawn only when its refusal changes. The events
  // of typing stop at the input: nothing above it listens to them, and React would look through the whole
  // tree above the input for handlers of each (keydown goes on: the table's keys and a page's own listeners).
  useLayoutEffect(() => {
    const element = input.current;
    if (!editing || !element) return;
    const onInput = (event: Event) => {
      event.stopPropagation();
      const read = readCellInput(element.value, kind);
      const number = read.ok ? read.value : null;
      refuse(refusedCellText(element.value, kind, false));
      written.current = number;
      writeCell(path, number);
    };
    const stop = (event: Event) => event.stopPropagation();
    element.addEventListener("input", onInput);
    for (const type of TYPING_EVENTS) element.addEventListener(type, stop);
    return () => {
      element.removeEventListener("input", onInput);
      for (const type of TYPING_EVENTS) element.removeEventListener(type, stop);
    };
  }, [editing, kind, path, refuse, writeCell]);
  const label = labelText(edition, path);
  const previousValue = previous ? (readPath(previous, path) as Cell | undefined) : undefined;
  const name = `${label}${previousValue != null ? `（上年 ${previousValue}）` : ""}${comments ? "（有审核意见）" : ""}`;
  const id = fieldDomId(path);
  const describedBy = [refusal && `${id}-refusal`, comments && `${id}-comments`].filter(Boolean).join(" ") || undefined;
  const editable = !readOnly && !disabled;
  return (
    <td
      ref={cellRef}
      id={id}
      data-row={row}
      data-col={column}
      data-path={path}
      data-mark={mark.severity}
      tabIndex={disabled || editing ? -1 : 0}
      aria-label={editing ? undefined : text ? `${name}：${text}` : name}
      aria-describedby={editing ? undefined : describedBy}
      aria-invalid={mark.invalid || undefined}
      aria-disabled={disabled || undefined}
      aria-readonly={readOnly || undefined}
      onFocus={(event) => {
        if (event.target !== event.currentTarget) return;
        written.current = value;
        if (editable) setEditing(true);
        else refuse(typed ? refusedCellText(typed.text, kind, true) : null);
      }}
      className={`group ${cellPosition(path, previous, cellComments, !!commentOnCell)} ${markStyles} border-b border-r border-slate-300 p-0 outline-none focus:bg-brand-50 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-disabled:bg-slate-100 aria-disabled:text-slate-400`}
      title={refusal ?? undefined}
    >
      {editing ? (
        <input
          ref={inputRef}
          defaultValue={text}
          type="text"
          inputMode={kind === "count" ? "numeric" : kind === "amount" ? "decimal" : "text"}
          autoComplete="off"
          aria-label={name}
          aria-describedby={describedBy}
          className={`${liveBox} bg-brand-50 px-1.5 text-right tabular-nums outline-none ring-2 ring-inset ring-brand-600 ${refusal ? "text-red-800" : ""}`}
          onBlur={(event) => {
            const typedText = event.currentTarget.value;
            refuse(refusedCellText(typedText, kind, true));
            if (event.relatedTarget instanceof Node && event.currentTarget.parentElement?.contains(event.relatedTarget)) return;
            setTyped(typedText === formatCell(written.current) ? null : { text: typedText, over: written.current });
            setEditing(false);
          }}
        />
      ) : (
        <span data-cell-text="" className={`${cellBox} truncate px-1.5 text-right leading-9 tabular-nums ${refusal ? "text-red-800" : ""}`}>
          {text}
        </span>
      )}
      {refusal && <CellRefusal id={`${id}-refusal`} reason={refusal} fromLeft={column < 2} />}
      <PreviousYear path={path} />
      <CommentMark path={path} />
      <CellCard id={`${id}-comments`} path={path} comments={comments} above={cardAbove} fromLeft={column < 2} />
    </td>
  );
});

/**
 * A total: computed from its parts and shown read-only; its figure is written into the page as it changes. A
 * total with comments, or in a supervisor's table, is a tab stop, so its comments and the comment action are
 * reached from the keyboard too.
 */
export const ComputedCell = memo(function ComputedCell({ path, cardAbove = false }: { path: string; cardAbove?: boolean }) {
  const { store, edition, previous, cellComments, commentOnCell } = useEditor();
  const total = useTotalText(store, path);
  const mark = useFirstMark(path);
  const comments = cellComments.get(path);
  const id = fieldDomId(path);
  return (
    <td
      ref={mark.ref}
      data-mark={mark.severity}
      id={id}
      tabIndex={comments || commentOnCell ? 0 : -1}
      aria-describedby={comments ? `${id}-comments` : undefined}
      className={`group ${cellPosition(path, previous, cellComments, !!commentOnCell)} h-9 border-b border-r border-slate-300 bg-slate-100 px-1.5 text-right font-medium tabular-nums text-slate-800 outline-none focus:ring-2 focus:ring-inset focus:ring-brand-600 ${markStyles}`}
    >
      <output ref={total.ref} aria-label={`${labelText(edition, path)}（自动合计）${comments ? "（有审核意见）" : ""}`} data-path={path} className={`${liveBox} leading-9`}>
        {total.first}
      </output>
      <PreviousYear path={path} />
      <CommentMark path={path} />
      <CellCard id={`${id}-comments`} path={path} comments={comments} above={cardAbove} fromLeft={false} />
    </td>
  );
});
