import { parseInterchangeValue } from "@/lib/report/interchange";
import type { Report } from "@/lib/report/model";
import type { Acknowledgement } from "@/lib/report/rules";

/** A report's content as stored (it was checked when written); a broken one is a server fault, not input. */
export function readStoredReport(content: unknown): Report {
  const parsed = parseInterchangeValue(content);
  if (!parsed.ok) throw new Error(`stored report content is invalid: ${parsed.errors[0]?.message}`);
  return parsed.report;
}

/** The stored content as a report, or undefined when there is none or it is not a valid report. */
export function tryReadStoredReport(content: unknown): Report | undefined {
  if (content === null || content === undefined) return undefined;
  try {
    return readStoredReport(content);
  } catch {
    return undefined;
  }
}

export function readStoredAcknowledgements(value: unknown): Acknowledgement[] {
  return Array.isArray(value) ? (value as Acknowledgement[]) : [];
}
