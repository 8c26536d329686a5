/**
 * Tables printed without rules, rebuilt from the positions of the lines of a page: which lines are rows of
 * numbers, where a table ends, which lines above it are its header, where label lines between rows go, the
 * parts of a table with a header between its rows (table 二), and rows whose numbers cannot be placed.
 * Lines here are in page space (y down), 10 pt text, one em per CJK character and half an em for others.
 */
import { describe, expect, it } from "vitest";
import type { Line, Run } from "./pdf-layout";
import { streamTables } from "./pdf-stream";

const SIZE = 10;

function run(text: string, x0: number, y: number, size = SIZE): Run {
  const width = [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size / 2), 0);
  return { text, x0, x1: x0 + width, y, size };
}

/** A line at baseline `y` of the given pieces of text, each at its x. */
function line(y: number, ...pieces: [string, number][]): Line {
  const runs = pieces.map(([t, x]) => run(t, x, y));
  return {
    runs,
    text: runs.map((r) => r.text).join(""),
    x0: Math.min(...runs.map((r) => r.x0)),
    x1: Math.max(...runs.map((r) => r.x1)),
    y,
    size: SIZE,
  };
}

/** A row: a label at x 50, then numbers centred on 200, 240, 280 … ("" leaves the cell blank). */
function row(y: number, label: string, ...values: string[]): Line {
  const pieces: [string, number][] = label ? [[label, 50]] : [];
  values.forEach((v, i) => {
    if (v !== "") pieces.push([v, 200 + 40 * i - (v.length * SIZE) / 4]);
  });
  return line(y, ...pieces);
}

const PITCH = 20;
const tablesOf = (...lines: Line[]) => streamTables(lines, PITCH).tables.map((t) => t.rows);
const textOf = (...lines: Line[]) => streamTables(lines, PITCH).lines.map((l) => l.text);

describe("rows of numbers", () => {
  it("two numbers are two cells however close; text pieces less than half an em apart are one", () => {
    const l = line(100, ["行政", 50], ["许可", 74], ["12", 200], ["3", 212]);
    expect(tablesOf(l)).toEqual([[["行政许可", "12", "3"]]]);
  });

  it("half an em apart exactly is still one cell; two numbers a tenth of an em apart exactly are one", () => {
    expect(tablesOf(line(100, ["行政", 50], ["许可", 74.5], ["1", 200], ["2", 240]))).toEqual([[["行政许可", "1", "2"]]]);
    expect(tablesOf(line(100, ["行", 50], ["12", 200], ["3", 211]))).toEqual([[["行", "123"]]]);
  });

  it("a number close after a label is part of the label's cell", () => {
    expect(tablesOf(line(100, ["行政许可", 50], ["5", 92], ["6", 200]))).toEqual([[["行政许可5", "6"]]]);
  });

  it("text pieces more than half an em apart are two cells", () => {
    expect(tablesOf(line(100, ["行政", 50], ["许可", 75], ["1", 200], ["2", 240]))).toEqual([[["行政", "许可", "1", "2"]]]);
  });

  it("one number well apart from its label is a row; one close to it is text", () => {
    expect(tablesOf(line(100, ["行政许可", 50], ["5", 106]))).toEqual([[["行政许可", "5"]]]);
    expect(tablesOf(line(100, ["行政许可", 50], ["5", 104]))).toEqual([]);
    expect(tablesOf(line(100, ["行政许可", 50], ["5", 105]))).toEqual([]);
    expect(textOf(line(100, ["共收到申请", 50], ["5", 104]))).toEqual(["共收到申请5"]);
  });

  it("a line of one number alone is text", () => {
    expect(tablesOf(line(100, ["5", 200]))).toEqual([]);
  });

  it("lines without numbers before and after the table stay text", () => {
    const r = streamTables([line(40, ["全年主动公开信息。", 50]), row(100, "甲", "1", "2"), line(300, ["以上为统计。", 50])], PITCH);
    expect(r.tables.map((t) => t.rows)).toEqual([[["甲", "1", "2"]]]);
    expect(r.lines.map((l) => l.text)).toEqual(["全年主动公开信息。", "以上为统计。"]);
  });

  it("the table's top and bottom: a line above its first line, its last baseline", () => {
    const [t] = streamTables([row(100, "甲", "1", "2"), row(120, "乙", "3", "4")], PITCH).tables;
    expect([t.top, t.bottom]).toEqual([90, 120]);
  });
});

