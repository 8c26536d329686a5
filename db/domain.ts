/** The values the tables allow, shared by the SQLite and the PostgreSQL schema. */

export const userRoles = ["clerk", "supervisor", "admin"] as const;

/**
 * An office (政务公开办 of a people's government) oversees the agencies below it; offices nest at any depth:
 * a province's office over cities, a city's over counties, a county's over its departments and townships.
 */
export const officeTiers = ["province", "city", "county"] as const;
export type OfficeTier = (typeof officeTiers)[number];
export type UserRole = (typeof userRoles)[number];

/**
 * "imported": a past published report read from a file. Read-only; it serves carry-over and comparison and
 * counts as approved only after a supervisor or county admin confirms it (a transition like the others).
 */
export const reportStatuses = ["draft", "submitted", "returned", "approved", "imported"] as const;
export type ReportStatus = (typeof reportStatuses)[number];
