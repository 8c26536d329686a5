import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./login-throttle";

describe("LoginThrottle", () => {
  it("locks a username after the limit of failures and unlocks after the window", () => {
    let now = 0;
    const throttle = new LoginThrottle(3, 10, 1000, () => now);
    for (let i = 0; i < 2; i++) throttle.recordFailure("clerk", "10.0.0.1");
    expect(throttle.isLocked("clerk", "10.0.0.2")).toBe(false);
    throttle.recordFailure("clerk", "10.0.0.1");
    expect(throttle.isLocked("clerk", "10.0.0.2")).toBe(true);
    expect(throttle.isLocked("CLERK", null)).toBe(true);
    now = 1001;
    expect(throttle.isLocked("clerk", "10.0.0.2")).toBe(false);
  });

  it("locks an address that guesses many usernames", () => {
    const throttle = new LoginThrottle(2, 3, 1000, () => 0);
    for (const name of ["a", "b"]) throttle.recordFailure(name, "10.0.0.9");
    expect(throttle.isLocked("d", "10.0.0.9")).toBe(false);
    throttle.recordFailure("c", "10.0.0.9");
    expect(throttle.isLocked("d", "10.0.0.9")).toBe(true);
    expect(throttle.isLocked("d", "10.0.0.8")).toBe(false);
  });

  it("clears a username's failures on success but keeps the address's", () => {
    const throttle = new LoginThrottle(2, 2, 1000, () => 0);
    throttle.recordFailure("clerk", "10.0.0.1");
    throttle.recordFailure("other", "10.0.0.1");
    throttle.recordSuccess("clerk");
    expect(throttle.isLocked("clerk", null)).toBe(false);
    expect(throttle.isLocked("clerk", "10.0.0.1")).toBe(true);
  });
});