describe("where a table ends", () => {
  it("rows up to four lines or two and a half pitches apart are one table; further apart, two", () => {
    // max(4 × 10, 2.5 × 20) = 50
    expect(tablesOf(row(100, "甲", "1", "2"), row(150, "乙", "3", "4"))).toHaveLength(1);
    expect(tablesOf(row(100, "甲", "1", "2"), row(151, "乙", "3", "4"))).toHaveLength(2);
  });

  it("the distance is the larger of four lines and two and a half pitches", () => {
    const far = [row(100, "甲", "1", "2"), row(160, "乙", "3", "4")];
    expect(streamTables(far, 24).tables).toHaveLength(1);
    expect(streamTables(far, 23).tables).toHaveLength(2);
    const tall = [row(100, "甲", "1", "2"), row(145, "乙", "3", "4")];
    expect(streamTables(tall, 0).tables).toHaveLength(2);
    expect(streamTables([row(100, "甲", "1", "2"), row(135, "乙", "3", "4")], 0).tables).toHaveLength(1);
  });

  it("a section heading ends the table", () => {
    const r = streamTables([row(100, "甲", "1", "2"), line(120, ["四、政府信息公开行政复议、行政诉讼情况", 50]), row(140, "乙", "3", "4")], PITCH);
    expect(r.tables.map((t) => t.rows)).toEqual([[["甲", "1", "2"]], [["乙", "3", "4"]]]);
    expect(r.lines.map((l) => l.text)).toEqual(["四、政府信息公开行政复议、行政诉讼情况"]);
  });

  it("label lines between rows stay in the table up to six lines on; a row after more starts another table", () => {
    const labels = (from: number, n: number) => Array.from({ length: n }, (_, k) => line(from + 10 * k, [`说明${k}`, 50]));
    expect(tablesOf(row(100, "甲", "1", "2"), ...labels(110, 5), row(160, "乙", "3", "4"))).toHaveLength(1);
    expect(tablesOf(row(100, "甲", "1", "2"), ...labels(110, 6), row(170, "乙", "3", "4"))).toHaveLength(2);
  });
});

describe("the header above a table", () => {
  const header = (y: number) => line(y, ["结果维持", 180], ["结果纠正", 220]);

  it("the short lines just above the first row, each word over its column", () => {
    expect(tablesOf(header(80), row(100, "甲", "1", "2"))).toEqual([[["", "结果维持", "结果纠正"], ["甲", "1", "2"]]]);
  });

  it("a header word broken over two lines in a narrow column comes together, top to bottom", () => {
    const t = tablesOf(line(70, ["结果", 190], ["结果", 230]), line(82, ["维持", 190], ["纠正", 230]), row(100, "甲", "1", "2"));
    expect(t).toEqual([[["", "结果维持", "结果纠正"], ["甲", "1", "2"]]]);
  });

  it("not a line too far above: three lines or two pitches", () => {
    // max(3 × 10, 2 × 20) = 40
    expect(tablesOf(header(60), row(100, "甲", "1", "2"))[0]).toHaveLength(2);
    expect(tablesOf(header(59), row(100, "甲", "1", "2"))[0]).toHaveLength(1);
  });

  it("a header line may print a colon inside, and a piece of forty characters", () => {
    const r = streamTables([line(70, ["（单位：件）", 50]), line(80, ["甲".repeat(40), 50]), row(100, "乙", "1", "2")], PITCH);
    expect(r.lines).toEqual([]);
  });

  it("a line with one piece of more than forty characters is no header, whatever else it prints", () => {
    const r = streamTables([line(80, ["甲".repeat(41), 50], ["结果", 600]), row(100, "乙", "1", "2")], PITCH);
    expect(r.lines.map((l) => l.text)).toEqual(["甲".repeat(41) + "结果"]);
  });

  it("a header word over the labels stays in the label column of the header row", () => {
    expect(tablesOf(line(80, ["项目", 50], ["结果维持", 180], ["结果纠正", 220]), row(100, "甲", "1", "2"))).toEqual([
      [["项目", "结果维持", "结果纠正"], ["甲", "1", "2"]],
    ]);
  });

  it("label text above the header belongs to the header; label text between header and first row to the first row", () => {
    const t = tablesOf(line(70, ["表一", 50]), line(80, ["项目", 50], ["结果维持", 180], ["结果纠正", 220]), line(90, ["三、本年度", 50]), row(100, "办理结果", "1", "2"));
    expect(t).toEqual([[["表一项目", "结果维持", "结果纠正"], ["三、本年度办理结果", "1", "2"]]]);
  });

  it("not a sentence, a long text or a heading", () => {
    expect(textOf(line(80, ["数据如下：", 50]), row(100, "甲", "1", "2"))).toEqual(["数据如下："]);
    expect(textOf(line(80, ["数据如下。", 50]), row(100, "甲", "1", "2"))).toEqual(["数据如下。"]);
    const long = "甲".repeat(41);
    expect(textOf(line(80, [long, 50]), row(100, "甲", "1", "2"))).toEqual([long]);
    expect(textOf(line(80, ["四、政府信息公开行政复议、行政诉讼情况", 50]), row(100, "甲", "1", "2"))).toEqual(["四、政府信息公开行政复议、行政诉讼情况"]);
  });

  it("at most ten lines", () => {
    const lines = Array.from({ length: 11 }, (_, k) => line(70 + 2 * k, [`表头${k}`, 50]));
    const r = streamTables([...lines, row(100, "甲", "1", "2")], 2);
    expect(r.lines.map((l) => l.text)).toEqual(["表头0"]);
  });

  it("not the rows of a table above", () => {
    const r = streamTables([row(60, "甲", "1", "2"), line(120, ["结果维持", 180]), row(130, "乙", "3", "4")], PITCH);
    expect(r.tables.map((t) => t.rows)).toEqual([[["甲", "1", "2"]], [["", "结果维持", ""], ["乙", "3", "4"]]]);
  });
});

