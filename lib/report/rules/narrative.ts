/**
 * The narrative against the tables (N-*), both warnings and both conservative — a false alarm costs
 * more than a miss — and both kept off the sentences the guard names (备案, 信访, 12345, 咨询; see
 * narrative/text.ts):
 *   N-MISMATCH  a count the narrative restates contradicts the tables. What is read, and how, is in
 *               narrative/statements.ts; the figures and their accepted readings in narrative/figures.ts.
 *               A figure stated several times is a finding only when no statement gives an accepted value.
 *   N-FEE       2021 edition: section 六 says nothing of 信息处理费, or says none was charged while table 三
 *               counts requests no longer handled because the fee was not paid.
 */
import { clip } from "../clip";
import { labelText } from "../model";
import { FIGURE_ORDER, tableFigure } from "./narrative/figures";
import type { FigureKey } from "./narrative/figures";
import { readStatements } from "./narrative/statements";
import type { Statement } from "./narrative/statements";
import { isGuarded, sentencesOf } from "./narrative/text";
import { cellAt, isBlank } from "./shared";
import type { RuleDef } from "./types";

export const narrativeNumbers: RuleDef = {
  id: "N-MISMATCH",
  severity: "warning",
  description: "正文中写明的数字（如“受理……申请N件”“予以公开N件”“行政复议N件”）应与表格一致。",
  check(ctx, emit) {
    const statements = readStatements(ctx.report);
    if (statements.length === 0) return;
    const byFigure = new Map<FigureKey, Statement[]>();
    for (const s of statements) {
      const list = byFigure.get(s.figure) ?? [];
      list.push(s);
      byFigure.set(s.figure, list);
    }
    const order = [...FIGURE_ORDER, ...[...byFigure.keys()].filter((k) => !FIGURE_ORDER.includes(k))];
    for (const key of order) {
      const stated = byFigure.get(key);
      if (!stated) continue;
      const figure = tableFigure(ctx, key);
      if (!figure || stated.some((s) => figure.accepted.includes(s.value))) continue;
      const s = stated[0];
      emit(
        [...figure.cells, s.field],
        `${labelText(ctx.report.edition, s.field)}中写明${figure.topic} ${s.value} 件（“${clip(s.quote, 60)}”），但${figure.tableText}。`,
      );
    }
  },
};

/** Section 六 speaks of the fee for handling requests (信息处理费), in any of the usual words. */
const FEE_MENTION = /处理费|信息公开费|(?:收取|收|缴纳|产生)[^。；;，,]{0,6}费用|费用[^。；;，,]{0,4}(?:收取|减免)|收费/;
/**
 * Section 六 says no 信息处理费 was charged. A zero is a whole number of its own: "100元" and "为0.5元" are
 * amounts charged, not none.
 */
const NO_FEE =
  /(?:未|没有|无|不)(?:收取|收|产生|发生|涉及|存在)(?:任何)?[^。；;，,]{0,6}?处理费|无(?:信息)?处理费|处理费[^。；;，,]{0,6}?(?:为\s*(?:0|０|零)(?![\d０-９.．])|(?<![\d０-９.．])[0０]\s*元|零元)/;

export const informationFee: RuleDef = {
  id: "N-FEE",
  severity: "warning",
  description: "2021年版：「六、其他需要报告的事项」应写明信息处理费的收取情况，且与表三一致。",
  check(ctx, emit) {
    const r = ctx.report;
    if (r.edition !== "2021") return;
    const parts = (r.otherMatters ?? []).filter((p) => !isBlank(p.text));
    if (parts.length === 0) return; // SECTION-EMPTY says so
    const text = parts.map((p) => `${p.heading ?? ""}\n${p.text}`).join("\n");
    if (!FEE_MENTION.test(text)) {
      emit(
        ["otherMatters"],
        "「六、其他需要报告的事项」没有写明信息处理费的收取情况；请依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）写明本年度收取信息处理费的情况，未收取的也请写明。",
      );
      return;
    }
    const unpaid = cellAt(r.requests, "otherOverdueFee", "total");
    if (unpaid === null || unpaid === 0) return;
    const saysNone = sentencesOf(text).find((s) => !isGuarded(s.text) && NO_FEE.test(s.text));
    if (!saysNone) return;
    emit(
      ["otherMatters", "requests.otherOverdueFee.total"],
      `「六、其他需要报告的事项」写明未收取信息处理费（“${clip(saysNone.text, 60)}”），但表三${labelText(r.edition, "requests.otherOverdueFee.total")}为 ${unpaid}，即本年度曾发出收费通知；请核对并写明信息处理费的收取情况。`,
    );
  },
};
