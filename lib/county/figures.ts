/**
 * The roll-up page of a year for an office (全县汇总, 全市汇总, 全省汇总), from the stored sums of
 * lib/county/rollup.ts: the office's own agencies with their status, the summed ones a page at a time with
 * their reports, the others with the reason they are not summed; each office directly below as one line with
 * its subtotal's balance check; and the year the county pages open on. (The XLSX is lib/county/workbook.ts.)
 */
import type { Executor } from "@/db/client";
import { AGENCY_LEVELS, type AgencyLevel } from "@/lib/report/model";
import { z } from "zod";
import { countOfficeReports, latestReportYearInScope, listOfficeReports, type OfficeAgencyFilter, type OfficeReportEntry } from "@/db/queries/county";
import { countAgenciesPerChildOffice, listChildOffices } from "@/db/queries/rollups";
import { officeRollup, UNREADABLE } from "./rollup";
import { findOfficeInScope, type OfficeRef } from "@/db/queries/offices";
import type { UserProfile } from "@/db/queries/users";
import { actorScope } from "@/lib/permissions";
import type { ReportStatus } from "@/db/schema";
import { rollupTitles, statusLabels } from "@/lib/labels";
import { balanceFindings } from "@/lib/report/aggregate";
import type { Report } from "@/lib/report/model";
import type { Finding } from "@/lib/report/rules";
import { defaultReportYear, selectableReportYears } from "@/lib/reporting-year";
import { tryReadStoredReport } from "@/lib/stored-report";

export interface CountyAgencyFigures {
  agencyId: number;
  agencyName: string;
  level: AgencyLevel;
  /** The office the roll-up is of. */
  isOwnOffice: boolean;
  /** The office directly below the rolled-up office that this agency belongs to; null for its direct agencies. */
  childOfficeId: number | null;
  reportId: number | null;
  status: ReportStatus | null;
  /** 未开始, 草稿, 待审核, 已退回, 已批准 */
  statusLabel: string;
  /** The approved report, when it could be read. */
  report?: Report;
  /** Whether the report is in the sum. */
  summed: boolean;
  /** Why the report is not in the sum (set on every agency not summed). */
  reason?: string;
  /** Where the agency's own tables do not add up (summed reports only). */
  findings: Finding[];
}

/** An office directly below the rolled-up one, with the subtotal of its subtree. */
export interface ChildOfficeFigures {
  officeId: number;
  name: string;
  /** Agencies in its subtree (itself included), and how many of their reports are in its sum. */
  agencyCount: number;
  summedCount: number;
  /** The balance check on its subtotal. */
  findings: Finding[];
}

/**
 * The year the page opens on: the year being reported; only a county with no report of that year or later
 * yet (a new install holding past years) opens on the latest year it has. A report already started for the
 * current year does not move the page past the year being reported.
 */
export async function defaultCountyYear(db: Executor, actor: UserProfile, today: Date = new Date()): Promise<number> {
  const reporting = defaultReportYear(today);
  return Math.min(reporting, (await latestReportYearInScope(db, actorScope(actor))) ?? reporting);
}

/**
 * The year a county page shows — the one asked for when it can be chosen, else the default — and the
 * years its picker offers (the shown year among them).
 */
export async function countyYearChoice(db: Executor, actor: UserProfile, asked: string | undefined): Promise<{ year: number; options: number[] }> {
  const years = selectableReportYears();
  const requested = Number(asked);
  const year = years.includes(requested) ? requested : await defaultCountyYear(db, actor);
  return { year, options: years.includes(year) ? years : [year, ...years] };
}

/** Why a report that is not approved is not in the sum. */
const NOT_APPROVED: Record<Exclude<ReportStatus, "approved">, string> = {
  draft: "正在填写，尚未提交审核。",
  submitted: "已提交，等待审核人批准。",
  returned: "审核人已退回修改。",
  imported: "导入的已发布报告，审核人或管理员确认后计入汇总。",
};

