/**
 * The engine's checks applied to reports as stored: content and acknowledgements are JSON in the
 * database, read back through the interchange reader so a damaged row is reported, never trusted.
 */
import { canSubmit, parseInterchange, validate, type Acknowledgement, type Finding, type Report } from "@/lib/report";

/** The stored content as a report, or undefined when it is not a valid report. */
export function readStoredReport(content: unknown): Report | undefined {
  if (content === null || content === undefined) return undefined;
  const parsed = parseInterchange(JSON.stringify(content));
  return parsed.ok ? parsed.report : undefined;
}

/** The stored acknowledgements, keeping only well-formed entries. */
export function readAcknowledgements(value: unknown): Acknowledgement[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Acknowledgement =>
      typeof item === "object" &&
      item !== null &&
      typeof (item as Acknowledgement).findingId === "string" &&
      typeof (item as Acknowledgement).reason === "string" &&
      typeof (item as Acknowledgement).by === "string",
  );
}

export type StoredFindings = { ok: true; findings: Finding[]; blocking: Finding[] } | { ok: false };

/**
 * Every finding of a stored report (with last year's approved report for the cross-year checks and the
 * stored acknowledgements), and those that block submission: what canSubmit refuses, finding by finding.
 */
export function checkStoredReport(content: unknown, previous: unknown, acknowledgements: unknown): StoredFindings {
  const report = readStoredReport(content);
  if (!report) return { ok: false };
  const findings = validate(report, {
    previous: readStoredReport(previous),
    acknowledgements: readAcknowledgements(acknowledgements),
  });
  return { ok: true, findings, blocking: findings.filter((finding) => !canSubmit([finding])) };
}
