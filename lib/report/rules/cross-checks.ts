/** Warnings checking one table against something outside it (X-*): last year's report, the agency's level. */
import { hasOtherApplicant } from "../model";
import { cellAt, labelOf, requestCellPath } from "./shared";
import type { RuleDef } from "./types";

export const carriedOverFromLastYear: RuleDef = {
  id: "X-CARRY",
  severity: "warning",
  description: "表三第二项（上年结转）应等于上一年度报告的第四项（结转下年度继续办理），逐列比较。",
  check(ctx, emit) {
    const prev = ctx.previous?.requests;
    if (!prev) return;
    const prevHasOther = hasOtherApplicant(prev);
    for (const col of ctx.columns) {
      if (col === "otherApplicant" && !prevHasOther) continue;
      const now = cellAt(ctx.report.requests, "carriedOver", col);
      const before = cellAt(prev, "carriedForward", col);
      if (now === null || before === null || now === before) continue;
      const path = requestCellPath("carriedOver", col);
      const colLabel = ctx.layout.requestColumnByKey.get(col)?.longLabel ?? col;
      emit(
        [path],
        `${labelOf(ctx, path)}为 ${now}，但上一年度报告「四、结转下年度继续办理」的「${colLabel}」为 ${before}。`,
      );
    }
  },
};

export const townshipRegulations: RuleDef = {
  id: "X-REGULATIONS",
  severity: "warning",
  description: "乡镇、街道不制定规章：表二「规章」行不应有非零数字。",
  check(ctx, emit) {
    if (ctx.report.agency.level !== "township") return;
    const row = ctx.report.activeDisclosure.regulations;
    const def = ctx.layout.adRowByKey.get("regulations");
    if (!row || !def) return;
    const cells: string[] = [];
    const parts: string[] = [];
    for (const c of def.columns) {
      const v = row[c.key];
      if (v == null || v === 0) continue;
      cells.push(`activeDisclosure.regulations.${c.key}`);
      parts.push(`「${c.label}」${v}`);
    }
    if (cells.length === 0) return;
    emit(cells, `乡镇、街道不制定规章，但「规章」行有非零数字：${parts.join("、")}。请核对；不适用的可删除该行。`);
  },
};
