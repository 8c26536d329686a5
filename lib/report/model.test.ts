import { describe, expect, it } from "vitest";
import { getEdition } from "./editions";
import {
  cellLabel,
  cellPath,
  computeTotals,
  defaultTitle,
  emptyReport,
  hasOtherApplicant,
  labelText,
  normalizeRequests,
  normalizeReviewLitigation,
  parseCellPath,
  requestColumnKeys,
  roundSum,
  sumCells,
} from "./model";
import { cleanReport } from "./testing";

describe("emptyReport", () => {
  it("has every table row with blank cells, the default title and the five overview headings", () => {
    const r = emptyReport("2021", 2022, { name: "某县财政局", level: "department" });
    expect(r).toMatchObject({
      format: "gov-info-disclosure-annual-report",
      formatVersion: 1,
      edition: "2021",
      year: 2022,
      agency: { name: "某县财政局", level: "department" },
      title: "某县财政局2022年政府信息公开工作年度报告",
    });
    expect(Object.keys(r.activeDisclosure)).toEqual(["regulations", "normativeDocuments", "licensing", "punishment", "coercion", "fees"]);
    expect(r.activeDisclosure.fees).toEqual({ amount: null });
    expect(Object.keys(r.requests)).toHaveLength(25);
    expect(r.requests.otherOther).toEqual({
      naturalPerson: null, commercial: null, research: null, publicInterest: null, legalService: null, otherOrg: null, total: null,
    });
    expect(r.reviewLitigation.review).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null });
    expect(r.overview?.map((s) => s.heading)).toEqual(["主动公开情况", "依申请公开情况", "政府信息管理情况", "政府信息公开平台建设情况", "监督保障情况"]);
    expect(r.overview?.every((s) => s.text === "")).toBe(true);
    expect(Object.keys(emptyReport("2019", 2020, { name: "x" }).requests)).toContain("otherHandling");
  });

  it("makes the default title", () => {
    expect(defaultTitle("烟台市蓬莱区蓬莱阁街道", 2020)).toBe("烟台市蓬莱区蓬莱阁街道2020年政府信息公开工作年度报告");
  });
});

describe("computeTotals", () => {
  it("fills row totals, （七）总计 and table 四 totals; blank only when every part is blank", () => {
    const r = emptyReport("2019", 2020, { name: "x" });
    r.requests.granted.naturalPerson = 2;
    r.requests.granted.commercial = 1;
    r.requests.deniedStateSecret.naturalPerson = 3;
    r.requests.newReceived.research = 0;
    r.reviewLitigation.review.upheld = 1;
    r.reviewLitigation.review.pending = 2;
    const t = computeTotals(r);
    expect(t.requests.granted.total).toBe(3);
    expect(t.requests.deniedStateSecret.total).toBe(3);
    expect(t.requests.newReceived.total).toBe(0);
    expect(t.requests.carriedOver.total).toBeNull();
    expect(t.requests.totalHandled).toMatchObject({ naturalPerson: 5, commercial: 1, research: null, total: 6 });
    expect(t.reviewLitigation.review.total).toBe(3);
    expect(t.reviewLitigation.litigationDirect.total).toBeNull();
    expect(r.requests.granted.total).toBeNull(); // input untouched
  });

  it("includes otherApplicant in row totals and normalizes it into every row", () => {
    const r = cleanReport("2021");
    r.requests.newReceived.otherApplicant = 2;
    const t = computeTotals(r);
    expect(t.requests.newReceived.total).toBe(2);
    expect(t.requests.otherOther.otherApplicant).toBeNull();
    expect(requestColumnKeys("2021", t.requests)).toContain("otherApplicant");
  });

  it("sums decimals without binary noise", () => {
    expect(sumCells([0.1, 0.2, null])).toBe(0.3);
    expect(sumCells([null, null])).toBeNull();
  });
});

