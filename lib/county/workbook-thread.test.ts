import { PassThrough } from "node:stream";
import { Workbook } from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseLocationOf, type Db } from "@/db/client";
import { openTemporaryDb } from "@/db/test-db";
import { createAgency } from "@/db/queries/agencies";
import type { OfficeRef } from "@/db/queries/offices";
import { keptWorkbookWorkers, writeWorkbookInWorker, type WorkbookJob } from "./workbook-thread";

let opened: { db: Db; cleanup: () => Promise<void> };
beforeAll(async () => {
  opened = await openTemporaryDb();
});
afterAll(() => opened.cleanup());

let office: OfficeRef;
beforeAll(async () => {
  const county = await createAgency(opened.db, { name: "某县", level: "government", officeTier: "county" });
  await createAgency(opened.db, { name: "某县某镇", level: "township", parentId: county.id });
  office = { id: county.id, name: county.name, officeTier: "county" };
});

const job = (): WorkbookJob => ({ office, year: 2025, database: databaseLocationOf(opened.db) });

/** The bytes of a workbook built in a worker (the test fails if it was written on this thread instead). */
async function download(): Promise<{ chunks: number; workbook: Workbook }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => {
    output.on("end", resolve);
    output.on("error", reject);
  });
  writeWorkbookInWorker(job(), output, () => output.destroy(new Error("written on the main thread")));
  await ended;
  const workbook = new Workbook();
  const bytes = Buffer.concat(chunks);
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { chunks: chunks.length, workbook };
}

describe("the roll-up workbook built in a worker thread", () => {
  it("is written by the worker on its own connection and arrives whole, chunk by chunk", async () => {
    const { chunks, workbook } = await download();
    expect(chunks).toBeGreaterThan(0);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["汇总", "各机关", "未报送"]);
    // Planned by the worker from the database: the office and its township, neither with a report.
    const missing = workbook.getWorksheet("未报送")!;
    expect([missing.getCell("A2").value, missing.getCell("A3").value]).toEqual(["某县", "某县某镇"]);
  });

  it("keeps its worker for the next workbook, and builds two at once in two", async () => {
    await download();
    expect(keptWorkbookWorkers()).toBe(1);
    await download();
    expect(keptWorkbookWorkers()).toBe(1);
    const three = await Promise.all([download(), download(), download()]);
    expect(three.map(({ workbook }) => workbook.getWorksheet("未报送")!.getCell("A3").value)).toEqual(["某县某镇", "某县某镇", "某县某镇"]);
    expect(keptWorkbookWorkers()).toBe(2);
  });
});
