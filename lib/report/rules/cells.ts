/**
 * Errors on the cells of the tables: a whole table 三 or 四 left blank (TABLE-MISSING, one finding for
 * the table), a required cell blank (CELL-BLANK) or its number out of range (CELL-INVALID).
 */
import type { Cell } from "../model";
import { labelOf } from "./shared";
import type { MissableTable, RuleContext, RuleDef } from "./types";

export const cellBlank: RuleDef = {
  id: "CELL-BLANK",
  severity: "error",
  description: "表三、表四的单元格，以及表二中适用的行的单元格，不能空白；没有的填 0。",
  check(ctx, emit) {
    forEachRequiredCell(ctx, (path, value) => {
      if (value === null && !ctx.missingTables.has(path.slice(0, path.indexOf(".")) as MissableTable)) {
        emit([path], `${labelOf(ctx, path)}未填写；没有的请填 0。`);
      }
    });
  },
};

const MISSING_TABLE: Record<MissableTable, { name: string; none: string }> = {
  requests: { name: "表三", none: "没有收到政府信息公开申请的" },
  reviewLitigation: { name: "表四", none: "没有行政复议、行政诉讼的" },
};

export const tableMissing: RuleDef = {
  id: "TABLE-MISSING",
  severity: "error",
  description: "表三或表四全部空白，视为未填写（只报告一次，不再逐格报告）。",
  check(ctx, emit) {
    for (const table of ["requests", "reviewLitigation"] as const) {
      if (!ctx.missingTables.has(table)) continue;
      const { name, none } = MISSING_TABLE[table];
      const title = ctx.layout.edition.sections.find((s) => s.key === table)?.title ?? name;
      // Names the table by its key (not a cell): a distinct finding per table, shown and opened at the table.
      emit([table], `${name}未填写：「${title}」的所有单元格均为空白；${none}，请全部填 0。`);
    }
  },
};

export const cellInvalid: RuleDef = {
  id: "CELL-INVALID",
  severity: "error",
  description: "数字超出范围：数量须为不小于 0 的整数，本年增/减须为整数，金额须不小于 0。",
  check(ctx, emit) {
    forEachRequiredCell(ctx, (path, value, kind) => {
      if (value === null) return;
      let problem: string | undefined;
      if (!Number.isFinite(value)) problem = "不是有效的数字";
      else if (kind !== "signed" && value < 0) problem = "不能为负数";
      else if (kind !== "amount" && !Number.isInteger(value)) problem = "应为整数";
      if (problem) emit([path], `${labelOf(ctx, path)}为 ${value}，${problem}。`);
    });
  },
};

type CellKind = "count" | "signed" | "amount";

/** Every cell that must hold a value: table 三 and 四 all, table 二 present rows. */
function forEachRequiredCell(ctx: RuleContext, fn: (path: string, value: Cell, kind: CellKind) => void) {
  const { report, layout } = ctx;
  for (const row of layout.adRows) {
    const data = report.activeDisclosure[row.key];
    if (!data) continue;
    const columns = row.columns;
    for (let i = 0; i < columns.length; i++) fn(row.paths[i], data[columns[i].key] ?? null, columns[i].kind);
  }
  for (const row of layout.requestRowKeys) {
    const data = report.requests[row];
    const paths = layout.requestPaths[row];
    for (const col of ctx.columns) fn(paths[col], data?.[col] ?? null, "count");
  }
  for (const group of layout.reviewGroups) {
    const data = report.reviewLitigation[group.key];
    const paths = layout.reviewPaths[group.key];
    for (const c of layout.edition.reviewLitigation.cells) fn(paths[c.key], data?.[c.key] ?? null, "count");
  }
}
