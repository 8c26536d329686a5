import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInterchange } from "./interchange";
import { layoutOf } from "./layout";
import { computeTotals, requestColumnKeys } from "./model";
import type { Report } from "./model";
import { findingPlace } from "./places";
import { RULES, canSubmit, summarizeFindings, validate, withoutComputedBlanks } from "./rules";
import type { Finding, RuleId } from "./rules";
import { balancedReportArb, cleanReport } from "./testing";

function seed(): Report {
  const parsed = parseInterchange(fs.readFileSync(path.join(__dirname, "fixtures/seed-2020.json"), "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.report;
}

/** The seed with its （七）总计 mistake fixed: the one application granted. */
function fixedSeed(): Report {
  const r = seed();
  r.requests.granted.naturalPerson = 1;
  r.requests.granted.total = 1;
  return r;
}

const of = (findings: Finding[], rule: RuleId) => findings.filter((f) => f.rule === rule);
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === "error");

describe("the seed report", () => {
  it("fails R3-HANDLED-SUM for 自然人 and 总计 and nothing else", () => {
    const findings = validate(seed());
    expect(findings.map((f) => f.id)).toEqual([
      "R3-HANDLED-SUM:requests.totalHandled.naturalPerson",
      "R3-HANDLED-SUM:requests.totalHandled.total",
    ]);
    expect(findings[0].message).toBe("「三、本年度办理结果（七）总计」的「自然人」为 1，但（一）至（六）各项合计为 0。");
  });

  it("passes every rule once fixed", () => {
    expect(validate(fixedSeed())).toEqual([]);
    for (const edition of ["2019", "2021"] as const) {
      expect(validate(cleanReport(edition))).toEqual([]);
      expect(validate(cleanReport(edition, { otherApplicant: true }))).toEqual([]);
    }
  });
});

describe("every rule has a passing and a failing case", () => {
  it("covers all rule ids of the contract", () => {
    expect(RULES.map((r) => r.id).sort()).toEqual(
      [
        "R3-BALANCE", "R3-HANDLED-SUM", "R3-ROW-TOTAL", "R4-TOTAL", "CELL-BLANK", "CELL-INVALID", "SECTION-EMPTY",
        "R2-PUBLISHED", "R2-IN-FORCE", "R2-LAST-YEAR", "X-CARRY", "X-REGULATIONS", "N-MISMATCH", "F-EXTRA-COLUMN",
        "META-MISSING", "TABLE-MISSING", "SECTION-BOILERPLATE", "X-COPIED", "N-FEE", "RATIO",
      ].sort(),
    );
  });

  it("R3-BALANCE: one finding per column naming its four cells with both sums", () => {
    const r = fixedSeed();
    r.requests.carriedForward.commercial = 2;
    r.requests.carriedForward.total = 2;
    const found = of(validate(r), "R3-BALANCE");
    expect(found.map((f) => f.cells)).toEqual([
      ["requests.newReceived.commercial", "requests.carriedOver.commercial", "requests.totalHandled.commercial", "requests.carriedForward.commercial"],
      ["requests.newReceived.total", "requests.carriedOver.total", "requests.totalHandled.total", "requests.carriedForward.total"],
    ]);
    expect(found[0].severity).toBe("error");
    expect(found[0].message).toContain("「商业企业」列");
    expect(found[0].message).toMatch(/为 0，但.*为 2/);
    expect(of(validate(fixedSeed()), "R3-BALANCE")).toEqual([]);
  });

  it("R3-HANDLED-SUM: includes every handling row of the 2021 （六）", () => {
    const r = cleanReport("2021");
    r.requests.otherOverdueFee.research = 1;
    r.requests.otherOverdueFee.total = 1;
    expect(of(validate(r), "R3-HANDLED-SUM").map((f) => f.cells[0])).toEqual([
      "requests.totalHandled.research",
      "requests.totalHandled.total",
    ]);
    expect(of(validate(computeTotals(r)), "R3-HANDLED-SUM")).toEqual([]);
  });

  it("R3-ROW-TOTAL: names the row's total cell", () => {
    const r = fixedSeed();
    r.requests.newReceived.otherApplicant = 3;
    const found = of(validate(r), "R3-ROW-TOTAL");
    expect(found.map((f) => f.cells)).toEqual([["requests.newReceived.total"]]);
    expect(found[0].message).toBe("「一、本年新收政府信息公开申请数量」的「总计」为 1，但各申请人列合计为 4。");
    expect(of(validate(computeTotals(r)), "R3-ROW-TOTAL")).toEqual([]);
  });

  it("R4-TOTAL: names the group's total cell", () => {
    const r = fixedSeed();
    r.reviewLitigation.litigationDirect.pending = 2;
    const found = of(validate(r), "R4-TOTAL");
    expect(found.map((f) => f.cells)).toEqual([["reviewLitigation.litigationDirect.total"]]);
    expect(found[0].message).toContain("「行政诉讼·未经复议直接起诉」的「总计」为 0");
    expect(found[0].message).toContain("合计为 2");
    r.reviewLitigation.litigationDirect.total = 2;
    expect(of(validate(r), "R4-TOTAL")).toEqual([]);
  });

  it("CELL-BLANK: one per blank cell; an absent table 二 row is not blank; blanks count as 0 in sums", () => {
    const r = fixedSeed();
    r.requests.granted.research = null;
    r.activeDisclosure.fees.change = null;
    r.reviewLitigation.review.other = null;
    const found = of(validate(r), "CELL-BLANK");
    expect(found.map((f) => f.cells[0])).toEqual([
      "activeDisclosure.fees.change",
      "requests.granted.research",
      "reviewLitigation.review.other",
    ]);
    expect(found[1].message).toContain("「三、本年度办理结果（一）予以公开」的「科研机构」未填写");
    expect(errors(validate(r)).every((f) => f.rule === "CELL-BLANK")).toBe(true);
    expect("regulations" in r.activeDisclosure).toBe(false);
  });

  it("CELL-BLANK on computed totals is left out of what a person is asked to fill, and nothing is lost", () => {
    // Table 四 started (one cell filled), the rest blank, its three totals as well.
    const r = cleanReport("2021");
    for (const row of Object.values(r.reviewLitigation)) for (const key in row) row[key] = null;
    r.reviewLitigation.litigationDirect.upheld = 0;
    const blanks = (report: Report) => of(withoutComputedBlanks(validate(report), report.edition), "CELL-BLANK").map((f) => f.cells[0]);
    expect(of(validate(r), "CELL-BLANK")).toHaveLength(14);
    expect(blanks(r)).toHaveLength(11);
    expect(blanks(r).some((path) => path.endsWith(".total"))).toBe(false);
    // A blank total beside filled parts (an imported report's) still fails its sum rule.
    Object.assign(r.reviewLitigation.review, { upheld: 2, corrected: 0, other: 0, pending: 0 });
    const findings = withoutComputedBlanks(validate(r), r.edition);
    expect(of(findings, "R4-TOTAL").map((f) => f.cells)).toEqual([["reviewLitigation.review.total"]]);
    expect(blanks(r)).toHaveLength(7);
  });

  it("CELL-INVALID: negative counts, fractional counts and changes, negative amounts", () => {
    const r = cleanReport("2019");
    r.activeDisclosure.licensing.change = -3; // allowed
    r.activeDisclosure.procurement.amount = 12.5; // allowed
    expect(of(validate(r), "CELL-INVALID")).toEqual([]);
    r.activeDisclosure.licensing.change = 1.5;
    r.activeDisclosure.procurement.amount = -1;
    r.activeDisclosure.procurement.projects = -2;
    r.reviewLitigation.review.upheld = 0.5;
    const found = of(validate(r), "CELL-INVALID");
    expect(found.map((f) => f.cells[0])).toEqual([
      "activeDisclosure.licensing.change",
      "activeDisclosure.procurement.projects",
      "activeDisclosure.procurement.amount",
      "reviewLitigation.review.upheld",
    ]);
    expect(found[0].message).toBe("「行政许可」的「本年增/减」为 1.5，应为整数。");
    expect(found[1].message).toContain("不能为负数");
  });

  it("SECTION-EMPTY: 一 with its introduction, 五 and 六", () => {
    const r = cleanReport("2021");
    delete r.intro;
    r.overview = [{ heading: "主动公开情况", text: "  " }];
    r.problems = "\n";
    r.otherMatters = [];
    expect(of(validate(r), "SECTION-EMPTY").map((f) => f.cells)).toEqual([["intro"], ["overview"], ["problems"], ["otherMatters"]]);
    expect(of(validate(cleanReport("2021")), "SECTION-EMPTY")).toEqual([]);
  });

  it("R2-PUBLISHED (2019): running total below this year's", () => {
    const r = cleanReport("2019");
    r.activeDisclosure.normativeDocuments.newlyPublished = 5;
    r.activeDisclosure.normativeDocuments.totalPublished = 3;
    const found = of(validate(r), "R2-PUBLISHED");
    expect(found.map((f) => f.cells)).toEqual([
      ["activeDisclosure.normativeDocuments.totalPublished", "activeDisclosure.normativeDocuments.newlyPublished"],
    ]);
    expect(found[0]).toMatchObject({ severity: "warning" });
    expect(found[0].message).toContain("为 3，小于「本年新公开数量」5");
    r.activeDisclosure.normativeDocuments.totalPublished = 5;
    expect(of(validate(r), "R2-PUBLISHED")).toEqual([]);
  });

  it("R2-IN-FORCE (2021): needs the previous report", () => {
    const previous = cleanReport("2021", { year: 2021 });
    previous.activeDisclosure.normativeDocuments.inForce = 10;
    const r = cleanReport("2021", { year: 2022 });
    Object.assign(r.activeDisclosure.normativeDocuments, { made: 3, repealed: 1, inForce: 11 });
    expect(of(validate(r), "R2-IN-FORCE")).toEqual([]);
    const found = of(validate(r, { previous }), "R2-IN-FORCE");
    expect(found.map((f) => f.cells)).toEqual([["activeDisclosure.normativeDocuments.inForce"]]);
    expect(found[0].message).toContain("为 11，但上一年度报告的现行有效件数 10 加「本年制发件数」3 减「本年废止件数」1 为 12");
    r.activeDisclosure.normativeDocuments.inForce = 12;
    expect(of(validate(r, { previous }), "R2-IN-FORCE")).toEqual([]);
  });

  it("R2-LAST-YEAR (2019): lastYearItems = previous lastYearItems + previous change", () => {
    const previous = cleanReport("2019", { year: 2019 });
    Object.assign(previous.activeDisclosure.licensing, { lastYearItems: 50, change: -4 });
    const r = cleanReport("2019", { year: 2020 });
    r.activeDisclosure.licensing.lastYearItems = 50;
    const found = of(validate(r, { previous }), "R2-LAST-YEAR");
    expect(found.map((f) => f.cells)).toEqual([["activeDisclosure.licensing.lastYearItems"]]);
    expect(found[0].message).toContain("为 50，但上一年度报告的上一年项目数量 50 加其「本年增/减」-4 为 46");
    r.activeDisclosure.licensing.lastYearItems = 46;
    expect(of(validate(r, { previous }), "R2-LAST-YEAR")).toEqual([]);
  });

  it("X-CARRY: carriedOver per column against the previous carriedForward", () => {
    const previous = cleanReport("2019", { year: 2019 });
    previous.requests.carriedForward.naturalPerson = 2;
    previous.requests.carriedForward.total = 2;
    const r = fixedSeed();
    const found = of(validate(r, { previous }), "X-CARRY");
    expect(found.map((f) => f.cells)).toEqual([["requests.carriedOver.naturalPerson"], ["requests.carriedOver.total"]]);
    expect(found[0].message).toContain("为 0，但上一年度报告「四、结转下年度继续办理」的「自然人」为 2");
    expect(of(validate(r, { previous: cleanReport("2019", { year: 2019 }) }), "X-CARRY")).toEqual([]);
  });

  it("X-REGULATIONS: a township with a non-zero 规章 row, one finding listing the cells", () => {
    const r = cleanReport("2021");
    r.activeDisclosure.regulations.made = 1;
    r.activeDisclosure.regulations.inForce = 4;
    expect(of(validate(r), "X-REGULATIONS")).toEqual([]); // a department may make 规章
    r.agency.level = "township";
    const found = of(validate(r), "X-REGULATIONS");
    expect(found.map((f) => f.cells)).toEqual([["activeDisclosure.regulations.made", "activeDisclosure.regulations.inForce"]]);
    expect(found[0].message).toContain("「本年制发件数」1、「现行有效件数」4");
    Object.assign(r.activeDisclosure.regulations, { made: 0, inForce: 0 });
    expect(of(validate(r), "X-REGULATIONS")).toEqual([]);
  });

  it("F-EXTRA-COLUMN: non-zero otherApplicant cells, one finding", () => {
    const r = fixedSeed();
    expect(of(validate(r), "F-EXTRA-COLUMN")).toEqual([]);
    Object.assign(r.requests.newReceived, { otherApplicant: 1, total: 2 });
    Object.assign(r.requests.granted, { otherApplicant: 1, total: 2 });
    Object.assign(r.requests.totalHandled, { otherApplicant: 1, total: 2 });
    const findings = validate(r);
    expect(errors(findings)).toEqual([]);
    expect(of(findings, "F-EXTRA-COLUMN").map((f) => f.cells)).toEqual([
      ["requests.newReceived.otherApplicant", "requests.granted.otherApplicant", "requests.totalHandled.otherApplicant"],
    ]);
  });

  it("META-MISSING: date, website and contact", () => {
    const r = fixedSeed();
    delete r.date;
    delete r.website;
    r.contact = { address: "蓬莱区北关路171号", phone: " " };
    expect(of(validate(r), "META-MISSING").map((f) => f.cells)).toEqual([
      ["date"],
      ["website.name", "website.url"],
      ["contact.phone", "contact.postcode"],
    ]);
    expect(of(validate(fixedSeed()), "META-MISSING")).toEqual([]);
  });
});

describe("N-MISMATCH", () => {
  const withText = (text: string, edit?: (r: Report) => void) => {
    const r = fixedSeed();
    r.overview = [{ heading: "依申请公开情况", text }];
    edit?.(r);
    return of(validate(r), "N-MISMATCH");
  };

  it("reads 受理/收到…申请N件 and compares with newReceived.total", () => {
    expect(withText("2020年，共受理依申请公开信息1件，在规定时间内予以答复。")).toEqual([]);
    const found = withText("2020年，共收到政府信息公开申请3件，均按时答复。");
    expect(found.map((f) => f.cells)).toEqual([["requests.newReceived.total", "overview"]]);
    expect(found[0].message).toContain("收到政府信息公开申请 3 件");
    expect(found[0].message).toContain("为 1");
  });

  it("accepts a count that includes the applications carried over", () => {
    const found = withText("本年度共受理政府信息公开申请3件，其中上年结转2件。", (r) => {
      Object.assign(r.requests.carriedOver, { naturalPerson: 2, total: 2 });
    });
    expect(found).toEqual([]);
  });

  it("reads 行政复议 / 行政诉讼 N件 and 未发生…行政复议、行政诉讼", () => {
    expect(withText("因政府信息公开被申请行政复议2件。").map((f) => f.cells[0])).toEqual(["reviewLitigation.review.total"]);
    expect(withText("因政府信息公开引起行政诉讼1件。").map((f) => f.cells[0])).toEqual(["reviewLitigation.litigationDirect.total"]);
    expect(withText("全年未发生因政府信息公开引起的行政复议、行政诉讼。")).toEqual([]);
    expect(
      withText("全年未发生因政府信息公开引起的行政复议、行政诉讼。", (r) => {
        Object.assign(r.reviewLitigation.review, { upheld: 1, total: 1 });
      }).map((f) => f.cells[0]),
    ).toEqual(["reviewLitigation.review.total"]);
  });

  it("is conservative: other counts of 受理 are not applications", () => {
    expect(withText("网上民声受理群众各类咨询建议、投诉举报共21件。通过12345政务服务热线受理群众诉求844件。")).toEqual([]);
    expect(withText("公开财政预算、决算信息各1条；发布项目11条。")).toEqual([]);
    expect(withText("办理行政复议案件5件。")).toEqual([]); // not about disclosure
  });
});

describe("acknowledgements, summary and submission", () => {
  const warned = () => {
    const r = fixedSeed();
    delete r.date;
    r.requests.granted.research = null; // an error
    return r;
  };

  it("attach to warnings only, and need a reason", () => {
    const r = warned();
    const acknowledgements = [
      { findingId: "META-MISSING:date", by: "张三", reason: "区里统一落款日期", at: "2021-01-20T08:00:00Z" },
      { findingId: "CELL-BLANK:requests.granted.research", by: "张三", reason: "想跳过" },
    ];
    const findings = validate(r, { acknowledgements });
    expect(findings.find((f) => f.id === "META-MISSING:date")?.acknowledgement).toEqual({
      by: "张三",
      reason: "区里统一落款日期",
      at: "2021-01-20T08:00:00Z",
    });
    expect(findings.find((f) => f.rule === "CELL-BLANK")?.acknowledgement).toBeUndefined();
    const noReason = validate(r, { acknowledgements: [{ findingId: "META-MISSING:date", by: "张三", reason: " " }] });
    expect(noReason.find((f) => f.id === "META-MISSING:date")?.acknowledgement).toBeUndefined();
  });

  it("summarizes per section and decides submission", () => {
    const r = warned();
    const findings = validate(r);
    const summary = summarizeFindings(findings);
    expect(summary).toMatchObject({ errors: 1, warnings: 1, unacknowledgedWarnings: 1, infos: 0 });
    expect(summary.bySection.requests).toEqual({ errors: 1, warnings: 0, unacknowledgedWarnings: 0, infos: 0 });
    expect(summary.bySection.front).toEqual({ errors: 0, warnings: 1, unacknowledgedWarnings: 1, infos: 0 });
    expect(canSubmit(findings)).toBe(false);
    r.requests.granted.research = 0;
    expect(canSubmit(validate(r))).toBe(false); // an unacknowledged warning
    const acks = [{ findingId: "META-MISSING:date", by: "张三", reason: "落款日期待定" }];
    expect(canSubmit(validate(r, { acknowledgements: acks }))).toBe(true);
    expect(canSubmit([])).toBe(true);
  });
});

describe("properties", () => {
  it("a balanced report of either edition, with or without otherApplicant, has no error", () => {
    fc.assert(
      fc.property(balancedReportArb(), (r) => {
        expect(errors(validate(r))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("changing any single cell of table 三 or 四 gives an error naming the cell or its total", () => {
    const change = fc.oneof(fc.constant<null>(null), fc.integer({ min: 1, max: 50 }), fc.integer({ min: -50, max: -1 }));
    fc.assert(
      fc.property(balancedReportArb(), fc.nat(), fc.nat(), change, (r, i, j, delta) => {
        const layout = layoutOf(r.edition);
        const table = i % 2 === 0 ? "requests" : "reviewLitigation";
        let row: string, cell: string, totals: string[];
        if (table === "requests") {
          row = layout.requestRowKeys[i % layout.requestRowKeys.length];
          const columns = requestColumnKeys(r.edition, r.requests);
          cell = columns[j % columns.length];
          totals = [`requests.${row}.total`, `requests.totalHandled.${cell}`];
        } else {
          row = layout.reviewGroups[i % layout.reviewGroups.length].key;
          cell = ["upheld", "corrected", "other", "pending", "total"][j % 5];
          totals = [`reviewLitigation.${row}.total`];
        }
        const target = `${table}.${row}.${cell}`;
        const before = r[table][row][cell] ?? 0;
        r[table][row][cell] = delta === null ? null : before + delta;
        const named = errors(validate(r)).filter((f) => f.cells.includes(target) || totals.some((t) => f.cells.includes(t)));
        expect(named.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe("findingPlace", () => {
  const at = (...cells: string[]): Finding => ({ id: "x", rule: "CELL-BLANK", severity: "error", cells, message: "" });
  it("places a finding by the top of its first cell path", () => {
    expect(findingPlace(at("requests.newReceived.naturalPerson"))).toBe("requests");
    expect(findingPlace(at("activeDisclosure.regulations.issued", "requests.x.y"))).toBe("activeDisclosure");
    expect(findingPlace(at("problems"))).toBe("problems");
    expect(findingPlace(at("intro"))).toBe("front");
    expect(findingPlace(at("contact.phone"))).toBe("front");
    expect(findingPlace(at())).toBe("front");
  });
});
