import { describe, expect, it } from "vitest";
import { emptyReport } from "./model";
import { isTableKey, readPath } from "./paths";

describe("readPath", () => {
  const report = {
    ...emptyReport("2021", 2025, { name: "某局" }),
    contact: { phone: "0535-5601507" },
    overview: [{ heading: "概述", text: "正文" }],
  };
  report.requests.granted.total = 4;

  it("reads cells, text fields and array items", () => {
    expect(readPath(report, "requests.granted.total")).toBe(4);
    expect(readPath(report, "requests.granted.naturalPerson")).toBeNull();
    expect(readPath(report, "contact.phone")).toBe("0535-5601507");
    expect(readPath(report, "overview.0.text")).toBe("正文");
    expect(readPath(report, "year")).toBe(2025);
  });

  it("gives undefined where the path leads nowhere", () => {
    expect(readPath(report, "requests.nothing.total")).toBeUndefined();
    expect(readPath(report, "website.url")).toBeUndefined();
    expect(readPath(report, "title.length")).toBeUndefined();
    expect(readPath(report, "requests.granted.total.x")).toBeUndefined();
    expect(readPath(null, "a")).toBeUndefined();
  });

  it("returns what stands at a shorter path, rows included", () => {
    expect(readPath(report, "requests.granted")).toBe(report.requests.granted);
  });
});

describe("isTableKey", () => {
  it("names the three statistics tables and nothing else", () => {
    expect(["activeDisclosure", "requests", "reviewLitigation"].every(isTableKey)).toBe(true);
    expect(["overview", "title", "intro", ""].some(isTableKey)).toBe(false);
  });
});
