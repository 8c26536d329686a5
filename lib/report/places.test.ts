import { describe, expect, it } from "vitest";
import { EDITION_IDS } from "./editions/types";
import { layoutOf } from "./layout";
import { findingPlace, pathPlace } from "./places";
import type { Finding } from "./rules";

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
