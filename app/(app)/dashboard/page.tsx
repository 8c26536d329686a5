import Link from "next/link";
import { ChildOfficesSection } from "@/components/county/ChildOfficesSection";
import { getDb } from "@/lib/db";
import { listChildOfficeProgress } from "@/db/queries/dashboard";
import { requireAbility } from "@/lib/auth/guards";
import { actorScope } from "@/lib/permissions";
import { chooseOffice } from "@/lib/dashboard/office-choice";
import { OfficeLine } from "@/components/layout/OfficeLine";
import { formatDateTime } from "@/lib/format";
import { agencyLevelLabels } from "@/lib/labels";
import { defaultReportYear, selectableReportYears } from "@/lib/reporting-year";
import {
  childOfficeProgress,
  loadProgressPage,
  progressFilterSchema,
  type ChildOfficeProgress,
  type DashboardRow,
  type ProgressFilter,
  type ProgressSort,
} from "@/lib/dashboard/dashboard";
import { StatusBadge } from "@/components/report/StatusBadge";
import { cellClass, DataTable } from "@/components/ui/DataTable";
import { Pages } from "@/components/ui/Pages";
import { LevelSelectField, NameSearchField, StatusSelectField } from "@/components/ui/FilterFields";
import { YearSelectForm } from "@/components/report/YearSelectForm";

export const metadata = { title: "进度总览 · 年报" };

const td = cellClass;

function daysText(row: DashboardRow): string {
  if (!row.deadline || row.daysLeft === null) return "—";
  if (row.report?.status === "approved") return row.late ? "逾期后批准" : "按期完成";
  if (row.daysLeft < 0) return `逾期 ${-row.daysLeft} 天`;
  if (row.daysLeft === 0) return "今天截止";
  return `剩 ${row.daysLeft} 天`;
}

function Count({ value, tone }: { value: number | undefined; tone: "error" | "warning" }) {
  if (value === undefined) return <span className="text-slate-400">—</span>;
  if (value === 0) return <span className="text-slate-500">0</span>;
  return <span className={`font-semibold ${tone === "error" ? "text-red-700" : "text-amber-700"}`}>{value}</span>;
}

type Params = {
  year?: string;
  office?: string;
  q?: string;
  status?: string;
  level?: string;
  late?: string;
  errors?: string;
  sort?: string;
  dir?: string;
  page?: string;
};

