import { describe, expect, it } from "vitest";
import { RecentResults } from "./recent-results";

describe("RecentResults", () => {
  it("computes a key once while it is kept, and forgets the oldest key past its size", () => {
    const results = new RecentResults<string>(2);
    const computed: string[] = [];
    const get = (key: string) => results.get(key, () => (computed.push(key), key.toUpperCase()));
    expect([get("a"), get("b"), get("a")]).toEqual(["A", "B", "A"]);
    expect(computed).toEqual(["a", "b"]);
    get("c"); // "a" goes: the oldest
    expect([get("b"), get("a")]).toEqual(["B", "A"]);
    expect(computed).toEqual(["a", "b", "c", "a"]);
  });

  it("keeps an undefined result as a result", () => {
    const results = new RecentResults<number | undefined>(4);
    let calls = 0;
    results.get("x", () => (calls++, undefined));
    results.get("x", () => (calls++, undefined));
    expect(calls).toBe(1);
  });
});
