import { describe, expect, it } from "vitest";
import { seedReport } from "./export/testing";
import { keyFigure, KEY_FIGURE_DEFS, KEY_FIGURE_KEYS, reportKeyFigures } from "./key-figures";
import { cleanReport } from "./testing";

describe("reportKeyFigures", () => {
  it("reads a 2021-edition report: counts, rates with their parts, documents issued and in force", () => {
    const r = cleanReport("2021");
    r.requests.newReceived.total = 40;
    r.requests.granted.total = 18;
    r.requests.partiallyGranted.total = 6;
    r.requests.totalHandled.total = 32;
    r.reviewLitigation.review.corrected = 1;
    r.reviewLitigation.review.total = 4;
    r.reviewLitigation.litigationDirect.corrected = 1;
    r.reviewLitigation.litigationDirect.total = 3;
    r.reviewLitigation.litigationAfterReview.corrected = 0;
    r.reviewLitigation.litigationAfterReview.total = 2;
    r.activeDisclosure.regulations = { made: 1, repealed: 0, inForce: 7 };
    r.activeDisclosure.normativeDocuments = { made: 4, repealed: 2, inForce: 20 };

    expect(reportKeyFigures(r)).toEqual({
      newReceived: { value: 40 },
      disclosureRate: { value: 0.75, parts: { numerator: 24, base: 32 } },
      reviewCorrectionRate: { value: 0.25, parts: { numerator: 1, base: 4 } },
      litigationCorrectionRate: { value: 0.2, parts: { numerator: 1, base: 5 } },
      documentsIssued: { value: 5 },
      documentsInForce: { value: 27 },
    });
  });

  it("reads stored totals as they are, not recomputed from the columns", () => {
    const r = cleanReport("2021");
    r.requests.newReceived.naturalPerson = 3;
    r.requests.newReceived.total = 5;
    expect(keyFigure(r, "newReceived")).toEqual({ value: 5 });
  });

  it("gives no rate for a zero base, and says so", () => {
    const r = cleanReport("2021");
    expect(keyFigure(r, "disclosureRate")).toEqual({ value: null, why: "no-base" });
    expect(keyFigure(r, "reviewCorrectionRate")).toEqual({ value: null, why: "no-base" });
    expect(keyFigure(r, "litigationCorrectionRate")).toEqual({ value: null, why: "no-base" });
    // A count of 0 is a real 0.
    expect(keyFigure(r, "newReceived")).toEqual({ value: 0 });
  });

  it("never counts a blank cell as 0: the figure is blank, in the numerator and in the base", () => {
    const r = cleanReport("2021");
    r.requests.totalHandled.total = 10;
    r.requests.partiallyGranted.total = null;
    expect(keyFigure(r, "disclosureRate")).toEqual({ value: null, why: "blank" });
    r.requests.partiallyGranted.total = 2;
    r.requests.totalHandled.total = null;
    expect(keyFigure(r, "disclosureRate")).toEqual({ value: null, why: "blank" });
    r.requests.newReceived.total = null;
    expect(keyFigure(r, "newReceived")).toEqual({ value: null, why: "blank" });
    r.reviewLitigation.litigationAfterReview.total = null;
    expect(keyFigure(r, "litigationCorrectionRate")).toEqual({ value: null, why: "blank" });
    r.activeDisclosure.normativeDocuments.made = null;
    expect(keyFigure(r, "documentsIssued")).toEqual({ value: null, why: "blank" });
  });

  it("treats a row missing from stored tables 三 and 四 as blank", () => {
    const r = cleanReport("2021");
    delete r.requests.totalHandled;
    delete r.reviewLitigation.review;
    expect(keyFigure(r, "disclosureRate")).toEqual({ value: null, why: "blank" });
    expect(keyFigure(r, "reviewCorrectionRate")).toEqual({ value: null, why: "blank" });
  });

  it("sums the table 二 document rows present; with neither row the figures do not apply", () => {
    const r = cleanReport("2021");
    delete r.activeDisclosure.regulations;
    r.activeDisclosure.normativeDocuments = { made: 3, repealed: 1, inForce: 12 };
    expect(keyFigure(r, "documentsIssued")).toEqual({ value: 3 });
    expect(keyFigure(r, "documentsInForce")).toEqual({ value: 12 });
    delete r.activeDisclosure.normativeDocuments;
    expect(keyFigure(r, "documentsIssued")).toEqual({ value: null, why: "not-applicable" });
    expect(keyFigure(r, "documentsInForce")).toEqual({ value: null, why: "not-applicable" });
  });

  it("reads a 2019-edition report: 本年新制作数量 as documents issued, no documents in force", () => {
    const r = cleanReport("2019");
    r.activeDisclosure.regulations = { newlyMade: 2, newlyPublished: 2, totalPublished: 9 };
    r.activeDisclosure.normativeDocuments = { newlyMade: 5, newlyPublished: 4, totalPublished: 30 };
    r.requests.granted.total = 1;
    r.requests.partiallyGranted.total = 0;
    r.requests.totalHandled.total = 4;
    expect(keyFigure(r, "documentsIssued")).toEqual({ value: 7 });
    // 对外公开总数量 counts documents published, not documents in force.
    expect(keyFigure(r, "documentsInForce")).toEqual({ value: null, why: "not-in-edition" });
    expect(keyFigure(r, "disclosureRate")).toEqual({ value: 0.25, parts: { numerator: 1, base: 4 } });
  });

  it("reads the published 2020 seed report", () => {
    const figures = reportKeyFigures(seedReport());
    expect(figures.newReceived).toEqual({ value: 1 });
    // （七）总计 is 1 (its own mistake: every handling row is 0), so 0 of 1 handled was disclosed.
    expect(figures.disclosureRate).toEqual({ value: 0, parts: { numerator: 0, base: 1 } });
    expect(figures.reviewCorrectionRate).toEqual({ value: null, why: "no-base" });
    expect(figures.documentsIssued).toEqual({ value: 0 });
    expect(figures.documentsInForce).toEqual({ value: null, why: "not-in-edition" });
  });

  it("has one definition per key, each with a label and a description", () => {
    expect(KEY_FIGURE_DEFS.map((def) => def.key)).toEqual([...KEY_FIGURE_KEYS]);
    for (const def of KEY_FIGURE_DEFS) {
      expect(def.label).toMatch(/\p{Script=Han}/u);
      expect(def.description.length).toBeGreaterThan(5);
      expect(def.kind === "rate").toBe(def.base !== undefined);
    }
  });
});
