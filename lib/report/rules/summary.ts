/** What findings add up to: where each shows, counts per section, and whether the report may be submitted. */
import type { SectionKey } from "../editions";
import type { Finding } from "./types";

/** Where a finding shows: one of the six sections, or "front" (title, date, website, contact). */
export type FindingPlace = SectionKey | "front";

export function findingSection(finding: Finding): FindingPlace {
  // Runs for every finding on every keystroke in the editor: no array from split().
  const path = finding.cells[0] ?? "";
  const dot = path.indexOf(".");
  const top = dot < 0 ? path : path.slice(0, dot);
  switch (top) {
    case "activeDisclosure":
    case "requests":
    case "reviewLitigation":
    case "overview":
    case "problems":
    case "otherMatters":
      return top;
    case "intro":
      return "overview";
    default:
      return "front";
  }
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  unacknowledgedWarnings: number;
}

export interface FindingSummary extends FindingCounts {
  bySection: Record<FindingPlace, FindingCounts>;
}

export function summarizeFindings(findings: Finding[]): FindingSummary {
  const zero = (): FindingCounts => ({ errors: 0, warnings: 0, unacknowledgedWarnings: 0 });
  const summary: FindingSummary = {
    ...zero(),
    bySection: {
      front: zero(),
      overview: zero(),
      activeDisclosure: zero(),
      requests: zero(),
      reviewLitigation: zero(),
      problems: zero(),
      otherMatters: zero(),
    },
  };
  for (const f of findings) {
    const section = summary.bySection[findingSection(f)];
    for (const counts of [summary, section]) {
      if (f.severity === "error") counts.errors++;
      else {
        counts.warnings++;
        if (!f.acknowledgement) counts.unacknowledgedWarnings++;
      }
    }
  }
  return summary;
}

/**
 * Whether the report may be submitted for approval: no errors, and every warning acknowledged with a
 * reason (warnings never block once acknowledged; errors can only be fixed).
 */
export function canSubmit(findings: Finding[]): boolean {
  return findings.every((f) => f.severity === "warning" && f.acknowledgement !== undefined);
}
