/** What findings add up to: where each shows, counts per section, and whether the report may be submitted. */
import type { EditionId, SectionKey } from "../editions";
import { layoutOf } from "../layout";
import { findingPlace } from "../places";
import type { Finding } from "./types";

/** Where a finding shows: one of the six sections, or "front" (the cover page, introduction included); see ../places.ts. */
export type FindingPlace = SectionKey | "front";

export interface FindingCounts {
  errors: number;
  warnings: number;
  unacknowledgedWarnings: number;
  /** info findings: they only inform. */
  infos: number;
}

export interface FindingSummary extends FindingCounts {
  bySection: Record<FindingPlace, FindingCounts>;
}

export function summarizeFindings(findings: Finding[]): FindingSummary {
  const zero = (): FindingCounts => ({ errors: 0, warnings: 0, unacknowledgedWarnings: 0, infos: 0 });
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
    const section = summary.bySection[findingPlace(f)];
    for (const counts of [summary, section]) {
      if (f.severity === "error") counts.errors++;
      else if (f.severity === "info") counts.infos++;
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
 * reason (warnings never block once acknowledged; errors can only be fixed; info never blocks).
 */
export function canSubmit(findings: Finding[]): boolean {
  return findings.every((f) => f.severity === "info" || (f.severity === "warning" && f.acknowledgement !== undefined));
}

/**
 * The findings without CELL-BLANK on a computed cell (a total): nobody fills a total, and a blank one is
 * only the sum of blank parts, each reported on its own (a blank total beside filled parts fails the sum
 * rules). What a clerk is asked to fill, counted and listed, is then only what a person can fill.
 */
export function withoutComputedBlanks(findings: Finding[], edition: EditionId): Finding[] {
  const { computedPaths } = layoutOf(edition);
  return findings.filter((f) => !(f.rule === "CELL-BLANK" && computedPaths.has(f.cells[0])));
}
