/** validate(): runs every rule on a report and attaches acknowledgements to the warnings they target. */
import type { EditionId } from "../editions";
import { layoutOf } from "../layout";
import { hasOtherApplicant } from "../model";
import type { Report } from "../model";
import { RULES } from "./list";
import { isBlank } from "./shared";
import type { EditionLayout } from "../layout";
import type { Finding, MissableTable, RuleContext, ValidateOptions } from "./types";

/** All findings of a report, in rule order. Acknowledgements attach to warnings only. */
export function validate(report: Report, options: ValidateOptions = {}): Finding[] {
  const layout = layoutOf(report.edition as EditionId);
  const applicantColumns = hasOtherApplicant(report.requests)
    ? [...layout.applicantColumnKeys, "otherApplicant"]
    : layout.applicantColumnKeys;
  const columns = [...applicantColumns, "total"];
  const ctx: RuleContext = {
    report,
    previous: options.previous,
    layout,
    columns,
    applicantColumns,
    missingTables: missingTables(report, layout, columns),
  };
  const acks = options.acknowledgements;
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (options.only && !options.only.has(rule.id)) continue;
    rule.check(ctx, (cells, message) => {
      const finding: Finding = { id: `${rule.id}:${cells.join(",")}`, rule: rule.id, severity: rule.severity, cells, message };
      if (acks && rule.severity === "warning") {
        const ack = acks.find((a) => a.findingId === finding.id && !isBlank(a.reason));
        if (ack) finding.acknowledgement = ack.at === undefined ? { by: ack.by, reason: ack.reason } : { by: ack.by, reason: ack.reason, at: ack.at };
      }
      findings.push(finding);
    });
  }
  return findings;
}

/** Tables 三 and 四 of which every cell (totals included) is blank. */
function missingTables(report: Report, layout: EditionLayout, columns: string[]): Set<MissableTable> {
  const missing = new Set<MissableTable>();
  const allBlank = (table: Report["requests"], rows: string[], cells: string[]) =>
    rows.every((row) => cells.every((cell) => (table[row]?.[cell] ?? null) === null));
  if (allBlank(report.requests, layout.requestRowKeys, columns)) missing.add("requests");
  const reviewCells = layout.edition.reviewLitigation.cells.map((c) => c.key);
  if (allBlank(report.reviewLitigation, layout.reviewGroups.map((g) => g.key), reviewCells)) missing.add("reviewLitigation");
  return missing;
}
