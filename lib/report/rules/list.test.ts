/**
 * The rule table loads and finds every rule by its id. The module is imported inside the test: an error while the
 * table is built (a rule without an id, a broken entry) then fails this test instead of leaving the file with no
 * test run at all.
 */
import { describe, expect, it } from "vitest";

describe("the rule table's index", () => {
  it("loads, and finds each of the twenty rules by its id", async () => {
    const { RULES, ruleById } = await import("./list");
    expect(RULES).toHaveLength(20);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(20);
    for (const rule of RULES) expect(ruleById(rule.id)).toBe(rule);
    expect(ruleById("R3-BALANCE")?.severity).toBe("error");
    expect(ruleById("RATIO")?.severity).toBe("info");
  });
});