/** The direction a column sorts in when first chosen: names and statuses from the start, errors and saves most first. */
const FIRST_DIRECTION: Record<ProgressSort, "asc" | "desc"> = { name: "asc", status: "asc", errors: "desc", updated: "desc" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireAbility("viewDashboard");
  const db = getDb();
  const params = await searchParams;
  const years = selectableReportYears();
  const requested = Number(params.year);
  const year = years.includes(requested) ? requested : defaultReportYear();
  const choice = await chooseOffice(db, user, params.office, "进度总览");
  if (!choice.ok) {
    return (
      <div className="space-y-3">
        <h1 className="text-xl font-semibold">进度总览</h1>
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {choice.reason}
        </p>
        <Link href="/dashboard" className="text-brand-600 underline-offset-2 hover:underline">
          返回本级进度总览
        </Link>
      </div>
    );
  }
  const officeId = choice.office?.id ?? user.agencyId;
  const now = new Date();
  const scope = actorScope(user);
  const filter = progressFilterSchema.parse({
    q: params.q,
    status: params.status,
    level: params.level,
    late: params.late,
    errors: params.errors,
    sort: params.sort,
    dir: params.dir,
    page: params.page,
  });
  const { summary, rows, matching, page, pageCount } = await loadProgressPage(db, scope, { year, officeId, filter, now });
  const childOffices = choice.office ? childOfficeProgress(await listChildOfficeProgress(db, scope, year, officeId), year, now) : [];
  const officeHref = (id: number, isOwn: boolean) => (isOwn ? `/dashboard?year=${year}` : `/dashboard?year=${year}&office=${id}`);
  // The address keeps the filter, the order and the page, so a link or a reload shows the same list.
  const listHref = (changes: Partial<ProgressFilter>) => {
    const shown = { ...filter, ...changes };
    const query = new URLSearchParams({
      year: String(year),
      q: shown.q,
      status: shown.status,
      level: shown.level,
      late: shown.late,
      errors: shown.errors,
      sort: shown.sort,
      dir: shown.dir,
      page: String(shown.page),
    });
    if (params.office) query.set("office", params.office);
    return `/dashboard?${query}`;
  };
  const pageHref = (target: number) => listHref({ page: target });
  const sortable = (label: string, sort: ProgressSort, align?: "right") => {
    const current = filter.sort === sort;
    const dir = current ? (filter.dir === "asc" ? "desc" : "asc") : FIRST_DIRECTION[sort];
    return {
      label: (
        <Link
          href={listHref({ sort, dir, page: 1 })}
          className="inline-flex items-center gap-1 text-slate-700 underline-offset-2 hover:underline"
          title={`按${label}排序`}
        >
          {label}
          <span aria-hidden="true" className={current ? "text-slate-700" : "text-slate-300"}>
            {current ? (filter.dir === "asc" ? "▲" : "▼") : "↕"}
          </span>
        </Link>
      ),
      align,
      nowrap: true,
      sort: current ? (filter.dir === "asc" ? "ascending" : "descending") : "none",
    } as const;
  };
  const filtered = filter.q !== "" || filter.status !== "all" || filter.level !== "all" || filter.late !== "" || filter.errors !== "";

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">进度总览</h1>
          <OfficeLine line={choice.line} href={officeHref} />
          <p className="text-slate-600">
            {choice.office ? `${choice.office.name}及所属各机关` : user.agencyName}
            {year} 年度政府信息公开工作年度报告
          </p>
        </div>
        <YearSelectForm id="dashboard-year" year={year} years={years} />
      </div>

      {childOffices.length > 0 && <ChildOfficesTable offices={childOffices} href={(id) => officeHref(id, false)} />}

      {childOffices.length > 0 && (
        <h2 className="text-lg font-semibold" id="direct-agencies">
          本级及直属机关
        </h2>
      )}
      <p className="text-slate-700" data-testid="dashboard-summary">
        {`共 ${summary.total} 个机关：已批准 ${summary.approved} 个，待审核 ${summary.submitted} 个，尚未开始 ${summary.notStarted} 个`}
        {summary.lateOpen > 0 && <span className="font-semibold text-red-700">{`，已逾期未完成 ${summary.lateOpen} 个`}</span>}。
      </p>

      {summary.total > 1 && <ProgressFilterForm filter={filter} year={year} office={params.office} />}
      {filtered && (
        <p className="text-sm text-slate-600" data-testid="dashboard-matching">
          符合筛选条件的机关 {matching} 个。
        </p>
      )}

      <DataTable
        testId="dashboard"
        columns={[
          sortable("机关", "name"),
          sortable("状态", "status"),
          sortable("最近保存", "updated"),
          sortable("错误", "errors", "right"),
          { label: "提醒（未说明）", align: "right" },
          "截止日期",
          "剩余天数",
          { label: "操作", hidden: true },
        ]}
      >
        {rows.map((row) => {
          const counts = row.report?.counts;
          const overdue = row.late && row.report?.status !== "approved";
          return (
            <tr
              key={row.agencyId}
              data-late={row.late ? "true" : undefined}
              className={`border-t border-slate-100 ${overdue ? "bg-red-50" : ""}`}
            >
              <td className={td}>
                <div className="font-medium">{row.agencyName}</div>
                <div className="text-sm text-slate-500">{agencyLevelLabels[row.level]}</div>
              </td>
              <td className={td}>
                {row.report ? <StatusBadge status={row.report.status} /> : <span className="text-slate-500">未开始</span>}
              </td>
              <td className={`${td} text-slate-600`}>{row.report ? formatDateTime(row.report.updatedAt) : "—"}</td>
              <td className={`${td} text-right`}>
                {row.report && !counts ? <span className="text-red-700">内容无法读取</span> : <Count value={counts?.errors} tone="error" />}
              </td>
              <td className={`${td} text-right`}>
                <Count value={counts?.warnings} tone="warning" />
              </td>
              <td className={td}>{row.deadline?.label ?? <span className="text-slate-500">所属县（区）未设定</span>}</td>
              <td className={`${td} ${row.late ? "font-semibold text-red-700" : ""}`}>{daysText(row)}</td>
              <td className={`${td} text-right`}>
                {row.report && (
                  <span className="flex justify-end gap-3 whitespace-nowrap">
                    <Link href={`/reports/${row.report.id}`} className="text-brand-600 underline-offset-2 hover:underline">
                      打开报告
                    </Link>
                    <Link
                      href={`/reports/${row.report.id}/history`}
                      className="text-brand-600 underline-offset-2 hover:underline"
                    >
                      修订记录
                    </Link>
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <Pages label="分页" page={page} pageCount={pageCount} href={pageHref} />
      <p className="text-sm text-slate-500">
        截止日期：部门为次年1月31日，人民政府本级报告为次年3月31日（上级政务公开办设定了更早日期的，按设定的日期），乡镇、街道为县（区）政务公开办设定的日期。
      </p>
    </div>
  );
}

/** Each office directly below, its whole subtree counted by status, with the way down into it. */
function ChildOfficesTable({ offices, href }: { offices: ChildOfficeProgress[]; href: (officeId: number) => string }) {
  const number = `${td} text-right tabular-nums`;
  return (
    <ChildOfficesSection count={offices.length}>
      <DataTable
        testId="child-offices"
        columns={[
          "政务公开办",
          { label: "机关数", align: "right" },
          { label: "已批准", align: "right" },
          { label: "待审核", align: "right" },
          { label: "填写中", align: "right" },
          { label: "导入待确认", align: "right" },
          { label: "未开始", align: "right" },
          { label: "已逾期", align: "right" },
        ]}
      >
        {offices.map((office) => (
          <tr key={office.officeId} className={`border-t border-slate-100 ${office.late > 0 ? "bg-red-50" : ""}`}>
            <td className={td}>
              <Link href={href(office.officeId)} className="font-medium text-brand-600 underline-offset-2 hover:underline">
                {office.name}
              </Link>
            </td>
            <td className={number}>{office.agencies}</td>
            <td className={number}>{office.approved}</td>
            <td className={number}>{office.submitted}</td>
            <td className={number}>{office.inProgress}</td>
            <td className={number}>{office.imported}</td>
            <td className={number}>{office.notStarted}</td>
            <td className={`${number} ${office.late > 0 ? "font-semibold text-red-700" : ""}`}>{office.late}</td>
          </tr>
        ))}
      </DataTable>
    </ChildOfficesSection>
  );
}

/**
 * Search by name, status, level, lateness and errors, as a plain GET form: the address keeps the filter and
 * the order (and it works without script).
 */
function ProgressFilterForm({ filter, year, office }: { filter: ProgressFilter; year: number; office?: string }) {
  return (
    <form method="get" action="/dashboard" aria-label="筛选机关" className="flex flex-wrap items-end gap-3 text-sm">
      <input type="hidden" name="year" value={year} />
      {office && <input type="hidden" name="office" value={office} />}
      <input type="hidden" name="sort" value={filter.sort} />
      <input type="hidden" name="dir" value={filter.dir} />
      <NameSearchField defaultValue={filter.q} />
      <StatusSelectField label="状态" defaultValue={filter.status} />
      <LevelSelectField defaultValue={filter.level} />
      <label className="flex items-center gap-2 py-1">
        <input type="checkbox" name="late" value="1" defaultChecked={filter.late === "1"} />
        只看逾期
      </label>
      <label className="flex items-center gap-2 py-1">
        <input type="checkbox" name="errors" value="1" defaultChecked={filter.errors === "1"} />
        只看有错误的
      </label>
      <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-white hover:bg-brand-700">
        筛选
      </button>
      <Link href={office ? `/dashboard?year=${year}&office=${office}` : `/dashboard?year=${year}`} className="py-1 text-brand-600 underline-offset-2 hover:underline">
        清除筛选
      </Link>
    </form>
  );
}
