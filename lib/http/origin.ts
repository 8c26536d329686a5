/**
 * Whether a request that changes something comes from a page of this site. Browsers send `Origin` with
 * every POST (and other unsafe methods), same-site ones included, so a present Origin naming another host
 * is a cross-site request: refused before the app sees it. A request without Origin is no browser's
 * cross-site request and is left to the app (next-auth checks its own CSRF token; server actions compare
 * the Origin themselves).
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The header a server-action POST carries (the action's id). */
export const SERVER_ACTION_HEADER = "next-action";

export const FOREIGN_ORIGIN_MESSAGE = "请求来源与本站不符，已拒绝。";

/** `host[:port]` as a URL of the Origin's scheme writes it, so `example.cn:443` and `https://example.cn` agree. */
function hostOf(value: string, protocol: string): string | null {
  try {
    const url = new URL(value.includes("://") ? value : `${protocol}//${value}`);
    return url.host.toLowerCase() || null;
  } catch {
    return null;
  }
}

/**
 * True when `origin` is present and names none of `ownHosts` (Host headers or site addresses such as
 * NEXTAUTH_URL; empty entries are skipped). `Origin: null` (sandboxed frames, some redirects) is foreign.
 */
export function isForeignOrigin(origin: string | undefined, ownHosts: (string | undefined | null)[]): boolean {
  if (origin === undefined) return false;
  let originUrl: URL;
  try {
    originUrl = new URL(origin.trim());
  } catch {
    return true;
  }
  if (originUrl.protocol !== "http:" && originUrl.protocol !== "https:") return true;
  const originHost = originUrl.host.toLowerCase();
  return !ownHosts.some((own) => own && hostOf(own.trim(), originUrl.protocol) === originHost);
}

export type CrossOriginRefusal = { origin: string; method: string; path: string; serverAction: boolean };

/** The refusal to answer for an unsafe request from another site, or null to let it through. */
export function refuseCrossOrigin(request: {
  method: string | undefined;
  url: string | undefined;
  origin: string | undefined;
  serverAction: boolean;
  ownHosts: (string | undefined | null)[];
}): CrossOriginRefusal | null {
  const method = (request.method ?? "GET").toUpperCase();
  if (SAFE_METHODS.has(method)) return null;
  if (!isForeignOrigin(request.origin, request.ownHosts)) return null;
  const path = (request.url ?? "/").split("?")[0];
  return { origin: request.origin ?? "", method, path, serverAction: request.serverAction };
}
