import Link from "next/link";
import { ChildOfficesSection } from "@/components/county/ChildOfficesSection";
import { getDb } from "@/lib/db";
import { requireAbility } from "@/lib/auth/guards";
import type { Finding } from "@/lib/report/rules";
import { AgencyFiguresTable } from "@/components/county/AgencyFiguresTable";
import { CountyTables } from "@/components/county/CountyTables";
import { MissingAgenciesTable } from "@/components/county/MissingAgenciesTable";
import { countyYearChoice, loadRollupView, rollupFilterSchema, type ChildOfficeFigures, type RollupFilter } from "@/lib/county/figures";
import { chooseOffice } from "@/lib/dashboard/office-choice";
import { YearSelectForm } from "@/components/report/YearSelectForm";
import { OfficeLine } from "@/components/layout/OfficeLine";
import { cellClass, DataTable } from "@/components/ui/DataTable";
import { Pages } from "@/components/ui/Pages";
import { LevelSelectField, NameSearchField, StatusSelectField } from "@/components/ui/FilterFields";

export const metadata = { title: "汇总 · 年报" };

const link = "text-brand-600 underline-offset-2 hover:underline";

export default async function CountyPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string; agency?: string; office?: string; page?: string; mpage?: string; q?: string; level?: string; status?: string }>;
}) {
  const user = await requireAbility("viewCountyFigures");
  const db = getDb();
  const params = await searchParams;
  const { year, options: yearOptions } = await countyYearChoice(db, user, params.year);
  const choice = await chooseOffice(db, user, params.office, "汇总");
  const filter = rollupFilterSchema.parse({ q: params.q, level: params.level, status: params.status, page: params.page, mpage: params.mpage });
  const figures =
    await (choice.ok && choice.office
      ? loadRollupView(db, user, year, choice.office.id, { filter, agencyId: Number(params.agency) || undefined })
      : undefined);
  if (!choice.ok || !figures) {
    return (
      <div className="space-y-3">
        <h1 className="text-xl font-semibold">汇总</h1>
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {choice.ok ? "找不到该政务公开办。" : choice.reason}
        </p>
        <Link href="/county" className={link}>
          返回本级汇总
        </Link>
      </div>
    );
  }
  const { aggregate, childOffices, title } = figures;
  // With offices below, the agency tables list the office's own agencies; each child office is one line.
  const { summed, missing } = figures;
  const missingCount = figures.agencyCount - figures.summedCount;
  const selected = summed.find((agency) => String(agency.agencyId) === params.agency);
  const officeQuery = figures.office.id === user.agencyId ? "" : `&office=${figures.office.id}`;
  const officeHref = (id: number, isOwn: boolean) => (isOwn ? `/county?year=${year}` : `/county?year=${year}&office=${id}`);
  // The lists' addresses keep the search, the filters and the other list's page.
  const listHref = (change: Partial<RollupFilter>) => {
    const shown = { ...filter, page: figures.page, mpage: figures.missingPage, ...change };
    const query = new URLSearchParams({ year: String(year) });
    if (officeQuery) query.set("office", String(figures.office.id));
    if (shown.q) query.set("q", shown.q);
    if (shown.level !== "all") query.set("level", shown.level);
    if (shown.status !== "all") query.set("status", shown.status);
    if (shown.page > 1) query.set("page", String(shown.page));
    if (shown.mpage > 1) query.set("mpage", String(shown.mpage));
    return `/county?${query.toString()}`;
  };

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">{title}</h1>
          <OfficeLine line={choice.line} href={officeHref} />
          <p className="text-slate-600">
            {figures.office.name}及所属各机关 {year} 年度政府信息公开工作年度报告：已批准报告的表二、表三、表四逐格相加。
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <YearSelectForm id="county-year" year={year} years={yearOptions} />
          <a
            href={`/api/county/xlsx?year=${year}${officeQuery}`}
            download
            className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700"
          >
            下载汇总表（XLSX）
          </a>
          <Link href={`/county/agencies?year=${year}`} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50">
            各机关对比
          </Link>
          <Link href="/county/check" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50">
            检查已发布的报告
          </Link>
        </div>
      </div>

      <p className="text-slate-700" data-testid="county-summary">
        {`共 ${figures.agencyCount} 个机关，已批准并计入汇总 ${figures.summedCount} 个`}
        {missingCount > 0 && (
          <span className="text-amber-800">
            {childOffices.length > 0 ? `，尚未计入 ${missingCount} 个` : `，尚未计入 ${missingCount} 个（见下方「未计入汇总的机关」）`}
          </span>
        )}
        。合计数按各机关填报的数字相加，不重新计算。
      </p>

      {childOffices.length > 0 && <ChildOfficesTable offices={childOffices} href={(id) => officeHref(id, false)} />}

      {aggregate.findings.length > 0 && (
        <BalanceFindings id="county-findings" title={`汇总表不平衡（${aggregate.findings.length} 处）`} findings={aggregate.findings}>
          {childOffices.length > 0
            ? "不平衡来自各机关自身的表格：见下方「下级政务公开办」表的「小计平衡检查」列和「本级及直属机关」表，进入相应的政务公开办查看是哪个机关。"
            : "不平衡来自各机关自身的表格：见下方「各机关」表的「本机关表格」列。"}
        </BalanceFindings>
      )}

      <section id="tables" aria-labelledby="county-tables" className="scroll-mt-4 space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="county-tables" className="text-lg font-semibold">
            {selected ? `${selected.agencyName}的表格` : "汇总表"}
          </h2>
          {selected && (
            <Link href={`/county?year=${year}${officeQuery}#tables`} className={link}>
              返回{title}表
            </Link>
          )}
        </div>
        {selected && selected.findings.length > 0 && (
          <BalanceFindings id="agency-findings" level="h3" title={`本机关表格不平衡（${selected.findings.length} 处）`} findings={selected.findings}>
            以下各数按该机关已批准报告原样列出，并已计入汇总表。
          </BalanceFindings>
        )}
        {selected ? (
          <CountyTables report={selected.report!} findings={selected.findings} caption={selected.agencyName} />
        ) : figures.summedCount === 0 ? (
          <p className="rounded border border-slate-200 bg-white px-3 py-2 text-slate-600">{year} 年度尚无已批准的报告，暂无汇总数字。</p>
        ) : (
          <CountyTables report={aggregate.report} findings={aggregate.findings} caption={title} />
        )}
      </section>

      <RollupFilterForm filter={filter} year={year} office={officeQuery ? String(figures.office.id) : undefined} />
      {figures.filtered && (
        <p className="text-sm text-slate-600" data-testid="county-filtered">
          {`筛选后：计入汇总的 ${figures.summedTotal} 个，未计入的 ${figures.missingTotal} 个（汇总表仍为全部已批准报告之和）。`}
        </p>
      )}

      {summed.length > 0 && (
        <section aria-labelledby="county-agencies-heading" className="space-y-2">
          <h2 id="county-agencies-heading" className="text-lg font-semibold">
            {childOffices.length > 0 ? "本级及直属机关" : "各机关"}（{figures.summedTotal} 个）
          </h2>
          <AgencyFiguresTable
            agencies={summed}
            combined={aggregate.report}
            combinedFindings={aggregate.findings}
            combinedCount={figures.summedCount}
            year={year}
            selected={selected?.agencyId}
          />
          <Pages label="各机关分页" page={figures.page} pageCount={figures.pageCount} href={(page) => listHref({ page })} />
        </section>
      )}

      <section aria-labelledby="county-missing-heading" className="space-y-2">
        <h2 id="county-missing-heading" className="text-lg font-semibold">
          {childOffices.length > 0 ? "本级及直属机关中未计入汇总的" : "未计入汇总的机关"}（{figures.missingTotal} 个）
        </h2>
        {missing.length === 0 && figures.filtered ? (
          <p className="text-slate-600">没有符合筛选条件的机关。</p>
        ) : (
          <MissingAgenciesTable agencies={missing} />
        )}
        <Pages label="未计入汇总的机关分页" page={figures.missingPage} pageCount={figures.missingPageCount} href={(mpage) => listHref({ mpage })} />
      </section>
    </div>
  );
}

