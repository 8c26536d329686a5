import { describe, expect, it } from "vitest";
import { formatDateTime, formatTimeSpan } from "./format";

describe("formatTimeSpan", () => {
  const beijing = (day: number, hour: number, minute: number) => new Date(Date.UTC(2026, 10, day, hour - 8, minute));

  it("writes the day once for a span within one day, in Beijing time", () => {
    expect(formatTimeSpan(beijing(25, 14, 32), beijing(25, 15, 10))).toBe("2026-11-25 14:32–15:10");
    expect(formatTimeSpan(beijing(25, 0, 5), beijing(25, 7, 59))).toBe("2026-11-25 00:05–07:59");
  });

  it("writes both in full across days, and one moment once", () => {
    expect(formatTimeSpan(beijing(25, 23, 50), beijing(26, 0, 10))).toBe("2026-11-25 23:50 – 2026-11-26 00:10");
    expect(formatTimeSpan(beijing(25, 9, 0), beijing(25, 9, 0))).toBe(formatDateTime(beijing(25, 9, 0)));
  });
});
