import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  changeOf,
  changeText,
  countsText,
  rowNote,
  compareReports,
  editionNote,
  findCounterpart,
  narrativeText,
  rateText,
  sideText,
  swingRuleText,
  swingsOf,
  YEAR_SWING_THRESHOLDS,
  type ComparedCell,
  type ReportComparison,
} from "./compare";
import { parseInterchange } from "./interchange";
import type { Report } from "./model";
import { cleanReport } from "./testing";

function cellAt(comparison: ReportComparison, path: string): ComparedCell {
  for (const table of comparison.tables) {
    for (const row of table.rows) for (const cell of row.cells) if (cell.path === path) return cell;
  }
  throw new Error(`no cell ${path}`);
}

function rowKeys(comparison: ReportComparison, table: string): string[] {
  return comparison.tables.find((t) => t.key === table)!.rows.map((row) => (row.only ? `${row.key}(${row.only})` : row.key));
}

function seed2020(): Report {
  const parsed = parseInterchange(fs.readFileSync(path.join(__dirname, "fixtures/seed-2020.json"), "utf8"));
  if (!parsed.ok) throw new Error("seed does not parse");
  return parsed.report;
}

describe("changeOf", () => {
  it("gives the change, the rate against last year's value and flags swings of ±50% and at least 10", () => {
    expect(changeOf(4, 20)).toEqual({ change: 16, rate: 4, swing: "up" });
    expect(changeOf(30, 14)).toEqual({ change: -16, rate: -16 / 30, swing: "down" });
    expect(changeOf(20, 30)).toEqual({ change: 10, rate: 0.5, swing: "up" });
    // ±50% but a change of less than 10: no swing.
    expect(changeOf(8, 12)).toEqual({ change: 4, rate: 0.5, swing: null });
    // A change of at least 10 but less than 50%: no swing.
    expect(changeOf(100, 140)).toEqual({ change: 40, rate: 0.4, swing: null });
    expect(changeOf(18, 9).swing).toBeNull();
    expect(changeOf(20, 10).swing).toBe("down");
    // Amounts in 万元 keep no binary noise.
    expect(changeOf(10.1, 25.3)).toEqual({ change: 15.2, rate: 15.2 / 10.1, swing: "up" });
  });

  it("divides by last year's absolute value, and gives no rate from 0 (a rise from 0 of 10 or more is a swing)", () => {
    expect(changeOf(0, 0)).toEqual({ change: 0, rate: 0, swing: null });
    expect(changeOf(0, 5)).toEqual({ change: 5, rate: null, swing: null });
    expect(changeOf(0, 12)).toEqual({ change: 12, rate: null, swing: "up" });
    expect(changeOf(-20, 0)).toEqual({ change: 20, rate: 1, swing: "up" });
    expect(changeOf(12, 0)).toEqual({ change: -12, rate: -1, swing: "down" });
  });

  it("reads its thresholds from the data", () => {
    expect(YEAR_SWING_THRESHOLDS).toEqual({ relativeChange: 0.5, minimumChange: 10 });
    expect(swingRuleText()).toContain("±50%");
    expect(swingRuleText()).toContain("至少 10");
  });
});

