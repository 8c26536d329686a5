import { describe, expect, it } from "vitest";
import {
  ADDRESS_FAILURE_LIMIT,
  PAIR_FAILURE_LIMIT,
  throttleRefusal,
  throttledCode,
  throttleMessage,
  USERNAME_BACKOFF_AFTER,
  USERNAME_BACKOFF_INTERVAL_MS,
  type LoginAttemptCounts,
} from "./login-throttle";

const NOW = 1_000_000_000;
const none: LoginAttemptCounts = { pair: 0, username: 0, usernameLatestAt: null, address: 0 };

describe("the sign-in throttling policy", () => {
  it("refuses a username from one address after its limit of failures", () => {
    const counts = { ...none, username: PAIR_FAILURE_LIMIT - 1, usernameLatestAt: NOW, address: PAIR_FAILURE_LIMIT - 1 };
    expect(throttleRefusal({ ...counts, pair: PAIR_FAILURE_LIMIT - 1 }, NOW)).toBeNull();
    expect(throttleRefusal({ ...counts, pair: PAIR_FAILURE_LIMIT }, NOW)).toBe("pair");
  });

  it("slows a username guessed from many addresses to one attempt per interval, never locking it", () => {
    const guessed = { ...none, pair: 0, username: USERNAME_BACKOFF_AFTER, usernameLatestAt: NOW };
    expect(throttleRefusal({ ...guessed, username: USERNAME_BACKOFF_AFTER - 1 }, NOW)).toBeNull();
    expect(throttleRefusal(guessed, NOW)).toBe("username");
    expect(throttleRefusal(guessed, NOW + USERNAME_BACKOFF_INTERVAL_MS - 1)).toBe("username");
    expect(throttleRefusal({ ...guessed, username: 500 }, NOW + USERNAME_BACKOFF_INTERVAL_MS)).toBeNull();
  });

  it("refuses an address that tries many usernames only far above what one office's typos reach", () => {
    expect(ADDRESS_FAILURE_LIMIT).toBeGreaterThanOrEqual(50);
    expect(throttleRefusal({ ...none, address: ADDRESS_FAILURE_LIMIT - 1 }, NOW)).toBeNull();
    expect(throttleRefusal({ ...none, address: ADDRESS_FAILURE_LIMIT }, NOW)).toBe("address");
  });
});

describe("the login form's throttle message", () => {
  it("names the wait of the limit that refused, and is silent for other errors", () => {
    expect(throttleMessage(throttledCode("pair"))).toBe("登录失败次数过多，已暂时锁定，请 15 分钟后再试。");
    expect(throttleMessage(throttledCode("address"))).toBe("登录失败次数过多，已暂时锁定，请 15 分钟后再试。");
    expect(throttleMessage(throttledCode("username"))).toBe("该账号最近登录失败次数过多，每 30 秒只能尝试一次，请稍后再试。");
    expect(throttleMessage("CredentialsSignin")).toBeNull();
    expect(throttleMessage(undefined)).toBeNull();
  });
});
