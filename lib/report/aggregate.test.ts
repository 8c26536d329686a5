import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateReports, aggregateTitle, balanceFindings, cellValue, keyFigures, tableCellColumns } from "./aggregate";
import { seedReport } from "./export/testing";
import { emptyReport, normalizeRequests, normalizeReviewLitigation } from "./model";
import type { Report } from "./model";
import { anyReportArb, balancedReportArb, cleanReport } from "./testing";

const tables = (r: Report) => ({
  activeDisclosure: r.activeDisclosure,
  requests: normalizeRequests(r.edition, r.requests),
  reviewLitigation: normalizeReviewLitigation(r.edition, r.reviewLitigation),
});

/** A report of a year its edition is used for (anyReportArb pairs editions and years freely). */
const inItsYear = (r: Report): Report => ({ ...r, year: r.edition === "2019" ? 2020 : 2022 });

/** Reports of the first one's edition, in a year of that edition (the others are dropped). */
const sameEdition = (arb: fc.Arbitrary<Report>, max: number) =>
  fc.array(arb.map(inItsYear), { minLength: 1, maxLength: max }).map((rs) => rs.filter((r) => r.edition === rs[0].edition));

describe("aggregateReports", () => {
  it("sums every cell; blank counts as 0 and stays blank only when blank everywhere", () => {
    const a = cleanReport("2021");
    const b = cleanReport("2021");
    a.requests.newReceived.naturalPerson = 3;
    b.requests.newReceived.naturalPerson = 4;
    a.requests.granted.commercial = null;
    b.requests.granted.commercial = 2;
    a.requests.granted.research = null;
    b.requests.granted.research = null;
    a.activeDisclosure.fees.amount = 0.1;
    b.activeDisclosure.fees.amount = 0.2;
    a.reviewLitigation.review.total = 5;
    const { report, included, skipped } = aggregateReports([a, b], 2022, { name: "某县" });
    expect(included).toEqual([0, 1]);
    expect(skipped).toEqual([]);
    expect(report.edition).toBe("2021");
    expect(report.title).toBe("某县2022年政府信息公开工作年度报告汇总");
    expect(report.requests.newReceived.naturalPerson).toBe(7);
    expect(report.requests.granted.commercial).toBe(2);
    expect(report.requests.granted.research).toBeNull();
    expect(report.activeDisclosure.fees.amount).toBe(0.3);
    // The stored total is summed as it is, not recomputed.
    expect(report.reviewLitigation.review.total).toBe(5);
  });

  it("keeps a table 二 row present in any report and the otherApplicant column of any report", () => {
    const a = cleanReport("2019");
    const b = cleanReport("2019", { otherApplicant: true });
    delete a.activeDisclosure.regulations;
    delete b.activeDisclosure.regulations;
    delete b.activeDisclosure.procurement;
    a.activeDisclosure.procurement = { projects: 2, amount: 12.5 };
    b.requests.newReceived.otherApplicant = 1;
    const { report } = aggregateReports([a, b], 2020);
    expect(report.activeDisclosure.regulations).toBeUndefined();
    expect(report.activeDisclosure.procurement).toEqual({ projects: 2, amount: 12.5 });
    expect(report.requests.newReceived.otherApplicant).toBe(1);
    expect(report.requests.carriedForward).toHaveProperty("otherApplicant", 0);
  });

  it("skips reports of another edition or year, with a reason", () => {
    const old = cleanReport("2019", { year: 2021 });
    const other = cleanReport("2021", { year: 2022 });
    old.agency.name = "某局";
    const result = aggregateReports([cleanReport("2021", { year: 2021 }), old, other], 2021);
    expect(result.included).toEqual([0]);
    expect(result.skipped).toEqual([
      { index: 1, agency: "某局", reason: expect.stringMatching(/2019年版.*2021年版.*未计入汇总/) },
      { index: 2, agency: "某市某区某局", reason: expect.stringMatching(/2022 年.*未计入汇总/) },
    ]);
  });

  it("sums nothing to blank tables of the year's edition", () => {
    const { report, findings } = aggregateReports([], 2020);
    expect(report.edition).toBe("2019");
    expect(report.activeDisclosure).toEqual({});
    expect(tables(report)).toEqual(tables({ ...emptyReport("2019", 2020, { name: "x" }), activeDisclosure: {} }));
    expect(findings).toEqual([]);
  });

  it("carries an agency's wrong total into the sum and reports where the sum does not balance", () => {
    const seed = seedReport();
    const clean = cleanReport("2019");
    const { report, findings } = aggregateReports([seed, clean], 2020, { name: "烟台市蓬莱区" });
    expect(report.requests.newReceived.naturalPerson).toBe(1);
    expect(report.requests.totalHandled.total).toBe(1);
    expect(findings.map((f) => [f.rule, f.cells])).toEqual([
      ["R3-HANDLED-SUM", ["requests.totalHandled.naturalPerson"]],
      ["R3-HANDLED-SUM", ["requests.totalHandled.total"]],
    ]);
    expect(findings[0].message).toContain("（七）总计");
  });

  it("the sum of balanced reports is balanced", () => {
    fc.assert(
      fc.property(sameEdition(balancedReportArb(), 6), (reports) => {
        expect(reports.every((r) => balanceFindings(r).length === 0)).toBe(true);
        expect(aggregateReports(reports, reports[0].year).findings).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("is commutative", () => {
    fc.assert(
      fc.property(sameEdition(anyReportArb(), 2), ([a, b = a]) => {
        const ab = aggregateReports([a, b], a.year).report;
        const ba = aggregateReports([b, a], a.year).report;
        expect(tables(ab)).toEqual(tables(ba));
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(
        sameEdition(balancedReportArb(), 6).chain((reports) => fc.tuple(fc.constant(reports), fc.shuffledSubarray(reports, { minLength: reports.length }))),
        ([reports, shuffled]) => {
          const year = reports[0].year;
          expect(tables(aggregateReports(shuffled, year).report)).toEqual(tables(aggregateReports(reports, year).report));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("aggregates one report to itself (its tables)", () => {
    fc.assert(
      fc.property(anyReportArb().map(inItsYear), (r) => {
        expect(tables(aggregateReports([r], r.year).report)).toEqual(tables(r));
      }),
      { numRuns: 100 },
    );
  });
});

describe("figures", () => {
  it("reads key figures as stored, summing the two 行政诉讼 groups", () => {
    const r = cleanReport("2021");
    r.requests.newReceived.total = 9;
    r.requests.granted.total = 4;
    r.reviewLitigation.litigationDirect.total = 2;
    r.reviewLitigation.litigationAfterReview.total = 3;
    r.reviewLitigation.review.total = null;
    expect(keyFigures(r)).toEqual([9, 4, 0, 0, null, 5]);
    expect(cellValue(r, "requests.granted.total")).toBe(4);
    expect(cellValue(r, "activeDisclosure.nothing.x")).toBeNull();
    expect(cellValue(r, "title")).toBeNull();
  });

  it("lists every cell of the three tables in print order", () => {
    const r = cleanReport("2019", { otherApplicant: true });
    delete r.activeDisclosure.regulations;
    const columns = tableCellColumns(r);
    expect(columns[0]).toEqual({ table: "activeDisclosure", path: "activeDisclosure.normativeDocuments.newlyMade" });
    expect(columns.filter((c) => c.table === "activeDisclosure")).toHaveLength(3 + 3 * 4 + 2 + 2);
    expect(columns.filter((c) => c.table === "requests")).toHaveLength(Object.keys(r.requests).length * 8);
    expect(columns.filter((c) => c.table === "reviewLitigation")).toHaveLength(15);
    expect(columns.at(-1)?.path).toBe("reviewLitigation.litigationAfterReview.total");
  });

  it("titles the sum", () => {
    expect(aggregateTitle("烟台市蓬莱区", 2020)).toBe("烟台市蓬莱区2020年政府信息公开工作年度报告汇总");
  });
});
