/**
 * Per-request security headers (the fixed ones are in next.config.ts):
 * - pages get a Content-Security-Policy with a fresh nonce. The policy goes on the request too, which is
 *   where Next reads the nonce from to mark its own scripts while rendering;
 * - every response gets Strict-Transport-Security when users reach the site over https.
 * API routes get no policy from here: a header set here wins over the route's own (Next only adds a route's
 * header when none is there yet), and the report export sets a stricter one for its HTML download.
 */
import { NextResponse, type NextRequest } from "next/server";
import { readEnv } from "@/lib/env";
import { contentSecurityPolicy, newNonce, servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const env = readEnv();
  const https = servedOverHttps({
    publicUrl: env.publicUrl,
    trustedProxies: env.trustedProxies,
    forwardedProto: request.headers.get("x-forwarded-proto"),
  });
  let response: NextResponse;
  if (request.nextUrl.pathname.startsWith("/api/")) {
    response = NextResponse.next();
  } else {
    const policy = contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development", https });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("Content-Security-Policy", policy);
  }
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Not on build output and other files served as they are: they carry no scripts to mark.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
