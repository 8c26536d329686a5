/** The table readers' shared parts: splitting a printed row, reading a printed cell, placing a row's numbers. */
import { describe, expect, it } from "vitest";
import { ImportLog } from "../match";
import type { RowBlock } from "../types";
import { trimTrailing } from "../blocks";
import { cellsUnderHeader, hasValues, placeValues, printedCells, readCell, rowKey, splitRow } from "./rows";

const row = (cells: string[], extra: Partial<RowBlock> = {}): RowBlock => ({ kind: "row", cells, ...extra });

describe("splitRow", () => {
  it("label cells up to the first number, empty ones skipped; the last is the row's own label", () => {
    expect(splitRow(["三、本年度办理结果", "", "（一）予以公开", "1", "", "2", "", ""])).toEqual({
      label: "三、本年度办理结果（一）予以公开",
      own: "（一）予以公开",
      values: ["1", "", "2"],
      afterLabel: ["1", "", "2", "", ""],
    });
    expect(splitRow(["规章", "", "/", "3"])).toEqual({ label: "规章", own: "规章", values: ["/", "3"], afterLabel: ["", "/", "3"] });
    expect(splitRow(["1", "2"])).toEqual({ label: "", own: "", values: ["1", "2"], afterLabel: ["1", "2"] });
    expect(splitRow(["ABC", "DEF"])).toEqual({ label: "ABC DEF", own: "DEF", values: [], afterLabel: [] });
  });

  it("trimTrailing, rowKey and hasValues", () => {
    expect(trimTrailing(["1", "", "2", "", ""])).toEqual(["1", "", "2"]);
    expect(trimTrailing(["", ""])).toEqual([]);
    expect(rowKey(row(["（一）", "予以 公开"]))).toBe("一予以公开");
    expect(hasValues(row(["规章", "—"]))).toBe(true);
    expect(hasValues(row(["规章", "见附件"]))).toBe(false);
  });
});

describe("readCell", () => {
  it("a number is read and counted; anything else is null with its reason listed", () => {
    const log = new ImportLog("2021");
    expect(readCell("12", "requests.granted.total", "count", log)).toBe(12);
    expect(readCell(undefined, "requests.granted.naturalPerson", "count", log)).toBeNull();
    expect(readCell(" ", "requests.granted.commercial", "count", log)).toBeNull();
    expect(readCell("/", "requests.granted.research", "count", log)).toBeNull();
    expect(readCell("见附件", "requests.granted.otherOrg", "count", log)).toBeNull();
    expect(log.cellsRead.requests).toBe(1);
    expect(log.unread.map((u) => u.reason)).toEqual(["单元格为空或未印出", "单元格为空", "印为“/”，按空白处理", "内容“见附件”不是数字，未读取"]);
    expect(log.notes).toEqual([]);
  });

  it("amounts in 元 become 万元, with a note; 万元 and counts stay as printed", () => {
    const log = new ImportLog("2021");
    expect(readCell("251000元", "activeDisclosure.fees.amount", "amount", log)).toBe(25.1);
    expect(readCell("3000", "activeDisclosure.fees.amount", "amount", log, true)).toBe(0.3);
    expect(readCell("3万元", "activeDisclosure.fees.amount", "amount", log, true)).toBe(3);
    expect(readCell("3", "activeDisclosure.fees.amount", "amount", log)).toBe(3);
    expect(readCell("5元", "requests.granted.total", "count", log)).toBe(5);
    expect(log.notes).toEqual([
      "「行政事业性收费」的「本年收费金额（单位：万元）」印为“251000元”，已由元换算为 25.1 万元。",
      "「行政事业性收费」的「本年收费金额（单位：万元）」印为“3000”（单位：元），已由元换算为 0.3 万元。",
    ]);
  });
});