describe("cellLabel", () => {
  it("names table cells by their Chinese labels", () => {
    expect(cellLabel("2019", "requests.totalHandled.naturalPerson")).toMatchObject({
      row: "三、本年度办理结果（七）总计",
      column: "自然人",
      text: "「三、本年度办理结果（七）总计」的「自然人」",
    });
    expect(labelText("2021", "requests.deniedStateSecret.otherOrg")).toBe(
      "「三、本年度办理结果（三）不予公开1.属于国家秘密」的「法人或其他组织·其他」",
    );
    expect(labelText("2019", "activeDisclosure.licensing.change")).toBe("「行政许可」的「本年增/减」");
    expect(cellLabel("2019", "activeDisclosure.licensing.change")?.group).toBe("第二十条第（五）项");
    expect(labelText("2021", "reviewLitigation.litigationAfterReview.total")).toBe("「行政诉讼·复议后起诉」的「总计」");
  });

  it("names text fields and sections, and knows nothing of other editions' rows", () => {
    expect(labelText("2019", "contact.phone")).toBe("「联系电话」");
    expect(labelText("2019", "problems")).toBe("「五、存在的主要问题及改进情况」");
    expect(cellLabel("2019", "requests.otherOther.total")).toBeUndefined();
    expect(cellLabel("2021", "activeDisclosure.procurement.amount")).toBeUndefined();
    expect(labelText("2021", "nonsense.path")).toBe("nonsense.path");
  });
});

describe("labels of the front matter", () => {
  it("names every field of the cover page and the file in Chinese", () => {
    const fields = {
      format: "文件格式",
      formatVersion: "格式版本号",
      edition: "报告格式版本",
      year: "报告年度",
      agency: "机关",
      "agency.name": "机关名称",
      "agency.level": "机关层级",
      title: "报告标题",
      date: "报告日期",
      intro: "引言",
      website: "发布网站",
      "website.name": "网站名称",
      "website.url": "网站网址",
      contact: "联系方式",
      "contact.address": "联系地址",
      "contact.phone": "联系电话",
      "contact.postcode": "邮政编码",
    };
    for (const [path, label] of Object.entries(fields)) {
      expect(cellLabel("2021", path)).toEqual({ section: "报告信息", row: label, text: `「${label}」` });
      expect(labelText("2019", path)).toBe(`「${label}」`);
    }
    expect(cellLabel("2021", "contact.fax")).toBeUndefined();
  });
});

describe("cellLabel, every level of each table", () => {
  it("a section, and a table named without a row", () => {
    expect(cellLabel("2021", "overview")).toEqual({ section: "一、总体情况", row: "一、总体情况", text: "「一、总体情况」" });
    expect(cellLabel("2021", "overview.0")).toEqual({ section: "一、总体情况", row: "一、总体情况", text: "「一、总体情况」" });
    expect(cellLabel("2021", "requests")).toEqual({
      section: "三、收到和处理政府信息公开申请情况",
      row: "三、收到和处理政府信息公开申请情况",
      text: "「三、收到和处理政府信息公开申请情况」",
    });
  });

  it("table 二: a row, a cell, and nothing for an unknown row or cell", () => {
    expect(cellLabel("2019", "activeDisclosure.licensing")).toEqual({
      section: "二、主动公开政府信息情况",
      group: "第二十条第（五）项",
      row: "行政许可",
      text: "「行政许可」",
    });
    expect(cellLabel("2019", "activeDisclosure.licensing.change")).toEqual({
      section: "二、主动公开政府信息情况",
      group: "第二十条第（五）项",
      row: "行政许可",
      column: "本年增/减",
      text: "「行政许可」的「本年增/减」",
    });
    expect(cellLabel("2019", "activeDisclosure.licensing.inForce")).toBeUndefined();
    expect(cellLabel("2019", "activeDisclosure.nothing.change")).toBeUndefined();
  });

  it("table 三: a row, a cell, and nothing for an unknown row or column", () => {
    expect(cellLabel("2021", "requests.newReceived")).toEqual({
      section: "三、收到和处理政府信息公开申请情况",
      row: "一、本年新收政府信息公开申请数量",
      text: "「一、本年新收政府信息公开申请数量」",
    });
    expect(cellLabel("2021", "requests.newReceived.total")).toEqual({
      section: "三、收到和处理政府信息公开申请情况",
      row: "一、本年新收政府信息公开申请数量",
      column: "总计",
      text: "「一、本年新收政府信息公开申请数量」的「总计」",
    });
    expect(cellLabel("2021", "requests.newReceived.nobody")).toBeUndefined();
    expect(cellLabel("2021", "requests.nothing")).toBeUndefined();
  });

  it("table 四: a group, a cell, and nothing for an unknown group or cell", () => {
    expect(cellLabel("2021", "reviewLitigation.litigationDirect")).toEqual({
      section: "四、政府信息公开行政复议、行政诉讼情况",
      row: "行政诉讼·未经复议直接起诉",
      text: "「行政诉讼·未经复议直接起诉」",
    });
    expect(cellLabel("2021", "reviewLitigation.review.upheld")).toEqual({
      section: "四、政府信息公开行政复议、行政诉讼情况",
      row: "行政复议",
      column: "结果维持",
      text: "「行政复议」的「结果维持」",
    });
    expect(cellLabel("2021", "reviewLitigation.review.nothing")).toBeUndefined();
    expect(cellLabel("2021", "reviewLitigation.nothing")).toBeUndefined();
  });

  it("takes an edition as well as its id, and labelText gives the same text again", () => {
    expect(cellLabel(getEdition("2019"), "activeDisclosure.licensing.change")?.text).toBe("「行政许可」的「本年增/减」");
    expect(labelText(getEdition("2021"), "requests.newReceived.total")).toBe("「一、本年新收政府信息公开申请数量」的「总计」");
    expect(labelText("2021", "requests.newReceived.total")).toBe("「一、本年新收政府信息公开申请数量」的「总计」");
    expect(labelText("2019", "activeDisclosure.regulations.inForce")).toBe("activeDisclosure.regulations.inForce");
  });
});

