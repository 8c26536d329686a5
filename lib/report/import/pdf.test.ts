/**
 * Reading PDF reports. The fixtures of fixtures/pdf/ (see its README) were made from the seed and from
 * reports whose every cell is a different number, by LibreOffice and by Chromium, with rules drawn as
 * lines or as thin rectangles, in a CMS style and without any rules. Each imported table cell is
 * compared with the report the PDF was made from: cells read right of cells printed, and cells invented
 * (a number where the report has none, or another number). Goal: all read right, none invented.
 * Then what cannot be read: a scan, a broken file, too many pages, a file too slow or too large.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parseInterchange } from "../interchange";
import type { Report } from "../model";
import { importReport, sniffKind } from "./index";
import { importReportOffThread } from "./off-thread";
import { BROKEN_PDF_MESSAGE, pdfToBlocks, SCANNED_PDF_MESSAGE } from "./pdf";
import { MAX_PDF_PAGES, PDF_LIMITS } from "./pdf-extract";
import { gbkPdf, handMadePdf } from "./pdf-testing";

const dir = path.join(__dirname, "fixtures", "pdf");

interface Fixture {
  file: string;
  report: string;
  made: string;
  /** false where the PDF itself lost text outside the tables (LibreOffice Writer/Web drops the title). */
  text: boolean;
}

const fixtures: Fixture[] = JSON.parse(fs.readFileSync(path.join(dir, "fixtures.json"), "utf8"));

function readFixture(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(dir, file)));
}

