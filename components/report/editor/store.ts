import type { Cell, Report } from "@/lib/report/model";
import { findingSentence } from "@/lib/report/places";
import { withoutComputedBlanks, type Finding } from "@/lib/report/rules";
import { ValueStore } from "../value-store";
import { findingsBySection, sectionStates, type FindingsBySection, type SectionStates } from "./sections";

export type CellSeverity = "error" | "warning" | "blank";

const severityRank: Record<CellSeverity, number> = { blank: 0, warning: 1, error: 2 };

export type EditorSnapshot = {
  report: Report;
  findings: Finding[];
  /** The most severe unacknowledged finding per cell path ("blank" when a cell is only unfilled). */
  severityByPath: Map<string, CellSeverity>;
  /** The findings by section (what the findings panel counts and lists). */
  findingsBySection: FindingsBySection;
  sectionStates: SectionStates;
  /**
   * The findings about a sentence of the narrative by the text field the sentence is in (`intro`,
   * `overview.1.text`), with a key that changes only when what they say does, so a text box subscribes
   * to its own and is redrawn only then.
   */
  sentenceFindings: Map<string, { key: string; findings: Finding[] }>;
};

/** A cell's figure in a report, by its path's steps split once. */
export function cellValue(report: Report, [table, row, cell]: readonly string[]): Cell | undefined {
  return (report as unknown as Record<string, Record<string, Record<string, Cell>> | undefined>)[table]?.[row]?.[cell];
}

type CellSubscription = { steps: readonly string[]; listeners: Set<() => void> };

/**
 * The computed report and its findings, outside React state (a ValueStore of snapshots). A table cell does not
 * listen to every snapshot: it subscribes to its own path (subscribeCell) and is told only when its figure
 * changed, so a keystroke wakes the cells whose figure or total changed, not the hundreds of a table.
 */
export class EditorStore extends ValueStore<EditorSnapshot> {
  private readonly cells = new Map<string, CellSubscription>();

  /** Calls the listener whenever the figure at the path (`requests.granted.total`) changes. */
  subscribeCell(path: string, listener: () => void): () => void {
    let subscription = this.cells.get(path);
    if (!subscription) {
      subscription = { steps: path.split("."), listeners: new Set() };
      this.cells.set(path, subscription);
    }
    subscription.listeners.add(listener);
    const added = subscription;
    return () => {
      added.listeners.delete(listener);
      if (added.listeners.size === 0 && this.cells.get(path) === added) this.cells.delete(path);
    };
  }

  override set(next: EditorSnapshot | ((current: EditorSnapshot) => EditorSnapshot)) {
    const before = this.get().report;
    super.set(next);
    const after = this.get().report;
    if (before === after) return;
    for (const { steps, listeners } of this.cells.values()) {
      if (Object.is(cellValue(before, steps), cellValue(after, steps))) continue;
      for (const listener of listeners) listener();
    }
  }
}

/**
 * The snapshot of a report and its findings. A computed total is never reported blank (nobody fills it;
 * its parts are), so the blank count, the list and the yellow marks are only of cells a person can fill.
 */
export function editorSnapshot(report: Report, allFindings: Finding[]): EditorSnapshot {
  const findings = withoutComputedBlanks(allFindings, report.edition);
  const severityByPath = new Map<string, CellSeverity>();
  for (const finding of findings) {
    if (finding.acknowledgement || finding.severity === "info") continue; // info marks no cell
    const severity: CellSeverity = finding.rule === "CELL-BLANK" ? "blank" : finding.severity;
    for (const path of finding.cells) {
      const current = severityByPath.get(path);
      if (!current || severityRank[severity] > severityRank[current]) severityByPath.set(path, severity);
    }
  }
  const sentenceFindings = new Map<string, { key: string; findings: Finding[] }>();
  for (const finding of findings) {
    if (finding.cells.length < 2) continue; // a finding about a sentence names the table it contradicts too
    const sentence = findingSentence(report, finding);
    if (!sentence) continue;
    const entry = sentenceFindings.get(sentence.path) ?? { key: "", findings: [] };
    entry.findings.push(finding);
    entry.key += `${finding.id}\u0000${finding.message}\u0000${finding.acknowledgement?.reason ?? ""}\u0001`;
    sentenceFindings.set(sentence.path, entry);
  }
  const bySection = findingsBySection(findings);
  return { report, findings, severityByPath, findingsBySection: bySection, sectionStates: sectionStates(report, bySection), sentenceFindings };
}

/**
 * DOM id of the input for a cell path or text field, so a finding can focus it. A part of 一 or 六
 * (`overview.2.text`) is its text box; the first part's also stands for the whole section (`overview`).
 */
export function fieldDomId(path: string): string {
  const part = /^(overview|otherMatters)\.(\d+)\.text$/.exec(path);
  if (part) return part[2] === "0" ? `field-${part[1]}` : `field-${part[1]}-${part[2]}`;
  return `field-${path.replace(/\./g, "-")}`;
}
