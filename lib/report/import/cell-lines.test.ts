/** Tables copied from a web page one cell per line, put back into rows. */
import { describe, expect, it } from "vitest";
import { regroupCellLines } from "./cell-lines";

const loose = (...cells: string[]) => ({ kind: "row", cells, loose: true });
const piped = (...cells: string[]) => ({ kind: "row", cells });

describe("regroupCellLines", () => {
  it("a label and the numbers after it form a row; labels before it form a row of their own", () => {
    expect(regroupCellLines(["信息内容", "本年制发件数", "规章", "1", "2", "", "规范性文件", "3", "4"])).toEqual([
      loose("信息内容", "本年制发件数"),
      loose("规章", "1", "2"),
      loose("规范性文件", "3", "4"),
    ]);
  });

  it("leaves a run with fewer than three numbers, or no number right after a label, as lines", () => {
    expect(regroupCellLines(["规章", "1", "2"])).toEqual(["规章", "1", "2"]);
    expect(regroupCellLines(["1", "2", "3", "规章"])).toEqual(["1", "2", "3", "规章"]);
  });

  it("does not take paragraphs, headings, long lines, tabs or a line of several numbers as cells", () => {
    const lines = ["一、总体情况", "本年度工作情况如下：", "规章", "1", "2", "3", "0 0 0"];
    expect(regroupCellLines(lines)).toEqual(["一、总体情况", "本年度工作情况如下：", loose("规章", "1", "2", "3"), "0 0 0"]);
    expect(regroupCellLines(["规章", "1", "2", "x".repeat(81), "3"])).toEqual(["规章", "1", "2", "x".repeat(81), "3"]);
    expect(regroupCellLines(["规章", "1\t2", "3", "4"])).toEqual(["规章", "1\t2", "3", "4"]);
    expect(regroupCellLines(["规  章", "1", "2", "3"])).toEqual(["规  章", "1", "2", "3"]);
    expect(regroupCellLines(["规\u3000章", "1", "2", "3"])).toEqual(["规\u3000章", "1", "2", "3"]);
    expect(regroupCellLines(["规章", "1", "2", "3", "a|b"])).toEqual([loose("规章", "1", "2", "3"), "a|b"]);
  });

  it("keeps blank lines between cells out of the rows", () => {
    expect(regroupCellLines(["规章", "", "1", " ", "2", "", "3"])).toEqual([loose("规章", "1", "2", "3")]);
  });

  it("with pipes: a line ' |' alone is a blank cell and keeps its place; a line of pipes alone is a merged cell's filler", () => {
    const lines = ["规章 |", "1 |", " |", "3 |", "||", "规范性文件 |", "4 |", "5 |", "6 |"];
    expect(regroupCellLines(lines)).toEqual([piped("规章", "1", "", "3"), piped("规范性文件", "4", "5", "6")]);
    expect(regroupCellLines(["｜", "规章｜", "1｜", "2｜", "3｜"])).toEqual([piped("规章", "1", "2", "3")]);
  });

  it("with pipes, a sentence-like cell is still a cell", () => {
    expect(regroupCellLines(["合计： |", "1 |", "2 |", "3 |"])).toEqual([piped("合计：", "1", "2", "3")]);
    expect(regroupCellLines(["合计：", "1", "2", "3"])).toEqual(["合计：", "1", "2", "3"]);
  });
});
