"use client";

import { createContext, useContext } from "react";
import type { Edition } from "@/lib/report/editions";
import type { Report } from "@/lib/report/model";
import type { EditorStore } from "./store";

/** A short message of the section on screen: what was done (green) or refused (red). */
export type EditorMessage = { text: string; tone: "done" | "refused" };

export type EditorContextValue = {
  store: EditorStore;
  edition: Edition;
  previous: Report | null;
  readOnly: boolean;
  /** Cells a supervisor's comment points at: marked in the grid so the clerk finds them. */
  commentedCells: ReadonlySet<string>;
  /** Shows a short message above the section (fill with 0, pastes); it goes when the clerk moves on. */
  announce: (message: EditorMessage) => void;
};

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useEditor outside ReportEditor");
  return value;
}