/** An agency's entry as the roll-up shows it: its status, its readable approved report, or why it is not summed. */
function agencyFigures(entry: OfficeReportEntry): CountyAgencyFigures {
  // Content is read only where the caller asked for it (null otherwise): the roll-up page reads a page of it.
  const status = entry.report?.status ?? null;
  const figures: CountyAgencyFigures = {
    agencyId: entry.agencyId,
    agencyName: entry.agencyName,
    level: entry.level,
    isOwnOffice: entry.isOwnOffice,
    childOfficeId: entry.childOfficeId,
    reportId: entry.report?.id ?? null,
    status,
    statusLabel: status ? statusLabels[status] : "未开始",
    summed: false,
    findings: [],
  };
  if (status === null) figures.reason = "尚未开始填写。";
  else if (status !== "approved") figures.reason = NOT_APPROVED[status];
  else if (entry.report!.content !== null) {
    const report = tryReadStoredReport(entry.report!.content);
    if (report) figures.report = report;
    else figures.reason = UNREADABLE;
  }
  return figures;
}

/**
 * Each agency with whether its report is in the stored sum, known without reading a report: approved and not
 * among those the sum left out (`skipped`: agency → why), or else why not.
 */
export function standingInSum(entries: OfficeReportEntry[], skipped: Map<number, string>): CountyAgencyFigures[] {
  return entries.map((entry) => {
    const figures = agencyFigures(entry);
    const reason = skipped.get(entry.agencyId);
    if (entry.report?.status === "approved") {
      if (reason) figures.reason = reason;
      else figures.summed = true;
    }
    return figures;
  });
}

/** How many agencies each list of the roll-up page (summed, not summed) shows on one page. */
export const ROLLUP_PAGE_SIZE = 50;

/** What the roll-up page's address may ask for of its agency lists; anything it cannot read falls back to none. */
export const rollupFilterSchema = z.object({
  q: z.string().trim().max(50).catch(""),
  level: z.enum(["all", ...AGENCY_LEVELS]).catch("all"),
  /** Of the agencies not in the sum: only those of this status (none: not started). */
  status: z.enum(["all", "none", "draft", "submitted", "returned", "imported", "approved"]).catch("all"),
  /** The page of the summed agencies, and of those not summed. */
  page: z.coerce.number().int().min(1).catch(1),
  mpage: z.coerce.number().int().min(1).catch(1),
});
export type RollupFilter = z.output<typeof rollupFilterSchema>;

/** How many pages a list of `total` takes (one when empty). */
const pageCount = (total: number) => Math.max(1, Math.ceil(total / ROLLUP_PAGE_SIZE));

/** The page asked for, or the nearest there is. */
const pageNumber = (total: number, asked: number) => Math.min(Math.max(1, asked), pageCount(total));

/** What the roll-up page shows of an office: its own agencies one by one, each office below it as one line. */
export interface RollupView {
  office: OfficeRef;
  /** 全县汇总, 全市汇总 or 全省汇总. */
  title: string;
  year: number;
  /** Agencies below the office at any depth (itself included), and how many of their reports are summed. */
  agencyCount: number;
  summedCount: number;
  /** The office's own agencies in the sum that the filter keeps: this page of them, each with its report and balance check. */
  summed: CountyAgencyFigures[];
  summedTotal: number;
  page: number;
  pageCount: number;
  /** The office's own agencies not in the sum that the filter keeps, with the reason: this page of them. */
  missing: CountyAgencyFigures[];
  missingTotal: number;
  missingPage: number;
  missingPageCount: number;
  /** Whether the filter leaves out any of the office's own agencies. */
  filtered: boolean;
  childOffices: ChildOfficeFigures[];
  aggregate: { report: Report; findings: Finding[] };
}

/**
 * The roll-up page of an office, from stored sums (lib/county/rollup.ts): the office's own sum and those of
 * the offices below it, so a province reads no report below it and a county of thousands reads only the page
 * of agencies shown. `agencyId` asks for the page holding that agency (its tables are shown). Undefined when
 * the office is not one the admin reaches.
 */
