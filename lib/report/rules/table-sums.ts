/** Errors: the sums of table 三 (R3-*) and table 四 (R4-TOTAL) must hold. */
import { roundSum } from "../model";
import { blankAsZero, cellAt, emitIfTotalDiffers, printedValue, requestCellPath, sumOfColumn, sumOfRow } from "./shared";
import type { RuleDef } from "./types";

export const requestsBalance: RuleDef = {
  id: "R3-BALANCE",
  severity: "error",
  description: "表三每一列：第一项加第二项之和，等于第三项（七）总计加第四项之和。",
  check(ctx, emit) {
    const q = ctx.report.requests;
    for (const col of ctx.columns) {
      const a = cellAt(q, "newReceived", col);
      const b = cellAt(q, "carriedOver", col);
      const c = cellAt(q, "totalHandled", col);
      const d = cellAt(q, "carriedForward", col);
      const left = roundSum(blankAsZero(a) + blankAsZero(b));
      const right = roundSum(blankAsZero(c) + blankAsZero(d));
      if (left === right) continue;
      const rows = ["newReceived", "carriedOver", "totalHandled", "carriedForward"];
      const r = ctx.layout.requestRowFullLabel;
      const colLabel = ctx.layout.requestColumnByKey.get(col)?.longLabel ?? col;
      emit(
        rows.map((row) => requestCellPath(row, col)),
        `「${colLabel}」列：「${r.get("newReceived")}」${printedValue(a)} 加「${r.get("carriedOver")}」${printedValue(b)} 为 ${left}，` +
          `但「${r.get("totalHandled")}」${printedValue(c)} 加「${r.get("carriedForward")}」${printedValue(d)} 为 ${right}，两者应相等。`,
      );
    }
  },
};

export const requestsHandledSum: RuleDef = {
  id: "R3-HANDLED-SUM",
  severity: "error",
  description: "表三每一列：（七）总计等于（一）至（六）各项之和。",
  check(ctx, emit) {
    const q = ctx.report.requests;
    const paths = ctx.layout.requestPaths.totalHandled;
    for (const col of ctx.columns) {
      const sum = sumOfColumn(q, ctx.layout.handlingRowKeys, col);
      emitIfTotalDiffers(ctx, emit, paths[col], cellAt(q, "totalHandled", col), sum, "（一）至（六）各项");
    }
  },
};

export const requestsRowTotal: RuleDef = {
  id: "R3-ROW-TOTAL",
  severity: "error",
  description: "表三每一行：总计等于各申请人列之和。",
  check(ctx, emit) {
    const q = ctx.report.requests;
    for (const row of ctx.layout.requestRowKeys) {
      const sum = sumOfRow(q, row, ctx.applicantColumns);
      emitIfTotalDiffers(ctx, emit, ctx.layout.requestPaths[row].total, cellAt(q, row, "total"), sum, "各申请人列");
    }
  },
};

export const reviewLitigationTotal: RuleDef = {
  id: "R4-TOTAL",
  severity: "error",
  description: "表四每一组：总计等于结果维持、结果纠正、其他结果、尚未审结之和。",
  check(ctx, emit) {
    const t = ctx.report.reviewLitigation;
    for (const { key } of ctx.layout.reviewGroups) {
      const sum = sumOfRow(t, key, ctx.layout.reviewPartKeys);
      emitIfTotalDiffers(ctx, emit, ctx.layout.reviewPaths[key].total, cellAt(t, key, "total"), sum, "结果维持、结果纠正、其他结果、尚未审结");
    }
  },
};
