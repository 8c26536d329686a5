/** validate(): runs every rule on a report and attaches acknowledgements to the warnings they target. */
import type { EditionId } from "../editions";
import { layoutOf } from "../layout";
import { hasOtherApplicant } from "../model";
import type { Report } from "../model";
import { RULES } from "./list";
import { isBlank } from "./shared";
import type { Finding, RuleContext, ValidateOptions } from "./types";

/** All findings of a report, in rule order. Acknowledgements attach to warnings only. */
export function validate(report: Report, options: ValidateOptions = {}): Finding[] {
  const layout = layoutOf(report.edition as EditionId);
  const applicantColumns = hasOtherApplicant(report.requests)
    ? [...layout.applicantColumnKeys, "otherApplicant"]
    : layout.applicantColumnKeys;
  const ctx: RuleContext = {
    report,
    previous: options.previous,
    layout,
    columns: [...applicantColumns, "total"],
    applicantColumns,
  };
  const acks = options.acknowledgements;
  const findings: Finding[] = [];
  for (const rule of RULES) {
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
