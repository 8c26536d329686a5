import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

/** Test files that read or write the database: the PostgreSQL run (`npm run test:unit:postgres`) runs these again. */
const DATABASE_TESTS = [
  "db/**/*.test.ts",
  "lib/*.test.ts",
  "lib/{account,admin,auth,county,dashboard,history,reports,workflow}/**/*.test.ts",
  "lib/report/import/confirm.test.ts",
  "app/**/*.test.ts",
];

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    environment: "node",
    testTimeout: 20000,
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: DATABASE_TESTS,
          // SQLite files only: migrating databases written by earlier versions of the app.
          exclude: ["db/migrations.test.ts"],
        },
      },
    ],
  },
});
