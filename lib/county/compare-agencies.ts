/**
 * 各机关对比 (issue #16 item 2): for an office admin, the key figures of a year of each of its own agencies'
 * approved reports and of each office directly below it (its roll-up, lib/county/rollup.ts: a city compares
 * its counties, not seven thousand agencies) (lib/report/key-figures) and the days it was approved after its deadline, sortable,
 * outliers marked by Tukey's fences (lib/report/outliers), and each figure over the years for the chart.
 *
 * What is compared:
 * - only approved reports (an imported report counts once confirmed, as in 全县汇总);
 * - a rate is judged for outliers only when its base is at least RATE_MINIMUM_BASE (1 of 2 cases corrected
 *   is 50% and says little); it is shown all the same;
 * - days late: Beijing days from the deadline (lib/dashboard/deadlines) to the approval, 0 when on time.
 *   Townships and streets are held to the county's township date as it is set today. A confirmed imported
 *   report has none: its approval is the confirmation of a report published long before.
 */
import { z } from "zod";
import type { Executor } from "@/db/client";
import { listManagedAgencies } from "@/db/queries/admin";
import { reportStatusesInScope, listApprovedReportsInScope } from "@/db/queries/county";
import { childOfficeStamps, listChildOffices } from "@/db/queries/rollups";
import { officeRollup, readStoredTables } from "./rollup";
import type { UserProfile } from "@/db/queries/users";
import { beijingDay, daysUntil, reportDeadline } from "@/lib/dashboard/deadlines";
import { statusLabels } from "@/lib/labels";
import { actorScope, decideAccount } from "@/lib/permissions";
import { recordRefusal } from "@/lib/refusals";
import { KEY_FIGURE_DEFS, KEY_FIGURE_KEYS, NO_FIGURE_TEXT, reportKeyFigures, type KeyFigureKey } from "@/lib/report/key-figures";
import type { AgencyLevel, Report } from "@/lib/report/model";
import { median, OUTLIER_RULE, outlierFences, outlierSide, type Fences, type Outlier } from "@/lib/report/outliers";
import type { FigureKind } from "./format-figure";

export const COMPARED_FIGURE_KEYS = [...KEY_FIGURE_KEYS, "daysLate"] as const;
export type ComparedFigureKey = (typeof COMPARED_FIGURE_KEYS)[number];

export interface ComparedFigureDef {
  key: ComparedFigureKey;
  label: string;
  kind: FigureKind;
  description: string;
}

/** Rates of a smaller base are shown but neither judged nor used for the quartiles. */
export const RATE_MINIMUM_BASE = 10;

export const COMPARED_FIGURES: readonly ComparedFigureDef[] = [
  ...KEY_FIGURE_DEFS.map(({ key, label, kind, description }) => ({ key, label, kind, description })),
  {
    key: "daysLate",
    label: "逾期天数",
    kind: "days",
    description:
      "批准日期晚于报送期限的天数（北京时间，按期为 0）：部门次年1月31日，人民政府次年3月31日，乡镇、街道按本县现行设定的期限。导入后确认的已发布报告不计。",
  },
];

export type SortKey = "name" | ComparedFigureKey;
export type SortDirection = "asc" | "desc";

/** What the page's address may ask for; anything else falls back to the default (by name). */
export const comparisonSortSchema = z.object({
  sort: z.enum(["name", ...COMPARED_FIGURE_KEYS]).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
});

export interface FigureCell {
  value: number | null;
  /** Why there is no value, or what a rate is made of (「24 / 32」), or why it is not judged. */
  note?: string;
  /** Whether the value takes part in the quartiles and is judged. */
  judged: boolean;
  outlier: Outlier | null;
}

export interface ComparedAgency {
  agencyId: number;
  agencyName: string;
  level: AgencyLevel;
  /** The admin's own office (shown as 本级). */
  isOwnOffice: boolean;
  /** The approved report compared; null for an office below, whose roll-up is compared. */
  reportId: number | null;
  /** Set for an office below: its figures are those of its roll-up. */
  isChildOffice: boolean;
  figures: Record<ComparedFigureKey, FigureCell>;
}

export interface FigureSummary {
  /** Values judged; fewer than the rule's minimum: no fences. */
  judged: number;
  fences: Fences | null;
}

export interface ComparisonHistory {
  years: number[];
  /** The agencies with an approved report in any of the years, county office first. */
  agencies: { agencyId: number; name: string }[];
  /** figure → one array per agency (as in `agencies`) of values by year (null: none that year). */
  series: Record<ComparedFigureKey, (number | null)[][]>;
  /** figure → the median over the agencies with a value, by year. */
  median: Record<ComparedFigureKey, (number | null)[]>;
}

