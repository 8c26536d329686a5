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

  it("an 80-character line is still a cell, one of 81 is a paragraph", () => {
    const label = "说明".repeat(40);
    expect(regroupCellLines(["规章", "1", "2", label, "3"])).toEqual([loose("规章", "1", "2"), loose(label, "3")]);
  });

  it("a label with one space or with a colon inside is a cell; two spaces or a colon at the end are not", () => {
    expect(regroupCellLines(["规范性 文件", "1", "2", "3"])).toEqual([loose("规范性 文件", "1", "2", "3")]);
    expect(regroupCellLines(["其中：行政许可", "1", "2", "3"])).toEqual([loose("其中：行政许可", "1", "2", "3")]);
    expect(regroupCellLines(["附表 1", "1", "2", "3"])).toEqual([loose("附表 1", "1", "2", "3")]);
  });

  it("two numbers on one line end the run, with one space or more (and with pipes)", () => {
    expect(regroupCellLines(["规章", "1", "2", "3", "0 0"])).toEqual([loose("规章", "1", "2", "3"), "0 0"]);
    expect(regroupCellLines(["规章 |", "1 |", "2 |", "3 |", "0  0 |"])).toEqual([piped("规章", "1", "2", "3"), "0  0 |"]);
  });

  it("numbers before the first label form a row with a blank label; labels after the last number a row of their own", () => {
    expect(regroupCellLines(["1", "规章", "2", "3", "4"])).toEqual([loose("", "1"), loose("规章", "2", "3", "4")]);
    expect(regroupCellLines(["规章", "1", "2", "3", "注"])).toEqual([loose("规章", "1", "2", "3"), loose("注")]);
    expect(regroupCellLines(["规章", "1", "2", "3", "注", "说明"])).toEqual([loose("规章", "1", "2", "3"), loose("注", "说明")]);
  });

  it("with pipes: a blank cell right after the label, or after numbers before any label, keeps its place", () => {
    expect(regroupCellLines(["规章 |", " |", "2 |", "3 |", "4 |"])).toEqual([piped("规章", "", "2", "3", "4")]);
    expect(regroupCellLines(["1 |", " |", "规章 |", "2 |", "3 |", "4 |"])).toEqual([piped("", "1", ""), piped("规章", "2", "3", "4")]);
  });

  it("with pipes: one piped label or one piped number makes the whole run piped", () => {
    expect(regroupCellLines(["规章 |", "1", "2", "3"])).toEqual([piped("规章", "1", "2", "3")]);
    expect(regroupCellLines(["规章", "1 |", "2", "3"])).toEqual([piped("规章", "1", "2", "3")]);
  });

  it("with pipes: spaces after the pipe and several pipes (merged cells after it) end a cell all the same", () => {
    expect(regroupCellLines(["规章 |  ", "1 | ", "2 |", "3 |"])).toEqual([piped("规章", "1", "2", "3")]);
    expect(regroupCellLines(["规章 ||", "1 |", "2 |", "3 |"])).toEqual([piped("规章", "1", "2", "3")]);
    // A line that starts with a pipe and goes on with text is not a cell.
    expect(regroupCellLines(["规章 |", "1 |", "2 |", "3 |", "| 注"])).toEqual([piped("规章", "1", "2", "3"), "| 注"]);
  });
});
