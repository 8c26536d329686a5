/**
 * The tables the queries use: SQLite's or PostgreSQL's, whichever this process runs on (db/dialect.ts).
 * Both schemas have the same tables and columns with the same JavaScript values, so one query serves
 * both; the types are SQLite's, and db/queries keep to what both drivers do alike (await a query, use
 * `returning()` to learn what changed; see db/client.ts).
 */
import { DIALECT } from "./dialect";
import * as sqliteSchema from "./schema-sqlite";
import * as pgSchema from "./schema-pg";

export * from "./domain";

type Tables = Omit<typeof sqliteSchema, keyof typeof import("./domain")>;
const tables = (DIALECT === "postgres" ? pgSchema : sqliteSchema) as unknown as Tables;

export const { agencies, agencyAncestors, users, reports, reportRevisions, comments, auditEvents, sessions, loginAttempts, officeRollups } =
  tables;
export type Agency = typeof sqliteSchema.agencies.$inferSelect;
