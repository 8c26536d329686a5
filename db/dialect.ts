/**
 * Which database this process talks to, fixed at start: PostgreSQL when DATABASE_URL names one
 * (postgres:// or postgresql://), otherwise the embedded SQLite file. The table objects the queries use
 * (db/schema.ts) are chosen by it, so it is read once, from the environment, before anything is imported.
 */
export type Dialect = "sqlite" | "postgres";

export function dialectOf(databaseUrl: string | undefined): Dialect {
  return /^postgres(ql)?:\/\//i.test(databaseUrl ?? "") ? "postgres" : "sqlite";
}

export const DIALECT: Dialect = dialectOf(process.env.DATABASE_URL);
