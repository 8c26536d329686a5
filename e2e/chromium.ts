/**
 * Debian's chromium for tests and benchmarks: Playwright cannot download its own browser here, and the
 * network is closed, so everything that would reach out is switched off (or start-up stalls).
 */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
