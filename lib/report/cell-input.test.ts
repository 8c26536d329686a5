import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatCell, isCellInputPrefix, readCellInput, splitPastedBlock } from "./cell-input";

describe("readCellInput", () => {
  it("reads blanks, counts, signed changes and amounts", () => {
    expect(readCellInput("", "count")).toEqual({ ok: true, value: null });
    expect(readCellInput(" 12 ", "count")).toEqual({ ok: true, value: 12 });
    expect(readCellInput("1,234", "count")).toEqual({ ok: true, value: 1234 });
    expect(readCellInput("１２", "count")).toEqual({ ok: true, value: 12 });
    expect(readCellInput("+19", "signed")).toEqual({ ok: true, value: 19 });
    expect(readCellInput("-417", "signed")).toEqual({ ok: true, value: -417 });
    expect(readCellInput("25.1", "amount")).toEqual({ ok: true, value: 25.1 });
  });

  it("refuses what does not fit the cell, with a Chinese reason", () => {
    expect(readCellInput("-3", "count")).toEqual({ ok: false, reason: "只能填写不小于 0 的整数" });
    expect(readCellInput("2.5", "count").ok).toBe(false);
    expect(readCellInput("abc", "signed").ok).toBe(false);
    expect(readCellInput("-1", "amount").ok).toBe(false);
    expect(readCellInput("/", "count").ok).toBe(false);
  });

  it("round-trips every integer through formatCell", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (n) => {
        expect(readCellInput(formatCell(n), "signed")).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe("isCellInputPrefix", () => {
  it("lets a clerk type a sign or a decimal point before the digits", () => {
    expect(isCellInputPrefix("-", "signed")).toBe(true);
    expect(isCellInputPrefix("-", "count")).toBe(false);
    expect(isCellInputPrefix("3.", "amount")).toBe(true);
    expect(isCellInputPrefix("3.", "count")).toBe(false);
    expect(isCellInputPrefix("3a", "amount")).toBe(false);
  });
});

describe("splitPastedBlock", () => {
  it("splits Excel's tab-separated rows and drops the trailing line break", () => {
    expect(splitPastedBlock("1\t2\r\n3\t4\r\n")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(splitPastedBlock("7")).toEqual([["7"]]);
  });
});
