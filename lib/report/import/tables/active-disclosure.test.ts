/**
 * Table 二 read from its rows: the values placed by the header printed above them (in whatever order it names the
 * columns, cut short or misspelt, in 元 or 万元), else in the order printed; the rows named by their labels (broken
 * over two lines, by another name, the other edition's rows, printed twice); rows printed as not applicable; and
 * what the import log says of each, in the Chinese the clerk reads.
 */
import { describe, expect, it } from "vitest";
import type { EditionId } from "../../editions";
import { ImportLog } from "../match";
import type { RowBlock } from "../types";
import { readActiveDisclosure } from "./active-disclosure";

/** A row of pipe-separated cells, as a text line with pipes is read. */
const row = (line: string): RowBlock => ({ kind: "row", cells: line.split("|").map((c) => c.trim()) });

function read(edition: EditionId, ...lines: string[]) {
  const log = new ImportLog(edition);
  const table = readActiveDisclosure(lines.map(row), edition, log);
  return { table, log, unread: log.unread.map((u) => [u.where, u.reason]), notes: log.notes };
}

const HEADER_2021 = "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数";

describe("table 二: values by the header printed above them", () => {
  it("columns in the standard order", () => {
    const r = read("2021", HEADER_2021, "规章 | 1 | 2 | 3", "行政规范性文件 | 4 | 5 | 6");
    expect(r.table.regulations).toEqual({ made: 1, repealed: 2, inForce: 3 });
    expect(r.table.normativeDocuments).toEqual({ made: 4, repealed: 5, inForce: 6 });
  });

  it("columns in another order: each value under the column its header names", () => {
    const r = read("2021", "信息内容 | 现行有效件数 | 本年制发件数 | 本年废止件数", "规章 | 30 | 1 | 2");
    expect(r.table.regulations).toEqual({ made: 1, repealed: 2, inForce: 30 });
    expect(r.notes.filter((n) => n.includes("表头"))).toEqual([]);
  });

  it("a header printed without 信息内容 is a header too", () => {
    const r = read("2021", "现行有效件数 | 本年废止件数 | 本年制发件数", "规章 | 30 | 2 | 1");
    expect(r.table.regulations).toEqual({ made: 1, repealed: 2, inForce: 30 });
  });

  it("a header of 信息内容 and labels none of which is exact is a header too", () => {
    const r = read("2021", "信息内容 | 现行有效 | 本年制法件数 | 本年废止", "规章 | 30 | 1 | 2");
    expect(r.table.regulations).toEqual({ made: 1, repealed: 2, inForce: 30 });
  });

  it("a header without 信息内容 that also prints a word no column has (备注) is a header still", () => {
    const r = read("2021", "现行有效件数 | 本年废止件数 | 本年制发件数 | 备注", "规章 | 30 | 2 | 1");
    expect(r.table.regulations).toEqual({ made: 1, repealed: 2, inForce: 30 });
  });

  it("a header cut to two characters names its column; one character names none", () => {
    const two = read("2021", "信息内容 | 现行 | 本年制发件数 | 本年废止件数", "规章 | 30 | 1 | 2");
    expect(two.table.regulations).toEqual({ made: 1, repealed: 2, inForce: 30 });
    const one = read("2021", "信息内容 | 现 | 本年制发件数 | 本年废止件数", "规章 | 30 | 1 | 2");
    expect(one.table.regulations).toEqual({ made: 30, repealed: 1, inForce: 2 });
  });

  it("a header with characters added is its column while seven in ten of them are alike", () => {
    const r = read("2019", "信息内容 | 对外公开总数量 | 本年新制作数量合计数 | 本年新公开数量", "规章 | 30 | 1 | 2");
    expect(r.table.regulations).toEqual({ newlyMade: 1, newlyPublished: 2, totalPublished: 30 });
  });

  it("a misspelt header is matched to the column it is most like, not the first one", () => {
    const r = read("2021", "信息内容 | 现行有郊件数 | 本年制发件数 | 本年废止件数", "规章 | 30 | 1 | 2");
    expect(r.table.regulations).toEqual({ made: 1, repealed: 2, inForce: 30 });
    expect(r.notes).toContain("表二表头「现行有郊件数」不完整或有误，按「现行有效件数」读取。");
  });

  it("a header cut short or misspelt names its column, with a note", () => {
    const r = read("2021", "信息内容 | 现行有效 | 本年制法件数 | 本年废止件数", "规章 | 30 | 1 | 2");
    expect(r.table.regulations).toEqual({ made: 1, repealed: 2, inForce: 30 });
    expect(r.notes).toContain("表二表头「现行有效」不完整或有误，按「现行有效件数」读取。");
    expect(r.notes).toContain("表二表头「本年制法件数」不完整或有误，按「本年制发件数」读取。");
  });

  it("a header word like no column's names none: the row is read in the order printed", () => {
    const r = read("2021", "信息内容 | 现行有效件数 | 备注说明文字 | 本年废止件数", "规章 | 1 | 2 | 3");
    expect(r.table.regulations).toEqual({ made: 1, repealed: 2, inForce: 3 });
  });

  it("a header that names only some of a row's columns: the row is read in the order printed", () => {
    const r = read("2021", "信息内容 | 现行有效件数", "规章 | 1 | 2 | 3");
    expect(r.table.regulations).toEqual({ made: 1, repealed: 2, inForce: 3 });
  });

  it("a column printed blank under a header that names it is blank, its row's other values in place", () => {
    const r = read("2021", "信息内容 | 现行有效件数 | 本年制发件数 | 本年废止件数", "规章 | 30 |  | 2");
    expect(r.table.regulations).toEqual({ made: null, repealed: 2, inForce: 30 });
    expect(r.unread).toContainEqual(["activeDisclosure.regulations.made", "单元格为空"]);
  });

  it("a column the header names but the row does not reach is blank", () => {
    const r = read("2021", "信息内容 | 现行有效件数 | 本年制发件数 | 本年废止件数", "规章 | 30 | 1");
    expect(r.table.regulations).toEqual({ made: 1, repealed: null, inForce: 30 });
    expect(r.unread).toEqual([["activeDisclosure.regulations.repealed", "单元格为空"]]);
  });

  it("the same column named twice: the second takes the column not yet named that it is like", () => {
    const r = read("2019", "信息内容 | 对外公开总数量 | 本年新制作数量 | 本年新制作数量", "规章 | 30 | 1 | 2");
    expect(r.table.regulations).toEqual({ newlyMade: 1, newlyPublished: 2, totalPublished: 30 });
    expect(r.notes).toContain("表二表头「本年新制作数量」不完整或有误，按「本年新公开数量」读取。");
  });

  it("a 第二十条 group line ends the header above it: the rows below are read in the order printed", () => {
    const r = read("2021", "信息内容 | 现行有效件数 | 本年制发件数 | 本年废止件数", "第二十条第（一）项", "规章 | 1 | 2 | 3");
    expect(r.table.regulations).toEqual({ made: 1, repealed: 2, inForce: 3 });
    const split = read("2021", "信息内容 | 现行有效件数 | 本年制发件数 | 本年废止件数", "第二十条 | 第（一）项", "规章 | 1 | 2 | 3");
    expect(split.table.regulations).toEqual({ made: 1, repealed: 2, inForce: 3 });
  });

  it("a 第二十条 line is never read as a row, even with a number beside it", () => {
    const r = read("2021", "第二十条第（五）项 | 5", "行政许可 | 5");
    expect(r.table).toEqual({ licensing: { decisions: 5 } });
    expect(r.unread).toEqual([]);
  });

  it("a 第二十条 line printed with the header after it keeps that header", () => {
    const r = read("2021", "第二十条第（一）项", "信息内容 | 现行有效件数 | 本年制发件数 | 本年废止件数", "规章 | 30 | 1 | 2");
    expect(r.table.regulations).toEqual({ made: 1, repealed: 2, inForce: 30 });
  });
});

