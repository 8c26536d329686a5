/**
 * Table 四 read from its rows: one row of fifteen numbers placed in the group and cell order its header prints,
 * or one row per group, or (a kept grid) each number under the header column it stands in; and what the import
 * log says of numbers it could not place, in the Chinese the clerk reads.
 */
import { describe, expect, it } from "vitest";
import { htmlToBlocks } from "../blocks";
import { ImportLog } from "../match";
import type { RowBlock } from "../types";
import { readReviewLitigation, REVIEW_WORDS } from "./review-litigation";

/** A row of pipe-separated cells, as a text line with pipes is read. */
const row = (line: string): RowBlock => ({ kind: "row", cells: line.split("|").map((c) => c.trim()) });

function readRows(rows: RowBlock[]) {
  const log = new ImportLog("2021");
  const table = readReviewLitigation(rows, "2021", log);
  return { table, log, unread: log.unread.map((u) => [u.where, u.reason]) };
}

const read = (...lines: string[]) => readRows(lines.map(row));

/** The rows of an HTML table (its grid kept). */
const htmlRows = (...trs: string[]) =>
  htmlToBlocks(`<table>${trs.join("")}</table>`).filter((b): b is RowBlock => b.kind === "row");

const cells = (...texts: string[]) => texts.map((t) => `<td>${t}</td>`).join("");
const FIVE = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

const FIFTEEN = "1 | 2 | 3 | 4 | 10 | 5 | 6 | 7 | 8 | 26 | 9 | 11 | 12 | 13 | 45";

describe("table 四 as one row of fifteen numbers", () => {
  it("in the standard order when the header says nothing else", () => {
    const r = read("行政复议 | 行政诉讼", FIFTEEN);
    expect(r.table).toEqual({
      review: { upheld: 1, corrected: 2, other: 3, pending: 4, total: 10 },
      litigationDirect: { upheld: 5, corrected: 6, other: 7, pending: 8, total: 26 },
      litigationAfterReview: { upheld: 9, corrected: 11, other: 12, pending: 13, total: 45 },
    });
    expect(r.unread).toEqual([]);
    expect(r.log.cellsRead.reviewLitigation).toBe(15);
  });

  it("groups and cells in the order the header prints them", () => {
    const r = read(
      "行政复议 | 行政诉讼",
      "复议后起诉 | 未经复议直接起诉",
      "总计 | 尚未审结 | 其他结果 | 结果纠正 | 结果维持",
      FIFTEEN,
    );
    expect(r.table).toEqual({
      review: { total: 1, pending: 2, other: 3, corrected: 4, upheld: 10 },
      litigationAfterReview: { total: 5, pending: 6, other: 7, corrected: 8, upheld: 26 },
      litigationDirect: { total: 9, pending: 11, other: 12, corrected: 13, upheld: 45 },
    });
  });

  it("a header row without any of table 四's words is not taken for its header", () => {
    const r = read("总计 | 备注", FIFTEEN);
    expect(r.table.review).toEqual({ upheld: 1, corrected: 2, other: 3, pending: 4, total: 10 });
  });

  it("a second row of numbers is not read, and said so", () => {
    const r = read(FIFTEEN, "0 | 0 | 0");
    expect(r.table.review.upheld).toBe(1);
    expect(r.unread).toEqual([["reviewLitigation", "表四多出的一行数字“0 0 0”未读取"]]);
  });

  it("a row of numbers that cannot be placed leaves every cell blank, listed once", () => {
    const r = readRows([{ kind: "row", cells: ["1", "2", "3"], loose: true }]);
    expect(Object.values(r.table).flatMap((g) => Object.values(g))).toEqual(Array(15).fill(null));
    expect(r.unread).toEqual([
      ["reviewLitigation", "表四该行印出 3 个数字，表格有 15 列，空白单元格没有留下位置，无法确定各数字所在的列，未读取（印出“1 2 3”）"],
    ]);
  });

  it("no numbers at all: every cell blank, and said so", () => {
    const r = read("行政复议 | 行政诉讼", "", "本年度未发生行政复议、行政诉讼");
    expect(Object.values(r.table).flatMap((g) => Object.values(g))).toEqual(Array(15).fill(null));
    expect(r.unread).toEqual([["reviewLitigation", "未找到表四的数字，各单元格留空"]]);
  });
});

