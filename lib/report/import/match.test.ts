/** Tolerant label matching, one rule at a time, and the importer's log. */
import { describe, expect, it } from "vitest";
import { candidate, ImportLog, matchLabel, quoted } from "./match";

const rows = [
  candidate("granted", "（一）予以公开"),
  candidate("partiallyGranted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
  candidate("fees", "行政事业性收费"),
  candidate("normativeDocuments", "行政规范性文件", "规范性文件"),
  candidate("regulations", "规章"),
  candidate("licensing", "行政许可"),
  candidate("punishment", "行政处罚"),
];

describe("matchLabel", () => {
  it("takes the longest label a printed label ends with", () => {
    expect(matchLabel("本机关行政规范性文件", rows)).toEqual({ key: "normativeDocuments", how: "exact" });
    expect(matchLabel("其他规范性文件", rows)).toEqual({ key: "normativeDocuments", how: "alias" });
    expect(matchLabel("  ", rows)).toBeUndefined();
    expect(matchLabel("（）", rows)).toBeUndefined();
  });

  it("a label cut short: one candidate starts with it; two or three characters must be enough of it", () => {
    expect(matchLabel("行政事业", rows)).toEqual({ key: "fees", how: "prefix" });
    expect(matchLabel("行政", rows)).toBeUndefined(); // four candidates start with it
    expect(matchLabel("规", rows)).toBeUndefined(); // one character is no label
    // Two characters are enough only for half of the label or more.
    expect(matchLabel("部分", rows)).toBeUndefined();
    expect(matchLabel("x", [candidate("ab", "ab公开")])).toBeUndefined();
    expect(matchLabel("ab", [candidate("ab", "ab公开")])).toEqual({ key: "ab", how: "prefix" });
    expect(matchLabel("ab", [candidate("ab", "ab公开文件")])).toBeUndefined();
    expect(matchLabel("abc", [candidate("ab", "abc公开文件一二三四")])).toEqual({ key: "ab", how: "prefix" });
    // The row's own cell is what is compared when given.
    expect(matchLabel("三、本年度办理结果 行政事业", rows, { own: "行政事业" })).toEqual({ key: "fees", how: "prefix" });
  });

  it("a typo: three characters in four alike, in the label's own cell or at the end of the whole label; short labels never", () => {
    expect(matchLabel("行政事业型收费", rows)).toEqual({ key: "fees", how: "fuzzy" });
    expect(matchLabel("行政事物型收费", rows)).toBeUndefined();
    expect(matchLabel("某某行政处法", rows)).toEqual({ key: "punishment", how: "fuzzy" });
    expect(matchLabel("行政许诺", rows)).toEqual({ key: "licensing", how: "fuzzy" });
    expect(matchLabel("规草", rows)).toBeUndefined();
    expect(matchLabel("三、结果 行政事业型收费", rows, { own: "x" })).toEqual({ key: "fees", how: "fuzzy" });
  });

  it("prefers the closer of two alike labels", () => {
    expect(matchLabel("行政许罚", rows)).toEqual({ key: "licensing", how: "fuzzy" });
    expect(matchLabel("行政处许", rows)).toEqual({ key: "punishment", how: "fuzzy" });
  });

  it("a note in brackets after the label names the row the label names", () => {
    expect(matchLabel("规章（设区的市、自治州人民政府应提供相关数据）", rows)).toEqual({ key: "regulations", how: "alias" });
    expect(matchLabel("行政事业（注）", rows, { own: "行政事业（注）" })).toEqual({ key: "fees", how: "prefix" });
    expect(matchLabel("（注）", rows)).toBeUndefined();
    expect(matchLabel("其他（注）", rows)).toBeUndefined();
  });

  it("exactOnly takes full labels only", () => {
    expect(matchLabel("（一）予以公开", rows, { exactOnly: true })).toEqual({ key: "granted", how: "exact" });
    expect(matchLabel("行政事业型收费", rows, { exactOnly: true })).toBeUndefined();
    expect(matchLabel("规章（注）", rows, { exactOnly: true })).toBeUndefined();
  });
});

describe("matchLabel: edges", () => {
  it("the longest label the printed label ends with wins, whichever candidate comes first", () => {
    const short = [candidate("documents", "文件"), candidate("normative", "规范性文件")];
    expect(matchLabel("本机关规范性文件", short)).toEqual({ key: "normative", how: "exact" });
    expect(matchLabel("其他文件", short)).toEqual({ key: "documents", how: "exact" });
  });

  it("a candidate whose label is only numbering names no printed label", () => {
    expect(matchLabel("其他事项", [candidate("blank", "（一）")])).toBeUndefined();
  });

  it("a blank label names nothing, even with the row's own cell given", () => {
    expect(matchLabel("", rows, { own: "行政事业" })).toBeUndefined();
    expect(matchLabel(" ", rows, { own: "行政事业性收费" })).toBeUndefined();
  });

  it("a label under four characters is never taken for a typo (one character more in three is not the label)", () => {
    expect(matchLabel("收费金额", [candidate("fee", "收费额")])).toBeUndefined();
    // Four characters, one differing, are.
    expect(matchLabel("收费全额", [candidate("fee", "收费金额")])).toEqual({ key: "fee", how: "fuzzy" });
  });

  it("only a note at the end of the label is a note; spaces after it are not text", () => {
    expect(matchLabel("规章（注） ", rows)).toEqual({ key: "regulations", how: "alias" });
    expect(matchLabel("规章（注）其他", rows)).toBeUndefined();
    expect(matchLabel("行政（设区的市应提供）许可", rows)).toBeUndefined();
    // A closing bracket without its opening one closes no note.
    expect(matchLabel("行政许（可）其他说明）", rows)).toBeUndefined();
    // One character left without the note is no label.
    expect(matchLabel("章（注）", [candidate("x", "章")])).toBeUndefined();
  });

  it("the row's own cell loses its note too, and is what the label without the note is compared by", () => {
    expect(matchLabel("三、结果 行政事业（设区的市提供）", rows, { own: "行政事业（设区的市提供）" })).toEqual({
      key: "fees",
      how: "prefix",
    });
    expect(matchLabel("三、结果 行政事业 （设区的市提供） ", rows, { own: "行政事业 （设区的市提供） " })).toEqual({
      key: "fees",
      how: "prefix",
    });
  });
});

describe("ImportLog", () => {
  it("counts the cells read per table, and ignores paths of other places", () => {
    const log = new ImportLog("2021");
    log.cellRead("requests.granted.total");
    log.cellRead("requests.granted.naturalPerson");
    log.cellRead("reviewLitigation.review.total");
    log.cellRead("contact.phone");
    expect(log.cellsRead).toEqual({ activeDisclosure: 0, requests: 2, reviewLitigation: 1 });
  });

  it("names unread places by their Chinese label, unquoted when it is one label", () => {
    const log = new ImportLog("2021");
    log.unreadAt("requests", "未找到表格");
    log.unreadAt("requests.granted.total", "单元格为空");
    log.unreadAt("somewhere", "x");
    log.unreadAt("contact.phone", "未印出", "电话");
    expect(log.unread).toEqual([
      { where: "requests", label: "三、收到和处理政府信息公开申请情况", reason: "未找到表格" },
      { where: "requests.granted.total", label: "「三、本年度办理结果（一）予以公开」的「总计」", reason: "单元格为空" },
      { where: "somewhere", label: "somewhere", reason: "x" },
      { where: "contact.phone", label: "电话", reason: "未印出" },
    ]);
  });

  it("keeps each note once", () => {
    const log = new ImportLog("2019");
    log.note("金额由元换算为万元。");
    log.note("金额由元换算为万元。");
    log.note("另一条。");
    expect(log.notes).toEqual(["金额由元换算为万元。", "另一条。"]);
    expect(quoted("予以公开")).toBe("「予以公开」");
  });
});
