import { describe, expect, it } from "vitest";
import { normaliseAddress, resolveClientAddress } from "./trusted-address";

describe("normaliseAddress", () => {
  it("writes an IPv4 address seen through an IPv6 socket as plain IPv4", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
  });

  it("keeps real IPv6 addresses, lower-cased", () => {
    expect(normaliseAddress("::1")).toBe("::1");
    expect(normaliseAddress("2001:DB8::7")).toBe("2001:db8::7");
  });

  it("drops brackets and ports that some proxies write", () => {
    expect(normaliseAddress("[2001:db8::7]:51234")).toBe("2001:db8::7");
    expect(normaliseAddress("[::1]")).toBe("::1");
    expect(normaliseAddress(" 198.51.100.4:8080 ")).toBe("198.51.100.4");
  });

  it("gives null for anything that is not an address", () => {
    expect(normaliseAddress(undefined)).toBeNull();
    expect(normaliseAddress("")).toBeNull();
    expect(normaliseAddress("unknown")).toBeNull();
    expect(normaliseAddress("<script>")).toBeNull();
    expect(normaliseAddress("999.1.1.1")).toBeNull();
  });
});

describe("resolveClientAddress", () => {
  it("ignores a forged X-Forwarded-For when no proxy is trusted", () => {
    expect(
      resolveClientAddress({ remoteAddress: "::ffff:127.0.0.1", forwardedFor: "203.0.113.9", trustedProxies: 0 }),
    ).toBe("127.0.0.1");
    expect(
      resolveClientAddress({ remoteAddress: "198.51.100.20", forwardedFor: ["203.0.113.9", "10.0.0.1"], trustedProxies: 0 }),
    ).toBe("198.51.100.20");
  });

  it("takes the address the one trusted proxy saw: the rightmost entry", () => {
    expect(resolveClientAddress({ remoteAddress: "10.0.0.2", forwardedFor: "198.51.100.7", trustedProxies: 1 })).toBe(
      "198.51.100.7",
    );
    // A client that sends its own X-Forwarded-For only adds entries to the left of the proxy's.
    expect(
      resolveClientAddress({ remoteAddress: "10.0.0.2", forwardedFor: "203.0.113.9, 198.51.100.7", trustedProxies: 1 }),
    ).toBe("198.51.100.7");
  });

  it("counts as many hops from the right as there are trusted proxies", () => {
    const forwardedFor = "203.0.113.9, 198.51.100.7, 10.0.0.5";
    expect(resolveClientAddress({ remoteAddress: "10.0.0.2", forwardedFor, trustedProxies: 2 })).toBe("198.51.100.7");
    expect(resolveClientAddress({ remoteAddress: "10.0.0.2", forwardedFor: ["203.0.113.9", "198.51.100.7, 10.0.0.5"], trustedProxies: 2 })).toBe(
      "198.51.100.7",
    );
    expect(resolveClientAddress({ remoteAddress: "10.0.0.2", forwardedFor: "198.51.100.7", trustedProxies: 3 })).toBe(
      "198.51.100.7",
    );
  });

  it("normalises the forwarded entry", () => {
    expect(resolveClientAddress({ remoteAddress: "10.0.0.2", forwardedFor: "::ffff:198.51.100.7", trustedProxies: 1 })).toBe(
      "198.51.100.7",
    );
  });

  it("falls back to the socket's peer when a trusted proxy sent no X-Forwarded-For", () => {
    expect(resolveClientAddress({ remoteAddress: "::ffff:10.0.0.2", forwardedFor: undefined, trustedProxies: 1 })).toBe("10.0.0.2");
    expect(resolveClientAddress({ remoteAddress: "10.0.0.2", forwardedFor: " , ", trustedProxies: 1 })).toBe("10.0.0.2");
  });

  it("gives null when there is no usable address", () => {
    expect(resolveClientAddress({ remoteAddress: undefined, forwardedFor: undefined, trustedProxies: 0 })).toBeNull();
    expect(resolveClientAddress({ remoteAddress: "10.0.0.2", forwardedFor: "unknown", trustedProxies: 1 })).toBeNull();
  });
});
