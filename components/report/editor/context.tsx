"use client";

import { createContext, useContext } from "react";
import type { Edition } from "@/lib/report/editions";
import type { Report } from "@/lib/report/model";
import type { EditorStore } from "./store";

export type EditorContextValue = {
  store: EditorStore;
  edition: Edition;
  previous: Report | null;
  readOnly: boolean;
  /** Cells a supervisor's comment points at: marked in the grid so the clerk finds them. */
  commentedCells: ReadonlySet<string>;
  /** Shows a short message in the editor's live region (refused keystrokes and pastes). */
  announce: (message: string) => void;
};

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useEditor outside ReportEditor");
  return value;
}
