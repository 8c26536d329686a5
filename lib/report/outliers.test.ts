import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { median, OUTLIER_RULE, outlierFences, outlierSide, quantile } from "./outliers";

describe("quantile", () => {
  it("interpolates between order statistics (type 7, Excel's QUARTILE.INC)", () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(quantile(sorted, 0.25)).toBe(2.75);
    expect(quantile(sorted, 0.5)).toBe(4.5);
    expect(quantile(sorted, 0.75)).toBe(6.25);
    expect(quantile([7], 0.25)).toBe(7);
  });

  it("median of any order; none of no values", () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("outlierFences and outlierSide", () => {
  it("marks a value beyond 1.5 × IQR on either side", () => {
    const values = [10, 12, 11, 13, 12, 14, 200, 0];
    const fences = outlierFences(values)!;
    // sorted 0 10 11 12 12 13 14 200: Q1 10.75, Q3 13.25, IQR 2.5
    expect(fences).toEqual({ q1: 10.75, median: 12, q3: 13.25, low: 7, high: 17 });
    expect(outlierSide(200, fences)).toBe("high");
    expect(outlierSide(0, fences)).toBe("low");
    expect(outlierSide(17, fences)).toBeNull();
    expect(outlierSide(7, fences)).toBeNull();
    expect(outlierSide(12, fences)).toBeNull();
  });

  it("judges nobody among fewer values than the rule's minimum", () => {
    expect(OUTLIER_RULE.minimumValues).toBe(5);
    const few = outlierFences([1, 1, 1, 100]);
    expect(few).toBeNull();
    expect(outlierSide(100, few)).toBeNull();
    expect(outlierFences([1, 1, 1, 100], { factor: 1.5, minimumValues: 4 })).not.toBeNull();
  });

  it("with most agencies at one value (IQR 0), marks every other value", () => {
    const fences = outlierFences([0, 0, 0, 0, 0, 0, 2]);
    expect(fences).toMatchObject({ low: 0, high: 0 });
    expect(outlierSide(2, fences)).toBe("high");
    expect(outlierSide(0, fences)).toBeNull();
  });

  it("never marks a value between the quartiles, and never marks when all values are equal", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 60 }), (values) => {
        const fences = outlierFences(values)!;
        for (const value of values) {
          if (value >= fences.q1 && value <= fences.q3) expect(outlierSide(value, fences)).toBeNull();
        }
        const equal = values.map(() => values[0]);
        expect(outlierSide(values[0], outlierFences(equal))).toBeNull();
      }),
    );
  });
});
