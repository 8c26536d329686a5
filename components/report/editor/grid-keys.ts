"use client";

import type React from "react";
import { useCallback } from "react";
import { useFormContext } from "react-hook-form";
import { planPaste, type TableGrid } from "@/lib/report/grid";
import { splitPastedBlock } from "@/lib/report/cell-input";
import type { Edition } from "@/lib/report/editions";
import type { EditorMessage } from "./context";
import { cellField, type EditorValues } from "./values";

function cellInput(table: HTMLElement, row: number, column: number): HTMLInputElement | null {
  return table.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${column}"]:not(:disabled)`);
}

/** The next editable cell from (row, column) in a direction, skipping totals and rows that do not apply. */
function nextCell(table: HTMLElement, grid: TableGrid, row: number, column: number, dRow: number, dColumn: number) {
  const rowCount = grid.rows.length;
  let r = row + dRow;
  let c = column + dColumn;
  while (r >= 0 && r < rowCount && c >= 0 && c < grid.rows[r].cells.length) {
    const input = cellInput(table, r, c);
    if (input) return input;
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
      const input = event.target as HTMLElement;
      if (!(input instanceof HTMLInputElement) || input.dataset.row === undefined) return;
      // Caret positions are read only for the keys that need them: reading one forces a layout.
      let move: [number, number] | null = null;
      if (event.key === "ArrowUp" || (event.key === "Enter" && event.shiftKey)) move = [-1, 0];
      else if (event.key === "ArrowDown" || event.key === "Enter") move = [1, 0];
      else if (event.key === "ArrowLeft" && input.selectionStart === 0 && input.selectionEnd === 0) move = [0, -1];
      else if (event.key === "ArrowRight" && input.selectionStart === input.value.length) move = [0, 1];
      if (!move) return;
      const row = Number(input.dataset.row);
      const column = Number(input.dataset.col);
      event.preventDefault();
      const target = nextCell(event.currentTarget, grid, row, column, move[0], move[1]);
      if (target) {
        target.focus();
        target.select();
      }
    },
    [grid],
  );

  const onPaste = useCallback(
    (event: React.ClipboardEvent<HTMLElement>) => {
      const input = event.target as HTMLElement;
      if (!(input instanceof HTMLInputElement) || input.dataset.row === undefined) return;
      const text = event.clipboardData.getData("text/plain");
      const block = splitPastedBlock(text);
      // A single value goes into the cell the usual way (and is checked as typed).
      if (block.length === 1 && block[0].length === 1) return;
      event.preventDefault();
      const plan = planPaste(edition, grid, { row: Number(input.dataset.row), column: Number(input.dataset.col) }, block, skipRow);
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

  return { onKeyDown, onPaste, onBlur };
}
