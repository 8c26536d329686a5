import { count } from "drizzle-orm";
import { first, type Executor } from "../client";
import { agencies } from "../schema";

/** A read the app cannot work without: the database answers, and its schema is there. */
export async function readAgencyCount(db: Executor): Promise<number> {
  return (await first(db.select({ total: count() }).from(agencies)))?.total ?? 0;
}
