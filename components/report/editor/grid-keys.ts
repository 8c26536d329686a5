"use client";

import type React from "react";
import { useCallback } from "react";
import { useFormContext } from "react-hook-form";
import { planPaste, type TableGrid } from "@/lib/report/grid";
import { splitPastedBlock } from "@/lib/report/cell-input";
import type { Edition } from "@/lib/report/editions";
import type { EditorMessage } from "./context";
import { cellField, type EditorValues } from "./values";

/** A number cell that may be moved to: not in a row that does not apply. */
function cellAt(table: HTMLElement, row: number, column: number): HTMLElement | null {
  return table.querySelector<HTMLElement>(`td[data-row="${row}"][data-col="${column}"]:not([aria-disabled="true"])`);
}

/**
 * The number cell an event happened on: the cell itself, or the editor input inside it (not a button of the
 * cell's card, whose Enter is its own).
 */
function gridCell(target: EventTarget): HTMLElement | null {
  if (target instanceof HTMLInputElement) return target.closest<HTMLElement>("td[data-row]");
  return target instanceof HTMLTableCellElement && target.dataset.row !== undefined ? target : null;
}

/** Cells reached by the keys: their text is selected when their editor input appears (typing replaces it). */
const selectOnEdit = new WeakSet<Element>();

/** Whether the cell was reached by the keys (asked once, when its editor input appears). */
export function takeSelectOnEdit(cell: Element): boolean {
  return selectOnEdit.delete(cell);
}

/** The next number cell from (row, column) in a direction, skipping totals and rows that do not apply. */
function nextCell(table: HTMLElement, grid: TableGrid, row: number, column: number, dRow: number, dColumn: number) {
  const rowCount = grid.rows.length;
  let r = row + dRow;
  let c = column + dColumn;
  while (r >= 0 && r < rowCount && c >= 0 && c < grid.rows[r].cells.length) {
    const cell = cellAt(table, r, c);
    if (cell) return cell;
    r += dRow;
    c += dColumn;
  }
  return null;
}

/**
 * Spreadsheet keys for a table (arrows, Enter / Shift+Enter; Tab stays the browser's; Escape hides a cell's
 * comments) and pasting a block copied from Excel or WPS from the focused cell: all of it or, on one bad
 * value, none of it.
 */
export function useGridKeys(edition: Edition, grid: TableGrid, announce: (message: EditorMessage) => void, skipRow?: (rowKey: string) => boolean) {
  const { setValue } = useFormContext<EditorValues>();

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLElement>) => {
      // Escape hides what the cell shows beside it (comments, the comment action) until focus leaves the cell.
      if (event.key === "Escape") {
        const cell = (event.target as HTMLElement).closest("td");
        if (cell?.querySelector("[data-cell-card]")) cell.setAttribute("data-card-dismissed", "");
        return;
      }
      const cell = gridCell(event.target);
      if (!cell) return;
      // Caret positions are read only for the keys that need them: reading one forces a layout. A cell
      // focused without its input (a read-only table) has no caret: left and right move at once.
      const input = event.target instanceof HTMLInputElement ? event.target : null;
      let move: [number, number] | null = null;
      if (event.key === "ArrowUp" || (event.key === "Enter" && event.shiftKey)) move = [-1, 0];
      else if (event.key === "ArrowDown" || event.key === "Enter") move = [1, 0];
      else if (event.key === "ArrowLeft" && (!input || (input.selectionStart === 0 && input.selectionEnd === 0))) move = [0, -1];
      else if (event.key === "ArrowRight" && (!input || input.selectionStart === input.value.length)) move = [0, 1];
      if (!move) return;
      event.preventDefault();
      // Focusing the cell puts the editor input in it, its text selected.
      const target = nextCell(event.currentTarget, grid, Number(cell.dataset.row), Number(cell.dataset.col), move[0], move[1]);
      if (!target) return;
      selectOnEdit.add(target);
      target.focus();
    },
    [grid],
  );

  const onPaste = useCallback(
    (event: React.ClipboardEvent<HTMLElement>) => {
      const cell = gridCell(event.target);
      if (!cell || !(event.target instanceof HTMLInputElement)) return;
      const text = event.clipboardData.getData("text/plain");
      const block = splitPastedBlock(text);
      // A single value goes into the cell the usual way (and is checked as typed).
      if (block.length === 1 && block[0].length === 1) return;
      event.preventDefault();
      const plan = planPaste(edition, grid, { row: Number(cell.dataset.row), column: Number(cell.dataset.col) }, block, skipRow);
      if (!plan.ok) {
        announce({ text: plan.message, tone: "refused" });
        return;
      }
      for (const write of plan.writes) {
        setValue(cellField(write.path), write.value, { shouldDirty: true });
      }
      announce({ text: `已粘贴 ${plan.writes.length} 个单元格。`, tone: "done" });
    },
    [announce, edition, grid, setValue, skipRow],
  );

  /** Focus leaving a cell brings back its card, hidden with Escape, for the next time. */
  const onBlur = useCallback((event: React.FocusEvent<HTMLElement>) => {
    const cell = (event.target as HTMLElement).closest("td");
    if (!cell?.hasAttribute("data-card-dismissed")) return;
    if (event.relatedTarget instanceof Node && cell.contains(event.relatedTarget)) return;
    cell.removeAttribute("data-card-dismissed");
  }, []);

  // Everything a table of number cells needs to be a keyboard grid: spread onto its <table>.
  return { role: "grid" as const, onKeyDown, onPaste, onBlur };
}
