import { describe, expect, it } from "vitest";
import { htmlToBlocks, textToBlocks } from "./blocks";
import { candidate, matchLabel } from "./match";
import { levelOf, readContact, readWebsite, sectionHeading, splitSubsections, titleAt } from "./narrative";
import { sniffKind } from "./decode";
import { cleanText, matchKey, readDateLine, readValue } from "./text";

describe("printed cell values", () => {
  it.each([
    ["0", 0],
    ["+19", 19],
    ["-417", -417],
    ["－3", -3],
    ["１２", 12],
    ["1,234", 1234],
    ["25.1", 25.1],
    ["3件", 3],
    ["增加5", 5],
    ["减少2", -2],
  ])("%s → %s", (text, value) => {
    expect(readValue(text)).toMatchObject({ kind: "number", value });
  });

  it("keeps the unit of an amount", () => {
    expect(readValue("251000元")).toEqual({ kind: "number", value: 251000, text: "251000元", unit: "元" });
    expect(readValue("25.1万元")).toMatchObject({ value: 25.1, unit: "万元" });
  });

  it.each(["/", "／", "—", "-", "–", "——", "无", "一"])("%s is a placeholder", (text) => {
    expect(readValue(text).kind).toBe("placeholder");
  });

  it("tells empty from text", () => {
    expect(readValue(" \u00a0")).toEqual({ kind: "empty" });
    expect(readValue("见附件")).toEqual({ kind: "text", text: "见附件" });
  });
});

describe("text", () => {
  it("removes spaces next to Chinese text and Markdown marks, keeps punctuation", () => {
    expect(cleanText("(5) **加强重点领域信息公开。**2020 年以来，共 21 件")).toBe("(5)加强重点领域信息公开。2020年以来，共21件");
    expect(cleanText("在“网站”（<http://www.a.gov.cn>）上")).toBe("在“网站”（http://www.a.gov.cn）上");
    expect(cleanText("Windows  XP 系统")).toBe("Windows XP系统");
  });

  it("folds brackets, punctuation and spaces for matching", () => {
    expect(matchKey("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")).toBe(matchKey("(二) 部分公开(区分处理的,只计这一情形,不计其他情形)"));
  });

  it.each([
    ["2021年1月21日", "2021-01-21"],
    ["2021 年 1 月 21 日", "2021-01-21"],
    ["二〇二三年一月二十日", "2023-01-20"],
    ["2022-1-5", "2022-01-05"],
  ])("date %s → %s", (text, iso) => {
    expect(readDateLine(text)).toBe(iso);
  });

  it("a sentence with a date is not a date line", () => {
    expect(readDateLine("2021年1月21日召开会议")).toBeUndefined();
    expect(readDateLine("2021年13月1日")).toBeUndefined();
  });
});

