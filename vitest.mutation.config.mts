// The tests Stryker runs (stryker.config.mjs): those of the engine and of the workflow's transitions.
// Same settings as vitest.config.mts, fewer files, and the quickest files first.
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Runs the test files that took least time last run first (vitest's own order is the slowest first). Stryker
 * stops at the first failing test, and a mutant that runs when a module loads (a rule table, a regex) is run
 * against every related file: the unit tests that usually kill it then come before the PDF and ZIP tests.
 */
class QuickestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const duration = (file: TestSpecification) =>
      cache.getFileTestResults(`${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`)?.duration ?? 0;
    return [...files].sort((a, b) => duration(a) - duration(b));
  }
}

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/report/**/*.test.ts", "lib/workflow/transitions.test.ts"],
    // The import page's service on a database (lib/reports, db/): not the engine's, and it changes with db/.
    exclude: ["lib/report/import/confirm.test.ts", "**/node_modules/**"],
    environment: "node",
    testTimeout: 20000,
    sequence: { sequencer: QuickestFirst },
  },
});