describe("cell paths", () => {
  it("are table.row.cell, and read back", () => {
    expect(cellPath("requests", "totalHandled", "naturalPerson")).toBe("requests.totalHandled.naturalPerson");
    expect(parseCellPath("requests.totalHandled.naturalPerson")).toEqual({ table: "requests", row: "totalHandled", cell: "naturalPerson" });
    expect(parseCellPath("intro")).toEqual({ table: "intro", row: undefined, cell: undefined });
  });
});

describe("table 三 and 四 normalized", () => {
  it("drops unknown rows and cells, keeps values, and blanks what is missing", () => {
    const requests = normalizeRequests("2021", {
      newReceived: { naturalPerson: 3, nobody: 5 },
      noSuchRow: { naturalPerson: 1 },
    } as never);
    expect(requests).not.toHaveProperty("noSuchRow");
    expect(requests.newReceived).toEqual({
      naturalPerson: 3, commercial: null, research: null, publicInterest: null, legalService: null, otherOrg: null, total: null,
    });
    const review = normalizeReviewLitigation("2021", { review: { upheld: 2, extra: 1 }, noSuchGroup: { upheld: 1 } } as never);
    expect(Object.keys(review)).toEqual(["review", "litigationDirect", "litigationAfterReview"]);
    expect(review.review).toEqual({ upheld: 2, corrected: null, other: null, pending: null, total: null });
  });

  it("knows the 其他 applicant column from any row holding it, and puts it before 总计", () => {
    expect(hasOtherApplicant({ granted: { otherApplicant: null } })).toBe(true);
    expect(hasOtherApplicant({ granted: { naturalPerson: 1 } })).toBe(false);
    expect(hasOtherApplicant({ granted: undefined as never, newReceived: { total: 1 } })).toBe(false);
    expect(requestColumnKeys("2021", { granted: { otherApplicant: 1 } }).slice(-2)).toEqual(["otherApplicant", "total"]);
    expect(requestColumnKeys("2021", {})).toEqual(["naturalPerson", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total"]);
  });
});

describe("totals of decimals", () => {
  it("round sums to six places, and leave whole numbers and exact decimals alone", () => {
    expect(roundSum(0.1 + 0.2)).toBe(0.3);
    expect(roundSum(1.2345674)).toBe(1.234567);
    expect(roundSum(12)).toBe(12);
    expect(roundSum(-0.5)).toBe(-0.5);
    expect(sumCells([0])).toBe(0);
    expect(sumCells([])).toBeNull();
    expect(sumCells([null, 2, null, 3])).toBe(5);
  });

  it("compute the 2019 edition's （七）总计 over every handling row, otherApplicant included", () => {
    const r = cleanReport("2019", { otherApplicant: true });
    r.requests.granted.otherApplicant = 2;
    r.requests.otherHandling.naturalPerson = 1;
    const t = computeTotals(r);
    expect(t.requests.granted.total).toBe(2);
    expect(t.requests.totalHandled).toMatchObject({ naturalPerson: 1, otherApplicant: 2, total: 3 });
    expect(t.reviewLitigation.litigationAfterReview.total).toBe(0);
    expect(t.activeDisclosure).toBe(r.activeDisclosure);
  });
});
