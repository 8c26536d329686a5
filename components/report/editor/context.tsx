"use client";

import { createContext, useContext } from "react";
import type { Edition } from "@/lib/report/editions";
import type { Cell, Report } from "@/lib/report/model";
import type { EditorStore } from "./store";
import type { CellMarks } from "./cell-marks";

/** A short message of the section on screen: what was done (green) or refused (red). */
export type EditorMessage = { text: string; tone: "done" | "refused" };

/** A supervisor's open comment on a cell, as the cell shows it. */
export type CellComment = { id: number; body: string; author: string };

export type EditorContextValue = {
  store: EditorStore;
  /** The marks of the table cells, kept outside React (cell-marks.ts). */
  marks: CellMarks;
  edition: Edition;
  previous: Report | null;
  readOnly: boolean;
  /**
   * Open comments by the cell they point at: the cell is marked and shows them on hover and on focus (its
   * description), so the clerk finds them where the number is.
   */
  cellComments: ReadonlyMap<string, readonly CellComment[]>;
  /** Opens the section's comment form with this cell chosen; absent when the viewer may not comment. */
  commentOnCell?: (path: string) => void;
  /**
   * A figure typed into a table cell (`requests.granted.naturalPerson`): the report on screen, its totals and
   * findings follow at once; the form gets it when the keys pause or focus moves.
   */
  writeCell: (path: string, value: Cell) => void;
  /** Shows a short message above the section (fill with 0, pastes); it goes when the clerk moves on. */
  announce: (message: EditorMessage) => void;
};

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useEditor outside ReportEditor");
  return value;
}
