import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "./e2e/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
/** Point the tests at a server already running (e.g. `next dev`) instead of building and starting one. */
const externalServer = process.env.E2E_BASE_URL;

export default defineConfig({
  testDir: "e2e",
  // Needs PostgreSQL and a second server: playwright.postgres.config.ts runs it.
  testIgnore: process.env.DATABASE_URL ? [] : ["multi-instance.spec.ts"],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: externalServer ?? `http://localhost:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
  },
  webServer: externalServer
    ? undefined
    : {
        command: `bash scripts/e2e-server.sh ${port}`,
        url: `http://localhost:${port}/login`,
        timeout: 300_000,
        reuseExistingServer: false,
        stdout: "ignore",
        stderr: "pipe",
      },
});
