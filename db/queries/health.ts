import { count } from "drizzle-orm";
import type { Executor } from "../client";
import { agencies } from "../schema";

/** A read the app cannot work without: the database answers, and its schema is there. */
export function readAgencyCount(db: Executor): number {
  return db.select({ total: count() }).from(agencies).get()?.total ?? 0;
}