describe("table 四 as one row per group", () => {
  it("each group by its label, in any order", () => {
    const r = read(
      "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计",
      "行政诉讼（复议后起诉） | 0 | 0 | 0 | 2 | 2",
      "行政复议 | 1 | 0 | 0 | 0 | 1",
      "行政诉讼（未经复议直接起诉） | 0 | 0 | 1 | 0 | 1",
    );
    expect(r.table).toEqual({
      review: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigationDirect: { upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 },
      litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 2, total: 2 },
    });
  });

  it("直接起诉 alone names the group of suits without review", () => {
    const r = read("直接起诉 | 0 | 1 | 0 | 0 | 1");
    expect(r.table.litigationDirect).toEqual({ upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 });
  });

  it("cells in the order the header prints them", () => {
    const r = read("总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结", "行政复议 | 3 | 1 | 1 | 1 | 0");
    expect(r.table.review).toEqual({ upheld: 1, corrected: 1, other: 1, pending: 0, total: 3 });
  });

  it("a label naming more than one group is no group's: the row is read as the fifteen", () => {
    const r = read(`行政复议 行政诉讼 未经复议直接起诉 复议后起诉 | ${FIFTEEN}`);
    expect(r.table.review).toEqual({ upheld: 1, corrected: 2, other: 3, pending: 4, total: 10 });
    expect(r.table.litigationAfterReview.total).toBe(45);
  });

  it("a group whose numbers cannot be placed is listed once, its cells blank; groups not printed are listed per cell", () => {
    const r = readRows([{ kind: "row", cells: ["行政复议", "1", "2"], loose: true }]);
    expect(r.table.review).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null });
    expect(r.unread.filter(([w]) => w.startsWith("reviewLitigation.review"))).toEqual([
      ["reviewLitigation.review", "该行印出 2 个数字，表格有 5 列，空白单元格没有留下位置，无法确定各数字所在的列，未读取（印出“1 2”）"],
    ]);
    expect(r.unread).toContainEqual(["reviewLitigation.litigationDirect.upheld", "单元格为空或未印出"]);
    expect(r.unread).toHaveLength(11);
  });

  it("a group's row on a grid with more cells than columns is not read: an empty cell there is a cell, not a filler", () => {
    const r = readRows([{ kind: "row", cells: ["行政复议", "1", "", "0", "0", "1", "1"], grid: { table: 1, filled: [], starts: [0, 1, 2, 3, 4, 5, 6] } }]);
    expect(r.table.review).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null });
    expect(r.unread[0]).toEqual(["reviewLitigation.review", "该行印出 5 个数字，表格有 5 列，无法确定各数字所在的列，未读取（印出“1  0 0 1 1”）"]);
  });

  it("the fifteen on a grid without a header: an empty cell among them is a cell, not a filler", () => {
    const values = ["1", "", ...FIFTEEN.split(" | ").slice(1)];
    const r = readRows([{ kind: "row", cells: values, grid: { table: 1, filled: values, starts: values.map((_, j) => j) } }]);
    expect(Object.values(r.table.review)).toEqual(Array(5).fill(null));
    expect(r.unread[0][1]).toMatch(/^表四该行印出 15 个数字，表格有 15 列，无法确定各数字所在的列/);
  });

  it("an HTML row of a group with a blank cell keeps each number in its place", () => {
    const r = readRows([{ kind: "row", cells: ["行政复议", "1", "", "0", "0", "1"], grid: { table: 1, filled: [], starts: [0, 1, 2, 3, 4, 5] } }]);
    expect(r.table.review).toEqual({ upheld: 1, corrected: null, other: 0, pending: 0, total: 1 });
  });
});

