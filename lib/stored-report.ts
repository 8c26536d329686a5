import { parseInterchange } from "@/lib/report/interchange";
import type { Report } from "@/lib/report/model";
import type { Acknowledgement } from "@/lib/report/rules";

/** A report's content as stored (it was checked when written); a broken one is a server fault, not input. */
export function readStoredReport(content: unknown): Report {
  const parsed = parseInterchange(JSON.stringify(content));
  if (!parsed.ok) throw new Error(`stored report content is invalid: ${parsed.errors[0]?.message}`);
  return parsed.report;
}

export function readStoredAcknowledgements(value: unknown): Acknowledgement[] {
  return Array.isArray(value) ? (value as Acknowledgement[]) : [];
}