export interface AgencyComparison {
  county: string;
  year: number;
  sort: { key: SortKey; dir: SortDirection };
  /** The agencies with an approved report of the year, sorted. */
  rows: ComparedAgency[];
  summaries: Record<ComparedFigureKey, FigureSummary>;
  /** The agencies without an approved report of the year, with their status (未开始 when none). */
  withoutApproved: { agencyName: string; statusLabel: string }[];
  history: ComparisonHistory;
}

export type ComparisonOutcome = { ok: true; data: AgencyComparison } | { ok: false; status: 403; message: string };

type CountyAgencyRow = { id: number; name: string; level: AgencyLevel; parentDeadline: string | null };

function figureCells(
  report: Report,
  agency: CountyAgencyRow,
  year: number,
  /** Null for an office's roll-up, which has no approval of its own. */
  approval: { approvedAt: Date | null; importedAt: Date | null } | null,
): Record<ComparedFigureKey, FigureCell> {
  const figures = reportKeyFigures(report);
  const cells = {} as Record<ComparedFigureKey, FigureCell>;
  for (const key of KEY_FIGURE_KEYS) {
    const figure = figures[key];
    if (figure.value === null) {
      cells[key] = { value: null, note: NO_FIGURE_TEXT[figure.why], judged: false, outlier: null };
    } else if (figure.parts) {
      const { numerator, base } = figure.parts;
      const judged = base >= RATE_MINIMUM_BASE;
      cells[key] = {
        value: figure.value,
        note: `${numerator} / ${base}${judged ? "" : `（基数不足 ${RATE_MINIMUM_BASE} 件，不判断是否异常）`}`,
        judged,
        outlier: null,
      };
    } else {
      cells[key] = { value: figure.value, judged: true, outlier: null };
    }
  }
  cells.daysLate = approval
    ? daysLateCell(agency.level, year, agency.parentDeadline, approval)
    : { value: null, note: "下级政务公开办的汇总，不计逾期", judged: false, outlier: null };
  return cells;
}

function daysLateCell(
  level: AgencyLevel,
  year: number,
  parentDeadline: string | null,
  { approvedAt, importedAt }: { approvedAt: Date | null; importedAt: Date | null },
): FigureCell {
  const none = (note: string): FigureCell => ({ value: null, note, judged: false, outlier: null });
  if (importedAt) return none("导入后确认的已发布报告，批准日期为确认日期，不计逾期");
  const deadline = reportDeadline(level, year, parentDeadline);
  if (!deadline) return none("所属县（区）未设定乡镇、街道的报送期限");
  if (!approvedAt) return none("没有批准日期");
  const late = Math.max(0, -daysUntil(deadline.date, approvedAt));
  return { value: late, note: `期限 ${deadline.label}，批准于 ${beijingDay(approvedAt)}`, judged: true, outlier: null };
}

/** Null values last in either direction; ties keep the default order (county office first, then by name). */
function sortRows(rows: ComparedAgency[], key: SortKey, dir: SortDirection): ComparedAgency[] {
  if (key === "name") return dir === "asc" ? rows : [...rows].reverse();
  const sign = dir === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row.figures[key].value;
      const y = b.row.figures[key].value;
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      return x === y ? a.index - b.index : (x - y) * sign;
    })
    .map(({ row }) => row);
}

/**
 * The comparison of the county's agencies for a year (input: the year, and the sort the page's address
 * asks for). Only a county admin may see it (`viewCountyFigures`); a refusal is audited.
 */
