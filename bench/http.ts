/**
 * Server-time measurements for the benchmarks of big installations (scale.ts, overview.ts): signing in
 * through next-auth's credentials endpoint as a browser would, and timing GETs to the last byte.
 */
import http from "node:http";
import { percentile } from "./server";

/** A request gives up after this long; it then counts as taking this long. */
export const REQUEST_TIMEOUT_MS = 60_000;

export type Session = { username: string; cookie: string };

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";")[0]);
}

/** Sign in with a username and password; the session's cookies. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<Session> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl, Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  await response.arrayBuffer();
  const cookies = [...jar, ...cookiesOf(response)];
  if (!cookies.some((cookie) => /session-token=/.test(cookie))) {
    throw new Error(`${username} 登录失败（HTTP ${response.status}）`);
  }
  return { username, cookie: cookies.join("; ") };
}

export type Timing = { ms: number; status: number; bytes: number; body: string };

/**
 * GET a path as the session; the time from sending to the last byte of the body. Each request on a new
 * connection: a kept-alive one may be closed by the server just as the next request goes out (it times idle
 * connections out, late when its event loop was busy), which would fail the request instead of timing it.
 */
export function timedGet(baseUrl: string, session: Session | undefined, pathname: string): Promise<Timing> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${baseUrl}${pathname}`,
      { agent: false, headers: session ? { Cookie: session.cookie } : {}, timeout: REQUEST_TIMEOUT_MS },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const ms = performance.now() - started;
          const buffer = Buffer.concat(chunks);
          const text = (response.headers["content-type"] ?? "").startsWith("text/") ? buffer.toString("utf8") : "";
          resolve({ ms, status: response.statusCode ?? 0, bytes: buffer.length, body: text });
        });
      },
    );
    request.on("timeout", () => {
      request.destroy();
      resolve({ ms: REQUEST_TIMEOUT_MS, status: 0, bytes: 0, body: "" });
    });
    request.on("error", (error) => {
      if (performance.now() - started >= REQUEST_TIMEOUT_MS) return;
      reject(error);
    });
  });
}

export type Stats = { count: number; p50: number; p95: number; max: number; first: number; timeouts: number };

export function statsOf(times: number[], first = times[0] ?? 0): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    count: times.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? 0,
    first,
    timeouts: times.filter((ms) => ms >= REQUEST_TIMEOUT_MS).length,
  };
}

export type MeasureOptions = {
  /** At most this many timed requests (after the first, untimed one). */
  repeat: number;
  /** Stop repeating once the timed requests took this long together (slow pages get fewer). */
  budgetMs: number;
  /** At least this many timed requests. */
  minimum?: number;
  /** Time the first request too, as one of the repeats (default: it is timed apart, as `first`). */
  firstIsRepeat?: boolean;
  /** A text the page must contain (so an error page is not timed as the page). */
  expect?: string | RegExp;
};

/**
 * GET a path once (its first request: cold caches, timed apart as `first`), then repeatedly; the
 * repeats' p50, p95 and max. Throws when the page does not answer 200 with the expected text.
 */
export async function measure(baseUrl: string, session: Session | undefined, pathname: string, options: MeasureOptions): Promise<Stats> {
  const check = (timing: Timing) => {
    if (timing.status === 0) return;
    if (timing.status !== 200) throw new Error(`${pathname}（${session?.username ?? "未登录"}）：HTTP ${timing.status}`);
    if (options.expect && !(typeof options.expect === "string" ? timing.body.includes(options.expect) : options.expect.test(timing.body))) {
      throw new Error(`${pathname}（${session?.username ?? "未登录"}）：页面中没有「${options.expect}」`);
    }
  };
  const first = await timedGet(baseUrl, session, pathname);
  check(first);
  const times: number[] = options.firstIsRepeat ? [first.ms] : [];
  let spent = options.firstIsRepeat ? first.ms : 0;
  const minimum = options.minimum ?? 3;
  while (times.length < options.repeat && (times.length < minimum || spent + (times.at(-1) ?? first.ms) <= options.budgetMs)) {
    const timing = await timedGet(baseUrl, session, pathname);
    check(timing);
    times.push(timing.ms);
    spent += timing.ms;
  }
  return statsOf(times, first.ms);
}

export function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

/** One line of figures: p50, p95, max, how many requests, and the first (cold) request. */
export function describe(stats: Stats): string {
  const timeouts = stats.timeouts ? `，${stats.timeouts} 次超时（${REQUEST_TIMEOUT_MS / 1000} 秒）` : "";
  return `p50 ${ms(stats.p50)}，p95 ${ms(stats.p95)}，最长 ${ms(stats.max)}（${stats.count} 次；首次 ${ms(stats.first)}${timeouts}）`;
}
