import { describe, expect, it } from "vitest";
import { isForeignOrigin, refuseCrossOrigin } from "./origin";

describe("isForeignOrigin", () => {
  it("accepts the site's own host, with or without the default port", () => {
    expect(isForeignOrigin("http://localhost:3000", ["localhost:3000"])).toBe(false);
    expect(isForeignOrigin("https://nianbao.example.cn", ["nianbao.example.cn:443"])).toBe(false);
    expect(isForeignOrigin("https://NianBao.example.cn", ["nianbao.example.cn"])).toBe(false);
  });

  it("accepts the host of the configured site address when the Host header is an internal one", () => {
    expect(isForeignOrigin("https://nianbao.example.cn", ["127.0.0.1:3000", "https://nianbao.example.cn"])).toBe(false);
  });

  it("refuses another host, another port, null and garbage", () => {
    expect(isForeignOrigin("https://evil.example", ["nianbao.example.cn", "https://nianbao.example.cn"])).toBe(true);
    expect(isForeignOrigin("http://localhost:4000", ["localhost:3000"])).toBe(true);
    expect(isForeignOrigin("null", ["localhost:3000"])).toBe(true);
    expect(isForeignOrigin("not a url", ["localhost:3000"])).toBe(true);
    expect(isForeignOrigin("file:///etc/passwd", ["localhost:3000"])).toBe(true);
  });

  it("lets a request without Origin through: no browser sends a cross-site POST without one", () => {
    expect(isForeignOrigin(undefined, ["localhost:3000"])).toBe(false);
  });

  it("skips empty host entries instead of matching them", () => {
    expect(isForeignOrigin("https://evil.example", [undefined, null, ""])).toBe(true);
  });
});

describe("refuseCrossOrigin", () => {
  const own = ["localhost:3000"];

  it("refuses a foreign server-action POST and names its origin", () => {
    expect(
      refuseCrossOrigin({ method: "POST", url: "/reports/1?x=1", origin: "https://evil.example", serverAction: true, ownHosts: own }),
    ).toEqual({ origin: "https://evil.example", method: "POST", path: "/reports/1", serverAction: true });
  });

  it("refuses other unsafe methods from another site too", () => {
    expect(refuseCrossOrigin({ method: "delete", url: "/api/x", origin: "https://evil.example", serverAction: false, ownHosts: own })).not.toBeNull();
  });

  it("lets safe methods and same-site requests through", () => {
    expect(refuseCrossOrigin({ method: "GET", url: "/", origin: "https://evil.example", serverAction: false, ownHosts: own })).toBeNull();
    expect(refuseCrossOrigin({ method: "POST", url: "/", origin: "http://localhost:3000", serverAction: true, ownHosts: own })).toBeNull();
    expect(refuseCrossOrigin({ method: "POST", url: "/", origin: undefined, serverAction: true, ownHosts: own })).toBeNull();
  });
});