describe("table 二: amounts in 元 and 万元", () => {
  it("a fee under a header in 元 is turned into 万元, with a note", () => {
    const r = read("2021", "信息内容 | 本年收费金额（单位：元）", "行政事业性收费 | 12000");
    expect(r.table.fees).toEqual({ amount: 1.2 });
    expect(r.notes.some((n) => n.includes("已由元换算为 1.2 万元"))).toBe(true);
    expect(r.notes.filter((n) => n.includes("表头"))).toEqual([]);
  });

  it("a fee header printed without its unit, or in half-width brackets, is its column exactly (no note)", () => {
    for (const header of ["本年收费金额", "本年收费金额(单位:万元)"]) {
      const r = read("2021", `信息内容 | ${header}`, "行政事业性收费 | 3.5");
      expect(r.table.fees).toEqual({ amount: 3.5 });
      expect(r.notes.filter((n) => n.includes("表头"))).toEqual([]);
    }
  });

  it("a fee under a header in 万元 stays as printed", () => {
    const r = read("2021", "信息内容 | 本年收费金额（单位：万元）", "行政事业性收费 | 12000");
    expect(r.table.fees).toEqual({ amount: 12000 });
    expect(r.notes.some((n) => n.includes("换算"))).toBe(false);
  });

  it("a count column printed in 元 is not an amount", () => {
    const r = read("2021", "信息内容 | 本年处理决定数量（元）", "行政许可 | 12000");
    expect(r.table.licensing).toEqual({ decisions: 12000 });
  });
});

