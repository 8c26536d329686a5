import { PassThrough } from "node:stream";
import { Workbook } from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseLocationOf, type Db } from "@/db/client";
import { openTemporaryDb } from "@/db/test-db";
import { cleanReport } from "@/lib/report/testing";
import { writeWorkbookInWorker, type WorkbookJob } from "./workbook-thread";

let opened: { db: Db; cleanup: () => Promise<void> };
beforeAll(async () => {
  opened = await openTemporaryDb();
});
afterAll(() => opened.cleanup());

describe("the roll-up workbook built in a worker thread", () => {
  it("is written by the worker on its own connection and arrives whole, chunk by chunk", async () => {
    const job: WorkbookJob = {
      plan: {
        county: "某县",
        year: 2025,
        combined: cleanReport("2021", { year: 2025 }),
        findings: [],
        agencyCount: 1,
        summed: [],
        missing: [{ agencyId: 5000, agencyName: "某县某镇", level: "township", statusLabel: "未开始", reason: "尚未开始填写。" }],
      },
      officeId: 1,
      database: databaseLocationOf(opened.db),
    };
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve, reject) => {
      output.on("end", resolve);
      output.on("error", reject);
    });
    let onThread = false;
    writeWorkbookInWorker(job, output, () => {
      onThread = true;
      output.destroy(new Error("written on the main thread"));
    });
    await ended;
    expect(onThread).toBe(false);
    expect(chunks.length).toBeGreaterThan(0);
    const workbook = new Workbook();
    const bytes = Buffer.concat(chunks);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["汇总", "各机关", "未报送"]);
    expect(workbook.getWorksheet("未报送")!.getCell("A2").value).toBe("某县某镇");
  });
});
