import { describe, expect, it } from "vitest";
import { daysUntil, deadlineRule, isMonthDay, reportDeadline } from "./deadlines";

describe("report deadlines", () => {
  it("puts year Y's deadline in Y+1: departments 1月31日, townships the county's date", () => {
    expect(reportDeadline("department", 2025, "02-20")).toEqual({ date: "2026-01-31", label: "2026年1月31日" });
    expect(reportDeadline("township", 2025, "02-20")).toEqual({ date: "2026-02-20", label: "2026年2月20日" });
  });

  it("gives a people's government 3月31日, or the earlier date the office above it sets", () => {
    expect(reportDeadline("government", 2025, null)).toEqual({ date: "2026-03-31", label: "2026年3月31日" });
    expect(reportDeadline("government", 2025, "03-15")).toEqual({ date: "2026-03-15", label: "2026年3月15日" });
    expect(deadlineRule("government", "03-15")).toBe("次年3月15日");
    expect(deadlineRule("government", null)).toBe("次年3月31日");
    expect(deadlineRule("township", null)).toBe("未设定");
  });

  it("has no township deadline until the county office sets one", () => {
    expect(reportDeadline("township", 2025, null)).toBeNull();
    expect(reportDeadline("township", 2025, "2-20")).toBeNull();
  });

  it("moves 02-29 to 02-28 in a common year", () => {
    expect(reportDeadline("township", 2026, "02-29")?.date).toBe("2027-02-28");
    expect(reportDeadline("township", 2027, "02-29")?.date).toBe("2028-02-29");
  });

  it("accepts only real month-days", () => {
    expect(["01-31", "02-29", "12-01"].every(isMonthDay)).toBe(true);
    expect(["13-01", "02-30", "04-31", "0220", "2-20", ""].some(isMonthDay)).toBe(false);
  });

  it("counts days in Beijing time, negative once past", () => {
    // 2026-01-30 20:00 UTC is already 2026-01-31 in Beijing.
    expect(daysUntil("2026-01-31", new Date("2026-01-30T20:00:00Z"))).toBe(0);
    expect(daysUntil("2026-01-31", new Date("2026-01-30T10:00:00Z"))).toBe(1);
    expect(daysUntil("2026-01-31", new Date("2026-02-02T10:00:00Z"))).toBe(-2);
    expect(daysUntil("2026-03-31", new Date("2025-12-31T10:00:00Z"))).toBe(90);
  });
});
