"use client";

import { useSyncExternalStore } from "react";
import type { Report } from "@/lib/report/model";
import type { Finding } from "@/lib/report/rules";
import { sectionStates, type SectionStates } from "./sections";

export type CellSeverity = "error" | "warning" | "blank";

const severityRank: Record<CellSeverity, number> = { blank: 0, warning: 1, error: 2 };

export type EditorSnapshot = {
  report: Report;
  findings: Finding[];
  /** The most severe unacknowledged finding per cell path ("blank" when a cell is only unfilled). */
  severityByPath: Map<string, CellSeverity>;
  sectionStates: SectionStates;
};

/**
 * The computed report and its findings, outside React state: each cell subscribes to its own path, so
 * a keystroke re-renders only the cells whose highlight or total changed, not the whole form.
 */
export class EditorStore {
  private snapshot: EditorSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(report: Report, findings: Finding[]) {
    this.snapshot = EditorStore.build(report, findings);
  }

  static build(report: Report, findings: Finding[]): EditorSnapshot {
    const severityByPath = new Map<string, CellSeverity>();
    for (const finding of findings) {
      if (finding.acknowledgement) continue;
      const severity: CellSeverity = finding.rule === "CELL-BLANK" ? "blank" : finding.severity;
      for (const path of finding.cells) {
        const current = severityByPath.get(path);
        if (!current || severityRank[severity] > severityRank[current]) severityByPath.set(path, severity);
      }
    }
    return { report, findings, severityByPath, sectionStates: sectionStates(report, findings) };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = () => this.snapshot;

  set(report: Report, findings: Finding[]) {
    this.snapshot = EditorStore.build(report, findings);
    for (const listener of this.listeners) listener();
  }
}

export function useEditorSnapshot<T>(store: EditorStore, select: (snapshot: EditorSnapshot) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()), () => select(store.get()));
}

/** DOM id of the input for a cell path or text field, so a finding can focus it. */
export function fieldDomId(path: string): string {
  return `field-${path.replace(/\./g, "-")}`;
}
