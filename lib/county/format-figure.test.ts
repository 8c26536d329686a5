import { describe, expect, it } from "vitest";
import { formatFigure } from "./format-figure";

describe("formatFigure", () => {
  it("prints rates as percentages with at most one decimal, counts and days as they are", () => {
    expect(formatFigure("rate", 0.75)).toBe("75%");
    expect(formatFigure("rate", 1 / 3)).toBe("33.3%");
    expect(formatFigure("rate", 0)).toBe("0%");
    expect(formatFigure("count", 300)).toBe("300");
    expect(formatFigure("count", 29.5)).toBe("29.5");
    expect(formatFigure("days", 10)).toBe("10");
  });
});
