/**
 * Benchmarks that need the app: a fresh demo database in a temporary folder (or a database the benchmark
 * prepared) and a production server on its own port, stopped afterwards. Builds first when there is no build.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../e2e/chromium";


export type BenchServer = { baseUrl: string; stop: () => void };

async function isServing(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

export type BenchServerOptions = {
  /**
   * Serve this database file instead of a fresh demo one (not seeded; the server migrates it and writes its
   * sessions and audit events into it). The caller owns the file: stop() leaves it in place.
   */
  databasePath?: string;
  /** Append the server's output to this file (otherwise it is dropped). */
  logFile?: string;
};

export async function startBenchServer(port: number, options: BenchServerOptions = {}): Promise<BenchServer> {
  if (await isServing(`http://localhost:${port}/`)) {
    throw new Error(`端口 ${port} 已被其他程序占用，请先停止它`);
  }
  if (!fs.existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    console.log("没有找到构建结果，正在构建（next build）…");
    execFileSync("npx", ["next", "build"], { stdio: "inherit" });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-bench-"));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    ...(options.databasePath ? { DATABASE_PATH: path.resolve(options.databasePath) } : {}),
    NEXTAUTH_URL: `http://localhost:${port}`,
    PORT: String(port),
    NODE_ENV: "production" as const,
  };
  if (!options.databasePath) {
    // The benchmark signs in as the demo clerk many times: it keeps the demo passwords (as the browser tests do).
    execFileSync("npx", ["tsx", "scripts/setup.ts"], { env: { ...env, DEMO_FORCE_PASSWORD_CHANGE: "off" }, stdio: "ignore" });
  }
  const log = options.logFile ? fs.openSync(options.logFile, "a") : "ignore";
  const server: ChildProcess = spawn("npx", ["tsx", "server.ts"], { env, detached: true, stdio: ["ignore", log, log] });
  const baseUrl = `http://localhost:${port}`;
  const stop = () => {
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    if (await isServing(`${baseUrl}/login`)) return { baseUrl, stop };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  stop();
  throw new Error("服务器未能在 60 秒内启动");
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
}

export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}
