import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatCell, isCellInputPrefix, readCellInput, refusedCellText, splitPastedBlock } from "./cell-input";

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

describe("refusedCellText", () => {
  it("refuses a decimal point in a count as soon as it is typed: 1.5 is never 15", () => {
    expect(refusedCellText("1", "count", false)).toBeNull();
    expect(refusedCellText("1.", "count", false)).toBe("只能填写不小于 0 的整数");
    expect(refusedCellText("1.5", "count", false)).toBe("只能填写不小于 0 的整数");
    expect(refusedCellText("1a", "count", false)).toBe("只能填写不小于 0 的整数");
    expect(refusedCellText("-2", "count", false)).toBe("只能填写不小于 0 的整数");
  });

  it("lets a start that may still become a number be while typing, and refuses it when the clerk leaves", () => {
    expect(refusedCellText("3.", "amount", false)).toBeNull();
    expect(refusedCellText("3.", "amount", true)).toBe("只能填写不小于 0 的数字（单位：万元，可有小数）");
    expect(refusedCellText("-", "signed", false)).toBeNull();
    expect(refusedCellText("-", "signed", true)).toBe("只能填写整数（减少时前加“-”）");
  });

  it("accepts blanks and numbers as readCellInput reads them", () => {
    for (const complete of [false, true]) {
      expect(refusedCellText("", "count", complete)).toBeNull();
      expect(refusedCellText("１２", "count", complete)).toBeNull();
      expect(refusedCellText("1,234", "count", complete)).toBeNull();
      expect(refusedCellText("-417", "signed", complete)).toBeNull();
      expect(refusedCellText("25.1", "amount", complete)).toBeNull();
    }
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

describe("readCellInput: what a Chinese input method and Excel give", () => {
  it("reads whole-number and two-decimal amounts", () => {
    expect(readCellInput("25", "amount")).toEqual({ ok: true, value: 25 });
    expect(readCellInput("25.15", "amount")).toEqual({ ok: true, value: 25.15 });
    expect(readCellInput("0.05", "amount")).toEqual({ ok: true, value: 0.05 });
  });

  it("reads the full-width minus, plus and decimal point", () => {
    expect(readCellInput("－3", "signed")).toEqual({ ok: true, value: -3 });
    expect(readCellInput("－3", "count")).toEqual({ ok: false, reason: "只能填写不小于 0 的整数" });
    expect(readCellInput("＋5", "signed")).toEqual({ ok: true, value: 5 });
    expect(readCellInput("＋5", "count")).toEqual({ ok: false, reason: "只能填写不小于 0 的整数" });
    expect(readCellInput("25．5", "amount")).toEqual({ ok: true, value: 25.5 });
    expect(readCellInput("25。5", "amount")).toEqual({ ok: true, value: 25.5 });
    expect(readCellInput("25．5", "count")).toEqual({ ok: false, reason: "只能填写不小于 0 的整数" });
  });

  it("refuses a change with anything before or after its digits", () => {
    const reason = "只能填写整数（减少时前加“-”）";
    expect(readCellInput("a5", "signed")).toEqual({ ok: false, reason });
    expect(readCellInput("5a", "signed")).toEqual({ ok: false, reason });
    expect(readCellInput("-5-", "signed")).toEqual({ ok: false, reason });
  });

  it("refuses a number too large to keep exactly", () => {
    expect(readCellInput("99999999999999999999", "count")).toEqual({ ok: false, reason: "数值过大" });
    expect(readCellInput("-99999999999999999999", "signed")).toEqual({ ok: false, reason: "数值过大" });
    expect(readCellInput("9007199254740991", "count")).toEqual({ ok: true, value: 9007199254740991 });
  });

  it("reads -0 as 0, never as a negative zero", () => {
    const input = readCellInput("-0", "signed");
    expect(input.ok).toBe(true);
    expect(input.ok && Object.is(input.value, 0)).toBe(true);
  });
});

describe("isCellInputPrefix: every start of a valid value lets typing go on", () => {
  it("counts: any number of digits, nothing else", () => {
    expect(isCellInputPrefix("", "count")).toBe(true);
    expect(isCellInputPrefix("1", "count")).toBe(true);
    expect(isCellInputPrefix("12", "count")).toBe(true);
    expect(isCellInputPrefix("a", "count")).toBe(false);
  });

  it("changes: an optional sign, then digits", () => {
    expect(isCellInputPrefix("", "signed")).toBe(true);
    expect(isCellInputPrefix("12", "signed")).toBe(true);
    expect(isCellInputPrefix("+", "signed")).toBe(true);
    expect(isCellInputPrefix("-12", "signed")).toBe(true);
    expect(isCellInputPrefix("a", "signed")).toBe(false);
    expect(isCellInputPrefix("a1", "signed")).toBe(false);
    expect(isCellInputPrefix("1a", "signed")).toBe(false);
    expect(isCellInputPrefix("1-", "signed")).toBe(false);
  });

  it("amounts: digits, at most one point, digits", () => {
    expect(isCellInputPrefix("", "amount")).toBe(true);
    expect(isCellInputPrefix("12", "amount")).toBe(true);
    expect(isCellInputPrefix(".", "amount")).toBe(true);
    expect(isCellInputPrefix(".5", "amount")).toBe(true);
    expect(isCellInputPrefix("12.3", "amount")).toBe(true);
    expect(isCellInputPrefix("1.2.", "amount")).toBe(false);
    expect(isCellInputPrefix("a1", "amount")).toBe(false);
  });
});

describe("splitPastedBlock: no row is lost or added", () => {
  it("keeps the last row of a block pasted without a trailing line break", () => {
    expect(splitPastedBlock("1\t2\n3\t4")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("splits rows at a lone carriage return (old Mac line ends)", () => {
    expect(splitPastedBlock("1\r2\r")).toEqual([["1"], ["2"]]);
  });

  it("reads an empty paste as one blank cell, and a blank last row inside a block as a row", () => {
    expect(splitPastedBlock("")).toEqual([[""]]);
    expect(splitPastedBlock("1\n\n")).toEqual([["1"], [""]]);
  });
});

describe("formatCell", () => {
  it("shows a blank or missing cell as empty text and a number as typed", () => {
    expect(formatCell(null)).toBe("");
    expect(formatCell(undefined)).toBe("");
    expect(formatCell(0)).toBe("0");
    expect(formatCell(25.5)).toBe("25.5");
  });
});
