import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The queries serve SQLite and PostgreSQL alike (db/client.ts): none may use what only SQLite's synchronous
 * driver has. A query that did would pass every SQLite test and fail on PostgreSQL.
 */
const SQLITE_ONLY = [/\.(get|all|run|values)\(\)/, /\bdb\.run\(/, /\btx\.run\(/, /\.\$client\b/, /\bunixepoch\(/, /\bjson_extract\(/, /\bgroup_concat\(/, / IS \$\{/];

describe("the queries in db/queries", () => {
  const folder = path.join(process.cwd(), "db", "queries");
  const files = fs.readdirSync(folder).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
  it.each(files)("%s uses only what both databases offer", (name) => {
    const text = fs.readFileSync(path.join(folder, name), "utf8");
    const found = SQLITE_ONLY.filter((pattern) => pattern.test(text)).map(String);
    expect(found).toEqual([]);
  });
});
