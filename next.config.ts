import type { NextConfig } from "next";
import { FIXED_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // A second build folder lets two test servers (e.g. two developers' e2e runs) build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Published reports uploaded for import are Word files with pictures; the importer allows up to 10 MB.
  experimental: { serverActions: { bodySizeLimit: "10mb" } },
  // The headers that never change, on every response; the Content-Security-Policy and HSTS depend on the
  // request and are set in proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: FIXED_SECURITY_HEADERS }];
  },
};

export default nextConfig;
