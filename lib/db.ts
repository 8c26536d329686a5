import { migrateDb, openDb, openPostgres, type Db } from "@/db/client";
import { readEnv } from "@/lib/env";

const globalForDb = globalThis as unknown as { nianbaoDb?: Db };

/**
 * The app's connection to the database the environment names — DATABASE_URL's PostgreSQL, or else the
 * SQLite file — kept across hot reloads in development. (db/ opens a given database; which one is the
 * app's configuration, so it is chosen here.)
 */
export function getDb(): Db {
  if (!globalForDb.nianbaoDb) {
    const env = readEnv();
    globalForDb.nianbaoDb = env.databaseUrl ? openPostgres(env.databaseUrl) : openDb(env.databasePath);
  }
  return globalForDb.nianbaoDb;
}

/** Bring the database's schema up to date before serving (SQLite's file is migrated when opened). */
export async function prepareDb(): Promise<Db> {
  const db = getDb();
  await migrateDb(db);
  return db;
}