export async function loadRollupView(
  db: Executor,
  actor: UserProfile,
  year: number,
  officeId: number = actor.agencyId,
  options: { filter?: Partial<RollupFilter>; agencyId?: number } = {},
): Promise<RollupView | undefined> {
  const scope = actorScope(actor);
  const office = await findOfficeInScope(db, scope, officeId);
  if (!office) return undefined;
  const filter = rollupFilterSchema.parse(options.filter ?? {});
  const rollup = await officeRollup(db, office, year);
  // Both lists are searched, filtered, counted and paged in the database; only the summed page's content is read.
  const skipped = new Map(rollup.skipped.map((skip) => [skip.agencyId, skip.reason]));
  const base: OfficeAgencyFilter = {
    directOnly: true,
    nameContains: filter.q || undefined,
    level: filter.level === "all" ? undefined : filter.level,
  };
  const inSum: OfficeAgencyFilter = { ...base, inSum: { summed: true, skipped: [...skipped.keys()] } };
  const notInSum: OfficeAgencyFilter = {
    ...base,
    inSum: { summed: false, skipped: [...skipped.keys()] },
    status: filter.status === "all" ? undefined : filter.status,
  };
  const counts = await countOfficeReports(db, scope, office.id, year, true, { direct: {}, summed: inSum, missing: notInSum });
  const { summed: summedTotal, missing: missingTotal } = counts;
  // Asking for one agency's tables opens the page that holds it.
  const asked =
    options.agencyId === undefined
      ? -1
      : (await listOfficeReports(db, scope, office.id, year, { ...inSum, content: false })).findIndex((entry) => entry.agencyId === options.agencyId);
  const page = pageNumber(summedTotal, asked >= 0 ? Math.floor(asked / ROLLUP_PAGE_SIZE) + 1 : filter.page);
  const missingPage = pageNumber(missingTotal, filter.mpage);
  const pageOf = (number: number) => ({ limit: ROLLUP_PAGE_SIZE, offset: (number - 1) * ROLLUP_PAGE_SIZE });
  // The page is found first and its content read after: sorting with the content would carry every report's.
  // An empty list is not looked for.
  const shownIds =
    summedTotal === 0 ? [] : (await listOfficeReports(db, scope, office.id, year, { ...inSum, content: false, ...pageOf(page) })).map((entry) => entry.agencyId);
  const shown = shownIds.length === 0 ? [] : standingInSum(await listOfficeReports(db, scope, office.id, year, { ...inSum, agencyIds: shownIds }), skipped);
  const missing =
    missingTotal === 0 ? [] : standingInSum(await listOfficeReports(db, scope, office.id, year, { ...notInSum, content: false, ...pageOf(missingPage) }), skipped);
  for (const agency of shown) agency.findings = agency.report ? balanceFindings(agency.report) : [];
  const filtered = filter.q !== "" || filter.level !== "all" || filter.status !== "all";

  const agencyCounts = await countAgenciesPerChildOffice(db, office.id);
  const childOffices: ChildOfficeFigures[] = [];
  for (const child of await listChildOffices(db, office.id)) {
    const childRollup = await officeRollup(db, child, year);
    childOffices.push({
      officeId: child.id,
      name: child.name,
      agencyCount: agencyCounts.get(child.id) ?? 1,
      summedCount: childRollup.included,
      findings: childRollup.included > 0 ? balanceFindings(childRollup.report) : [],
    });
  }
  return {
    office: office,
    title: rollupTitles[office.officeTier],
    year,
    agencyCount: counts.direct + childOffices.reduce((total, child) => total + child.agencyCount, 0),
    summedCount: rollup.included,
    summed: shown.filter((agency) => agency.report !== undefined),
    summedTotal,
    page,
    pageCount: pageCount(summedTotal),
    missing,
    missingTotal,
    missingPage,
    missingPageCount: pageCount(missingTotal),
    filtered,
    childOffices,
    aggregate: { report: rollup.report, findings: balanceFindings(rollup.report) },
  };
}
