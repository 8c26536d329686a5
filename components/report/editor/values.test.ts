import { describe, expect, it } from "vitest";
import { emptyReport } from "@/lib/report/model";
import { cellField, withCell } from "./values";

describe("cellField", () => {
  it("is the form field of a table cell path", () => {
    expect(cellField("requests.granted.total")).toBe("report.requests.granted.total");
    expect(cellField("activeDisclosure.regulations.issued")).toBe("report.activeDisclosure.regulations.issued");
  });

  it("refuses anything that is not a table cell path", () => {
    expect(() => cellField("title")).toThrow();
    expect(() => cellField("contact.phone.x")).toThrow();
    expect(() => cellField("requests.granted")).toThrow();
  });
});

describe("withCell", () => {
  const report = emptyReport("2021", 2025, { name: "某局" });

  it("writes the figure and computes the totals it is part of, leaving the report it was given as it was", () => {
    const next = withCell(report, "requests.newReceived.naturalPerson", 7);
    expect(next.requests.newReceived.naturalPerson).toBe(7);
    expect(next.requests.newReceived.total).toBe(7);
    expect(report.requests.newReceived.naturalPerson).toBeNull();
    expect(report.requests.newReceived.total).toBeNull();
    expect(withCell(next, "requests.newReceived.naturalPerson", null).requests.newReceived.total).toBeNull();
  });

  it("computes the totals of table 四 and keeps the other tables", () => {
    const next = withCell(report, "reviewLitigation.review.upheld", 2);
    expect(next.reviewLitigation.review.total).toBe(2);
    expect(next.activeDisclosure).toBe(report.activeDisclosure);
  });

  it("refuses anything that is not a table cell path", () => {
    expect(() => withCell(report, "title", 1)).toThrow();
  });
});
