import { describe, expect, it } from "vitest";
import { validate } from "@/lib/report/rules";
import { cleanReport } from "@/lib/report/testing";
import { computeTotals } from "@/lib/report/model";
import { EditorStore, editorSnapshot } from "./store";

/** A clean report with table 四 blank, totals computed as the editor computes them. */
function blankTableFour() {
  const report = cleanReport("2021", { year: 2025 });
  for (const row of Object.values(report.reviewLitigation)) for (const key in row) row[key] = null;
  return computeTotals(report);
}

/** Table 四 begun: one cell filled, the others blank. */
function begunTableFour() {
  const report = blankTableFour();
  report.reviewLitigation.litigationDirect.upheld = 0;
  return computeTotals(report);
}

describe("editorSnapshot", () => {
  it("asks only for the cells a person fills: no computed total is blank, marked or counted", () => {
    const report = begunTableFour();
    const snapshot = editorSnapshot(report, validate(report));
    const blanks = snapshot.findings.filter((finding) => finding.rule === "CELL-BLANK").map((finding) => finding.cells[0]);
    expect(blanks).toHaveLength(11);
    expect(blanks).not.toContain("reviewLitigation.review.total");
    expect(snapshot.severityByPath.get("reviewLitigation.review.total")).toBeUndefined();
    expect(snapshot.severityByPath.get("reviewLitigation.review.upheld")).toBe("blank");
    expect(snapshot.sectionStates.reviewLitigation).toEqual({ label: "有错误 11", tone: "error" });
  });

  it("counts a table with nothing filled as 未填写, though its totals are never reported blank", () => {
    const report = blankTableFour();
    expect(editorSnapshot(report, validate(report)).sectionStates.reviewLitigation).toEqual({ label: "未填写", tone: "empty" });
  });
});

describe("EditorStore", () => {
  it("tells a cell only when its own figure changes, and stops once unsubscribed", () => {
    const before = blankTableFour();
    const store = new EditorStore(editorSnapshot(before, validate(before)));
    const told: string[] = [];
    const stopUpheld = store.subscribeCell("reviewLitigation.litigationDirect.upheld", () => told.push("upheld"));
    store.subscribeCell("reviewLitigation.litigationDirect.total", () => told.push("total"));
    store.subscribeCell("reviewLitigation.review.upheld", () => told.push("review"));
    let everything = 0;
    store.subscribe(() => everything++);

    const begun = begunTableFour();
    store.set(editorSnapshot(begun, validate(begun)));
    expect(told).toEqual(["upheld", "total"]);
    expect(everything).toBe(1);

    // The same figures again (another field changed): no cell is told.
    const again = computeTotals(structuredClone(begun));
    store.set(editorSnapshot(again, validate(again)));
    expect(told).toEqual(["upheld", "total"]);

    stopUpheld();
    store.set(editorSnapshot(before, validate(before)));
    expect(told).toEqual(["upheld", "total", "total"]);
  });
});