describe("table 四 on a kept grid: each number under the header column it stands in", () => {
  const header = [
    '<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>',
    '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>',
    `<tr>${cells(...FIVE, ...FIVE)}</tr>`,
  ];

  it("every number in its column", () => {
    const r = readRows(htmlRows(...header, `<tr>${cells(...FIFTEEN.split(" | "))}</tr>`));
    expect(r.table).toEqual({
      review: { upheld: 1, corrected: 2, other: 3, pending: 4, total: 10 },
      litigationDirect: { upheld: 5, corrected: 6, other: 7, pending: 8, total: 26 },
      litigationAfterReview: { upheld: 9, corrected: 11, other: 12, pending: 13, total: 45 },
    });
  });

  it("a number printed across two columns is not read, and said so; the others are", () => {
    const values = FIFTEEN.split(" | ");
    const tr = `<tr><td colspan="2">${values[0]}</td>${cells(...values.slice(2, 15))}</tr>`;
    const r = readRows(htmlRows(...header, tr));
    expect(r.table.review).toEqual({ upheld: null, corrected: null, other: 3, pending: 4, total: 10 });
    expect(r.table.litigationAfterReview.total).toBe(45);
    expect(r.unread).toEqual([
      ["reviewLitigation.review.upheld", "该处的数字跨两列印出，无法确定属于哪一列，未读取"],
      ["reviewLitigation.review.corrected", "该处的数字跨两列印出，无法确定属于哪一列，未读取"],
    ]);
  });

  it("a second row of numbers on the grid is not read, and said so", () => {
    const zeros = Array<string>(15).fill("0");
    const r = readRows(htmlRows(...header, `<tr>${cells(...FIFTEEN.split(" | "))}</tr>`, `<tr>${cells(...zeros)}</tr>`));
    expect(r.table.review).toEqual({ upheld: 1, corrected: 2, other: 3, pending: 4, total: 10 });
    expect(r.unread).toEqual([["reviewLitigation", `表四多出的一行数字“${zeros.join(" ")}”未读取`]]);
  });

  it("a header column that names no cell of table 四 (备注) takes no number", () => {
    const withNote = [
      '<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td><td rowspan="3">备注</td></tr>',
      '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>',
      `<tr>${cells(...FIVE, ...FIVE)}</tr>`,
    ];
    const r = readRows(htmlRows(...withNote, `<tr>${cells(...FIFTEEN.split(" | "), "无")}</tr>`));
    expect(r.table.litigationAfterReview).toEqual({ upheld: 9, corrected: 11, other: 12, pending: 13, total: 45 });
    expect(r.unread).toEqual([]);
  });

  it("a group named 行政复议后起诉 is the group of suits after review, not 行政复议", () => {
    const named = [
      '<tr><td colspan="5">行政复议</td><td colspan="5">未经复议直接起诉</td><td colspan="5">行政复议后起诉</td></tr>',
      `<tr>${cells(...FIVE, ...FIVE, ...FIVE)}</tr>`,
    ];
    const r = readRows(htmlRows(...named, `<tr>${cells(...FIFTEEN.split(" | "))}</tr>`));
    expect(r.table.review).toEqual({ upheld: 1, corrected: 2, other: 3, pending: 4, total: 10 });
    expect(r.table.litigationAfterReview).toEqual({ upheld: 9, corrected: 11, other: 12, pending: 13, total: 45 });
  });

  it("the header of another table, or header rows off the grid, do not place a grid row's numbers", () => {
    const twoGroups = htmlRows('<tr><td colspan="5">行政复议</td><td colspan="5">未经复议直接起诉</td></tr>', `<tr>${cells(...FIVE, ...FIVE)}</tr>`);
    const values = htmlRows(`<tr>${cells(...FIFTEEN.split(" | "))}</tr>`).map((r) => ({ ...r, grid: { ...r.grid!, table: 99 } }));
    const other = readRows([...twoGroups, ...values]);
    expect(other.table.litigationAfterReview).toEqual({ upheld: 9, corrected: 11, other: 12, pending: 13, total: 45 });
    const text = readRows([row("行政复议 | 行政诉讼"), ...values]);
    expect(text.table.litigationAfterReview.total).toBe(45);
  });

  it("a header of the five cells alone names no group: the numbers go in the standard order", () => {
    const r = readRows(htmlRows(`<tr>${cells(...FIVE, ...FIVE, ...FIVE)}</tr>`, `<tr>${cells(...FIFTEEN.split(" | "))}</tr>`));
    expect(r.table.litigationDirect).toEqual({ upheld: 5, corrected: 6, other: 7, pending: 8, total: 26 });
  });

  it("a header that names a group twice: the first columns are the group's", () => {
    const twice = [
      '<tr><td colspan="5">行政复议</td><td colspan="5">行政复议</td><td colspan="5">复议后起诉</td></tr>',
      `<tr>${cells(...FIVE, ...FIVE, ...FIVE)}</tr>`,
    ];
    const r = readRows(htmlRows(...twice, `<tr>${cells(...FIFTEEN.split(" | "))}</tr>`));
    expect(r.table.review).toEqual({ upheld: 1, corrected: 2, other: 3, pending: 4, total: 10 });
    expect(r.table.litigationAfterReview.total).toBe(45);
    expect(r.table.litigationDirect.total).toBeNull();
  });

  it("a header of another table on the grid is not this row's header: its numbers go in the standard order", () => {
    const other = htmlRows(...header);
    const values = htmlRows(`<tr>${cells(...FIFTEEN.split(" | ").reverse())}</tr>`).map((r) => ({ ...r, grid: { ...r.grid!, table: 2 } }));
    const r = readRows([...other, ...values]);
    expect(r.table.review).toEqual({ upheld: 45, corrected: 13, other: 12, pending: 11, total: 9 });
  });
});

describe("the words that make a row table 四's, and the groups its header names", () => {
  it("are its header's words, as keys", () => {
    expect(REVIEW_WORDS).toEqual(["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议", "复议后起诉"]);
  });

  it("the three groups in the order the header prints them", () => {
    const log = new ImportLog("2021");
    const rows = ["复议后起诉 | 行政复议 | 未经复议直接起诉", FIFTEEN].map(row);
    expect(readReviewLitigation(rows, "2021", log)).toEqual({
      review: { upheld: 5, corrected: 6, other: 7, pending: 8, total: 26 },
      litigationDirect: { upheld: 9, corrected: 11, other: 12, pending: 13, total: 45 },
      litigationAfterReview: { upheld: 1, corrected: 2, other: 3, pending: 4, total: 10 },
    });
    expect(readReviewLitigation(["尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果", FIFTEEN].map(row), "2021", log).review).toEqual({
      pending: 1, total: 2, upheld: 3, corrected: 4, other: 10,
    });
  });
});
