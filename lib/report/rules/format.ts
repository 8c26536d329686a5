/** Warnings on the shape of the tables against the national format (F-*). */
import { cellAt, requestCellPath } from "./shared";
import type { RuleDef } from "./types";

export const extraApplicantColumn: RuleDef = {
  id: "F-EXTRA-COLUMN",
  severity: "warning",
  description: "表三非标准的「其他」申请人列有非零数字：国家格式没有该列。",
  check(ctx, emit) {
    if (!ctx.applicantColumns.includes("otherApplicant")) return;
    const cells: string[] = [];
    const parts: string[] = [];
    for (const row of ctx.layout.requestRowKeys) {
      const v = cellAt(ctx.report.requests, row, "otherApplicant");
      if (v == null || v === 0) continue;
      cells.push(requestCellPath(row, "otherApplicant"));
      parts.push(`「${ctx.layout.requestRowFullLabel.get(row)}」${v}`);
    }
    if (cells.length === 0) return;
    emit(
      cells,
      `表三有国家格式没有的「申请人情况·其他」列，其中有非零数字：${parts.join("、")}。请确认这些申请应计入哪一列。`,
    );
  },
};