describe("compareReports, same edition", () => {
  const previous = cleanReport("2021", { year: 2024 });
  const current = cleanReport("2021", { year: 2025 });
  previous.requests.newReceived = { ...previous.requests.newReceived, naturalPerson: 4, total: 4 };
  current.requests.newReceived = { ...current.requests.newReceived, naturalPerson: 20, total: 20 };
  previous.requests.granted.naturalPerson = 30;
  current.requests.granted.naturalPerson = 14;
  current.requests.carriedOver.commercial = null;
  previous.reviewLitigation.review.upheld = 0;
  current.reviewLitigation.review.upheld = 3;
  delete previous.activeDisclosure.regulations;
  current.activeDisclosure.fees.amount = 12.5;
  const comparison = compareReports(previous, current);

  it("pairs every cell by its path and gives 上年, 本年, 变化 and 变化率", () => {
    expect(comparison.sameEdition).toBe(true);
    expect(editionNote(comparison)).toBe("");
    expect(cellAt(comparison, "requests.newReceived.naturalPerson")).toMatchObject({
      previous: 4,
      current: 20,
      status: "compared",
      change: 16,
      rate: 4,
      swing: "up",
      column: "自然人",
      computed: false,
    });
    expect(cellAt(comparison, "requests.newReceived.total")).toMatchObject({ change: 16, swing: "up", computed: true });
    expect(cellAt(comparison, "requests.granted.naturalPerson")).toMatchObject({ change: -16, swing: "down" });
    expect(cellAt(comparison, "requests.deniedStateSecret.research")).toMatchObject({ change: 0, rate: 0, swing: null });
    expect(cellAt(comparison, "reviewLitigation.review.upheld")).toMatchObject({ change: 3, rate: null, swing: null });
    expect(cellAt(comparison, "activeDisclosure.fees.amount")).toMatchObject({ previous: 0, current: 12.5, swing: "up" });
    for (const table of comparison.tables) for (const row of table.rows) expect(row.only).toBeUndefined();
    const first = comparison.tables[1].rows[0];
    expect(first.label).toBe("一、本年新收政府信息公开申请数量");
    expect(comparison.tables.map((t) => t.title)).toEqual([
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
    ]);
  });

  it("leaves blank cells and rows not applicable uncompared", () => {
    expect(cellAt(comparison, "requests.carriedOver.commercial")).toMatchObject({
      previous: 0,
      current: null,
      status: "blank",
      change: null,
      rate: null,
      swing: null,
    });
    expect(cellAt(comparison, "activeDisclosure.regulations.made")).toMatchObject({
      previous: "notApplicable",
      current: 0,
      status: "notApplicable",
      change: null,
    });
  });

  it("counts the cells and lists the swings in table order", () => {
    const total = 10 + 25 * 7 + 15; // table 二 (2021: 3 + 3 + 1 + 1 + 1 + 1), 三 (25 rows × 7 columns), 四
    expect(comparison.counts).toEqual({
      cells: total,
      compared: total - 4,
      changed: 5,
      swings: 4,
      blank: 1,
      notApplicable: 3,
      notComparable: 0,
    });
    // Totals are compared as stored: （七）总计 was not touched, so it shows no change.
    expect(swingsOf(comparison).map(({ cell }) => cell.path)).toEqual([
      "activeDisclosure.fees.amount",
      "requests.newReceived.naturalPerson",
      "requests.newReceived.total",
      "requests.granted.naturalPerson",
    ]);
  });

  it("pairs the narrative parts as text, sub-headings on their own lines", () => {
    expect(comparison.narratives.map((n) => [n.key, n.title])).toEqual([
      ["intro", "引言"],
      ["overview", "一、总体情况"],
      ["problems", "五、存在的主要问题及改进情况"],
      ["otherMatters", "六、其他需要报告的事项"],
    ]);
    expect(comparison.narratives[1].current.startsWith("【主动公开情况】\n工作扎实开展。\n\n【依申请公开情况】")).toBe(true);
    expect(narrativeText([{ heading: "", text: "甲" }, { heading: " 乙 ", text: "丙" }])).toBe("甲\n\n【乙】\n丙");
    expect(narrativeText(undefined)).toBe("");
  });
});

describe("compareReports, across editions (2020 on the 2019 edition → 2021)", () => {
  const previous = seed2020();
  const current = cleanReport("2021", { year: 2021 });
  current.activeDisclosure.licensing.decisions = 7;
  const comparison = compareReports(previous, current);

  it("compares cells whose row and column exist in both, by key", () => {
    expect(comparison.sameEdition).toBe(false);
    expect(editionNote(comparison)).toContain("国办公开办函〔2019〕60号");
    expect(editionNote(comparison)).toContain("不可比");
    expect(cellAt(comparison, "activeDisclosure.licensing.decisions")).toMatchObject({
      previous: 0,
      current: 7,
      status: "compared",
      change: 7,
      column: "本年处理决定数量",
    });
    expect(cellAt(comparison, "requests.newReceived.naturalPerson")).toMatchObject({ previous: 1, current: 0, status: "compared" });
    expect(cellAt(comparison, "reviewLitigation.litigationDirect.total")).toMatchObject({ status: "compared" });
  });

  it("marks cells of one edition only 不可比, last year's placed where they stood", () => {
    expect(rowKeys(comparison, "activeDisclosure")).toEqual([
      "regulations",
      "normativeDocuments",
      "licensing",
      "otherServices(previous)",
      "punishment",
      "coercion",
      "fees",
      "procurement(previous)",
    ]);
    const table2 = comparison.tables[0].rows;
    expect(table2[1]).toMatchObject({ label: "行政规范性文件", previousLabel: "规范性文件" });
    // 本年制发件数 … vs 本年新制作数量 …: neither key nor label in common.
    expect(table2[1].cells.map((c) => [c.column, c.status, sideText(c.previous, c.kind), sideText(c.current, c.kind)])).toEqual([
      ["本年制发件数", "notComparable", "—", "0"],
      ["本年废止件数", "notComparable", "—", "0"],
      ["现行有效件数", "notComparable", "—", "0"],
      ["本年新制作数量", "notComparable", "0", "—"],
      ["本年新公开数量", "notComparable", "0", "—"],
      ["对外公开总数量", "notComparable", "0", "—"],
    ]);
    // 规章 is absent from the seed (a township): last year's cells are 不适用, still 不可比 by their format.
    expect(cellAt(comparison, "activeDisclosure.regulations.made")).toMatchObject({ previous: "missing", status: "notComparable" });
    expect(table2[2].cells.map((c) => `${c.column}:${c.status}`)).toEqual([
      "本年处理决定数量:compared",
      "上一年项目数量:notComparable",
      "本年增/减:notComparable",
    ]);
    expect(table2[3]).toMatchObject({ label: "其他对外管理服务事项", group: "第二十条第（五）项" });
    expect(table2[3].cells.every((c) => c.status === "notComparable" && c.current === "missing" && c.previousPath === c.path)).toBe(true);
    expect(changeText(table2[3].cells[0])).toBe("不可比");
    expect(rateText(table2[3].cells[0])).toBe("—");

    const table3 = rowKeys(comparison, "requests");
    const at = table3.indexOf("notProcessedConfirm");
    expect(table3.slice(at, at + 6)).toEqual([
      "notProcessedConfirm",
      "otherHandling(previous)",
      "otherOverdueCorrection(current)",
      "otherOverdueFee(current)",
      "otherOther(current)",
      "totalHandled",
    ]);
    // The seed's extra 其他 applicant column exists last year only.
    const newReceived = comparison.tables[1].rows[0].cells;
    expect(newReceived.map((c) => c.column)).toEqual([
      "自然人",
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "法人或其他组织·其他",
      "总计",
      "申请人情况·其他",
    ]);
    expect(newReceived[7]).toMatchObject({ previous: 0, current: "missing", status: "notComparable" });
    expect(comparison.counts.notComparable).toBeGreaterThan(0);
    expect(comparison.counts.cells).toBe(comparison.counts.compared + comparison.counts.blank + comparison.counts.notApplicable + comparison.counts.notComparable);
  });

  it("compares a report with itself without a change or a cell 不可比", () => {
    const again = compareReports(current, current);
    expect(again.counts).toMatchObject({ notComparable: 0, changed: 0, swings: 0 });
  });
});

