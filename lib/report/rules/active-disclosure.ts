/** Warnings on table 二 (R2-*): its counts against each other and against last year's report. */
import type { EditionId } from "../editions";
import type { RuleContext, RuleDef } from "./types";

export const publishedNotBelowNew: RuleDef = {
  id: "R2-PUBLISHED",
  severity: "warning",
  description: "2019年版表二：对外公开总数量不应小于本年新公开数量。",
  check(ctx, emit) {
    if (ctx.report.edition !== "2019") return;
    for (const row of ctx.layout.adRows) {
      const data = ctx.report.activeDisclosure[row.key];
      if (!data || !("totalPublished" in data)) continue;
      const total = data.totalPublished ?? null;
      const fresh = data.newlyPublished ?? null;
      if (total === null || fresh === null || total >= fresh) continue;
      emit(
        [`activeDisclosure.${row.key}.totalPublished`, `activeDisclosure.${row.key}.newlyPublished`],
        `「${row.label}」的「对外公开总数量」为 ${total}，小于「本年新公开数量」${fresh}；累计总数不应少于本年新公开的数量。`,
      );
    }
  },
};

export const inForceFromLastYear: RuleDef = {
  id: "R2-IN-FORCE",
  severity: "warning",
  description: "2021年版表二：现行有效件数应等于上一年度的现行有效件数加本年制发件数减本年废止件数。",
  check(ctx, emit) {
    for (const { row, data, before } of rowsAlsoLastYear(ctx, "2021", "inForce")) {
      const [inForce, made, repealed, last] = [data.inForce, data.made, data.repealed, before.inForce];
      if (inForce == null || made == null || repealed == null || last == null) continue;
      const expected = last + made - repealed;
      if (inForce === expected) continue;
      emit(
        [`activeDisclosure.${row.key}.inForce`],
        `「${row.label}」的「现行有效件数」为 ${inForce}，但上一年度报告的现行有效件数 ${last} 加「本年制发件数」${made} 减「本年废止件数」${repealed} 为 ${expected}。`,
      );
    }
  },
};

export const lastYearItemsFromLastYear: RuleDef = {
  id: "R2-LAST-YEAR",
  severity: "warning",
  description: "2019年版表二：上一年项目数量应等于上一年度报告的上一年项目数量加其本年增/减。",
  check(ctx, emit) {
    for (const { row, data, before } of rowsAlsoLastYear(ctx, "2019", "lastYearItems")) {
      const [items, lastItems, lastChange] = [data.lastYearItems, before.lastYearItems, before.change];
      if (items == null || lastItems == null || lastChange == null) continue;
      const expected = lastItems + lastChange;
      if (items === expected) continue;
      const signed = lastChange >= 0 ? `+${lastChange}` : String(lastChange);
      emit(
        [`activeDisclosure.${row.key}.lastYearItems`],
        `「${row.label}」的「上一年项目数量」为 ${items}，但上一年度报告的上一年项目数量 ${lastItems} 加其「本年增/减」${signed} 为 ${expected}。`,
      );
    }
  },
};

/**
 * Table 二 rows having `cell`, present both in this report and in the previous one, when both are of
 * `edition` (the editions count different things, so they are not compared across).
 */
function* rowsAlsoLastYear(ctx: RuleContext, edition: EditionId, cell: string) {
  const prev = ctx.previous;
  if (ctx.report.edition !== edition || !prev || prev.edition !== edition) return;
  for (const row of ctx.layout.adRows) {
    const data = ctx.report.activeDisclosure[row.key];
    const before = prev.activeDisclosure[row.key];
    if (data && before && cell in data) yield { row, data, before };
  }
}
