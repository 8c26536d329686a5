import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("readEnv: TRUST_PROXY", () => {
  it("trusts no proxy unless told", () => {
    expect(readEnv({}).trustedProxies).toBe(0);
    expect(readEnv({ TRUST_PROXY: "" }).trustedProxies).toBe(0);
    expect(readEnv({ TRUST_PROXY: "0" }).trustedProxies).toBe(0);
  });

  it("reads the number of proxies in front", () => {
    expect(readEnv({ TRUST_PROXY: "1" }).trustedProxies).toBe(1);
    expect(readEnv({ TRUST_PROXY: "2" }).trustedProxies).toBe(2);
  });

  it("stops with a Chinese message naming the variable for anything else", () => {
    for (const value of ["true", "yes", "-1", "1.5"]) {
      expect(() => readEnv({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    }
  });
});

describe("readEnv: NEXTAUTH_URL", () => {
  it("is the site address when set", () => {
    expect(readEnv({ NEXTAUTH_URL: "https://nianbao.example.cn" }).publicUrl).toBe("https://nianbao.example.cn");
    expect(readEnv({}).publicUrl).toBeUndefined();
  });

  it("must be an http or https address", () => {
    expect(() => readEnv({ NEXTAUTH_URL: "nianbao.example.cn" })).toThrow(/NEXTAUTH_URL/);
  });
});
