import { getTableConfig as sqliteConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableConfig as pgConfig, type PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as sqliteSchema from "./schema-sqlite";
import * as pgSchema from "./schema-pg";

/** A table as both databases must have it: its name, columns (name, not null, default given), keys and indexes. */
function shape(config: {
  name: string;
  columns: { name: string; notNull: boolean; hasDefault: boolean; primary: boolean }[];
  indexes: { config: { name?: string; unique: boolean } }[];
  primaryKeys: { columns: { name: string }[] }[];
  foreignKeys: { reference: () => { columns: { name: string }[]; foreignTable: unknown } }[];
}) {
  return {
    name: config.name,
    columns: config.columns.map((c) => `${c.name}${c.notNull ? " not null" : ""}${c.hasDefault ? " default" : ""}${c.primary ? " primary" : ""}`).sort(),
    indexes: config.indexes.map((i) => `${i.config.name}${i.config.unique ? " unique" : ""}`).sort(),
    primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name).join(",")),
    foreignKeys: config.foreignKeys.map((k) => k.reference().columns.map((c) => c.name).join(",")).sort(),
  };
}

const TABLES = ["agencies", "agencyAncestors", "users", "reports", "reportRevisions", "comments", "auditEvents", "sessions", "loginAttempts", "officeRollups"] as const;

describe("the SQLite and PostgreSQL schemas", () => {
  it.each(TABLES)("have the same %s table", (table) => {
    const onSqlite = shape(sqliteConfig(sqliteSchema[table] as SQLiteTable) as never);
    const onPostgres = shape(pgConfig(pgSchema[table] as PgTable) as never);
    // Generated ids (autoincrement, serial) count as having a default on one side only, depending on the driver.
    for (const side of [onSqlite, onPostgres]) side.columns = side.columns.map((c) => c.replace(/^id not null default primary$/, "id not null primary"));
    expect(onPostgres).toEqual(onSqlite);
  });

  it("and no table only one of them has", () => {
    const tablesOf = (schema: object) => Object.keys(schema).filter((key) => typeof (schema as Record<string, unknown>)[key] === "object" && key !== "default").sort();
    expect(tablesOf(pgSchema).filter((k) => !Array.isArray((pgSchema as Record<string, unknown>)[k]))).toEqual(
      tablesOf(sqliteSchema).filter((k) => !Array.isArray((sqliteSchema as Record<string, unknown>)[k])),
    );
  });
});
