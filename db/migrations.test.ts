/**
 * The hierarchy migration (0004) keeps today's data as it is: every agency without a parent was a county
 * office and stays one, with its agencies one level below it and its township deadline kept.
 */
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, openDb } from "./client";
import { getReportForActor } from "./queries/reports";
import { getUserProfile } from "./queries/users";
import { getRevisionContent } from "./queries/history";
import * as schema from "./schema";
import { actorScope } from "@/lib/permissions";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");
let folder: string;
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

/** A copy of the migrations folder holding only the migrations before `tag`. */
function migrationsBefore(tag: string): string {
  const copy = path.join(folder, "migrations");
  fs.mkdirSync(path.join(copy, "meta"), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8"));
  const stop = journal.entries.findIndex((entry: { tag: string }) => entry.tag === tag);
  journal.entries = journal.entries.slice(0, stop);
  fs.writeFileSync(path.join(copy, "meta", "_journal.json"), JSON.stringify(journal));
  for (const entry of journal.entries) fs.copyFileSync(path.join(MIGRATIONS, `${entry.tag}.sql`), path.join(copy, `${entry.tag}.sql`));
  return copy;
}

describe("migrations 0004_hierarchy and 0007_revision_content_once", () => {
  it("turns each county of a database written before it into a county office over its agencies", async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-migration-"));
    const sqlite = new Database(path.join(folder, "old.db"));
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: migrationsBefore("0004_hierarchy") });
    sqlite.exec(`
      insert into agencies (id, name, level, parent_id, township_deadline) values
        (1, '甲县', 'government', null, '02-20'), (2, '甲县某街道', 'township', 1, null), (3, '甲县某局', 'department', 1, null),
        (4, '乙县', 'government', null, null), (5, '乙县某镇', 'township', 4, null);
      insert into users (id, username, display_name, role, agency_id, password_hash) values
        (1, 'admin', '管理员', 'admin', 1, 'x'), (2, 'clerk', '经办人', 'clerk', 2, 'x'), (3, 'other-admin', '管理员', 'admin', 4, 'x');
      insert into reports (id, agency_id, year, edition, status, content, version) values (1, 2, 2025, '2021', 'approved', '{"n":2}', 2);
      insert into report_revisions (id, report_id, version, content) values (1, 1, 1, '{"n":1}'), (2, 1, 2, '{"n":2}');
    `);

    migrate(db, { migrationsFolder: MIGRATIONS });
    expect(sqlite.prepare("select id, office_tier as tier, children_deadline as deadline from agencies order by id").all()).toEqual([
      { id: 1, tier: "county", deadline: "02-20" },
      { id: 2, tier: null, deadline: null },
      { id: 3, tier: null, deadline: null },
      { id: 4, tier: "county", deadline: null },
      { id: 5, tier: null, deadline: null },
    ]);
    expect(sqlite.prepare("select ancestor_id as a, agency_id as b, depth from agency_ancestors order by b, depth").all()).toEqual([
      { a: 1, b: 1, depth: 0 },
      { a: 2, b: 2, depth: 0 },
      { a: 1, b: 2, depth: 1 },
      { a: 3, b: 3, depth: 0 },
      { a: 1, b: 3, depth: 1 },
      { a: 4, b: 4, depth: 0 },
      { a: 5, b: 5, depth: 0 },
      { a: 4, b: 5, depth: 1 },
    ]);
    // The county admins keep their powers over their own county, and only there (read as the app opens the file).
    const app = openDb(path.join(folder, "old.db"));
    const admin = (await getUserProfile(app, 1))!;
    expect(admin.agencyOfficeTier).toBe("county");
    expect((await getReportForActor(app, actorScope(admin), 1))?.agencyOfficesAbove).toEqual([1]);
    expect((await getReportForActor(app, actorScope((await getUserProfile(app, 3))!), 1))).toBeUndefined();
    // 0007: the approved report's content is stored once; its older version keeps its own.
    expect(sqlite.prepare("select id, content from report_revisions order by id").all()).toEqual([
      { id: 1, content: '{"n":1}' },
      { id: 2, content: null },
    ]);
    expect((await getRevisionContent(app, actorScope(admin), 1, 2))).toEqual({ n: 2 });
    await closeDb(app);
    sqlite.close();
  });
});

describe("migration 0009_report_figures", () => {
  it("gives up the whole copy a 20th version's revision kept of the report's current content, and only that", async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-migration-"));
    const sqlite = new Database(path.join(folder, "old.db"));
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: migrationsBefore("0009_report_figures") });
    sqlite.exec(`
      insert into agencies (id, name, level, office_tier) values (1, '甲县', 'government', 'county');
      insert into users (id, username, display_name, role, agency_id, password_hash) values (1, 'clerk', '经办人', 'clerk', 1, 'x');
      insert into reports (id, agency_id, year, edition, status, content, version) values
        (1, 1, 2024, '2021', 'approved', '{"n":20}', 20), (2, 1, 2025, '2021', 'draft', '{"n":21}', 21);
      insert into report_revisions (id, report_id, version, content, patch) values
        (1, 1, 1, '{"n":1}', null), (2, 1, 19, null, '[]'), (3, 1, 20, '{"n":20}', null),
        (4, 2, 20, '{"n":20}', null), (5, 2, 21, null, '[{"op":"replace","path":"/n","value":21}]');
    `);
    migrate(db, { migrationsFolder: MIGRATIONS });
    expect(sqlite.prepare("select id, content from report_revisions order by id").all()).toEqual([
      { id: 1, content: '{"n":1}' },
      { id: 2, content: null },
      // The current version of report 1: stored once, in the report.
      { id: 3, content: null },
      // A snapshot older than the current version is what later versions are rebuilt from: kept.
      { id: 4, content: '{"n":20}' },
      { id: 5, content: null },
    ]);
    expect(sqlite.prepare("select figures from reports").all()).toEqual([{ figures: null }, { figures: null }]);
    sqlite.close();
  });
});
