/**
 * The client's network address as the app's own HTTP server saw it. The server (server.ts) writes it into
 * this header on every request, replacing any copy the client sent, so it cannot be forged; behind a
 * reverse proxy it is taken from X-Forwarded-For only when TRUST_PROXY says so.
 */
export const CLIENT_ADDRESS_HEADER = "x-nianbao-client-address";

type HeaderSource = Headers | Record<string, unknown> | undefined | null;

export function clientAddress(headers: HeaderSource): string | null {
  if (!headers) return null;
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value.trim() ? value.trim() : null;
}
