/**
 * The browser tests on PostgreSQL (`npm run test:e2e:postgres`, inside scripts/with-postgres.sh, which sets
 * DATABASE_URL): the same tests as on SQLite, on the build the SQLite run made, plus two instances of the
 * app on one database (multi-instance.spec.ts).
 */
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

const port = Number(process.env.E2E_PORT ?? 3110);

export default defineConfig({
  ...base,
  use: { ...base.use, baseURL: `http://localhost:${port}` },
  webServer: {
    ...(base.webServer as object),
    command: `bash scripts/e2e-server.sh ${port}`,
    url: `http://localhost:${port}/login`,
  },
});
