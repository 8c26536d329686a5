import { openDb, type Db } from "@/db/client";
import { readEnv } from "@/lib/env";

const globalForDb = globalThis as unknown as { nianbaoDb?: Db };

/**
 * The app's one connection to the file the environment names, kept across hot reloads in development.
 * (db/ opens a given file; which file is the app's configuration, so it is chosen here.)
 */
export function getDb(): Db {
  globalForDb.nianbaoDb ??= openDb(readEnv().databasePath);
  return globalForDb.nianbaoDb;
}