describe("placeValues", () => {
  const place = (r: RowBlock, expected: number, afterLabel = false) => placeValues(r, splitRow(r.cells), expected, { afterLabel });

  it("as many value cells as columns: in order", () => {
    expect(place(row(["规章", "1", "", "3"]), 3)).toEqual({ values: ["1", "", "3"] });
  });

  it("as many once empty cells (fillers of merged cells) are left out", () => {
    expect(place(row(["规章", "1", "", "", "3"]), 2)).toEqual({ values: ["1", "3"] });
  });

  it("an empty cell right after the label in a row marking its blanks is a blank value", () => {
    expect(place(row(["规章", "", "2", "3"]), 3)).toEqual({ values: ["", "2", "3"] });
    expect(place(row(["规章", "", "2", "3", ""]), 4)).toEqual({ values: ["", "2", "3", ""] });
    // Empty cells printed after the last number are dropped before counting.
    expect(place(row(["规章", "", "2", "3", ""]), 3)).toEqual({ values: ["", "2", "3"] });
    expect(place(row(["规章", "", "2", "3"], { covered: true }), 3)).toEqual({
      unplaced: "该行印出 2 个数字，表格有 3 列，空白单元格没有留下位置，无法确定各数字所在的列，未读取",
    });
    expect(place(row(["规章", "", "2", "3"], { loose: true }), 3)).toEqual({
      unplaced: "该行印出 2 个数字，表格有 3 列，空白单元格没有留下位置，无法确定各数字所在的列，未读取",
    });
  });

  it("fewer numbers in a row marking its blanks: in order, the rest blank; in a loose row: not placed", () => {
    expect(place(row(["规章", "1", "2"]), 4)).toEqual({ values: ["1", "2", undefined, undefined] });
    expect(place(row(["规章", "1", "2"], { loose: true }), 4)).toEqual({
      unplaced: "该行印出 2 个数字，表格有 4 列，空白单元格没有留下位置，无法确定各数字所在的列，未读取",
    });
    expect(place(row(["规章", "1", "2", "3", "4", "5"]), 4)).toEqual({ unplaced: "该行印出 5 个数字，表格有 4 列，无法确定各数字所在的列，未读取" });
  });

  it("an exact row, or one read after its label: every cell after the label", () => {
    expect(place(row(["规章", "", "2", ""], { exact: true }), 2)).toEqual({ values: ["", "2"] });
    expect(place(row(["规章", "", "2", "3"], { exact: true }), 2)).toMatchObject({ unplaced: expect.any(String) });
    expect(place(row(["规章", "", "2"]), 2, true)).toEqual({ values: ["", "2"] });
  });
});

describe("printedCells and cellsUnderHeader", () => {
  it("a merged cell once on a kept grid", () => {
    const r = row(["规章", "规章", "1", "2"], { grid: { table: 0, filled: ["规章", "规章", "1", "2"], starts: [0, 0, 2, 3] } });
    expect(printedCells(r)).toEqual(["规章", "1", "2"]);
    expect(printedCells(row(["a", "b"]))).toEqual(["a", "b"]);
  });

  it("takes the cells over the header columns in order, or each over its own column", () => {
    const columns = new Map([
      ["made", 2],
      ["repealed", 3],
      ["inForce", 4],
    ]);
    const inOrder = row(["规章", "", "1", "2", "3"], { grid: { table: 0, filled: [], starts: [0, -1, 2, 3, 4] } });
    expect(cellsUnderHeader(inOrder, columns)).toEqual({
      labels: ["规章"],
      byColumn: new Map([
        ["made", "1"],
        ["repealed", "2"],
        ["inForce", "3"],
      ]),
      unplaced: [],
    });
    // An empty cell of its own before the header columns is no label.
    const emptyLabel = row(["规章", "", "1", "2", "3"], { grid: { table: 0, filled: [], starts: [0, 1, 2, 3, 4] } });
    expect(cellsUnderHeader(emptyLabel, columns).labels).toEqual(["规章"]);
    // The cells of a row spanning other columns than its header (a number over two columns): as many as
    // the header columns, so taken in order, whatever order the columns were found in.
    const shifted = row(["规章", "规章", "1", "2", "2", "3"], { grid: { table: 0, filled: [], starts: [0, 0, 2, 3, 3, 5] } });
    const unordered = new Map([
      ["inForce", 4],
      ["made", 2],
      ["repealed", 3],
    ]);
    expect(cellsUnderHeader(shifted, unordered)).toEqual({
      labels: ["规章"],
      byColumn: new Map([
        ["made", "1"],
        ["repealed", "2"],
        ["inForce", "3"],
      ]),
      unplaced: [],
    });
    // A number over its header column and a column that is no header column is that column's; a remark after the numbers is left.
    const remark = row(["规章", "1", "1", "2", "注"], { grid: { table: 0, filled: [], starts: [0, 1, 1, 3, 4] } });
    const twoColumns = new Map([
      ["made", 1],
      ["inForce", 3],
    ]);
    expect(cellsUnderHeader(remark, twoColumns)).toEqual({
      labels: ["规章"],
      byColumn: new Map([
        ["made", "1"],
        ["inForce", "2"],
      ]),
      unplaced: [],
    });
    // A number over two header columns is placed in neither; a column covered from above is blank.
    const spanning = row(["规章", "1", "1", "5"], { grid: { table: 0, filled: [], starts: [0, 1, 1, -1] } });
    const columns2 = new Map([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    expect(cellsUnderHeader(spanning, columns2)).toEqual({ labels: ["规章"], byColumn: new Map([["c", ""]]), unplaced: ["a", "b"] });
    const wide = row(["规章", "规章", "1", "2", "3"], { grid: { table: 0, filled: [], starts: [0, 0, 2, 2, 4] } });
    expect(cellsUnderHeader(wide, columns)).toEqual({ labels: ["规章"], byColumn: new Map([["inForce", "3"]]), unplaced: ["made", "repealed"] });
  });
});
