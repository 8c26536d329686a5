import { PassThrough } from "node:stream";
import { Workbook } from "exceljs";
import { describe, expect, it } from "vitest";
import { cellValue, tableCellColumns } from "@/lib/report/aggregate";
import { reportFigures } from "@/lib/report/figures";
import { layoutOf } from "@/lib/report/layout";
import { cleanReport } from "@/lib/report/testing";
import { eq } from "drizzle-orm";
import { createAgency } from "@/db/queries/agencies";
import { createUser } from "@/db/queries/users";
import { reports } from "@/db/schema";
import { openTemporaryDb, storeReportInStatus } from "@/db/test-db";
import { buildWorkbook, writeWorkbook, type WorkbookPlan } from "./workbook";

describe("the roll-up workbook, written as a stream", () => {
  it("reads reports' figures in batches of 500 and lets other work run between them, and the rows all arrive", async () => {
    const report = cleanReport("2021", { year: 2025 });
    report.requests.newReceived.naturalPerson = report.requests.newReceived.total = 2;
    // One agency issues no 规章: its row is absent (not applicable), shown as such in its line.
    const withoutRegulations = structuredClone(report);
    delete withoutRegulations.activeDisclosure.regulations;
    const batches: number[] = [];
    /** How many turns of other work had run when each batch was read. */
    const turnsAtBatch: number[] = [];
    const plan: WorkbookPlan = {
      county: "某县",
      year: 2025,
      combined: report,
      findings: [],
      agencyCount: 1101,
      summed: Array.from({ length: 1100 }, (_, i) => ({ agencyId: i, agencyName: `某县${i}局`, level: "department", statusLabel: "已批准" })),
      missing: [{ agencyId: 5000, agencyName: "某县某镇", level: "township", statusLabel: "未开始", reason: "尚未开始填写。" }],
      readFigures: async (ids) => {
        batches.push(ids.length);
        turnsAtBatch.push(turns);
        return new Map(ids.map((id) => [id, reportFigures(id === 1 ? withoutRegulations : report)]));
      },
    };
    let turns = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => output.on("end", resolve));
    await writeWorkbook(plan, output);
    await ended;
    running = false;

    expect(batches).toEqual([500, 500, 100]);
    // Other work ran between each batch of rows and the next.
    expect(turnsAtBatch[1]).toBeGreaterThan(turnsAtBatch[0]);
    expect(turnsAtBatch[2]).toBeGreaterThan(turnsAtBatch[1]);
    const workbook = new Workbook();
    const bytes = Buffer.concat(chunks);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const agencies = workbook.getWorksheet("各机关")!;
    // Two header rows, the agencies and the 合计 row.
    expect(agencies.rowCount).toBe(1103);
    expect(agencies.getCell("A3").value).toBe("某县0局");
    expect(agencies.getCell(1103, 1).value).toBe("合计");
    // Each line holds the agency's cells in the columns' order: 规章's first cell, then table 三's 新收 总计.
    const columnOf = (path: string) => 3 + tableCellColumns(report).findIndex((column) => column.path === path);
    const [regulations] = layoutOf("2021").adRowByKey.get("regulations")!.paths;
    expect(agencies.getCell(3, columnOf(regulations)).value).toBe(cellValue(report, regulations));
    expect(agencies.getCell(4, columnOf(regulations)).value).toBe("不适用");
    expect(agencies.getCell(3, columnOf("requests.newReceived.total")).value).toBe(2);
    // Cells keep their look (one shared style per look): borders and the 宋体 font on the data.
    expect(agencies.getCell("C3").border?.top?.style).toBe("thin");
    expect(agencies.getCell("A3").font?.name).toBe("宋体");
    expect(workbook.getWorksheet("未报送")!.getCell("D2").value).toBe("尚未开始填写。");
    expect(workbook.getWorksheet("汇总")!.getCell("A2").value).toBe("共 1101 个机关，已批准并计入汇总 1100 个，未计入 1 个（见「未报送」）。各表为已批准报告逐格相加，合计数按各机关填报的数字相加。");
  });
});

describe("the roll-up workbook read from the database", () => {
  it("writes each summed agency's line from its stored figures, storing them first where a report had none", async () => {
    const { db, cleanup } = await openTemporaryDb();
    try {
      const county = await createAgency(db, { name: "某县", level: "government", officeTier: "county" });
      const bureau = await createAgency(db, { name: "某县某局", level: "department", parentId: county.id });
      const clerk = await createUser(db, { username: "clerk", displayName: "经办人", role: "clerk", agencyId: bureau.id, passwordHash: "x" });
      const content = cleanReport("2021", { year: 2025 });
      content.agency = { name: bureau.name, level: "department" };
      content.requests.newReceived.naturalPerson = content.requests.newReceived.total = 3;
      const { id } = await storeReportInStatus(db, { userId: clerk.id, agencyId: bureau.id, reach: "agency" }, { year: 2025, edition: "2021", content, status: "approved" });
      const output = new PassThrough();
      const chunks: Buffer[] = [];
      output.on("data", (chunk: Buffer) => chunks.push(chunk));
      const ended = new Promise((resolve) => output.on("end", resolve));
      await buildWorkbook(db, { id: county.id, name: county.name, officeTier: "county" }, 2025, output);
      await ended;
      const workbook = new Workbook();
      const bytes = Buffer.concat(chunks);
      await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      const agencies = workbook.getWorksheet("各机关")!;
      const total = 3 + tableCellColumns(content).findIndex((column) => column.path === "requests.newReceived.total");
      expect([agencies.getCell(3, 1).value, agencies.getCell(3, total).value]).toEqual(["某县某局", 3]);
      const [{ figures }] = await db.select({ figures: reports.figures }).from(reports).where(eq(reports.id, id));
      expect(JSON.parse(figures!)).toEqual(reportFigures(content));
    } finally {
      await cleanup();
    }
  });
});
