import { defineConfig } from "drizzle-kit";

/** Migrations for PostgreSQL deployments (DATABASE_URL); drizzle.config.ts makes SQLite's. `npm run db:generate` makes both. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg.ts",
  out: "./db/migrations-pg",
});