describe("table 二: rows by their labels", () => {
  it("rows printed in another order are given in the edition's order", () => {
    const r = read("2021", "行政许可 | 5", "规章 | 1 | 2 | 3");
    expect(Object.keys(r.table)).toEqual(["regulations", "licensing"]);
  });

  it("a label broken over two lines is the whole label", () => {
    const r = read("2021", "行政事业性", "收费 | 3");
    expect(r.table.fees).toEqual({ amount: 3 });
    expect(r.unread.filter((u) => u[0].startsWith("activeDisclosure.fees"))).toEqual([]);
  });

  it("a first part that names no row is dropped: the next row is read by its own label", () => {
    const r = read("2021", "其他说明", "行政许可 | 5");
    expect(r.table.licensing).toEqual({ decisions: 5 });
    const near = read("2021", "主动公开", "行政许可 | 5");
    expect(near.table.licensing).toEqual({ decisions: 5 });
    expect(near.notes.filter((n) => n.startsWith("表二的行"))).toEqual([]);
  });

  it("an empty row between the two parts of a label is skipped", () => {
    const r = read("2021", "行政事业性", " | ", "收费 | 3");
    expect(r.table.fees).toEqual({ amount: 3 });
  });

  it("the first part of a label waits only for the next row: a 第二十条 line in between drops it", () => {
    const r = read("2021", "行政事业性", "第二十条第（八）项", "收费 | 3");
    expect(r.table.fees).toBeUndefined();
    expect(r.unread).toContainEqual(["activeDisclosure", "无法识别的行「收费」，未读取"]);
  });

  it("another name of 行政规范性文件 is read for it, with a note", () => {
    const r = read("2021", "规范性文件 | 4 | 5 | 6");
    expect(r.table.normativeDocuments).toEqual({ made: 4, repealed: 5, inForce: 6 });
    expect(r.notes).toContain("表二的行「规范性文件」按「行政规范性文件」读取。");
  });

  it("the exact label gets no note", () => {
    const r = read("2021", "行政许可 | 5");
    expect(r.notes.filter((n) => n.startsWith("表二的行"))).toEqual([]);
  });

  it("a row printed twice: the first one's numbers, and a note", () => {
    const r = read("2021", "行政许可 | 5", "行政许可 | 7");
    expect(r.table.licensing).toEqual({ decisions: 5 });
    expect(r.notes).toContain("表二的行「行政许可」出现了不止一次，取第一次的数字。");
  });

  it("a row of the 2019 edition in a 2021 report is not read, and said so", () => {
    const r = read("2021", "其他对外管理服务事项 | 1 | 0 | 2");
    expect(r.table).toEqual({});
    expect(r.unread).toContainEqual(["activeDisclosure", "2019年版格式的行「其他对外管理服务事项」不属于2021年版，未读取"]);
    expect(r.log.unread[0].label).toBe("其他对外管理服务事项");
  });

  it("a label only like a row of the 2019 edition is not taken for it", () => {
    const r = read("2021", "其他管理服务事项 | 1");
    expect(r.unread).toContainEqual(["activeDisclosure", "无法识别的行「其他管理服务事项」，未读取"]);
  });

  it("a 2019 report reads the rows only its edition has", () => {
    const r = read("2019", "其他对外管理服务事项 | 1 | 0 | 2", "政府集中采购 | 3 | 45.5");
    expect(r.table.otherServices).toEqual({ lastYearItems: 1, change: 0, decisions: 2 });
    expect(r.table.procurement).toEqual({ projects: 3, amount: 45.5 });
    expect(r.unread).toEqual([]);
  });

  it("a row whose label names no row is listed with its label; one without a label with its numbers", () => {
    const r = read("2021", "政府网站 | 5", " | 7 | 8");
    expect(r.unread).toContainEqual(["activeDisclosure", "无法识别的行「政府网站」，未读取"]);
    expect(r.unread).toContainEqual(["activeDisclosure", "无法识别的行「7 8」，未读取"]);
    expect(r.log.unread.map((u) => u.label)).toEqual(expect.arrayContaining(["政府网站", "（无行名）"]));
  });

  it("empty rows are skipped", () => {
    const r = read("2021", " | ", "行政许可 | 5", "|");
    expect(r.table).toEqual({ licensing: { decisions: 5 } });
  });
});

