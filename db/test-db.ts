import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "./client";

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
