/** The importer's text helpers, one by one: markup, spacing, label keys, numbering, printed values and dates. */
import { describe, expect, it } from "vitest";
import { cleanText, isValueLike, matchKey, numberingOf, readDateLine, readValue, similarity, stripMarkup, stripNumbering, yuanToWan } from "./text";

describe("stripMarkup", () => {
  it("drops Markdown bold, headings, quotes and link brackets, zero-width characters, and collapses spaces", () => {
    expect(stripMarkup("**加强**__管理__")).toBe("加强管理");
    expect(stripMarkup("## 一、总体情况")).toBe("一、总体情况");
    expect(stripMarkup("####### 七个")).toBe("####### 七个");
    expect(stripMarkup("  > 引文")).toBe("引文");
    expect(stripMarkup("见 <www.example.gov.cn> 与 <HTTPS://a.gov.cn/x>")).toBe("见 www.example.gov.cn 与 HTTPS://a.gov.cn/x");
    expect(stripMarkup("<mailto:a@b.cn>")).toBe("<mailto:a@b.cn>");
    expect(stripMarkup("a\u200bb\ufeffc")).toBe("abc");
    expect(stripMarkup(" a \t\u00a0 b ")).toBe("a b");
    expect(stripMarkup("a # b > c")).toBe("a # b > c");
  });
});

describe("cleanText", () => {
  it("removes spaces on either side of Chinese text and full-width punctuation, and keeps them between Latin words", () => {
    expect(cleanText("共 21 件")).toBe("共21件");
    expect(cleanText("“网站” ： http")).toBe("“网站”：http");
    expect(cleanText("中\u3000文")).toBe("中文");
    expect(cleanText("A B")).toBe("A B");
    expect(cleanText("Office 2019 版")).toBe("Office 2019版");
    expect(cleanText("表 ２")).toBe("表２");
    expect(cleanText("㐀 x")).toBe("㐀x");
    expect(cleanText("x —— y")).toBe("x——y");
  });
});

describe("matchKey", () => {
  it("folds full-width forms and case, and drops spaces, punctuation and symbols", () => {
    expect(matchKey("ＡＢ （一） a-b + c")).toBe("ab一abc");
    expect(matchKey("Total")).toBe("total");
  });
});

describe("numbering", () => {
  it.each([
    ["一、总体情况", "总体情况"],
    ["第一部分 总体情况", "总体情况"],
    ["十二．其他", "其他"],
    ["（三）不予公开", "不予公开"],
    ["(12) 其他", "其他"],
    ["〔一〕说明", "说明"],
    ["1. 说明", "说明"],
    ["12、说明", "说明"],
    ["3 说明", "说明"],
    ["Ⅳ、说明", "说明"],
    ["  二 说明", "说明"],
  ])("stripNumbering(%s) is %s", (text, rest) => {
    expect(stripNumbering(text)).toBe(rest);
  });

  it("leaves text without numbering, and a number that is the text, alone", () => {
    expect(stripNumbering("总体情况")).toBe("总体情况");
    expect(stripNumbering("2021年")).toBe("2021年");
    expect(stripNumbering("123、说明")).toBe("123、说明");
  });

  it.each([
    ["（一）主动公开", "paren-cn", "主动公开"],
    ["(2) 依申请", "paren-arabic", "依申请"],
    ["1. 平台", "arabic", "平台"],
    ["2、平台", "arabic", "平台"],
    ["三、管理", "cn", "管理"],
  ] as const)("numberingOf(%s) is %s", (text, style, rest) => {
    expect(numberingOf(text)).toEqual({ style, rest });
  });

  it("finds no numbering in a decimal, a plain sentence or a long number", () => {
    expect(numberingOf("1.5万元")).toBeUndefined();
    expect(numberingOf("总体情况")).toBeUndefined();
    expect(numberingOf("123. 说明")).toBeUndefined();
    expect(numberingOf("三 管理")).toBeUndefined();
  });
});

describe("similarity", () => {
  it("is 1 − edit distance / longer length", () => {
    expect(similarity("公开", "公开")).toBe(1);
    expect(similarity("", "公开")).toBe(0);
    expect(similarity("公开", "")).toBe(0);
    expect(similarity("予以公开", "予以公")).toBe(0.75);
    expect(similarity("abcd", "abxd")).toBe(0.75);
    expect(similarity("abcd", "xabcd")).toBe(0.8);
    expect(similarity("kitten", "sitting")).toBeCloseTo(1 - 3 / 7, 10);
    expect(similarity("ab", "ba")).toBe(0);
  });
});