describe("labels", () => {
  const rows = [
    candidate("granted", "（一）予以公开"),
    candidate("partiallyGranted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    candidate("fees", "行政事业性收费"),
    candidate("normativeDocuments", "行政规范性文件", "规范性文件"),
  ];

  it("matches with the headings printed before the label and with other brackets", () => {
    expect(matchLabel("三、本年度办理结果(一)予以公开", rows)).toEqual({ key: "granted", how: "exact" });
  });

  it("matches a label cut short, a typo and an alias, and says how", () => {
    expect(matchLabel("（二）部分公开", rows)).toEqual({ key: "partiallyGranted", how: "prefix" });
    expect(matchLabel("行政事业型收费", rows)).toEqual({ key: "fees", how: "fuzzy" });
    expect(matchLabel("规范性文件", rows)).toEqual({ key: "normativeDocuments", how: "alias" });
  });

  it("does not guess", () => {
    expect(matchLabel("合计", rows)).toBeUndefined();
    expect(matchLabel("（二）部分公开", rows, { exactOnly: true })).toBeUndefined();
  });
});

describe("narrative", () => {
  it("finds section headings in their usual numberings, not sentences", () => {
    expect(sectionHeading("一、总体情况")?.key).toBe("overview");
    expect(sectionHeading("1 总体情况")?.key).toBe("overview");
    expect(sectionHeading("四．政府信息公开行政复议、行政诉讼情况")?.key).toBe("reviewLitigation");
    expect(sectionHeading("五、存在的主要问题及改进情况")?.key).toBe("problems");
    expect(sectionHeading("（一）主动公开情况")).toBeUndefined();
    expect(sectionHeading("全文包括总体情况，主动公开政府信息情况。")).toBeUndefined();
  });

  it("reads titles with the agency before or after the year, and joins a title broken after the agency", () => {
    expect(titleAt(["某局2021年政府信息公开工作年度报告"], 0)).toMatchObject({ agency: "某局", year: 2021 });
    expect(titleAt(["2021年度某市某局政府信息公开工作年度报告"], 0)).toMatchObject({ agency: "某市某局", year: 2021 });
    expect(titleAt(["某街道办事处", "2020 年政府信息公开工作年度报告".replace(" ", "")], 1)).toMatchObject({
      agency: "某街道办事处",
      title: "某街道办事处2020年政府信息公开工作年度报告",
    });
  });

  it("splits sub-headings of one numbering style; other numberings stay in the text", () => {
    expect(splitSubsections(["前言。", "（一）主动公开情况。正文一。", "1.细项。", "（二）依申请公开", "正文二。"])).toEqual([
      { heading: "", text: "前言。" },
      { heading: "主动公开情况", text: "正文一。\n\n1.细项。" },
      { heading: "依申请公开", text: "正文二。" },
    ]);
  });

  it("reads website and contact details", () => {
    expect(readWebsite("本报告在“某区人民政府门户网站”（http://www.a.gov.cn/zwgk/）上公开")).toEqual({
      name: "某区人民政府门户网站",
      url: "http://www.a.gov.cn/zwgk/",
    });
    expect(readContact("（通讯地址：某路1号；联系电话：0535—1234567；邮政编码：265600）")).toEqual({
      address: "某路1号",
      phone: "0535-1234567",
      postcode: "265600",
    });
  });

  it("tells the agency level from its name", () => {
    expect(levelOf("烟台市蓬莱区蓬莱阁街道办事处")).toBe("township");
    expect(levelOf("某县某镇人民政府")).toBe("township");
    expect(levelOf("烟台市蓬莱区人民政府")).toBe("government");
    expect(levelOf("烟台市蓬莱区人民政府办公室")).toBe("department");
  });
});

describe("blocks", () => {
  it("text: tabs, runs of spaces, Markdown tables and a label followed by numbers are rows", () => {
    const blocks = textToBlocks("标题\n规章\t0\t0\n行政许可    3    +1\n| a | 1 |\n|---|---|\n行政处罚 5 6\n2020 年，本局。");
    expect(blocks).toEqual([
      { kind: "para", text: "标题" },
      { kind: "row", cells: ["规章", "0", "0"] },
      { kind: "row", cells: ["行政许可", "3", "+1"], loose: true },
      { kind: "row", cells: ["a", "1"] },
      { kind: "row", cells: ["行政处罚", "5", "6"], loose: true },
      { kind: "para", text: "2020 年，本局。" },
    ]);
  });

  it("HTML: merged cells expanded onto the grid; a layout table read as paragraphs", () => {
    const blocks = htmlToBlocks(
      '<p>甲</p><table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>1</td><td>2</td></tr></table>' +
        "<table><tr><td><p>正文第一段</p><table><tr><td>x</td></tr></table></td></tr></table>",
    );
    expect(blocks[0]).toEqual({ kind: "para", text: "甲" });
    expect(blocks[1]).toMatchObject({ kind: "row", cells: ["A", "B", ""], grid: { filled: ["A", "B", "B"] } });
    expect(blocks[2]).toMatchObject({ kind: "row", cells: ["", "1", "2"], grid: { filled: ["A", "1", "2"] } });
    expect(blocks[3]).toEqual({ kind: "para", text: "正文第一段" });
  });

  it("tells the kind of a file by its name, else by its content", () => {
    expect(sniffKind("", "a.DOCX")).toBe("docx");
    expect(sniffKind("", "a.htm")).toBe("html");
    expect(sniffKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe("docx");
    expect(sniffKind("<!DOCTYPE html><html>")).toBe("html");
    expect(sniffKind("一、总体情况")).toBe("text");
  });
});
