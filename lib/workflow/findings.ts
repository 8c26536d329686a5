/**
 * The engine's checks applied to reports as stored: content and acknowledgements are JSON in the
 * database, read back through the interchange reader so a damaged row is reported, never trusted.
 */
import { canSubmit, validate, withoutComputedBlanks, type Finding, type Report } from "@/lib/report";
import { readStoredAcknowledgements, tryReadStoredReport } from "@/lib/stored-report";

export type StoredFindings = { ok: true; findings: Finding[]; blocking: Finding[] } | { ok: false };

/**
 * Every finding of a stored report (with last year's approved report for the cross-year checks and the
 * stored acknowledgements), and those that block submission: what canSubmit refuses, finding by finding.
 * As in the editor, no computed total is reported blank: its blank parts are, and they block.
 */
export function checkStoredReport(content: unknown, previous: unknown, acknowledgements: unknown): StoredFindings {
  const report = tryReadStoredReport(content);
  if (!report) return { ok: false };
  return checkReadReport(report, tryReadStoredReport(previous), acknowledgements);
}

/**
 * checkStoredReport of reports already read (a save has just read this year's; last year's is kept read, see
 * lib/reports/published.ts): neither is read again.
 */
export function checkReadReport(report: Report, previous: Report | undefined, acknowledgements: unknown): StoredFindings {
  const findings = withoutComputedBlanks(
    validate(report, {
      previous,
      acknowledgements: readStoredAcknowledgements(acknowledgements),
    }),
    report.edition,
  );
  return { ok: true, findings, blocking: findings.filter((finding) => !canSubmit([finding])) };
}

/**
 * What the overview pages show of a report's check, stored beside it (reports.error_count, warning_count):
 * its errors, and its warnings that block submission (not yet acknowledged with a reason).
 */
export type CheckCounts = { errors: number; warnings: number };

/** The counts of a check; null when the content could not be read as a report. */
export function checkCounts(check: StoredFindings): CheckCounts | null {
  if (!check.ok) return null;
  return {
    errors: check.findings.filter((finding) => finding.severity === "error").length,
    warnings: check.blocking.filter((finding) => finding.severity === "warning").length,
  };
}

/** Check a stored report (see checkStoredReport) and count it; null when its content cannot be read. */
export function countStoredReport(content: unknown, previous: unknown, acknowledgements: unknown): CheckCounts | null {
  return checkCounts(checkStoredReport(content, previous, acknowledgements));
}
