import { describe, expect, it } from "vitest";
import { cellField } from "./values";

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
