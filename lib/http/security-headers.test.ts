import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, servedOverHttps } from "./security-headers";

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the page's nonce, and forbids framing, plugins and foreign forms", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", dev: false, https: false }));
    expect(policy.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy.get("style-src")).toBe("'self' 'nonce-abc123'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'self'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval and inline styles only in development", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toContain("'unsafe-inline'");
    const production = contentSecurityPolicy({ nonce: "n", dev: false, https: true });
    expect(production).not.toContain("unsafe-eval");
    expect(production).not.toContain("unsafe-inline");
    expect(directives(production).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("newNonce", () => {
  it("is 128 random bits, different every time", () => {
    const first = newNonce();
    expect(Buffer.from(first, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(first);
  });
});

describe("servedOverHttps", () => {
  it("follows an https site address", () => {
    expect(servedOverHttps({ publicUrl: "https://nianbao.example.cn", trustedProxies: 0, forwardedProto: undefined })).toBe(true);
    expect(servedOverHttps({ publicUrl: "http://localhost:3000", trustedProxies: 0, forwardedProto: undefined })).toBe(false);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(servedOverHttps({ publicUrl: undefined, trustedProxies: 0, forwardedProto: "https" })).toBe(false);
    expect(servedOverHttps({ publicUrl: undefined, trustedProxies: 1, forwardedProto: "https" })).toBe(true);
    expect(servedOverHttps({ publicUrl: undefined, trustedProxies: 1, forwardedProto: "https, http" })).toBe(false);
    expect(servedOverHttps({ publicUrl: undefined, trustedProxies: 2, forwardedProto: "https, http" })).toBe(true);
  });
});
