import { describe, expect, it } from "vitest";
import { cellLabel, computeTotals, defaultTitle, emptyReport, labelText, requestColumnKeys, sumCells } from "./model";
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
