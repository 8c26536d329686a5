import Database from "better-sqlite3";
import { sql, type SQL } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { DIALECT } from "./dialect";
import * as sqliteSchema from "./schema-sqlite";
import * as pgSchema from "./schema-pg";

/**
 * A connection to the app's database. Its type is SQLite's; on PostgreSQL the object is Drizzle's
 * node-postgres database over the same tables (db/schema.ts), so the queries in db/queries are written once,
 * with what both drivers do alike: `await` a query (never SQLite's synchronous `.get()`, `.all()`, `.run()`),
 * `returning()` to learn which rows changed, `transaction()` below for several writes that stand or fall
 * together, `execute()` below for a statement written in SQL.
 */
export type Db = BetterSQLite3Database<typeof sqliteSchema>;

/** A connection or an open transaction: query functions accept either so they compose inside one transaction. */
export type Executor = Db;

type Connection = (
  | { dialect: "sqlite"; sqlite: Database.Database; file: string }
  | { dialect: "postgres"; pool: pg.Pool; url: string }
) & {
  /** What `keptFor` keeps for this connection (prepared statements, parsed reports), by key. */
  kept: Map<string, unknown>;
};
/**
 * What this process knows of its connections, kept on globalThis: Next may load this module more than once
 * (a copy per server bundle), and every copy must see the same connections, open transactions and queue.
 */
const shared = ((globalThis as { [key: symbol]: unknown })[Symbol.for("nianbao.db.client")] ??= {
  connections: new WeakMap<object, Connection>(),
  openTransactions: new WeakSet<object>(),
  sqliteTail: { promise: Promise.resolve() as Promise<void> },
}) as { connections: WeakMap<object, Connection>; openTransactions: WeakSet<object>; sqliteTail: { promise: Promise<void> } };
const connections = shared.connections;

function connectionOf(db: Executor): Connection {
  const connection = connections.get(db);
  if (!connection) throw new Error("not a database opened by db/client.ts");
  return connection;
}

const sqliteMigrations = path.join(process.cwd(), "db", "migrations");
const pgMigrations = path.join(process.cwd(), "db", "migrations-pg");

/** Open a SQLite file, switch on WAL and foreign keys, and bring its schema up to date. */
export function openDb(file: string): Db {
  if (DIALECT !== "sqlite") throw new Error("this process runs on PostgreSQL (DATABASE_URL): a SQLite file cannot be opened");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // A page cache of 64 MB instead of SQLite's 2 MB: the overview pages of a county of thousands of agencies read
  // the same few thousand report rows (and the pages past their content) on every view.
  sqlite.pragma("cache_size = -65536");
  const db = drizzle(sqlite, { schema: sqliteSchema });
  migrate(db, { migrationsFolder: sqliteMigrations });
  connections.set(db, { dialect: "sqlite", sqlite, file, kept: new Map() });
  return db;
}

/**
 * Connect to PostgreSQL (a pool; nothing is sent until the first query). Its schema is brought up to date
 * by `migrateDb`, which the start and setup commands run before serving.
 */
export function openPostgres(url: string, options: { max?: number } = {}): Db {
  if (DIALECT !== "postgres") throw new Error("this process runs on SQLite: set DATABASE_URL before it starts to use PostgreSQL");
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client that loses its server must not take the process down; the next query reports it.
  pool.on("error", (error) => console.error("PostgreSQL connection lost", error));
  const db = drizzlePg(pool, { schema: pgSchema }) as unknown as Db;
  connections.set(db, { dialect: "postgres", pool, url, kept: new Map() });
  return db;
}

/** Advisory lock key held while migrating, so instances starting together migrate one after the other. */
const MIGRATION_LOCK = 73_402_026;

/** Bring a PostgreSQL database's schema up to date (SQLite files are migrated when opened). */
export async function migrateDb(db: Db): Promise<void> {
  const connection = connectionOf(db);
  if (connection.dialect === "sqlite") return;
  const client = await connection.pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder: pgMigrations });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Where a connection's database is: its SQLite file or PostgreSQL URL. */
export type DatabaseLocation = { databasePath: string } | { databaseUrl: string };

export function databaseLocationOf(db: Executor): DatabaseLocation {
  const connection = connectionOf(db);
  return connection.dialect === "sqlite" ? { databasePath: connection.file } : { databaseUrl: connection.url };
}

/**
 * A new connection to the database at `location`: what a worker thread opens for itself, a second instance of
 * the app, or the app after a restart.
 */
export function openDatabaseAt(location: DatabaseLocation, options: { max?: number } = {}): Db {
  return "databaseUrl" in location ? openPostgres(location.databaseUrl, options) : openDb(location.databasePath);
}

export async function closeDb(db: Db): Promise<void> {
  const connection = connectionOf(db);
  if (connection.dialect === "sqlite") connection.sqlite.close();
  else await connection.pool.end();
}

/** The SQLite file's own driver, for the few tools that write in bulk (the province generator, backups). */
export function sqliteDriverOf(db: Db): Database.Database {
  const connection = connectionOf(db);
  if (connection.dialect !== "sqlite") throw new Error("not a SQLite database");
  return connection.sqlite;
}

/** Run one statement written in SQL (common to both databases). */
export async function execute(db: Executor, statement: SQL): Promise<void> {
  if (connectionOf(db).dialect === "sqlite") db.run(statement);
  else await (db as unknown as { execute(statement: SQL): Promise<unknown> }).execute(statement);
}

