import type { Report } from "@/lib/report/model";
import { withoutComputedBlanks, type Finding } from "@/lib/report/rules";
import type { ValueStore } from "../value-store";
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
 * The computed report and its findings, outside React state (a ValueStore of snapshots): each cell
 * subscribes to its own path, so a keystroke re-renders only the cells whose highlight or total changed,
 * not the whole form.
 */
export type EditorStore = ValueStore<EditorSnapshot>;

/**
 * The snapshot of a report and its findings. A computed total is never reported blank (nobody fills it;
 * its parts are), so the blank count, the list and the yellow marks are only of cells a person can fill.
 */
export function editorSnapshot(report: Report, allFindings: Finding[]): EditorSnapshot {
  const findings = withoutComputedBlanks(allFindings, report.edition);
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

/** DOM id of the input for a cell path or text field, so a finding can focus it. */
export function fieldDomId(path: string): string {
  return `field-${path.replace(/\./g, "-")}`;
}
