/**
 * Last year's published report of an agency, read as a report: what every autosave and workflow step checks
 * this year's against (the cross-year rules). A report's content changes only with a new version, so the report
 * read is kept per version: an autosave then neither reads nor parses it again. Kept reports are frozen, shared
 * by every request.
 */
import { keptFor, type Executor } from "@/db/client";
import { findPublishedReport, getReportContent, type StoredVersion } from "@/db/queries/reports";
import type { Report } from "@/lib/report";
import { tryReadStoredReport } from "@/lib/stored-report";

/** At most this many reports are kept (about 5–25 KB each, parsed): the least recently used go first. */
const KEPT_REPORTS = 1000;

/** The agency's published report of the year (approved, or an imported past report), or undefined. */
export async function readPublishedReport(db: Executor, agencyId: number, year: number): Promise<Report | undefined> {
  const published = await findPublishedReport(db, agencyId, year);
  if (!published) return undefined;
  const kept = keptFor(db, "published-reports", () => new Map<string, Report | undefined>());
  const key = versionKey(published);
  if (kept.has(key)) {
    const report = kept.get(key);
    // Most recently used last, so the oldest is the first to go.
    kept.delete(key);
    kept.set(key, report);
    return report;
  }
  const stored = await getReportContent(db, published.id);
  const report = deepFreeze(tryReadStoredReport(stored?.content));
  if (stored) {
    kept.set(versionKey(stored), report);
    if (kept.size > KEPT_REPORTS) kept.delete(kept.keys().next().value!);
  }
  return report;
}

function versionKey(version: StoredVersion): string {
  return `${version.id}@${version.version}@${version.updatedAt.getTime()}`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