export async function compareAgencies(
  db: Executor,
  actor: UserProfile,
  input: { year: number; sort?: unknown; dir?: unknown },
): Promise<ComparisonOutcome> {
  const permitted = decideAccount(actor, "viewCountyFigures");
  if (!permitted.ok) {
    await recordRefusal(db, actor, "查看各机关对比", permitted.reason, null);
    return { ok: false, status: 403, message: permitted.reason };
  }
  const { year } = input;
  const sort = comparisonSortSchema.parse({ sort: input.sort, dir: input.dir });
  const scope = actorScope(actor);
  const agencies = await listManagedAgencies(db, scope, { directOnly: true });
  const childOffices = await listChildOffices(db, scope.agencyId);
  const agencyById = new Map(agencies.map((agency) => [agency.id, agency]));
  const officeUnits: CountyAgencyRow[] = childOffices.map((office) => ({ ...office, level: "government", parentDeadline: null }));
  const units: CountyAgencyRow[] = [...agencies, ...officeUnits];
  const order = new Map(units.map((unit, index) => [unit.id, index]));

  // Every approved report that can be read, with its figures (read from those stored beside it).
  const entries: { year: number; row: ComparedAgency }[] = [];
  const approved = (await listApprovedReportsInScope(db, scope, agencies.map((agency) => agency.id))).flatMap((stored) => {
    const agency = agencyById.get(stored.agencyId);
    return agency ? [{ item: { stored, agency }, stored, year: stored.year, agencyName: agency.name }] : [];
  });
  for (const { item: { stored, agency }, report } of await readStoredTables(db, approved)) {
    entries.push({
      year: stored.year,
      row: {
        agencyId: agency.id,
        agencyName: agency.name,
        level: agency.level,
        isOwnOffice: agency.id === scope.agencyId,
        reportId: stored.id,
        isChildOffice: false,
        figures: figureCells(report, agency, stored.year, stored),
      },
    });
  }
  // Each office below, by its roll-up of every year anything below it was approved (the years its stamps name).
  const stamps = await childOfficeStamps(db, scope.agencyId);
  for (const office of officeUnits) {
    for (const [rollupYear, stamp] of stamps.get(office.id) ?? []) {
      const rollup = await officeRollup(db, office, rollupYear, stamp);
      if (rollup.included === 0) continue;
      const figures = figureCells(rollup.report, office, rollupYear, null);
      entries.push({
        year: rollupYear,
        row: { agencyId: office.id, agencyName: office.name, level: office.level, isOwnOffice: false, reportId: null, isChildOffice: true, figures },
      });
    }
  }

  const ofYear = entries
    .filter((entry) => entry.year === year)
    .map((entry) => entry.row)
    .sort((a, b) => order.get(a.agencyId)! - order.get(b.agencyId)!);
  const summaries = {} as Record<ComparedFigureKey, FigureSummary>;
  for (const key of COMPARED_FIGURE_KEYS) {
    const judged = ofYear.map((row) => row.figures[key]).filter((cell) => cell.judged && cell.value !== null);
    const fences = outlierFences(
      judged.map((cell) => cell.value!),
      OUTLIER_RULE,
    );
    for (const cell of judged) cell.outlier = outlierSide(cell.value!, fences);
    summaries[key] = { judged: judged.length, fences };
  }

  const statuses = await reportStatusesInScope(db, scope, year);
  const shown = new Set(ofYear.map((row) => row.agencyId));
  const withoutApproved = units
    .filter((agency) => !shown.has(agency.id))
    .map((agency) => {
      const status = statuses.get(agency.id);
      if (!agencyById.has(agency.id)) return { agencyName: agency.name, statusLabel: "其下尚无已批准的报告" };
      return {
        agencyName: agency.name,
        statusLabel: !status ? "未开始" : status === "approved" ? "已批准（内容无法读取）" : statusLabels[status],
      };
    });

  return {
    ok: true,
    data: {
      county: actor.agencyName,
      year,
      sort: { key: sort.sort, dir: sort.dir },
      rows: sortRows(ofYear, sort.sort, sort.dir),
      summaries,
      withoutApproved,
      history: history(entries, units),
    },
  };
}

/** Each figure by year: one series per agency and the median, over the years from the first approved report to the last. */
function history(entries: { year: number; row: ComparedAgency }[], agencies: CountyAgencyRow[]): ComparisonHistory {
  const first = Math.min(...entries.map((entry) => entry.year));
  const last = Math.max(...entries.map((entry) => entry.year));
  const years = entries.length === 0 ? [] : Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const present = new Set(entries.map((entry) => entry.row.agencyId));
  const listed = agencies.filter((agency) => present.has(agency.id));
  const column = new Map(listed.map((agency, index) => [agency.id, index]));
  const series = {} as ComparisonHistory["series"];
  const medians = {} as ComparisonHistory["median"];
  for (const key of COMPARED_FIGURE_KEYS) {
    const values = listed.map(() => years.map((): number | null => null));
    for (const { year, row } of entries) values[column.get(row.agencyId)!][year - first] = row.figures[key].value;
    series[key] = values;
    medians[key] = years.map((_, i) => median(values.map((agency) => agency[i]).filter((v): v is number => v !== null)));
  }
  return { years, agencies: listed.map((agency) => ({ agencyId: agency.id, name: agency.name })), series, median: medians };
}
