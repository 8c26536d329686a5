import { describe, expect, it } from "vitest";
import {
  EDITIONS,
  OTHER_MATTERS_SUGGESTIONS_2021,
  OVERVIEW_HEADINGS,
  editionForYear,
  getEdition,
  otherMattersSuggestions,
  requestsHeaderRows,
} from "./editions";
import type { Edition } from "./editions";

// Expected labels copied from the contract (shared/design/report-format.md), sections 2–5.

const SECTIONS = [
  ["overview", "一、总体情况"],
  ["activeDisclosure", "二、主动公开政府信息情况"],
  ["requests", "三、收到和处理政府信息公开申请情况"],
  ["reviewLitigation", "四、政府信息公开行政复议、行政诉讼情况"],
  ["problems", "五、存在的主要问题及改进情况"],
  ["otherMatters", "六、其他需要报告的事项"],
];

const AD_2019 = [
  ["第二十条第（一）项", "regulations", "规章", "newlyMade 本年新制作数量 · newlyPublished 本年新公开数量 · totalPublished 对外公开总数量"],
  ["第二十条第（一）项", "normativeDocuments", "规范性文件", "newlyMade 本年新制作数量 · newlyPublished 本年新公开数量 · totalPublished 对外公开总数量"],
  ["第二十条第（五）项", "licensing", "行政许可", "lastYearItems 上一年项目数量 · change 本年增/减 · decisions 处理决定数量"],
  ["第二十条第（五）项", "otherServices", "其他对外管理服务事项", "lastYearItems 上一年项目数量 · change 本年增/减 · decisions 处理决定数量"],
  ["第二十条第（六）项", "punishment", "行政处罚", "lastYearItems 上一年项目数量 · change 本年增/减 · decisions 处理决定数量"],
  ["第二十条第（六）项", "coercion", "行政强制", "lastYearItems 上一年项目数量 · change 本年增/减 · decisions 处理决定数量"],
  ["第二十条第（八）项", "fees", "行政事业性收费", "lastYearItems 上一年项目数量 · change 本年增/减"],
  ["第二十条第（九）项", "procurement", "政府集中采购", "projects 采购项目数量 · amount 采购总金额"],
];

const AD_2021 = [
  ["第二十条第（一）项", "regulations", "规章", "made 本年制发件数 · repealed 本年废止件数 · inForce 现行有效件数"],
  ["第二十条第（一）项", "normativeDocuments", "行政规范性文件", "made 本年制发件数 · repealed 本年废止件数 · inForce 现行有效件数"],
  ["第二十条第（五）项", "licensing", "行政许可", "decisions 本年处理决定数量"],
  ["第二十条第（六）项", "punishment", "行政处罚", "decisions 本年处理决定数量"],
  ["第二十条第（六）项", "coercion", "行政强制", "decisions 本年处理决定数量"],
  ["第二十条第（八）项", "fees", "行政事业性收费", "amount 本年收费金额（单位：万元）"],
];

const REQUEST_COLUMNS = [
  ["naturalPerson", "自然人"],
  ["commercial", "商业企业"],
  ["research", "科研机构"],
  ["publicInterest", "社会公益组织"],
  ["legalService", "法律服务机构"],
  ["otherOrg", "其他"],
  ["otherApplicant", "其他"],
  ["total", "总计"],
];

