import { describe, expect, it } from "vitest";
import { readCursor } from "./paging";

describe("readCursor", () => {
  it("reads a positive whole number and nothing else", () => {
    expect(readCursor("42")).toBe(42);
    for (const bad of [undefined, "", "0", "-3", "4.5", "abc", "1e3", "99999999999999999999", ["1", "2"]]) {
      expect(readCursor(bad)).toBeUndefined();
    }
  });
});
