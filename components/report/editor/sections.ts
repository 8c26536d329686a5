import type { Finding, FindingPlace } from "@/lib/report/rules";
import { findingPlace } from "@/lib/report/places";
import type { Report } from "@/lib/report/model";
import { SECTIONS } from "@/lib/report/editions";
import { layoutOf } from "@/lib/report/layout";
import { FRONT_SECTION_TITLE } from "@/lib/labels";

export type EditorSection = FindingPlace | "check";

/** The editor's pages: the cover and introduction, the six sections of the format, then the final check. */
export const EDITOR_SECTIONS: { key: EditorSection; title: string }[] = [
  { key: "front", title: FRONT_SECTION_TITLE },
  ...SECTIONS.map((section) => ({ key: section.key, title: section.title })),
  { key: "check", title: "检查与提交" },
];

export type SectionState = { label: string; tone: "empty" | "progress" | "error" | "done" };
export type SectionStates = Record<FindingPlace, SectionState>;

function isFilledText(value: string | undefined): boolean {
  return Boolean(value && value.trim());
}

/** Whether a person has filled any cell of a table (its computed totals do not count). */
function hasFilledCell(tableKey: string, table: Record<string, Record<string, number | null>>, computed: ReadonlySet<string>): boolean {
  for (const [rowKey, row] of Object.entries(table)) {
    for (const [cellKey, value] of Object.entries(row)) {
      if (value !== null && value !== undefined && !computed.has(`${tableKey}.${rowKey}.${cellKey}`)) return true;
    }
  }
  return false;
}

/** The findings by the section they belong to, each section's in the order they come. */
export type FindingsBySection = ReadonlyMap<FindingPlace, readonly Finding[]>;

/** Sorts the findings by section once a keystroke: the section states, the count and the list all read it. */
export function findingsBySection(findings: Finding[]): FindingsBySection {
  const groups = new Map<FindingPlace, Finding[]>();
  for (const finding of findings) {
    const section = findingPlace(finding);
    const group = groups.get(section);
    if (group) group.push(finding);
    else groups.set(section, [finding]);
  }
  return groups;
}

/** 未填写 / 填写中 / 有错误 N / 完成 for each section, from the report and its findings by section. */
export function sectionStates(report: Report, bySection: FindingsBySection): SectionStates {
  const errors = new Map<FindingPlace, number>();
  const open = new Map<FindingPlace, number>();
  for (const [section, findings] of bySection) {
    for (const finding of findings) {
      if (finding.severity === "error") errors.set(section, (errors.get(section) ?? 0) + 1);
      if (!finding.acknowledgement && finding.severity !== "info") open.set(section, (open.get(section) ?? 0) + 1); // info only informs
    }
  }
  const { computedPaths } = layoutOf(report.edition);
  const filled: Record<FindingPlace, boolean> = {
    front: [report.date, report.intro, report.website?.url, report.contact?.phone].some(isFilledText),
    overview: (report.overview ?? []).some((part) => isFilledText(part.text)),
    activeDisclosure: hasFilledCell("activeDisclosure", report.activeDisclosure, computedPaths),
    requests: hasFilledCell("requests", report.requests, computedPaths),
    reviewLitigation: hasFilledCell("reviewLitigation", report.reviewLitigation, computedPaths),
    problems: isFilledText(report.problems),
    otherMatters: (report.otherMatters ?? []).some((part) => isFilledText(part.text)),
  };
  const states = {} as SectionStates;
  for (const section of Object.keys(filled) as FindingPlace[]) {
    const errorCount = errors.get(section) ?? 0;
    if (!filled[section]) states[section] = { label: "未填写", tone: "empty" };
    else if (errorCount > 0) states[section] = { label: `有错误 ${errorCount}`, tone: "error" };
    else if ((open.get(section) ?? 0) > 0) states[section] = { label: "填写中", tone: "progress" };
    else states[section] = { label: "完成", tone: "done" };
  }
  return states;
}
