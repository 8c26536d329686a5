// The tests Stryker runs (stryker.config.mjs): those of the engine and of the workflow's transitions.
// Same settings as vitest.config.mts, fewer files.
import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/report/**/*.test.ts", "lib/workflow/transitions.test.ts"],
    // The import page's service on a database (lib/reports, db/): not the engine's, and it changes with db/.
    exclude: ["lib/report/import/confirm.test.ts", "**/node_modules/**"],
    environment: "node",
    testTimeout: 20000,
  },
});
