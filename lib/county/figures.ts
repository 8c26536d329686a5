/**
 * The roll-up of a year for an office (全县汇总, 全市汇总, 全省汇总), as the page and the XLSX download show
 * it: every agency below the office at any depth with its report, the approved ones summed
 * (lib/report/aggregate), the others listed as missing with their status or the reason they were not
 * summed; and for each office directly below, its own subtotal with the balance check on it.
 */
import type { Executor } from "@/db/client";
import type { AgencyLevel } from "@/lib/report/model";
import { latestReportYearInScope, listOfficeReports } from "@/db/queries/county";
import { findOfficeInScope, type OfficeRef } from "@/db/queries/offices";
import type { UserProfile } from "@/db/queries/users";
import { actorScope } from "@/lib/permissions";
import type { ReportStatus } from "@/db/schema";
import { rollupTitles, statusLabels } from "@/lib/labels";
import { aggregateReports, balanceFindings } from "@/lib/report/aggregate";
import type { AggregateResult } from "@/lib/report/aggregate";
import type { Report } from "@/lib/report/model";
import type { Finding } from "@/lib/report/rules";
import { defaultReportYear, selectableReportYears } from "@/lib/reporting-year";
import { readStoredReport } from "@/lib/stored-report";

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
  /** Agencies in its subtree (itself included), and how many of them are in the sum. */
  agencyCount: number;
  summedCount: number;
  /** Its subtotal, with the balance check on it. */
  aggregate: AggregateResult;
}

export interface CountyFigures {
  /** The office rolled up. */
  office: OfficeRef;
  /** 全县汇总, 全市汇总 or 全省汇总. */
  title: string;
  /** The rolled-up office's name (the sum's agency name). */
  county: string;
  year: number;
  /** Every agency below the office, at any depth. */
  agencies: CountyAgencyFigures[];
  summed: CountyAgencyFigures[];
  /** Agencies whose report is not in the sum: not approved (or not started), or skipped. */
  missing: CountyAgencyFigures[];
  childOffices: ChildOfficeFigures[];
  aggregate: AggregateResult;
}

/**
 * The year the page opens on: the year being reported; only a county with no report of that year or later
 * yet (a new install holding past years) opens on the latest year it has. A report already started for the
 * current year does not move the page past the year being reported.
 */
export function defaultCountyYear(db: Executor, actor: UserProfile, today: Date = new Date()): number {
  const reporting = defaultReportYear(today);
  return Math.min(reporting, latestReportYearInScope(db, actorScope(actor)) ?? reporting);
}

/**
 * The year a county page shows — the one asked for when it can be chosen, else the default — and the
 * years its picker offers (the shown year among them).
 */
export function countyYearChoice(db: Executor, actor: UserProfile, asked: string | undefined): { year: number; options: number[] } {
  const years = selectableReportYears();
  const requested = Number(asked);
  const year = years.includes(requested) ? requested : defaultCountyYear(db, actor);
  return { year, options: years.includes(year) ? years : [year, ...years] };
}

/** Why a report that is not approved is not in the sum. */
const NOT_APPROVED: Record<Exclude<ReportStatus, "approved">, string> = {
  draft: "正在填写，尚未提交审核。",
  submitted: "已提交，等待审核人批准。",
  returned: "审核人已退回修改。",
  imported: "导入的已发布报告，审核人或管理员确认后计入汇总。",
};

/**
 * The roll-up of a year for an office admin: of its own office, or of an office below it (`officeId`);
 * undefined when that office is not one the admin reaches. The callers check `viewCountyFigures` first
 * (the page with requireAbility, the download in countyWorkbookDownload).
 */
export function loadCountyFigures(db: Executor, actor: UserProfile, year: number, officeId: number = actor.agencyId): CountyFigures | undefined {
  const scope = actorScope(actor);
  const office = findOfficeInScope(db, scope, officeId);
  if (!office) return undefined;
  const agencies = listOfficeReports(db, scope, office.id, year).map((entry): CountyAgencyFigures => {
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
    else {
      try {
        figures.report = readStoredReport(entry.report!.content);
      } catch {
        figures.reason = "报告内容无法读取，未计入汇总。";
      }
    }
    return figures;
  });
  const aggregate = sumAgencies(agencies, year, office.name);
  for (const agency of agencies) if (agency.summed) agency.findings = balanceFindings(agency.report!);

  const childOffices = agencies
    .filter((agency) => agency.childOfficeId === agency.agencyId)
    .map((child): ChildOfficeFigures => {
      const below = agencies.filter((agency) => agency.childOfficeId === child.agencyId);
      const subtotal = aggregateReports(
        below.filter((agency) => agency.summed).map((agency) => agency.report!),
        year,
        { name: child.agencyName },
      );
      return {
        officeId: child.agencyId,
        name: child.agencyName,
        agencyCount: below.length,
        summedCount: subtotal.included.length,
        aggregate: subtotal,
      };
    });
  return {
    office,
    title: rollupTitles[office.officeTier],
    county: office.name,
    year,
    agencies,
    summed: agencies.filter((agency) => agency.summed),
    missing: agencies.filter((agency) => !agency.summed),
    childOffices,
    aggregate,
  };
}

/** Sum the readable approved reports, marking which are in the sum and why the others are not. */
function sumAgencies(agencies: CountyAgencyFigures[], year: number, name: string): AggregateResult {
  const readable = agencies.filter((agency) => agency.report !== undefined);
  const aggregate = aggregateReports(
    readable.map((agency) => agency.report!),
    year,
    { name },
  );
  for (const index of aggregate.included) readable[index].summed = true;
  for (const skipped of aggregate.skipped) readable[skipped.index].reason = skipped.reason;
  return aggregate;
}
