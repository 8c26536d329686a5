import { describe, expect, it } from "vitest";
import { EDITION_IDS } from "./editions/types";
import { layoutOf } from "./layout";
import { findingField, findingPlace, findingSentence, pathPlace } from "./places";
import { validate, type Finding } from "./rules";
import { cleanReport } from "./testing";

const at = (...cells: string[]): Finding => ({ id: "x", rule: "CELL-BLANK", severity: "error", cells, message: "" });

describe("pathPlace", () => {
  it("puts the introduction on the cover page, with the other text before section 一", () => {
    expect(pathPlace("intro")).toBe("front");
    for (const key of ["agency.name", "title", "date", "website.name", "website.url", "contact.address", "contact.phone", "contact.postcode"]) {
      expect(pathPlace(key)).toBe("front");
    }
  });

  it("puts the narratives under their sections", () => {
    expect(pathPlace("overview")).toBe("overview");
    expect(pathPlace("overview.0.text")).toBe("overview");
    expect(pathPlace("problems")).toBe("problems");
    expect(pathPlace("otherMatters.1.text")).toBe("otherMatters");
  });

  it("puts every cell of each table under that table, in both editions", () => {
    for (const edition of EDITION_IDS) {
      const layout = layoutOf(edition);
      const adPaths = layout.adRows.flatMap((row) => row.paths);
      const requestPaths = Object.values(layout.requestPaths).flatMap((row) => Object.values(row));
      const reviewPaths = Object.values(layout.reviewPaths).flatMap((row) => Object.values(row));
      expect(adPaths.length * requestPaths.length * reviewPaths.length).toBeGreaterThan(0);
      for (const path of adPaths) expect(pathPlace(path)).toBe("activeDisclosure");
      for (const path of requestPaths) expect(pathPlace(path)).toBe("requests");
      for (const path of reviewPaths) expect(pathPlace(path)).toBe("reviewLitigation");
    }
  });
});

describe("findingPlace", () => {
  it("places a finding by its first cell, and one naming no cell on the cover page", () => {
    expect(findingPlace(at("requests.newReceived.naturalPerson"))).toBe("requests");
    expect(findingPlace(at("activeDisclosure.regulations.issued", "requests.x.y"))).toBe("activeDisclosure");
    expect(findingPlace(at("intro", "overview.0.text"))).toBe("front");
    expect(findingPlace(at())).toBe("front");
  });
});

describe("findings about the narrative", () => {
  const mismatch = (...cells: string[]): Finding => ({ id: "x", rule: "N-MISMATCH", severity: "warning", cells, message: "" });

  it("belong where the sentence is typed, not under the table they contradict", () => {
    expect(findingPlace(mismatch("requests.newReceived.total", "overview"))).toBe("overview");
    expect(findingField(mismatch("requests.newReceived.total", "overview"))).toBe("overview");
    expect(findingPlace(mismatch("reviewLitigation.review.total", "intro"))).toBe("front");
    expect(findingPlace(mismatch("reviewLitigation.litigationDirect.total", "otherMatters"))).toBe("otherMatters");
    expect(findingField(at("requests.granted.total", "requests.newReceived.total"))).toBe("requests.granted.total");
    expect(findingField(at())).toBeUndefined();
  });

  const sentence = "本年度共收到政府信息公开申请3件，均按时答复";
  const withSentence = (text: string) => {
    const report = cleanReport("2021", { year: 2025 });
    report.overview![1].text = text;
    const finding = validate(report).find((f) => f.rule === "N-MISMATCH");
    expect(finding).toBeDefined();
    return { report, finding: finding! };
  };

  it("lead to the sentence: its part of the section and its place in the text", () => {
    const text = `依申请公开工作规范开展。${sentence}。`;
    const { report, finding } = withSentence(text);
    expect(findingPlace(finding)).toBe("overview");
    const place = findingSentence(report, finding)!;
    expect(place).toMatchObject({ path: "overview.1.text" });
    expect(text.slice(place.start, place.end)).toBe(sentence);
  });

  it("find the whole sentence when the message quotes it cut short", () => {
    const long = `${sentence}，其中依法予以公开、部分公开、不予公开、无法提供和不予处理的申请均已在法定期限内答复申请人并逐件登记归档备查`;
    const { report, finding } = withSentence(`${long}。`);
    expect(finding.message).toContain("…");
    const place = findingSentence(report, finding)!;
    expect(report.overview![1].text.slice(place.start, place.end)).toBe(long);
  });

  it("find nothing once the sentence is gone, or for a finding naming no narrative", () => {
    const { report, finding } = withSentence(`${sentence}。`);
    report.overview![1].text = "";
    expect(findingSentence(report, finding)).toBeUndefined();
    expect(findingSentence(report, at("requests.granted.total"))).toBeUndefined();
  });
});
