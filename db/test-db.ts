import fs from "node:fs";
import type { EditionId } from "@/lib/report/editions/types";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDb, type Db, type Executor } from "./client";
import { createReport } from "./queries/reports";
import type { ActorScope } from "./queries/scope";
import { reports, type ReportStatus } from "./schema";

/** A migrated database in a temporary file, removed by the returned cleanup. */
export function openTemporaryDb(): { db: Db; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-test-"));
  const db = openDb(path.join(dir, "test.db"));
  return {
    db,
    cleanup: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Tests only: a report stored straight into a status, as if its workflow had already run (the app itself
 * creates drafts and imported reports only; every other status is reached through the workflow).
 */
export function storeReportInStatus(
  db: Executor,
  scope: ActorScope,
  input: { year: number; edition: EditionId; content: unknown; status?: ReportStatus },
): { id: number; created: boolean } {
  const { status = "draft", ...rest } = input;
  const created = createReport(db, scope, rest);
  if (status !== "draft") {
    const approval = status === "approved" ? { approvedBy: scope.userId, approvedAt: new Date() } : {};
    db.update(reports).set({ status, ...approval }).where(eq(reports.id, created.id)).run();
  }
  return created;
}