describe("label lines and parts", () => {
  it("a label wrapped over two lines goes with the row nearest to it", () => {
    const t = tablesOf(row(100, "（一）予以", "1", "2"), line(112, ["公开", 50]), row(140, "（二）部分公开", "3", "4"));
    expect(t).toEqual([[["（一）予以公开", "1", "2"], ["（二）部分公开", "3", "4"]]]);
  });

  it("label text above the first row with no header: the first row's, read top to bottom", () => {
    expect(tablesOf(line(90, ["三、本年度", 50]), row(100, "办理结果", "1", "2"))).toEqual([[["三、本年度办理结果", "1", "2"]]]);
  });

  it("a label line nearer the second row goes with the second row", () => {
    const t = tablesOf(row(100, "甲", "1", "2"), line(130, ["（二）部分", 50]), row(140, "公开", "3", "4"));
    expect(t).toEqual([[["甲", "1", "2"], ["（二）部分公开", "3", "4"]]]);
  });

  it("a line between rows that reaches to within half an em of the numbers, or over them, is a header: a new part", () => {
    const near = tablesOf(row(100, "甲", "1", "2"), line(120, ["备注说明", 155]), row(140, "乙", "3", "4"));
    expect(near).toEqual([[["甲", "1", "2"], ["备注说明", "", ""], ["乙", "3", "4"]]]);
    const over = tablesOf(row(100, "甲", "1", "2"), line(120, ["项目", 50], ["合计", 190]), row(140, "乙", "3", "4"));
    expect(over).toEqual([[["甲", "1", "2"], ["项目", "合计", ""], ["乙", "3", "4"]]]);
  });

  it("header lines before a 第二十条 line of the same part come first, as one row", () => {
    const t = tablesOf(line(60, ["本年制发件数", 165]), line(80, ["第二十条第（一）项", 150]), line(100, ["规章", 50], ["1", 198]));
    expect(t).toEqual([[["", "本年制发件数"], ["第二十条第（一）项"], ["规章", "1"]]]);
  });

  it("a heading printed beside several rows, in a column of its own", () => {
    const t = tablesOf(row(100, "", "1", "2"), line(110, ["三、结果", 20]), row(120, "", "3", "4"));
    expect(t[0][0][0]).toBe("三、结果");
  });

  it("a header line printed between rows starts a new part with its own columns; 第二十条 lines are rows of their own", () => {
    const t = tablesOf(
      line(60, ["第二十条第（一）项", 50]),
      line(80, ["本年制发件数", 165], ["现行有效件数", 245]),
      line(100, ["规章", 50], ["1", 198], ["5", 278]),
      line(120, ["第二十条第（五）项", 150]),
      line(140, ["处理决定数量", 170]),
      line(160, ["行政许可", 50], ["7", 198]),
    );
    expect(t).toEqual([
      [
        ["第二十条第（一）项"],
        ["", "本年制发件数", "现行有效件数"],
        ["规章", "1", "5"],
        ["第二十条第（五）项"],
        ["", "处理决定数量"],
        ["行政许可", "7"],
      ],
    ]);
  });
});

