import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect } from "@playwright/test";
import { E2E_DATABASE } from "./support";

/**
 * Another app server of the test run's build and database (DATABASE_URL's, or the run's SQLite file), on its
 * own port: a second instance behind a load balancer, or a server a test stops and starts again. Resolves once
 * it serves the login page; `stop` kills it at once.
 */
export async function startAppServer(port: number): Promise<{ base: string; stop: () => void }> {
  const base = `http://localhost:${port}`;
  const server: ChildProcess = spawn("npx", ["tsx", "server.ts"], {
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", NEXTAUTH_URL: base, DATA_DIR: path.dirname(E2E_DATABASE) },
    detached: true,
    stdio: "ignore",
  });
  const stop = () => {
    if (server.pid) process.kill(-server.pid, "SIGKILL");
  };
  try {
    await expect(async () => {
      const response = await fetch(`${base}/login`);
      expect(response.status).toBe(200);
    }).toPass({ timeout: 60_000 });
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}
