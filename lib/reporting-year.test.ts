import { describe, expect, it } from "vitest";
import { defaultReportYear, FIRST_REPORT_YEAR, selectableReportYears } from "./reporting-year";

describe("defaultReportYear", () => {
  it("is the year before the current one all year round, November and December included", () => {
    for (const month of [0, 1, 5, 9, 10, 11]) expect(defaultReportYear(new Date(2026, month, 15))).toBe(2025);
    expect(defaultReportYear(new Date(2027, 0, 1))).toBe(2026);
  });

  it("is one of the selectable years", () => {
    const today = new Date(2026, 10, 29);
    expect(selectableReportYears(today)).toContain(defaultReportYear(today));
    expect(selectableReportYears(today).at(-1)).toBe(FIRST_REPORT_YEAR);
  });
});
