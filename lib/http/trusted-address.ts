import { isIP } from "node:net";

/**
 * An address as written by a socket or a proxy, in one spelling: brackets and port removed, lower case,
 * and an IPv4 address seen through an IPv6 socket (`::ffff:127.0.0.1`) written as plain IPv4. Anything that
 * is not an IP address gives null.
 */
export function normaliseAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let address = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) address = mapped[1];
  return isIP(address) ? address : null;
}

/**
 * The client's address for one request.
 *
 * With no trusted proxy (`trustedProxies` 0) it is the socket's peer, and X-Forwarded-For is ignored: any
 * client can send that header. With `n` trusted proxies in front, each proxy appends the address it saw to
 * X-Forwarded-For, so the client is the entry `n` places from the right (entries further left were written
 * by the client or by untrusted hops). When the header holds fewer entries than that, the leftmost one is
 * taken; with no header at all, the socket's peer.
 */
export function resolveClientAddress(input: {
  remoteAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedProxies: number;
}): string | null {
  const { remoteAddress, forwardedFor, trustedProxies } = input;
  if (trustedProxies <= 0 || forwardedFor === undefined) return normaliseAddress(remoteAddress);
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (hops.length === 0) return normaliseAddress(remoteAddress);
  return normaliseAddress(hops[Math.max(0, hops.length - trustedProxies)]);
}