describe("numbers that cannot be placed", () => {
  it("a column blank in every row is found from the header word over it", () => {
    const header = line(80, ["甲列", 190], ["乙列", 230], ["丙列", 270], ["丁列", 310]);
    const t = tablesOf(header, row(100, "甲", "1", "2", "", "4"), row(120, "乙", "5", "6", "", "8"));
    expect(t).toEqual([[["", "甲列", "乙列", "丙列", "丁列"], ["甲", "1", "2", "", "4"], ["乙", "5", "6", "", "8"]]]);
  });

  it("a header word beside the last column or before the first one, a column's step away, is a column too", () => {
    const after = tablesOf(line(80, ["甲列", 190], ["乙列", 230], ["丙列", 270]), row(100, "甲", "1", "2"));
    expect(after).toEqual([[["", "甲列", "乙列", "丙列"], ["甲", "1", "2"]]]);
  });

  it("a column left blank between two others: found while the gap is 1.6 steps and the word 0.6 steps from each", () => {
    // Columns at 200, 240 (the step, 40) and `right`; a word centred at `c`.
    // The header row: the label band and one band per column, so a column found makes it one longer.
    const columns = (right: number, c: number) =>
      tablesOf(line(80, ["甲列", 190], ["乙列", 230], ["丙列", c - 10]), line(100, ["甲", 50], ["1", 197.5], ["2", 237.5], ["3", right - 2.5]))[0][0].length - 1;
    expect(columns(304, 272)).toBe(4);
    expect(columns(303, 271.5)).toBe(3);
    expect(columns(320, 264)).toBe(4);
    expect(columns(320, 263)).toBe(3);
    expect(columns(320, 296)).toBe(4);
    expect(columns(320, 297)).toBe(3);
    // Two steps on from the last column but one, 1.4 steps short of the next: still between them.
    expect(columns(360, 320)).toBe(4);
  });

  it("a column left blank after the last: found 0.6 to 1.4 steps on", () => {
    const table = (c: number) => tablesOf(line(80, ["甲列", 190], ["乙列", 230], ["丙列", c - 10]), row(100, "甲", "1", "2"))[0][0];
    expect(table(264)).toEqual(["", "甲列", "乙列", "丙列"]);
    expect(table(263)).toEqual(["", "甲列", "乙列丙列"]);
    expect(table(296)).toEqual(["", "甲列", "乙列", "丙列"]);
    expect(table(297)).toEqual(["", "甲列", "乙列丙列"]);
  });

  it("numbers of two rows half a point apart or closer are one column", () => {
    const t = tablesOf(line(100, ["甲", 50], ["1", 200], ["7", 300]), line(120, ["乙", 50], ["2", 205.5], ["8", 300]));
    expect(t).toEqual([[["甲", "1", "7"], ["乙", "2", "8"]]]);
  });

  it("a header word over no number too far from the columns is not a column", () => {
    const t = tablesOf(line(80, ["甲列", 190], ["乙列", 230], ["备注", 330]), row(100, "甲", "1", "2"));
    expect(t[0][1]).toEqual(["甲", "1", "2"]);
  });

  it("two numbers under one column: the row keeps its label only", () => {
    const t = tablesOf(line(100, ["甲", 50], ["1234", 190], ["2", 238]), line(120, ["乙", 50], ["4", 191], ["5", 203], ["6", 238]));
    expect(t).toEqual([[["甲", "1234", "2"], ["乙"]]]);
  });

  it("a row whose first value column is blank keeps its label only; trailing blanks are dropped", () => {
    const t = tablesOf(row(100, "甲", "1", "2", "3"), row(120, "乙", "", "5", "6"), row(140, "丙", "7", "", ""));
    expect(t).toEqual([[["甲", "1", "2", "3"], ["乙"], ["丙", "7"]]]);
  });
});
