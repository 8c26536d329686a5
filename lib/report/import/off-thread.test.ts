/**
 * importReportOffThread: the same results as importReport, with mammoth in a worker thread so that a
 * large DOCX does not stall the event loop; the worker's heap and time limits.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInterchange } from "../interchange";
import type { Report } from "../index";
import { exportDocx } from "../export";
import { prepareDocx } from "./decode";
import { importReport } from "./index";
import { convertInWorker, docxToHtmlOffThread, importReportOffThread, WORKER_HEAP_MB, WORKER_TIMEOUT_MS } from "./off-thread";
import type { ImportInput } from "./types";
import { patchDeclaredSize, readEntries, sampleDocx, writeZip, zeroEntry } from "./zip-testing";

function seedReport(): Report {
  const parsed = parseInterchange(fs.readFileSync(path.join(__dirname, "../fixtures/seed-2020.json"), "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.report;
}

/** The seed report with `paragraphs` more paragraphs of narrative (~270 bytes of XML each). */
function largeDocx(paragraphs: number): Promise<Uint8Array> {
  const report = seedReport();
  const lines = Array.from(
    { length: paragraphs },
    (_, i) => `（${i + 1}）本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开各类政府信息${i}条，其中规范性文件${i % 17}件，均在法定期限内答复。`,
  );
  report.overview = [...(report.overview ?? []), { heading: "（五）补充说明", text: lines.join("\n") }];
  return exportDocx(report, { draft: false });
}

/** The longest stretch (ms) during `work` in which a 5 ms timer could not run. */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ result: T; blockedMs: number }> {
  let last = performance.now();
  let blockedMs = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    blockedMs = Math.max(blockedMs, now - last);
    last = now;
  }, 5);
  try {
    const result = await work();
    await new Promise((resolve) => setTimeout(resolve, 20)); // count a block that lasted to the end
    return { result, blockedMs };
  } finally {
    clearInterval(probe);
  }
}

let seed: Uint8Array;
let large: Uint8Array;
beforeAll(async () => {
  seed = await exportDocx(seedReport(), { draft: false });
  large = await largeDocx(8000);
});

describe("importReportOffThread", () => {
  it("gives what importReport gives, for DOCX, HTML and text", async () => {
    const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", name));
    const inputs: ImportInput[] = [
      { kind: "docx", data: seed },
      { kind: "docx", data: await sampleDocx() },
      { kind: "docx", data: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]) },
      { kind: "html", data: new Uint8Array(fixture("html-2021-grid.html")) },
      { kind: "text", data: new Uint8Array(fixture("text-2019-messy.txt")) },
      { kind: "text", data: "" },
    ];
    for (const input of inputs) expect(await importReportOffThread(input)).toEqual(await importReport(input));
    expect((await importReportOffThread({ kind: "docx", data: seed })).ok).toBe(true);
  });

  it("refuses zip bombs like importReport", async () => {
    const entries = readEntries(seed);
    const bomb = writeZip(entries.map((e) => (e.name === "word/document.xml" ? zeroEntry(e.name, 512) : e)));
    for (const data of [bomb, patchDeclaredSize(bomb, "word/document.xml", 4096)]) {
      const result = await importReportOffThread({ kind: "docx", data });
      expect(result).toEqual({ ok: false, message: expect.stringContaining("伪装成 Word 文档的压缩包") });
      expect(result).toEqual(await importReport({ kind: "docx", data }));
    }
  });

  it("does not stall the event loop while a large DOCX is read", async () => {
    const onThread = await longestBlock(() => importReport({ kind: "docx", data: large }));
    const offThread = await longestBlock(() => importReportOffThread({ kind: "docx", data: large }));
    expect(offThread.result).toEqual(onThread.result);
    expect(offThread.result.ok).toBe(true);
    // Measured here: ~800–1,000 ms on the thread; ~130 ms off it (htmlToBlocks and readReport, which
    // still run on the thread, ~60 and ~120 ms for these 8,000 paragraphs). Room left for a loaded machine.
    expect(offThread.blockedMs).toBeLessThan(400);
    expect(offThread.blockedMs).toBeLessThan(onThread.blockedMs / 2);
  });

  it("two imports at the same time both finish (one worker at a time)", async () => {
    const [a, b] = await Promise.all([importReportOffThread({ kind: "docx", data: seed }), importReportOffThread({ kind: "docx", data: large })]);
    expect(a.ok && b.ok).toBe(true);
  });
});

describe("the worker's limits", () => {
  it(`defaults: ${WORKER_HEAP_MB} MB of heap, ${WORKER_TIMEOUT_MS / 1000} s`, () => {
    expect(WORKER_HEAP_MB).toBe(512);
    expect(WORKER_TIMEOUT_MS).toBe(60_000);
  });

  it("a document too large for the heap is refused with a message; the next import works", async () => {
    const result = await docxToHtmlOffThread(large, { heapMb: 16, timeoutMs: 60_000 });
    expect(result).toEqual({
      ok: false,
      message: "无法导入：这个 DOCX 文件的内容过于庞大或复杂，读取时超出了 16 MB 的内存上限。请删去与年度报告无关的内容后再试。",
    });
    expect((await importReportOffThread({ kind: "docx", data: seed })).ok).toBe(true);
  });

  it("a document that takes too long is stopped", async () => {
    expect(await docxToHtmlOffThread(large, { heapMb: WORKER_HEAP_MB, timeoutMs: 50 })).toEqual({
      ok: false,
      message: "无法导入：读取这个 DOCX 文件用时超过了 1 秒，已停止。请删去与年度报告无关的内容后再试。",
    });
  });

  it("when mammoth cannot be loaded in the worker, it says so (and the caller reads on this thread)", async () => {
    const prepared = await prepareDocx(seed);
    if (!prepared.ok) throw new Error(prepared.message);
    expect(await convertInWorker(prepared.zip, { heapMb: 64, timeoutMs: 60_000 }, "no-such-module-for-this-test")).toBe("unavailable");
  });
});