describe("findCounterpart", () => {
  const rows = [
    { key: "a", label: "行政许可" },
    { key: "b", label: "行政 处罚" },
    { key: "c", label: "行政强制" },
  ];
  it("matches by key first, else by label (whitespace ignored), never twice", () => {
    expect(findCounterpart({ key: "c", label: "行政许可" }, rows, new Set())).toBe(2);
    expect(findCounterpart({ key: "x", label: "行政处罚" }, rows, new Set())).toBe(1);
    expect(findCounterpart({ key: "x", label: "行政处罚" }, rows, new Set([1]))).toBe(-1);
    expect(findCounterpart({ key: "x", label: "其他" }, rows, new Set())).toBe(-1);
  });
});

describe("text as printed", () => {
  const cell = (over: Partial<ComparedCell>): ComparedCell => ({
    path: "p",
    column: "c",
    kind: "count",
    computed: false,
    previous: 1,
    current: 1,
    status: "compared",
    change: 0,
    rate: 0,
    swing: null,
    ...over,
  });
  it("prints sides, changes and rates", () => {
    expect(sideText(5, "count")).toBe("5");
    expect(sideText(5, "signed")).toBe("+5");
    expect(sideText(-5, "signed")).toBe("-5");
    expect(sideText(null, "count")).toBe("空白");
    expect(sideText("notApplicable", "count")).toBe("不适用");
    expect(sideText("missing", "count")).toBe("—");
    expect(changeText(cell({ change: 12 }))).toBe("+12");
    expect(changeText(cell({ change: -3 }))).toBe("-3");
    expect(changeText(cell({ change: 0 }))).toBe("0");
    expect(changeText(cell({ status: "blank", change: null }))).toBe("—");
    expect(rateText(cell({ rate: 0.5 }))).toBe("+50%");
    expect(rateText(cell({ rate: -1 / 3 }))).toBe("-33.3%");
    expect(rateText(cell({ rate: 0 }))).toBe("0%");
    expect(rateText(cell({ rate: null }))).toBe("—");
  });
});

describe("rowNote and countsText", () => {
  it("say what sets a row apart and count the cells", () => {
    const row = { key: "k", label: "l", cells: [] };
    expect(rowNote(row)).toBe("");
    expect(rowNote({ ...row, only: "previous" })).toBe("仅上年的格式有此项");
    expect(rowNote({ ...row, only: "current" })).toBe("仅本年的格式有此项");
    expect(rowNote({ ...row, previousLabel: "规范性文件" })).toBe("上年为「规范性文件」");
    const counts = { cells: 10, compared: 8, changed: 3, swings: 1, blank: 2, notApplicable: 0, notComparable: 0 };
    expect(countsText(counts)).toBe("共 10 个单元格：对比 8 个，有变化 3 个，大幅变化 1 个；空白 2 个。");
    expect(countsText({ ...counts, blank: 0 })).toBe("共 10 个单元格：对比 8 个，有变化 3 个，大幅变化 1 个。");
  });
});
