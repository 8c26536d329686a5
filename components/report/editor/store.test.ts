import { describe, expect, it } from "vitest";
import { validate } from "@/lib/report/rules";
import { cleanReport } from "@/lib/report/testing";
import { computeTotals } from "@/lib/report/model";
import { editorSnapshot } from "./store";

/** A clean report with table 四 blank, totals computed as the editor computes them. */
function blankTableFour() {
  const report = cleanReport("2021", { year: 2025 });
  for (const row of Object.values(report.reviewLitigation)) for (const key in row) row[key] = null;
  return computeTotals(report);
}

describe("editorSnapshot", () => {
  it("asks only for the cells a person fills: no computed total is blank, marked or counted", () => {
    const report = blankTableFour();
    const snapshot = editorSnapshot(report, validate(report));
    const blanks = snapshot.findings.filter((finding) => finding.rule === "CELL-BLANK").map((finding) => finding.cells[0]);
    expect(blanks).toHaveLength(12);
    expect(blanks).not.toContain("reviewLitigation.review.total");
    expect(snapshot.severityByPath.get("reviewLitigation.review.total")).toBeUndefined();
    expect(snapshot.severityByPath.get("reviewLitigation.review.upheld")).toBe("blank");
    // A table with nothing filled is 未填写, though its totals are never reported blank.
    expect(snapshot.sectionStates.reviewLitigation).toEqual({ label: "未填写", tone: "empty" });
    report.reviewLitigation.review.upheld = 0;
    const started = computeTotals(report);
    expect(editorSnapshot(started, validate(started)).sectionStates.reviewLitigation).toEqual({ label: "有错误 11", tone: "error" });
  });
});
