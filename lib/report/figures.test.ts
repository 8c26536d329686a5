import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateReports } from "./aggregate";
import { figurePlaces, figureTables, reportFigures } from "./figures";
import type { Report } from "./model";
import { anyReportArb, cleanReport } from "./testing";

const tablesOf = (r: Report) => ({ activeDisclosure: r.activeDisclosure, requests: r.requests, reviewLitigation: r.reviewLitigation });

describe("a report's stored figures", () => {
  it("list every cell of the edition once, in a fixed order, a cell the report lacks as false", () => {
    const report = cleanReport("2021");
    delete report.activeDisclosure.regulations;
    report.requests.newReceived.total = 7;
    report.activeDisclosure.fees.amount = null;
    const figures = reportFigures(report);
    const places = figurePlaces("2021");
    expect(figures).toHaveLength(places.length);
    expect(new Set(places.map((place) => place.path)).size).toBe(places.length);
    const at = (path: string) => figures[places.findIndex((place) => place.path === path)];
    expect(at("requests.newReceived.total")).toBe(7);
    expect(at("activeDisclosure.fees.amount")).toBeNull();
    expect(at("activeDisclosure.regulations.made")).toBe(false);
    // Without the optional column, its cells are not the report's.
    expect(at("requests.newReceived.otherApplicant")).toBe(false);
    const withOther = reportFigures(cleanReport("2021", { otherApplicant: true }));
    expect(withOther[places.findIndex((place) => place.path === "requests.newReceived.otherApplicant")]).toBe(0);
  });

  it("give back the report's three tables as stored, through JSON", () => {
    fc.assert(
      fc.property(anyReportArb(), (report) => {
        const stored = JSON.parse(JSON.stringify(reportFigures(report))) as unknown;
        const tables = figureTables(report.edition, stored)!;
        // Rows the report has no cell of come back absent; everything else exactly.
        const present = (data: Report["requests"]) =>
          Object.fromEntries(Object.entries(data).filter(([, cells]) => Object.keys(cells).length > 0));
        expect({ ...tables, requests: present(tables.requests), reviewLitigation: present(tables.reviewLitigation) }).toEqual({
          ...tablesOf(report),
          requests: present(report.requests),
          reviewLitigation: present(report.reviewLitigation),
        });
      }),
      { numRuns: 200 },
    );
  });

  it("sum to the same roll-up as the reports themselves", () => {
    fc.assert(
      fc.property(fc.array(anyReportArb(), { minLength: 1, maxLength: 6 }), (reports) => {
        const year = reports[0].year;
        const fromFigures = reports.map((report): Report => ({ ...report, ...figureTables(report.edition, reportFigures(report))! }));
        expect(aggregateReports(fromFigures, year, { name: "某县" })).toEqual(aggregateReports(reports, year, { name: "某县" }));
      }),
      { numRuns: 100 },
    );
  });

  it("are not read when they do not fit the edition (another length, or a value that is no cell)", () => {
    const figures = reportFigures(cleanReport("2021"));
    expect(figureTables("2021", figures.slice(1))).toBeUndefined();
    expect(figureTables("2019", figures)).toBeUndefined();
    expect(figureTables("2021", figures.map(() => "1"))).toBeUndefined();
    expect(figureTables("2021", null)).toBeUndefined();
  });
});