function expectedReport(file: string): Report {
  const parsed = parseInterchange(fs.readFileSync(path.join(dir, file), "utf8"));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.errors)}`);
  return parsed.report;
}

const TABLES = ["activeDisclosure", "requests", "reviewLitigation"] as const;

/** Every table cell of a report: path → number or null (table 二: present rows only). */
function cellsOf(report: Report): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const table of TABLES) {
    for (const [row, cells] of Object.entries(report[table])) {
      for (const [cell, value] of Object.entries(cells)) out.set(`${table}.${row}.${cell}`, value);
    }
  }
  return out;
}

interface Measured {
  file: string;
  printed: number;
  right: number;
  invented: string[];
  missed: string[];
  ms: number;
}

function measure(file: string, expected: Report, actual: Report, ms: number): Measured {
  const want = cellsOf(expected);
  const got = cellsOf(actual);
  const m: Measured = { file, printed: 0, right: 0, invented: [], missed: [], ms };
  for (const [p, w] of want) {
    const g = got.get(p) ?? null;
    if (w === null) {
      if (g !== null) m.invented.push(`${p}: read ${g}, printed blank`);
      continue;
    }
    m.printed++;
    if (g === null) m.missed.push(p);
    else if (Math.abs(g - w) < 1e-9) m.right++;
    else m.invented.push(`${p}: read ${g}, printed ${w}`);
  }
  for (const [p, g] of got) if (g !== null && !want.has(p)) m.invented.push(`${p}: read ${g}, not printed`);
  return m;
}

const results: Measured[] = [];

describe("PDF fixtures: every printed cell read right, none invented", () => {
  for (const fx of fixtures) {
    it(`${fx.file}: ${fx.made}`, async () => {
      const data = readFixture(fx.file);
      expect(sniffKind(data, fx.file)).toBe("pdf");
      const started = performance.now();
      const result = await importReport({ kind: "pdf", data });
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(`${fx.file}: ${result.message}`);
      const expected = expectedReport(fx.report);
      const { report } = result;
      expect({ year: report.year, edition: report.edition, agency: report.agency }).toEqual({
        year: expected.year,
        edition: expected.edition,
        agency: expected.agency,
      });
      const m = measure(fx.file, expected, report, ms);
      results.push(m);
      expect({ invented: m.invented, missed: m.missed }).toEqual({ invented: [], missed: [] });
      // The blank cells, and only they, are listed as not read.
      const blanks = [...cellsOf(expected)].filter(([, v]) => v === null).map(([p]) => p);
      const unreadCells = result.unread.map((u) => u.where).filter((w) => TABLES.some((t) => w.startsWith(`${t}.`)));
      expect(unreadCells.sort()).toEqual(blanks.sort());
      if (fx.text) {
        const fields = (r: Report) => ({ title: r.title, date: r.date, intro: r.intro, website: r.website, contact: r.contact, overview: r.overview, problems: r.problems });
        expect(fields(report)).toEqual(fields(expected));
      }
    });
  }

  it("in all", () => {
    const total = results.reduce((s, m) => ({ printed: s.printed + m.printed, right: s.right + m.right, invented: s.invented + m.invented.length }), {
      printed: 0,
      right: 0,
      invented: 0,
    });
    const lines = results.map(
      (m) => `  ${m.file.padEnd(32)} ${String(m.right).padStart(4)} / ${String(m.printed).padEnd(4)} invented ${m.invented.length}   ${Math.round(m.ms)} ms`,
    );
    console.log(`PDF fixtures: cells read right / printed, invented, time\n${lines.join("\n")}\n  in all: ${total.right} / ${total.printed}, invented ${total.invented}`);
    expect(results).toHaveLength(fixtures.length);
    expect(total.invented).toBe(0);
    expect(total.right).toBe(total.printed);
  });

  it("the server's path (importReportOffThread) reads a PDF the same, without stalling the event loop", async () => {
    const data = readFixture(fixtures[0].file);
    let last = performance.now();
    let blockedMs = 0;
    const probe = setInterval(() => {
      const now = performance.now();
      blockedMs = Math.max(blockedMs, now - last);
      last = now;
    }, 5);
    const offThread = await importReportOffThread({ kind: "pdf", data });
    clearInterval(probe);
    expect(offThread).toEqual(await importReport({ kind: "pdf", data }));
    // pdfjs runs in the worker; here only the layout (a page at a time, each < 60 ms) and the reader.
    // Measured ~130–260 ms on a loaded machine; in-thread pdfjs held it for 5 s on a hostile file.
    console.log(`Longest event-loop block while ${fixtures[0].file} was imported: ${Math.round(blockedMs)} ms`);
    expect(blockedMs).toBeLessThan(400);
  });
});

describe("a PDF that cannot be read gets a clear message", () => {
  it("a scan (pages that are pictures, no text layer)", async () => {
    expect(await importReport({ kind: "pdf", data: readFixture("scan.pdf") })).toEqual({ ok: false, message: SCANNED_PDF_MESSAGE });
    expect(SCANNED_PDF_MESSAGE).toMatch(/扫描件（没有文字层）/);
  });

  it("a broken file: cut short, garbage after the header, or not a PDF at all", async () => {
    const seed = readFixture("seed-libreoffice.pdf");
    for (const data of [seed.slice(0, 3000), seed.slice(0, seed.length / 2), new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj"), new Uint8Array([1, 2, 3])]) {
      expect(await importReport({ kind: "pdf", data })).toEqual({ ok: false, message: BROKEN_PDF_MESSAGE });
    }
    expect(await importReport({ kind: "pdf", data: "%PDF-1.7 as text" })).toEqual({ ok: false, message: BROKEN_PDF_MESSAGE });
  });

  it("a PDF that needs a password to open; one that only forbids copying is read", async () => {
    expect(await importReport({ kind: "pdf", data: readFixture("password.pdf") })).toEqual({
      ok: false,
      message: "这个 PDF 文件设有打开密码，无法读取。请导入没有密码的版本。",
    });
    const noCopy = await pdfToBlocks(readFixture("no-copy.pdf"));
    expect(noCopy.ok && noCopy.blocks).toEqual([
      { kind: "para", text: "某县某局2020年政府信息公开工作年度报告" },
      { kind: "para", text: "一、总体情况" },
    ]);
  });

  it(`more than ${MAX_PDF_PAGES} pages`, async () => {
    expect(await importReport({ kind: "pdf", data: handMadePdf(MAX_PDF_PAGES + 1) })).toEqual({
      ok: false,
      message: `这个 PDF 文件有 ${MAX_PDF_PAGES + 1} 页，超过了 ${MAX_PDF_PAGES} 页的上限，不像一份年度报告。请只导入年度报告本身。`,
    });
    const atTheLimit = await pdfToBlocks(handMadePdf(MAX_PDF_PAGES));
    expect(atTheLimit.ok).toBe(true);
  });

  it("a PDF that is not a report", async () => {
    const result = await importReport({ kind: "pdf", data: handMadePdf(2, { text: (p) => `Quarterly sales, page ${p}` }) });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/该文件不像政府信息公开工作年度报告/) });
  });

  it("a PDF that takes too long is stopped", async () => {
    expect(await pdfToBlocks(readFixture("seed-libreoffice.pdf"), { ...PDF_LIMITS, timeoutMs: 50 })).toEqual({
      ok: false,
      message: "无法导入：读取这个 PDF 文件用时超过了 1 秒，已停止。请删去与年度报告无关的页面后再试。",
    });
  });

  it("a PDF whose content inflates far beyond its size is stopped before it takes the memory; the next one is read", async () => {
    const bomb = handMadePdf(1, { content: Buffer.alloc(150 * 1024 * 1024, " ") });
    expect(bomb.length).toBeLessThan(300 * 1024);
    expect(await pdfToBlocks(bomb, { ...PDF_LIMITS, rssGrowthMb: 32 })).toEqual({
      ok: false,
      message: "无法导入：这个 PDF 文件的内容过于庞大或复杂，读取时超出了内存上限。",
    });
    expect((await importReport({ kind: "pdf", data: readFixture("seed-libreoffice.pdf") })).ok).toBe(true);
  });

  it("a PDF with too little text (under 20 characters, spaces not counted) is taken for a scan", async () => {
    expect(await pdfToBlocks(handMadePdf(1, { text: () => "A B".repeat(9) + "C" }))).toEqual({ ok: false, message: SCANNED_PDF_MESSAGE });
    expect((await pdfToBlocks(handMadePdf(1, { text: () => "A B".repeat(10) }))).ok).toBe(true);
  });

  it("pages without text among pages with text are named in a note; the rest is read", async () => {
    const pdf = handMadePdf(4, { text: (p) => (p === 2 || p === 4 ? "" : `Annual report, page ${p}`) });
    const read = await pdfToBlocks(pdf);
    expect(read).toEqual({
      ok: true,
      blocks: [
        { kind: "para", text: "Annual report, page 1" },
        { kind: "para", text: "Annual report, page 3" },
      ],
      notes: ["PDF 第 2、4 页没有文字层（可能是扫描的图片），这些页上的内容未读取。"],
    });
    const whole = await pdfToBlocks(handMadePdf(2, { text: (p) => `Annual report, page ${p}` }));
    expect(whole.ok && whole.notes).toEqual([]);
  });

  it("a PDF that needs more than the worker's heap is stopped as too large", async () => {
    expect(await pdfToBlocks(readFixture("seed-libreoffice.pdf"), { ...PDF_LIMITS, heapMb: 4 })).toEqual({
      ok: false,
      message: "无法导入：这个 PDF 文件的内容过于庞大或复杂，读取时超出了内存上限。",
    });
  });

  it("pdfjs is found from the module freshly loaded (where it is installed is looked up once)", async () => {
    vi.resetModules();
    const { extractPdf } = await import("./pdf-extract");
    const read = await extractPdf(handMadePdf(1, { text: () => "Fresh page" }));
    expect(read.ok && read.pages.map((p) => p.items.map((i) => i.str))).toEqual([["Fresh page"]]);
  });

  it("a server without pdfjs, or that cannot start a worker, says so and reads nothing", async () => {
    vi.resetModules();
    vi.doMock("node:module", () => ({
      createRequire: () => {
        throw new Error("Cannot find module 'pdfjs-dist/package.json'");
      },
    }));
    try {
      const { extractPdf } = await import("./pdf-extract");
      expect(await extractPdf(handMadePdf(1))).toEqual({ ok: false, reason: "unavailable", detail: "pdfjs-dist is not installed" });
    } finally {
      vi.doUnmock("node:module");
    }
    vi.resetModules();
    vi.doMock("node:worker_threads", () => ({
      Worker: function Worker() {
        throw new Error("no more threads");
      },
    }));
    try {
      const { extractPdf } = await import("./pdf-extract");
      expect(await extractPdf(handMadePdf(1))).toEqual({ ok: false, reason: "unavailable", detail: "Error: no more threads" });
    } finally {
      vi.doUnmock("node:worker_threads");
      vi.resetModules();
    }
  });

  it("a worker that stops without an answer, or fails otherwise than out of memory: the file could not be read", async () => {
    const { EventEmitter } = await import("node:events");
    const stopsWith = (event: string, ...args: unknown[]) =>
      class extends EventEmitter {
        constructor() {
          super();
          setImmediate(() => this.emit(event, ...args));
        }
        terminate() {
          return Promise.resolve(0);
        }
      };
    for (const [worker, expected] of [
      [stopsWith("exit", 1), { ok: false, reason: "broken", detail: "the worker stopped" }],
      [stopsWith("error", Object.assign(new Error("boom"), { code: "ERR_OTHER" })), { ok: false, reason: "broken", detail: "boom" }],
    ] as const) {
      vi.resetModules();
      vi.doMock("node:worker_threads", () => ({ Worker: worker }));
      try {
        const { extractPdf } = await import("./pdf-extract");
        expect(await extractPdf(handMadePdf(1))).toEqual(expected);
      } finally {
        vi.doUnmock("node:worker_threads");
      }
    }
    vi.resetModules();
  });

  it("an older Chinese PDF whose font is not embedded (GBK-EUC-H) is read through pdfjs's character maps", async () => {
    vi.resetModules();
    const { extractPdf } = await import("./pdf-extract");
    const read = await extractPdf(gbkPdf("D5FEB8AE")); // 政府
    expect(read.ok && read.pages.map((p) => p.items.map((i) => i.str))).toEqual([["政府"]]);
  });

  it("PDF is told by its content, whatever the file is called", () => {
    const pdf = handMadePdf(1);
    expect(sniffKind(pdf, "report.txt")).toBe("pdf");
    expect(sniffKind(pdf)).toBe("pdf");
    expect(sniffKind(new Uint8Array([1, 2, 3]), "报告.PDF")).toBe("pdf");
  });
});
