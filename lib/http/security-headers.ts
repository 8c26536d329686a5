/**
 * The security headers of every response, in one place: read by next.config.ts (the fixed ones, on every
 * path) and by proxy.ts (the Content-Security-Policy with a fresh nonce per page, and HSTS when the site
 * is served over https). No imports: next.config.ts loads this file before the app's path aliases exist.
 */

/** Sent with every response, pages, API routes and static files alike. */
export const FIXED_SECURITY_HEADERS: { key: string; value: string }[] = [
  // frame-ancestors 'none' in the CSP says the same to current browsers; this is for older ones.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
];

export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

/** A fresh, unguessable nonce (128 random bits, base64) for one page. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy of a page. Scripts run only from this site and only when Next marked them with the page's
 * nonce ('strict-dynamic' lets those load the chunks they import). Development adds what React's dev build
 * and the error overlay need: eval for server stack traces, and inline style elements.
 */
export function contentSecurityPolicy(options: { nonce: string; dev: boolean; https: boolean }): string {
  const { nonce, dev, https } = options;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * Whether users reach the site over https: the configured address says so, or — only when a trusted reverse
 * proxy is in front — the proxy's X-Forwarded-Proto does.
 */
export function servedOverHttps(options: {
  publicUrl: string | undefined;
  trustedProxies: number;
  forwardedProto: string | null | undefined;
}): boolean {
  if (options.publicUrl?.trim().toLowerCase().startsWith("https://")) return true;
  const { trustedProxies, forwardedProto } = options;
  if (trustedProxies <= 0 || !forwardedProto) return false;
  // Proxies that append list one scheme per hop; like X-Forwarded-For, the outermost trusted proxy's entry
  // is the one `trustedProxies` places from the right, and anything left of it came from the client.
  const schemes = forwardedProto.split(",").map((scheme) => scheme.trim().toLowerCase());
  return schemes[Math.max(0, schemes.length - trustedProxies)] === "https";
}
