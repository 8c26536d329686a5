import fs from "node:fs";
import type { EditionId } from "@/lib/report/editions/types";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import pg from "pg";
import { closeDb, migrateDb, openDb, openPostgres, type Db, type Executor } from "./client";
import { DIALECT } from "./dialect";
import { createReport } from "./queries/reports";
import type { ActorScope } from "./queries/scope";
import { reports, type ReportStatus } from "./schema";

/**
 * A migrated, empty database of this process's kind, removed by the returned cleanup: a SQLite file in a
 * temporary folder, or on PostgreSQL (DATABASE_URL names a server and a database tests may create databases
 * from) a new database copied from a migrated template.
 */
export async function openTemporaryDb(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  if (DIALECT === "postgres") return openTemporaryPostgres();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-test-"));
  const db = openDb(path.join(dir, "test.db"));
  return {
    db,
    cleanup: async () => {
      await closeDb(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const TEMPLATE = "nianbao_test_template";
let templateReady: Promise<void> | undefined;

function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Run statements on the server's maintenance connection (DATABASE_URL's own database). */
async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The migrated template every test database is copied from, made once per test process. */
function ensureTemplate(): Promise<void> {
  templateReady ??= (async () => {
    // Each test process (Vitest worker) makes its own template, so parallel workers never share one.
    const exists = await onServer((c) => c.query("select 1 from pg_database where datname = $1", [templateName()]));
    if (exists.rowCount) await onServer((c) => c.query(`drop database "${templateName()}"`));
    await onServer((c) => c.query(`create database "${templateName()}"`));
    const db = openPostgres(serverUrl(templateName()), { max: 1 });
    await migrateDb(db);
    await closeDb(db);
  })();
  return templateReady;
}

function templateName(): string {
  return `${TEMPLATE}_${process.pid}`;
}

let counter = 0;
async function openTemporaryPostgres(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  await ensureTemplate();
  const name = `nianbao_test_${process.pid}_${++counter}`;
  await onServer((c) => c.query(`create database "${name}" template "${templateName()}"`));
  const db = openPostgres(serverUrl(name), { max: 4 });
  return {
    db,
    cleanup: async () => {
      await closeDb(db);
      await onServer((c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

/**
 * Tests only: a report stored straight into a status, as if its workflow had already run (the app itself
 * creates drafts and imported reports only; every other status is reached through the workflow).
 */
export async function storeReportInStatus(
  db: Executor,
  scope: ActorScope,
  input: { year: number; edition: EditionId; content: unknown; status?: ReportStatus },
): Promise<{ id: number; created: boolean }> {
  const { status = "draft", ...rest } = input;
  const created = await createReport(db, scope, rest);
  if (status !== "draft") {
    const approval = status === "approved" ? { approvedBy: scope.userId, approvedAt: new Date() } : {};
    await db.update(reports).set({ status, ...approval }).where(eq(reports.id, created.id));
  }
  return created;
}
