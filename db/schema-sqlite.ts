/**
 * The tables on SQLite (the default, zero-setup database). db/schema-pg.ts holds the same tables for
 * PostgreSQL; db/schema.ts hands the queries whichever the deployment uses. Keep the two alike (a test compares them).
 */
import { sql } from "drizzle-orm";
// Domain types are the engine's (lib/report): the tables store what the engine defines.
import { AGENCY_LEVELS } from "../lib/report/model";
import { EDITION_IDS } from "../lib/report/editions/types";
import { officeTiers, reportStatuses, userRoles } from "./domain";
import { integer, primaryKey, sqliteTable, text, uniqueIndex, index, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

export * from "./domain";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const agencies = sqliteTable(
  "agencies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Unique among the agencies of one office (two counties may each have a 司法局 of the same name). */
    name: text("name").notNull(),
    level: text("level", { enum: AGENCY_LEVELS }).notNull(),
    /** The office this agency reports to; null for the topmost office of an installation. */
    parentId: integer("parent_id").references((): AnySQLiteColumn => agencies.id),
    /** Set when the agency is an office that oversees agencies below it: which tier of government it serves. */
    officeTier: text("office_tier", { enum: officeTiers }),
    /**
     * For an office: the date (MM-DD) by which the agencies directly under it that have no statutory date
     * (townships and streets) hand in their report, and by which its child offices' own reports are due.
     */
    childrenDeadline: text("children_deadline"),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("agencies_parent_name").on(sql`coalesce(${table.parentId}, 0)`, table.name),
    // The agencies directly under an office (its overview, its roll-up page), in name order.
    index("agencies_parent").on(table.parentId, table.name),
  ],
);
export type Agency = typeof agencies.$inferSelect;

/**
 * Every agency's line of offices, one row per (office above or the agency itself, agency): depth 0 is the
 * agency itself, 1 its parent, and so on. An office's subtree is one indexed lookup at any depth, on any
 * database; rows are written when an agency is created (agencies do not move).
 */
export const agencyAncestors = sqliteTable(
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

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: userRoles }).notNull(),
  agencyId: integer("agency_id")
    .notNull()
    .references(() => agencies.id),
  passwordHash: text("password_hash").notNull(),
  /** Set for demo accounts and after an admin's reset: every page asks for a new password first. */
  mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
  /** Set when an admin disables the account: it cannot sign in and its sessions are ended. */
  disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});

export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    edition: text("edition", { enum: EDITION_IDS }).notNull(),
    status: text("status", { enum: reportStatuses }).notNull().default("draft"),
    /** The report as the interchange model (report-format.md section 8), JSON text. */
    content: text("content").notNull(),
    /** Warning acknowledgements, JSON text: [{ findingId, by, reason, at }]. */
    acknowledgements: text("acknowledgements").notNull().default("[]"),
    /** The clerk's explanations under each table, JSON text: { activeDisclosure?, requests?, reviewLitigation? }. */
    tableNotes: text("table_notes").notNull().default("{}"),
    /** Optimistic concurrency: every save must name the version it started from. */
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
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    updatedBy: integer("updated_by").references(() => users.id),
    approvedBy: integer("approved_by").references(() => users.id),
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    /** For an imported past report: who imported it, when, and from which file. */
    importedBy: integer("imported_by").references(() => users.id),
    importedAt: integer("imported_at", { mode: "timestamp_ms" }),
    importedFrom: text("imported_from"),
  },
  (table) => [uniqueIndex("reports_agency_year").on(table.agencyId, table.year)],
);

export const reportRevisions = sqliteTable(
  "report_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /**
     * The report as saved in this version, JSON text; null for the report's current version, whose content
     * is the report's own (stored once, not twice). A save writes it here before it replaces the report's.
     */
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

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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
    /** Set when the clerk (or the supervisor reviewing) marks the comment as dealt with. */
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedById: integer("resolved_by_id").references(() => users.id),
  },
  (table) => [index("comments_report").on(table.reportId)],
);

export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
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

/**
 * Signed-in sessions, kept on the server so that a session can end before its cookie does: at its absolute
 * lifetime, after idling, on sign-out, or when its user's password, role or standing changes.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    /** Random, unguessable; the signed session cookie carries it. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    address: text("address"),
  },
  (table) => [index("sessions_user").on(table.userId)],
);

/**
 * Sign-in attempts that were evaluated (counted before the password is checked, deleted again when it
 * matched), so throttling holds across concurrent requests, restarts and instances.
 */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Lower-cased username as typed. */
    username: text("username").notNull(),
    address: text("address"),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [
    index("login_attempts_user").on(table.username, table.at),
    index("login_attempts_address").on(table.address, table.at),
  ],
);

/**
 * An office's roll-up of a year, kept so that a city or a province is summed from its offices' sums instead
 * of from every report below it. Each row carries the stamp of the approved reports it was summed from
 * (their count, ids, versions and latest approval, over the office's subtree); a row whose stamp no longer
 * matches is summed again, so no write path has to remember to clear it.
 */
export const officeRollups = sqliteTable(
  "office_rollups",
  {
    officeId: integer("office_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    stamp: text("stamp").notNull(),
    /** The summed tables as a report of the interchange model, JSON text. */
    report: text("report").notNull(),
    /** How many approved reports are in the sum. */
    included: integer("included").notNull(),
    /** The office's own agencies whose approved report was left out, and why, JSON text: [{ agencyId, reason }]. */
    skipped: text("skipped").notNull().default("[]"),
    computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.officeId, table.year] })],
);