describe("readValue", () => {
  it("reads signs, decimals, thousands separators and units", () => {
    expect(readValue("+5")).toEqual({ kind: "number", value: 5, text: "+5" });
    expect(readValue("-0")).toEqual({ kind: "number", value: 0, text: "-0" });
    expect(Object.is((readValue("-0") as { value: number }).value, 0)).toBe(true);
    expect(readValue("—3")).toMatchObject({ kind: "number", value: -3 });
    expect(readValue("−3")).toMatchObject({ kind: "number", value: -3 });
    expect(readValue("12,345,678")).toMatchObject({ value: 12345678 });
    expect(readValue("1,23")).toEqual({ kind: "text", text: "1,23" });
    expect(readValue("3.5万")).toEqual({ kind: "number", value: 3.5, text: "3.5万", unit: "万元" });
    expect(readValue("7项")).toEqual({ kind: "number", value: 7, text: "7项" });
    expect(readValue("2人次")).toEqual({ kind: "number", value: 2, text: "2人次" });
    expect(readValue("增3")).toMatchObject({ value: 3 });
    expect(readValue("减3")).toMatchObject({ value: -3 });
    expect(readValue("1 234")).toMatchObject({ value: 1234 });
    expect(readValue("3.")).toEqual({ kind: "text", text: "3." });
    expect(readValue("a3")).toEqual({ kind: "text", text: "a3" });
    expect(readValue("3a")).toEqual({ kind: "text", text: "3a" });
  });

  it("takes dashes, slashes, 无 and the like as placeholders, keeping the text", () => {
    for (const text of ["/", "\\", "~", "～", "_", "…", "×", "x", "X", "暂无", "空", "不适用", "None", "N/A", "na", "---"]) {
      expect(readValue(text), text).toEqual({ kind: "placeholder", text });
    }
    expect(readValue("无效")).toEqual({ kind: "text", text: "无效" });
    expect(readValue("xx1")).toEqual({ kind: "text", text: "xx1" });
  });

  it("isValueLike: numbers and placeholders, not text or blanks", () => {
    expect(isValueLike("3")).toBe(true);
    expect(isValueLike("/")).toBe(true);
    expect(isValueLike("见附件")).toBe(false);
    expect(isValueLike(" ")).toBe(false);
  });
});

describe("yuanToWan", () => {
  it("turns 元 into 万元 without binary noise", () => {
    expect(yuanToWan(251000)).toBe(25.1);
    expect(yuanToWan(3)).toBe(0.0003);
    expect(yuanToWan(1234567)).toBe(123.4567);
  });
});

describe("readDateLine", () => {
  it.each([
    ["2021年12月31日", "2021-12-31"],
    ["二〇二一年十二月三十一日", "2021-12-31"],
    ["二零二一年十月十日", "2021-10-10"],
    ["二O二一年一月九日", "2021-01-09"],
    ["2021.1.2", "2021-01-02"],
    ["2021/01/02", "2021-01-02"],
    ["\u30002021年1月2日 ", "2021-01-02"],
  ])("%s → %s", (text, iso) => {
    expect(readDateLine(text)).toBe(iso);
  });

  it.each(["2021年0月1日", "2021年1月0日", "2021年1月32日", "2021-13-01", "x2021-01-01", "2021-01-01x", "二〇二一年一月三十二日", "2021年十十月1日", "21年1月1日", "2021年1月"])(
    "%s is not a date",
    (text) => {
      expect(readDateLine(text)).toBeUndefined();
    },
  );
});

describe("the text helpers at their edges", () => {
  it("numbering with spaces inside its brackets, and numbers of two digits", () => {
    expect(stripNumbering("（ 一 ）说明")).toBe("说明");
    expect(numberingOf("（ 一）主动公开")).toEqual({ style: "paren-cn", rest: "主动公开" });
    expect(numberingOf("（十二）其他")).toEqual({ style: "paren-cn", rest: "其他" });
    expect(numberingOf("(12) 其他")).toEqual({ style: "paren-arabic", rest: "其他" });
    expect(numberingOf("(2 ) 依申请")).toEqual({ style: "paren-arabic", rest: "依申请" });
    expect(numberingOf("12. 说明")).toEqual({ style: "arabic", rest: "说明" });
  });

  it("two empty strings are alike", () => {
    expect(similarity("", "")).toBe(1);
  });

  it("a placeholder or a worded change is the whole cell, not the end of a longer text", () => {
    expect(readValue("见附件/")).toEqual({ kind: "text", text: "见附件/" });
    expect(readValue("增12")).toEqual({ kind: "number", value: 12, text: "增12" });
    expect(readValue("共增3")).toEqual({ kind: "text", text: "共增3" });
    expect(readValue("增3件")).toEqual({ kind: "text", text: "增3件" });
  });

  it("dates: the first day of a month, nothing before the date, and no day that is not a number", () => {
    expect(readDateLine("2021年1月1日")).toBe("2021-01-01");
    expect(readDateLine("于2021年1月2日")).toBeUndefined();
    expect(readDateLine("2021年1月十十日")).toBeUndefined();
  });
});