describe("table 二: rows not applicable", () => {
  it("a row printed as / or — is not applicable (not in the report), and said so", () => {
    const r = read("2021", "规章 | / | / | /", "行政许可 | —");
    expect(r.table.regulations).toBeUndefined();
    expect(r.table.licensing).toBeUndefined();
    expect(r.unread).toContainEqual(["activeDisclosure.regulations", "该行印为“/”或“—”，视为不适用（不列入报告）"]);
    expect(r.unread).toContainEqual(["activeDisclosure.licensing", "该行印为“/”或“—”，视为不适用（不列入报告）"]);
  });

  it("a row whose cells under the header are all empty is not applicable, and said so", () => {
    const r = read("2021", HEADER_2021, "规章 |  |  | ");
    expect(r.table.regulations).toBeUndefined();
    expect(r.unread).toContainEqual(["activeDisclosure.regulations", "该行各单元格均为空，视为不适用（不列入报告）"]);
    const other = read("2021", HEADER_2021, "规范性文件 |  |  | ");
    expect(other.unread).toContainEqual(["activeDisclosure.normativeDocuments", "该行各单元格均为空，视为不适用（不列入报告）"]);
  });

  it("a row printing its label alone is not applicable, and said so", () => {
    const r = read("2021", "规章");
    expect(r.table.regulations).toBeUndefined();
    expect(r.unread).toEqual([["activeDisclosure.regulations", "该行各单元格均为空，视为不适用（不列入报告）"]]);
  });

  it("a row of one placeholder and empty cells is printed as not applicable", () => {
    const r = read("2021", HEADER_2021, "规章 | / |  | ");
    expect(r.unread).toContainEqual(["activeDisclosure.regulations", "该行印为“/”或“—”，视为不适用（不列入报告）"]);
  });

  it("a row short of numbers, its blank cells marked: in order, the rest blank", () => {
    const r = read("2021", "规章 | 1");
    expect(r.table.regulations).toEqual({ made: 1, repealed: null, inForce: null });
    expect(r.unread).toContainEqual(["activeDisclosure.regulations.repealed", "单元格为空或未印出"]);
  });

  it("an empty cell right after the label is a blank value, also where a cell above covers a slot of the row", () => {
    const log = new ImportLog("2021");
    const covered: RowBlock = { kind: "row", cells: ["规章", "", "2", "3"], covered: true };
    expect(readActiveDisclosure([covered], "2021", log).regulations).toEqual({ made: null, repealed: 2, inForce: 3 });
  });

  it("a row with one number among placeholders is read, the placeholders blank", () => {
    const r = read("2021", "规章 | / | 2 | /");
    expect(r.table.regulations).toEqual({ made: null, repealed: 2, inForce: null });
    expect(r.unread).toContainEqual(["activeDisclosure.regulations.made", "印为“/”，按空白处理"]);
  });

  it("rows not printed are not applicable, noted once in the edition's order; rows listed as unread are not noted again", () => {
    const r = read("2021", "规章 | / | 2 | /", "行政许可 | 5", "行政强制 | /");
    expect(r.notes).toContain("表二未列出「行政规范性文件」、「行政处罚」、「行政事业性收费」，按不适用处理（不列入报告）。");
  });

  it("every row printed: nothing noted", () => {
    const r = read("2021", HEADER_2021, "规章 | 1 | 2 | 3", "行政规范性文件 | 4 | 5 | 6", "行政许可 | 7", "行政处罚 | 8", "行政强制 | 9", "行政事业性收费 | 1.5");
    expect(Object.keys(r.table)).toHaveLength(6);
    expect(r.notes).toEqual([]);
  });

  it("no rows at all: nothing noted", () => {
    const r = read("2021");
    expect(r.table).toEqual({});
    expect(r.notes).toEqual([]);
    expect(r.unread).toEqual([]);
  });

  it("a row whose numbers cannot be placed is listed with what it prints, its cells blank", () => {
    const log = new ImportLog("2021");
    const loose: RowBlock = { kind: "row", cells: ["规章", "1", "2"], loose: true };
    const table = readActiveDisclosure([loose], "2021", log);
    expect(table.regulations).toEqual({ made: null, repealed: null, inForce: null });
    expect(log.unread[0].where).toBe("activeDisclosure.regulations");
    expect(log.unread[0].reason).toMatch(/^该行印出 2 个数字，表格有 3 列，空白单元格没有留下位置，无法确定各数字所在的列，未读取（印出“1 2”）$/);
  });
});
