// Mutation testing of the report engine's rules, editor input, interchange, carry-forward, the workflow's
// transitions and the import readers (issue #20). `npm run test:mutation` runs it (not part of `npm test`) and
// prints the score per file; the goal is 90% killed on each file. The set holds about 8,900 mutants, some 6,700 of
// them in the import readers, whose module-load mutants each run every import test (PDF and ZIP included): on 2
// shared cores the whole run takes hours (the issue measured about 35 minutes for its six files, before the readers).
// While working on one file: `npx stryker run --mutate lib/report/cell-input.ts && npx tsx scripts/mutation-summary.ts`.
// @ts-check
import fs from "node:fs";
import path from "node:path";

const TEMP_DIR = ".stryker-tmp";
// Some import tests read the seed reports beside the repository (../shared/seeds). Stryker runs the tests in
// TEMP_DIR/sandbox-*/, where that path is TEMP_DIR/shared: link it there (Stryker deletes only the sandbox).
const shared = path.resolve("..", "shared");
const link = path.join(TEMP_DIR, "shared");
if (fs.existsSync(shared) && !fs.existsSync(link)) {
  fs.mkdirSync(TEMP_DIR, { recursive: true });
  fs.symlinkSync(shared, link, "dir");
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.mts", related: true },
  coverageAnalysis: "perTest",
  // The mutants that run at module load (rule tables, regexes, severities) count too.
  ignoreStatic: false,
  concurrency: 1,
  timeoutMS: 20000,
  mutate: [
    "lib/report/rules/**/*.ts",
    "lib/report/model.ts",
    "lib/report/cell-input.ts",
    "lib/report/carry-forward.ts",
    "lib/report/interchange.ts",
    "lib/workflow/transitions.ts",
    "lib/report/import/**/*.ts",
    "!**/*.test.ts",
    // Test helpers and the test's child process, not readers.
    "!lib/report/import/*-testing.ts",
    "!lib/report/import/zip-bomb-child.ts",
    // Worker-thread plumbing around the readers (its code runs in a worker Stryker cannot instrument).
    "!lib/report/import/off-thread.ts",
  ],
  ignorePatterns: ["data", ".next*", "test-results", "playwright-report", "e2e", "bench", "*.tsbuildinfo", "tmp", "reports"],
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: TEMP_DIR,
  cleanTempDir: true,
};
export default config;