/** Search the office's own agencies by name, level and (those not summed) status, as a plain GET form. */
function RollupFilterForm({ filter, year, office }: { filter: RollupFilter; year: number; office?: string }) {
  const clear = office ? `/county?year=${year}&office=${office}` : `/county?year=${year}`;
  return (
    <form method="get" action="/county" aria-label="筛选机关" className="flex flex-wrap items-end gap-3 text-sm">
      <input type="hidden" name="year" value={year} />
      {office && <input type="hidden" name="office" value={office} />}
      <NameSearchField defaultValue={filter.q} />
      <LevelSelectField defaultValue={filter.level} />
      <StatusSelectField label="未计入汇总的状态" defaultValue={filter.status} />
      <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-white hover:bg-brand-700">
        筛选
      </button>
      <Link href={clear} className={`py-1 ${link}`}>
        清除筛选
      </Link>
    </form>
  );
}

function BalanceFindings({
  id,
  title,
  findings,
  children,
  level = "h2",
}: {
  id: string;
  title: string;
  findings: Finding[];
  children: React.ReactNode;
  level?: "h2" | "h3";
}) {
  const Heading = level;
  return (
    <section aria-labelledby={id} className="rounded border border-red-200 bg-red-50 px-3 py-2" data-testid={id}>
      <Heading id={id} className="font-semibold text-red-800">
        {title}
      </Heading>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-red-900">
        {findings.map((finding) => (
          <li key={finding.id}>{finding.message}</li>
        ))}
      </ul>
      <p className="mt-1 text-sm text-slate-700">{children}</p>
    </section>
  );
}

/** Each office directly below with its subtotal: how many agencies are in it and whether its sum balances. */
function ChildOfficesTable({ offices, href }: { offices: ChildOfficeFigures[]; href: (officeId: number) => string }) {
  const td = cellClass;
  return (
    <ChildOfficesSection count={offices.length}>
      <DataTable
        testId="child-office-rollups"
        columns={["政务公开办", { label: "机关数", align: "right" }, { label: "计入汇总", align: "right" }, "小计平衡检查"]}
      >
        {offices.map((office) => (
          <tr key={office.officeId} className="border-t border-slate-100">
            <td className={td}>
              <Link href={href(office.officeId)} className={`font-medium ${link}`}>
                {office.name}
              </Link>
            </td>
            <td className={`${td} text-right tabular-nums`}>{office.agencyCount}</td>
            <td className={`${td} text-right tabular-nums`}>{office.summedCount}</td>
            <td className={td}>
              {office.summedCount === 0 ? (
                <span className="text-slate-500">暂无已批准的报告</span>
              ) : office.findings.length === 0 ? (
                <span className="text-green-800">平衡</span>
              ) : (
                <span className="font-semibold text-red-700" title={office.findings.map((finding) => finding.message).join("\n")}>
                  不平衡（{office.findings.length} 处）
                </span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </ChildOfficesSection>
  );
}
