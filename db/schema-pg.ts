/**
 * The tables on PostgreSQL 15+ (and PostgreSQL-compatible servers), for deployments with several app
 * instances. The same tables, columns and indexes as db/schema-sqlite.ts, in PostgreSQL's types: a
 * timestamp is `timestamptz`, a flag `boolean`; the JavaScript values are the same (Date, boolean), so the
 * queries in db/queries serve both. db/schema.test.ts keeps the two alike.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
// Domain types are the engine's (lib/report): the tables store what the engine defines.
import { AGENCY_LEVELS } from "../lib/report/model";
import { EDITION_IDS } from "../lib/report/editions/types";
import { officeTiers, reportStatuses, userRoles } from "./domain";

export * from "./domain";

/** Milliseconds kept, as on SQLite, so a time read back equals the time written. */
const instant = (name: string) => timestamp(name, { mode: "date", withTimezone: true, precision: 3 });
const createdAt = () => instant("created_at").notNull().defaultNow();

export const agencies = pgTable(
  "agencies",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    level: text("level", { enum: AGENCY_LEVELS }).notNull(),
    parentId: integer("parent_id").references((): AnyPgColumn => agencies.id),
    officeTier: text("office_tier", { enum: officeTiers }),
    childrenDeadline: text("children_deadline"),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("agencies_parent_name").on(sql`coalesce(${table.parentId}, 0)`, table.name),
    // The agencies directly under an office (its overview, its roll-up page), in name order.
    index("agencies_parent").on(table.parentId, table.name),
  ],
);

export const agencyAncestors = pgTable(
  "agency_ancestors",
  {
    ancestorId: integer("ancestor_id")
      .notNull()
      .references(() => agencies.id),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    depth: integer("depth").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.ancestorId, table.agencyId] }),
    index("agency_ancestors_agency").on(table.agencyId, table.depth),
  ],
);

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: userRoles }).notNull(),
  agencyId: integer("agency_id")
    .notNull()
    .references(() => agencies.id),
  passwordHash: text("password_hash").notNull(),
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  disabledAt: instant("disabled_at"),
  createdAt: createdAt(),
});

export const reports = pgTable(
  "reports",
  {
    id: serial("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    edition: text("edition", { enum: EDITION_IDS }).notNull(),
    status: text("status", { enum: reportStatuses }).notNull().default("draft"),
    content: text("content").notNull(),
    acknowledgements: text("acknowledgements").notNull().default("[]"),
    tableNotes: text("table_notes").notNull().default("{}"),
    version: integer("version").notNull().default(1),
    /**
     * What the overview pages show of the report's check, stored at every save and workflow step so that
     * they never read the content: its errors and its warnings not yet acknowledged. Null until first stored.
     */
    errorCount: integer("error_count"),
    warningCount: integer("warning_count"),
    /**
     * The cells of tables 二, 三 and 四 as a JSON list in the edition's order (lib/report/figures.ts), written with
     * the content: the roll-up and its XLSX read these instead of the content. Null until first written.
     */
    figures: text("figures"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    updatedBy: integer("updated_by").references(() => users.id),
    approvedBy: integer("approved_by").references(() => users.id),
    approvedAt: instant("approved_at"),
    importedBy: integer("imported_by").references(() => users.id),
    importedAt: instant("imported_at"),
    importedFrom: text("imported_from"),
  },
  (table) => [uniqueIndex("reports_agency_year").on(table.agencyId, table.year)],
);

export const reportRevisions = pgTable(
  "report_revisions",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    content: text("content"),
    /**
     * Instead of content: what this version changed from the version before, as a JSON patch (RFC 6902),
     * JSON text. A version is rebuilt from the nearest earlier one that keeps its content (a snapshot: the
     * first version, every 20th, and any kept when the report was stored another way) by applying the patches
     * after it in order.
     */
    patch: text("patch"),
    authorId: integer("author_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [index("report_revisions_report").on(table.reportId, table.version)],
);

export const comments = pgTable(
  "comments",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    section: text("section").notNull(),
    cell: text("cell"),
    body: text("body").notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    resolvedAt: instant("resolved_at"),
    resolvedById: integer("resolved_by_id").references(() => users.id),
  },
  (table) => [index("comments_report").on(table.reportId)],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: serial("id").primaryKey(),
    at: instant("created_at").notNull().defaultNow(),
    userId: integer("user_id").references(() => users.id),
    username: text("username"),
    action: text("action").notNull(),
    reportId: integer("report_id").references(() => reports.id, { onDelete: "set null" }),
    agencyId: integer("agency_id").references(() => agencies.id),
    detail: text("detail"),
    address: text("address"),
  },
  (table) => [index("audit_events_at").on(table.at)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: instant("last_seen_at").notNull(),
    address: text("address"),
  },
  (table) => [index("sessions_user").on(table.userId)],
);

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    address: text("address"),
    at: instant("at").notNull(),
  },
  (table) => [
    index("login_attempts_user").on(table.username, table.at),
    index("login_attempts_address").on(table.address, table.at),
  ],
);

export const officeRollups = pgTable(
  "office_rollups",
  {
    officeId: integer("office_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    stamp: text("stamp").notNull(),
    report: text("report").notNull(),
    included: integer("included").notNull(),
    skipped: text("skipped").notNull().default("[]"),
    computedAt: instant("computed_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.officeId, table.year] })],
);
