/**
 * What an autosave costs on the server, against the database driver writing the same change raw.
 *
 * The save is the service the editor's server action calls (lib/reports/save.ts saveReport): it reads the
 * report and checks the clerk may edit it, applies the editor's patch (two cells of table 三, as a typical
 * autosave sends), checks the whole report (zod, then every rule, against last year's approved report as most
 * agencies have one), and stores it over the version it names with its revision.
 * The floor is better-sqlite3 alone writing the same new content over the row (one prepared UPDATE). Both run
 * on the same SQLite file, in this process, interleaved; then 50 editors save at once (20 saves each).
 * Figures: p50 of each and their ratio (goal ≤ 20×), p95 of a save among 50 concurrent editors (goal ≤ 50 ms),
 * and the bytes a typical autosave adds to the database's history (goal ≤ 1 KB).
 *
 *   npm run bench:save
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { closeDb, openDb, sqliteDriverOf } from "@/db/client";
import { createAgency } from "@/db/queries/agencies";
import { createReport } from "@/db/queries/reports";
import { createUser, type UserProfile } from "@/db/queries/users";
import { reportRevisions, reports } from "@/db/schema";
import { saveReport } from "@/lib/reports/save";
import { cleanReport } from "@/lib/report/testing";
import type { Report } from "@/lib/report";

const ROUNDS = 400;
const EDITORS = 50;
const SAVES_PER_EDITOR = 20;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function twoCells(value: number) {
  return [
    { op: "replace" as const, path: "/content/requests/newReceived/naturalPerson", value },
    { op: "replace" as const, path: "/content/requests/newReceived/total", value },
  ];
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-bench-save-"));
  const db = openDb(path.join(dir, "bench.db"));
  const sqlite = sqliteDriverOf(db);
  try {
    const county = await createAgency(db, { name: "某县", level: "government", officeTier: "county" });
    const editors: { clerk: UserProfile; reportId: number; version: number; report: Report }[] = [];
    for (let i = 0; i <= EDITORS; i++) {
      const agency = await createAgency(db, { name: `某县第${i}街道办事处`, level: "township", parentId: county.id });
      const clerk = await createUser(db, { username: `clerk-${i}`, displayName: "经办人", role: "clerk", agencyId: agency.id, passwordHash: "x" });
      // Last year's approved report, as most agencies have: every save checks the figures carried from it.
      const lastYear = cleanReport("2021", { year: 2024 });
      lastYear.agency = { name: agency.name, level: "township" };
      const approved = await createReport(db, { userId: clerk.id, agencyId: agency.id, reach: "agency" }, { year: 2024, edition: "2021", content: lastYear });
      await db.update(reports).set({ status: "approved" }).where(eq(reports.id, approved.id));
      const report = cleanReport("2021", { year: 2025 });
      report.agency = { name: agency.name, level: "township" };
      const { id } = await createReport(db, { userId: clerk.id, agencyId: agency.id, reach: "agency" }, { year: 2025, edition: "2021", content: report });
      // The first save of a page is the whole payload; the ones measured are the patches after it.
      const first = await saveReport(db, clerk, id, { baseVersion: 1, payload: { content: report, acknowledgements: [], tableNotes: {} } });
      if (first.kind !== "saved") throw new Error(`first save: ${JSON.stringify(first)}`);
      editors.push({ clerk, reportId: id, version: first.version, report });
    }

    const save = async (editor: (typeof editors)[number], value: number) => {
      const outcome = await saveReport(db, editor.clerk, editor.reportId, { baseVersion: editor.version, patch: twoCells(value) });
      if (outcome.kind !== "saved") throw new Error(`save: ${JSON.stringify(outcome)}`);
      editor.version = outcome.version;
    };

    // Sequential, interleaved with the raw write of the same change on another row of the same table.
    const solo = editors[0];
    const rawEditor = editors[EDITORS];
    const rawUpdate = sqlite.prepare("update reports set content = ?, version = version + 1, updated_at = ? where id = ?");
    const saveTimes: number[] = [];
    const rawTimes: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      let start = performance.now();
      await save(solo, round);
      saveTimes.push(performance.now() - start);

      start = performance.now();
      rawEditor.report.requests.newReceived.naturalPerson = round;
      rawEditor.report.requests.newReceived.total = round;
      rawUpdate.run(JSON.stringify(rawEditor.report), Date.now(), rawEditor.reportId);
      rawTimes.push(performance.now() - start);
    }
    const saveP50 = percentile(saveTimes.slice(20), 50);
    const rawP50 = percentile(rawTimes.slice(20), 50);

    // 50 editors at once, each saving 20 times as fast as the server answers.
    const concurrent: number[] = [];
    await Promise.all(
      editors.slice(1, EDITORS + 1).map(async (editor, index) => {
        if (editor === rawEditor) return;
        for (let n = 1; n <= SAVES_PER_EDITOR; n++) {
          const start = performance.now();
          await save(editor, index * 100 + n);
          concurrent.push(performance.now() - start);
        }
      }),
    );

    const patches = await db.select({ patch: reportRevisions.patch }).from(reportRevisions).where(eq(reportRevisions.reportId, solo.reportId));
    const patchBytes = patches.filter((row) => row.patch !== null).map((row) => Buffer.byteLength(row.patch!));
    const storedPerSave = percentile(patchBytes, 50);
    const snapshotBytes = Buffer.byteLength(JSON.stringify(solo.report));

    console.log(`raw better-sqlite3 write of the same change: p50 ${rawP50.toFixed(3)} ms`);
    console.log(`autosave (patch of two cells): p50 ${saveP50.toFixed(3)} ms, p95 ${percentile(saveTimes.slice(20), 95).toFixed(3)} ms`);
    console.log(`${EDITORS} editors saving at once: p50 ${percentile(concurrent, 50).toFixed(1)} ms, p95 ${percentile(concurrent, 95).toFixed(1)} ms (goal ≤ 50 ms)`);
    console.log(`history per autosave: ${storedPerSave} bytes (goal ≤ 1024; the whole report is ${snapshotBytes} bytes, kept every 20th version)`);
    console.log(`save: ${(saveP50 / rawP50).toFixed(1)}x raw write p50 (goal 20x)`);
  } finally {
    await closeDb(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
