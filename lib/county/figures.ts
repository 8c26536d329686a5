/**
 * The county figures of a year, as the page and the XLSX download show them: every agency of the
 * admin's county with its report, the approved ones summed (lib/report/aggregate), the others listed
 * as missing with their status or the reason they were not summed.
 */
import type { Executor } from "@/db/client";
import type { AgencyLevel } from "@/lib/report/model";
import { latestCountyReportYear, listCountyReports } from "@/db/queries/county";
import type { UserProfile } from "@/db/queries/users";
import { actorScope } from "@/lib/permissions";
import type { ReportStatus } from "@/db/schema";
import { statusLabels } from "@/lib/labels";
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
  isCountyOffice: boolean;
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

export interface CountyFigures {
  county: string;
  year: number;
  agencies: CountyAgencyFigures[];
  summed: CountyAgencyFigures[];
  /** Agencies whose report is not in the sum: not approved (or not started), or skipped. */
  missing: CountyAgencyFigures[];
  aggregate: AggregateResult;
}

/**
 * The year the page opens on: the year being reported; only a county with no report of that year or later
 * yet (a new install holding past years) opens on the latest year it has. A report already started for the
 * current year does not move the page past the year being reported.
 */
export function defaultCountyYear(db: Executor, actor: UserProfile, today: Date = new Date()): number {
  const reporting = defaultReportYear(today);
  return Math.min(reporting, latestCountyReportYear(db, actorScope(actor)) ?? reporting);
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
 * The county figures of a year for a county admin (the callers check `viewCountyFigures` first: the page
 * with requireAbility, the download in countyWorkbookDownload).
 */
export function loadCountyFigures(db: Executor, actor: UserProfile, year: number): CountyFigures {
  const county = actor.agencyName;
  const agencies = listCountyReports(db, actorScope(actor), year).map((entry): CountyAgencyFigures => {
    const status = entry.report?.status ?? null;
    const figures: CountyAgencyFigures = {
      agencyId: entry.agencyId,
      agencyName: entry.agencyName,
      level: entry.level,
      isCountyOffice: entry.isCountyOffice,
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
  const readable = agencies.filter((agency) => agency.report !== undefined);
  const aggregate = aggregateReports(
    readable.map((agency) => agency.report!),
    year,
    { name: county },
  );
  for (const index of aggregate.included) {
    const agency = readable[index];
    agency.summed = true;
    agency.findings = balanceFindings(agency.report!);
  }
  for (const skipped of aggregate.skipped) readable[skipped.index].reason = skipped.reason;
  return {
    county,
    year,
    agencies,
    summed: agencies.filter((agency) => agency.summed),
    missing: agencies.filter((agency) => !agency.summed),
    aggregate,
  };
}