/** The one row an insert … returning() gives back. */
export async function single<Row>(rows: PromiseLike<Row[]>): Promise<Row> {
  const [row] = await rows;
  if (row === undefined) throw new Error("the statement returned no row");
  return row;
}

/** The first row of a query's rows, or undefined. */
export async function first<Row>(rows: PromiseLike<Row[]>): Promise<Row | undefined> {
  return (await rows)[0];
}

/**
 * Several writes that stand or fall together. On PostgreSQL, Drizzle's transaction on one pooled client.
 * On SQLite, one connection serves every request, so a transaction there is BEGIN IMMEDIATE … COMMIT on it,
 * one at a time (a queue), and it must not wait for anything but the database: with SQLite's synchronous
 * driver its queries then all run before any other request's, so no other request's query lands inside it.
 * Outside production a transaction that lets the event loop turn fails loudly instead (see `guardTurn`).
 * A transaction opened inside another joins it.
 */
export async function transaction<T>(db: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  if (openTransactions.has(db)) return work(db);
  const connection = connectionOf(db);
  if (connection.dialect === "postgres") {
    return (db as unknown as { transaction(run: (tx: Executor) => Promise<T>): Promise<T> }).transaction((tx) => {
      openTransactions.add(tx);
      connections.set(tx, connection);
      return work(tx);
    });
  }
  const release = await sqliteQueue.acquire();
  const tx = Object.create(db) as Executor;
  openTransactions.add(tx);
  connections.set(tx, connection);
  const turned = guardTurn();
  connection.sqlite.exec("BEGIN IMMEDIATE");
  try {
    const result = await work(tx);
    turned.check();
    connection.sqlite.exec("COMMIT");
    return result;
  } catch (error) {
    if (connection.sqlite.inTransaction) connection.sqlite.exec("ROLLBACK");
    throw error;
  } finally {
    turned.stop();
    openTransactions.delete(tx);
    release();
  }
}

const openTransactions = shared.openTransactions;

/** SQLite transactions one after another (they share the one connection). */
const sqliteQueue = {
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = shared.sqliteTail.promise.then(() => release);
    shared.sqliteTail.promise = shared.sqliteTail.promise.then(() => next);
    return ready;
  },
};

/**
 * Notices whether the event loop turned while a SQLite transaction was open (it awaited a timer, a file or
 * the network), which would let other requests' queries run inside it. Outside production that is a bug
 * to fix, reported by failing the transaction.
 */
function guardTurn(): { check(): void; stop(): void } {
  if (process.env.NODE_ENV === "production") return { check() {}, stop() {} };
  let turned = false;
  const immediate = setImmediate(() => (turned = true));
  return {
    check() {
      if (turned) throw new Error("a SQLite transaction waited for something other than the database; do that before it opens");
    },
    stop() {
      clearImmediate(immediate);
    },
  };
}

/**
 * Inside a transaction: wait for, then hold until it ends, the lock named `name`, so that transactions
 * that read and then write the same things (counting sign-in attempts, say) run one after another. On
 * SQLite every transaction already holds the one write lock (BEGIN IMMEDIATE); on PostgreSQL it is an
 * advisory lock.
 */
export async function lockFor(tx: Executor, name: string): Promise<void> {
  if (!openTransactions.has(tx)) throw new Error("lockFor is for an open transaction");
  if (connectionOf(tx).dialect === "postgres") await execute(tx, sql`select pg_advisory_xact_lock(hashtext(${name}))`);
}

/** A query that `prepared` can build: any Drizzle query builder whose values are `sql.placeholder(name)`. */
type Preparable<Result> = { prepare(): { execute(values?: Record<string, unknown>): Result } };

/**
 * A query run often (the autosave's), built and prepared once per connection and then run with its
 * placeholders' values: building a query's SQL and preparing it costs Drizzle and SQLite about four times
 * what running it does. `name` identifies the query's text (several texts: several names). On PostgreSQL
 * it names the server-side prepared statement; inside a transaction the query is built on that
 * transaction's client, so it runs inside it.
 */
export function prepared<Values extends Record<string, unknown>, Result>(
  db: Executor,
  name: string,
  build: (db: Executor) => Preparable<Result>,
): (values: Values) => Promise<Awaited<Result>> {
  type Run = (values: Values) => Promise<Awaited<Result>>;
  const connection = connectionOf(db);
  const make = (): Run => {
    // SQLite's prepare() takes no name; PostgreSQL's takes the statement's name.
    const query = (build(db) as unknown as { prepare(name: string): { execute(values: Values): Result } }).prepare(name);
    return (values) => Promise.resolve(query.execute(values)) as Promise<Awaited<Result>>;
  };
  if (connection.dialect === "postgres" && openTransactions.has(db)) return make();
  return keptFor(db, `prepared:${name}`, make);
}

/**
 * Something this process keeps for as long as a database connection is open (a prepared statement, a parsed
 * report), made on first use. Whatever is kept must stay true whichever instance writes the database: key it
 * by what changes when the data does (a report's version, say).
 */
export function keptFor<Value>(db: Executor, key: string, make: () => Value): Value {
  const kept = connectionOf(db).kept;
  if (kept.has(key)) return kept.get(key) as Value;
  const value = make();
  kept.set(key, value);
  return value;
}

/** The condition that a column equals a value, NULL equal to NULL (`IS NOT DISTINCT FROM`, on both databases). */
export function sameOrBothNull(column: unknown, value: unknown): SQL {
  return sql`${column} IS NOT DISTINCT FROM ${value}`;
}
