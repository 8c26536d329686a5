import { spawn, type ChildProcess } from "node:child_process";
import { expect } from "@playwright/test";

/**
 * A second app server of the test run's build, on another port and the same database (DATABASE_URL): what
 * a load balancer would send a user to next. Started by the test, stopped after it.
 */
export async function startSecondInstance(port: number): Promise<{ base: string; stop: () => void }> {
  const base = `http://localhost:${port}`;
  const server: ChildProcess = spawn("npx", ["tsx", "server.ts"], {
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", NEXTAUTH_URL: base },
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
    }).toPass({ timeout: 90_000 });
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}
