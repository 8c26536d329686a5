/**
 * Roll-ups at any depth: an office's sum is the sum of its own agencies' approved reports and of the sums of
 * the offices directly under it, each kept in office_rollups while its stamp holds. A province is summed from
 * its cities, a city from its counties; only a county reads its agencies' reports. Sums of sums are the same
 * numbers as the sum of every report (each is summed cell by cell, and every part has the year's edition).
 */
import type { Executor } from "@/db/client";
import { listOfficeReports, storeMissingFigures, type OfficeReportEntry } from "@/db/queries/county";
import { findRollup, listChildOffices, rollupStamp, storeRollup } from "@/db/queries/rollups";
import type { ActorScope } from "@/db/queries/scope";
import { aggregateReports, type AggregateResult } from "@/lib/report/aggregate";
import { figureTables, reportFigures, type StoredFigure } from "@/lib/report/figures";
import { FORMAT_VERSION, REPORT_FORMAT, type Report } from "@/lib/report/model";
import type { EditionId } from "@/lib/report/editions/types";
import { tryReadStoredReport } from "@/lib/stored-report";

/** Why an approved report whose stored content cannot be read is not in the sum. */
export const UNREADABLE = "报告内容无法读取，未计入汇总。";

/** Everything below reaches every agency: roll-ups are sums of whole subtrees, whoever looks at them. */
const WHOLE_SUBTREE = (officeId: number): ActorScope => ({ userId: 0, agencyId: officeId, reach: "subtree" });

export type OfficeRollup = {
  report: Report;
  included: number;
  /** The office's own agencies whose approved report is not in the sum, and why. */
  skipped: { agencyId: number; reason: string }[];
};

/** The approved reports among the entries that can be read, with the entries they came from. */
export function readApprovedReports(entries: OfficeReportEntry[]): { entry: OfficeReportEntry; report: Report }[] {
  const read: { entry: OfficeReportEntry; report: Report }[] = [];
  for (const entry of entries) {
    if (entry.report?.status !== "approved") continue;
    const report = tryReadStoredReport(entry.report.content);
    if (report) read.push({ entry, report });
  }
  return read;
}

/** A report as stored, read with its figures (its content only where it has none: see listOfficeReports). */
export type StoredTables = { id: number; version: number; edition: EditionId; figures: unknown; content: unknown };

/**
 * The tables of stored reports of a year (all that a sum or a key figure reads), each as a report: from its
 * stored figures, so that thousands of reports are read without parsing or checking their content; a report
 * with no figures stored yet is read from its content, and its figures are stored for next time. A report
 * that cannot be read is left out.
 */
export async function readStoredTables<T>(
  db: Executor,
  items: { item: T; stored: StoredTables; year: number; agencyName: string }[],
): Promise<{ item: T; report: Report }[]> {
  const read: { item: T; report: Report }[] = [];
  const computed: { reportId: number; version: number; figures: StoredFigure[] }[] = [];
  for (const { item, stored, year, agencyName } of items) {
    const tables = stored.figures === null ? undefined : figureTables(stored.edition, stored.figures);
    if (tables) {
      const report: Report = { format: REPORT_FORMAT, formatVersion: FORMAT_VERSION, edition: stored.edition, year, agency: { name: agencyName }, ...tables };
      read.push({ item, report });
      continue;
    }
    const report = tryReadStoredReport(stored.content);
    if (!report) continue;
    read.push({ item, report });
    // Figures stand for a report of its row's year and edition (as every save checks): a report whose content
    // says otherwise (stored by other means) keeps being read whole, and left out of a sum with the reason.
    if (report.year === year && report.edition === stored.edition) {
      computed.push({ reportId: stored.id, version: stored.version, figures: reportFigures(report) });
    }
  }
  await storeMissingFigures(db, computed);
  return read;
}

/** The approved reports among entries read with their figures (listOfficeReports `figures`), as readStoredTables reads them. */
export async function readApprovedFigures(
  db: Executor,
  entries: OfficeReportEntry[],
  year: number,
): Promise<{ entry: OfficeReportEntry; report: Report }[]> {
  const approved = entries.flatMap((entry) =>
    entry.report?.status === "approved" ? [{ item: entry, stored: entry.report, year, agencyName: entry.agencyName }] : [],
  );
  return (await readStoredTables(db, approved)).map(({ item, report }) => ({ entry: item, report }));
}

/**
 * The sum of an office's whole subtree for a year, from the stored roll-up when it is still current.
 * `knownStamp`: the stamp when the caller read it already (childOfficeStamps), for many offices at once.
 */
export async function officeRollup(db: Executor, office: { id: number; name: string }, year: number, knownStamp?: string): Promise<OfficeRollup> {
  const stamp = await (knownStamp ?? rollupStamp(db, office.id, year));
  const stored = await findRollup(db, office.id, year);
  // Written by this function from reports the engine had read: trusted as it is.
  if (stored && stored.stamp === stamp) {
    return { report: JSON.parse(stored.report) as Report, included: stored.included, skipped: JSON.parse(stored.skipped) as OfficeRollup["skipped"] };
  }

  const children: OfficeRollup[] = [];
  for (const child of await listChildOffices(db, office.id)) children.push(await officeRollup(db, child, year));
  const entries = await listOfficeReports(db, WHOLE_SUBTREE(office.id), office.id, year, { directOnly: true, figures: true });
  const direct = await readApprovedFigures(db, entries, year);
  const read = new Set(direct.map(({ entry }) => entry.agencyId));
  const unreadable = entries.filter((entry) => entry.report?.status === "approved" && !read.has(entry.agencyId));
  const summed = sumParts(direct.map((part) => part.report), children, year, office.name);
  const skipped = [
    ...direct.flatMap(({ entry }, index) => {
      const left = summed.aggregate.skipped.find((skip) => skip.index === index);
      return left ? [{ agencyId: entry.agencyId, reason: left.reason }] : [];
    }),
    ...unreadable.map((entry) => ({ agencyId: entry.agencyId, reason: UNREADABLE })),
  ];
  await storeRollup(db, {
    officeId: office.id,
    year,
    stamp: stamp,
    report: JSON.stringify(summed.aggregate.report),
    included: summed.included,
    skipped: JSON.stringify(skipped),
  });
  return { report: summed.aggregate.report, included: summed.included, skipped };
}

/**
 * Sum an office's own reports and its child offices' roll-ups. `included` counts the reports in the sum:
 * the office's own that were not skipped, and every report inside the child sums.
 */
function sumParts(
  own: Report[],
  children: OfficeRollup[],
  year: number,
  name: string,
): { aggregate: AggregateResult; included: number } {
  const summedChildren = children.filter((child) => child.included > 0);
  const aggregate = aggregateReports([...own, ...summedChildren.map((child) => child.report)], year, { name });
  const ownIncluded = aggregate.included.filter((index) => index < own.length).length;
  return { aggregate, included: ownIncluded + summedChildren.reduce((total, child) => total + child.included, 0) };
}