const ROWS_BEFORE_OTHER = [
  ["newReceived", "一、本年新收政府信息公开申请数量"],
  ["carriedOver", "二、上年结转政府信息公开申请数量"],
  ["", "三、本年度办理结果"],
  ["granted", "（一）予以公开"],
  ["partiallyGranted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
  ["", "（三）不予公开"],
  ["deniedStateSecret", "1.属于国家秘密"],
  ["deniedLawForbidden", "2.其他法律行政法规禁止公开"],
  ["deniedThreeSafetyOneStability", "3.危及“三安全一稳定”"],
  ["deniedThirdParty", "4.保护第三方合法权益"],
  ["deniedInternalAffairs", "5.属于三类内部事务信息"],
  ["deniedProcessInfo", "6.属于四类过程性信息"],
  ["deniedEnforcementFile", "7.属于行政执法案卷"],
  ["deniedAdminQuery", "8.属于行政查询事项"],
  ["", "（四）无法提供"],
  ["unableNoInfo", "1.本机关不掌握相关政府信息"],
  ["unableNeedsCreation", "2.没有现成信息需要另行制作"],
  ["unableUnclear", "3.补正后申请内容仍不明确"],
  ["", "（五）不予处理"],
  ["notProcessedPetition", "1.信访举报投诉类申请"],
  ["notProcessedRepeat", "2.重复申请"],
  ["notProcessedPublication", "3.要求提供公开出版物"],
  ["notProcessedExcessive", "4.无正当理由大量反复申请"],
  ["notProcessedConfirm", "5.要求行政机关确认或重新出具已获取信息"],
];
const ROWS_AFTER_OTHER = [
  ["totalHandled", "（七）总计"],
  ["carriedForward", "四、结转下年度继续办理"],
];
const ROWS_2019 = [...ROWS_BEFORE_OTHER, ["otherHandling", "（六）其他处理"], ...ROWS_AFTER_OTHER];
const ROWS_2021 = [
  ...ROWS_BEFORE_OTHER,
  ["", "（六）其他处理"],
  ["otherOverdueCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"],
  ["otherOverdueFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"],
  ["otherOther", "3.其他"],
  ...ROWS_AFTER_OTHER,
];

const REVIEW_GROUPS = [
  ["review", "行政复议"],
  ["litigationDirect", "行政诉讼·未经复议直接起诉"],
  ["litigationAfterReview", "行政诉讼·复议后起诉"],
];
const REVIEW_CELLS = [
  ["upheld", "结果维持"],
  ["corrected", "结果纠正"],
  ["other", "其他结果"],
  ["pending", "尚未审结"],
  ["total", "总计"],
];

function adRows(edition: Edition) {
  return edition.activeDisclosure.groups.flatMap((g) =>
    g.rows.map((r) => [g.label, r.key, r.label, g.columns.map((c) => `${c.key} ${c.label}`).join(" · ")]),
  );
}

function requestRows(edition: Edition) {
  return edition.requests.rows.map((r) => [r.kind === "heading" ? "" : r.key, r.label]);
}

describe.each([
  ["2019", AD_2019, ROWS_2019, "国办公开办函〔2019〕60号"],
  ["2021", AD_2021, ROWS_2021, "国办公开办函〔2021〕30号"],
] as const)("edition %s", (id, ad, rows, name) => {
  const edition = getEdition(id);

  it("has its name and the six sections", () => {
    expect(edition.id).toBe(id);
    expect(edition.name).toBe(name);
    expect(edition.sections.map((s) => [s.key, s.title])).toEqual(SECTIONS);
  });

  it("has table 二 groups, rows and columns verbatim", () => {
    expect(adRows(edition)).toEqual(ad);
    expect(edition.activeDisclosure.rowHeader).toBe("信息内容");
    expect(edition.activeDisclosure.title).toBe("二、主动公开政府信息情况");
  });

  it("has table 三 rows in order with headings, columns and the corner note verbatim", () => {
    expect(requestRows(edition)).toEqual(rows);
    expect(edition.requests.columns.map((c) => [c.key, c.label])).toEqual(REQUEST_COLUMNS);
    expect(edition.requests.cornerNote).toBe("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    expect(edition.requests.applicantHeader).toBe("申请人情况");
    expect(edition.requests.organizationHeader).toBe("法人或其他组织");
    expect(edition.requests.columns.filter((c) => c.optional).map((c) => c.key)).toEqual(["otherApplicant"]);
  });

  it("marks handling rows, the total row and parents so merged row headers can be drawn", () => {
    const byKey = new Map(edition.requests.rows.map((r) => [r.key, r]));
    const handling = edition.requests.rows.filter((r) => r.handling).map((r) => r.key);
    expect(handling[0]).toBe("granted");
    expect(handling).not.toContain("totalHandled");
    expect(byKey.get("totalHandled")?.kind).toBe("total");
    expect(byKey.get("deniedStateSecret")?.parent).toBe("deniedHeading");
    expect(byKey.get("deniedHeading")?.parent).toBe("handlingResultsHeading");
    expect(byKey.get("deniedStateSecret")?.level).toBe(2);
    for (const r of edition.requests.rows) if (r.parent) expect(byKey.get(r.parent)?.kind).toBe("heading");
  });

  it("has table 四 groups and cells verbatim", () => {
    expect(edition.reviewLitigation.groups.map((g) => [g.key, g.longLabel])).toEqual(REVIEW_GROUPS);
    expect(edition.reviewLitigation.groups.map((g) => [g.label, g.subLabel])).toEqual([
      ["行政复议", undefined],
      ["行政诉讼", "未经复议直接起诉"],
      ["行政诉讼", "复议后起诉"],
    ]);
    expect(edition.reviewLitigation.cells.map((c) => [c.key, c.label])).toEqual(REVIEW_CELLS);
  });

  it("gives cell kinds: change signed, amounts decimal, everything else counts", () => {
    for (const g of edition.activeDisclosure.groups) {
      for (const c of g.columns) {
        expect(c.kind).toBe(c.key === "change" ? "signed" : c.key === "amount" ? "amount" : "count");
      }
    }
  });
});

describe("edition lookup", () => {
  it("chooses the edition by report year", () => {
    expect(editionForYear(2019)).toBe("2019");
    expect(editionForYear(2020)).toBe("2019");
    expect(editionForYear(2021)).toBe("2021");
    expect(editionForYear(2030)).toBe("2021");
    expect(getEdition("2021")).toBe(EDITIONS["2021"]);
  });

  it("exports the five standard overview headings and the 2021 other-matters suggestions", () => {
    expect(OVERVIEW_HEADINGS.map((h) => h.heading)).toEqual([
      "主动公开情况",
      "依申请公开情况",
      "政府信息管理情况",
      "政府信息公开平台建设情况",
      "监督保障情况",
    ]);
    for (const h of OVERVIEW_HEADINGS) expect(h.hint.length).toBeGreaterThan(5);
    expect(OTHER_MATTERS_SUGGESTIONS_2021.map((h) => h.heading)).toContain("信息处理费收取情况");
    expect(otherMattersSuggestions("2021")).toBe(OTHER_MATTERS_SUGGESTIONS_2021);
    expect(otherMattersSuggestions("2019")).toEqual([]);
  });

  it("gives table 三 header rows with spans, with and without the optional column", () => {
    const spans = (rows: Awaited<ReturnType<typeof requestsHeaderRows>>) =>
      rows.map((row) => row.map((c) => `${c.label}:${c.colSpan}x${c.rowSpan}`));
    expect(spans(requestsHeaderRows(getEdition("2021"), false))).toEqual([
      ["申请人情况:6x1", "总计:1x3"],
      ["自然人:1x2", "法人或其他组织:5x1"],
      ["商业企业:1x1", "科研机构:1x1", "社会公益组织:1x1", "法律服务机构:1x1", "其他:1x1"],
    ]);
    expect(spans(requestsHeaderRows(getEdition("2019"), true))[1]).toEqual([
      "自然人:1x2",
      "法人或其他组织:5x1",
      "其他:1x2",
    ]);
  });
});
