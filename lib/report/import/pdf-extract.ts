/**
 * Reading a PDF's text layer and drawn lines with pdfjs-dist, in a worker thread.
 *
 * Why a worker: pdfjs is safe on ordinary reports (a 56-page report takes 1.5–3.5 s and never holds the
 * event loop for more than ~110 ms), but a hostile PDF is not: a 1 MB file whose content stream inflates
 * to 1 GB held this thread for 5 s and took 2.2 GB; one of 300 MB of drawing operators took 7 GB and
 * more than two minutes. In a worker it runs one at a time, with a heap limit, a time limit and a watch
 * on the process's memory (inflated streams live outside the heap), and is stopped when it goes over.
 *
 * What the worker does is only pdfjs: the pages' text items and the drawing operators that can draw
 * table rules (paths, transforms, colours), as plain data. Everything else (geometry, tables,
 * paragraphs) is pdf-layout.ts, on this side, typed and tested.
 *
 * pdfjs runs without its own worker (its "fake worker" in the same thread), without fonts (no font
 * faces, no system fonts), without images (maxImageSize 1: images are dropped before they are decoded)
 * and without network: the character maps of older Chinese PDFs (GBK-EUC-H …) are read from the
 * package's cmaps folder on disk. The worker's code is a string evaluated by Node (`eval: true`) that
 * imports pdfjs from node_modules by its file URL, so it does not depend on how the app is bundled.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/** A text item as pdfjs gives it: `transform` is in PDF user space (y up). */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** A drawing operator kept for finding table rules: its pdfjs name and arguments (see pdf-layout.ts). */
export type PdfOp = [name: string, args: unknown];

export interface PdfPageData {
  /** pdfjs's viewport transform at scale 1: user space → page space (y down, rotation applied). */
  viewport: number[];
  width: number;
  height: number;
  items: PdfTextItem[];
  /** Drawing operators, only read for pages that have text. */
  ops: PdfOp[];
}

export interface PdfLimits {
  maxPages: number;
  timeoutMs: number;
  /** The worker's old-generation heap. */
  heapMb: number;
  /** How much the process's resident memory may grow while a PDF is read (inflated streams included). */
  rssGrowthMb: number;
}

/** A report is 5–20 pages; a file of more than this many pages is not one report. */
export const MAX_PDF_PAGES = 60;
export const PDF_LIMITS: PdfLimits = { maxPages: MAX_PDF_PAGES, timeoutMs: 30_000, heapMb: 512, rssGrowthMb: 1024 };

export type PdfExtract =
  | { ok: true; pages: PdfPageData[] }
  | { ok: false; reason: "too-many-pages"; pages: number }
  | { ok: false; reason: "password" | "broken" | "timeout" | "memory" | "unavailable"; detail?: string };

// The operators pdf-layout.ts reads; every other operator is dropped in the worker.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const KEEP = new Set(["save", "restore", "transform", "constructPath", "paintFormXObjectBegin", "paintFormXObjectEnd", "setStrokeRGBColor", "setFillRGBColor"]);
async function run() {
  let pdfjs;
  try {
    pdfjs = await import(workerData.pdfUrl);
    globalThis.pdfjsWorker = await import(workerData.workerUrl);
  } catch (error) {
    return { kind: "unavailable", detail: String((error && error.message) || error) };
  }
  const names = {};
  for (const [name, id] of Object.entries(pdfjs.OPS)) names[id] = name;
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: workerData.data,
      disableFontFace: true,
      useSystemFonts: false,
      isEvalSupported: false,
      maxImageSize: 1,
      cMapUrl: workerData.cMapUrl,
      cMapPacked: true,
      standardFontDataUrl: workerData.standardFontDataUrl,
      useWorkerFetch: false,
      disableAutoFetch: true,
      disableStream: true,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const password = error && error.name === "PasswordException";
    return { kind: password ? "password" : "broken", detail: String((error && error.message) || error) };
  }
  if (doc.numPages > workerData.maxPages) return { kind: "too-many-pages", pages: doc.numPages };
  const pages = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if (typeof item.str !== "string" || item.str.trim() === "") continue;
        items.push({ str: item.str, transform: item.transform.slice(), width: item.width, height: item.height });
      }
      const ops = [];
      if (items.length > 0) {
        const list = await page.getOperatorList();
        for (let i = 0; i < list.fnArray.length; i++) {
          const name = names[list.fnArray[i]];
          if (!KEEP.has(name)) continue;
          const args = list.argsArray[i];
          if (name === "constructPath") {
            const data = args && args[1] && args[1][0];
            ops.push([name, [names[args[0]], data ? Array.from(data) : []]]);
          } else if (name === "paintFormXObjectBegin") {
            ops.push([name, [args && args[0] ? Array.from(args[0]) : null]]);
          } else {
            ops.push([name, args ? Array.from(args) : null]);
          }
        }
      }
      pages.push({ viewport: viewport.transform.slice(), width: viewport.width, height: viewport.height, items, ops });
      page.cleanup();
    }
  } catch (error) {
    return { kind: "broken", detail: String((error && error.message) || error) };
  }
  await doc.destroy();
  return { kind: "pages", pages };
}
run().then(
  (reply) => parentPort.postMessage(reply),
  (error) => parentPort.postMessage({ kind: "broken", detail: String((error && error.message) || error) }),
);
`;

type WorkerReply =
  | { kind: "pages"; pages: PdfPageData[] }
  | { kind: "too-many-pages"; pages: number }
  | { kind: "password" | "broken" | "unavailable"; detail: string };

interface PdfjsFiles {
  pdfUrl: string;
  workerUrl: string;
  cMapUrl: string;
  standardFontDataUrl: string;
}

let files: PdfjsFiles | null | undefined;

/** Where pdfjs-dist is installed (its legacy build, which runs in Node), or null when it is not. */
function pdfjsFiles(): PdfjsFiles | null {
  // Stryker disable next-line ConditionalExpression: looking pdfjs up again finds the same files
  if (files !== undefined) return files;
  try {
    // Stryker disable next-line StringLiteral: a require made for the folder itself resolves from the same node_modules
    const require = createRequire(path.join(process.cwd(), "package.json"));
    const root = path.dirname(require.resolve("pdfjs-dist/package.json"));
    files = {
      pdfUrl: pathToFileURL(path.join(root, "legacy", "build", "pdf.mjs")).href,
      workerUrl: pathToFileURL(path.join(root, "legacy", "build", "pdf.worker.mjs")).href,
      // pdfjs reads these with fs in Node: paths, ending with a separator.
      cMapUrl: path.join(root, "cmaps") + path.sep,
      standardFontDataUrl: path.join(root, "standard_fonts") + path.sep,
    };
  } catch {
    files = null;
  }
  return files;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs tasks one after another, so that two large PDFs never hold two worker heaps at once. */
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** The pages of a PDF (text items and drawing operators), read by pdfjs in a worker thread under `limits`. */
export function extractPdf(data: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<PdfExtract> {
  return oneAtATime(() => runWorker(data, limits));
}

function runWorker(data: Uint8Array, limits: PdfLimits): Promise<PdfExtract> {
  const where = pdfjsFiles();
  if (!where) return Promise.resolve({ ok: false, reason: "unavailable", detail: "pdfjs-dist is not installed" });
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        // A copy: pdfjs takes ownership of (detaches) the buffer it is given.
        // Stryker disable next-line MethodExpression: workerData is cloned into the worker, so the caller's bytes are not detached either way
        workerData: { ...where, data: data.slice(), maxPages: limits.maxPages },
        resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
        // Stryker disable next-line BooleanLiteral: pdfjs is run with verbosity 0 and prints nothing
        stdout: false,
        // Stryker disable next-line BooleanLiteral: pdfjs is run with verbosity 0 and prints nothing
        stderr: false,
      });
    } catch (error) {
      resolve({ ok: false, reason: "unavailable", detail: String(error) });
      return;
    }
    let settled = false;
    const rssAtStart = process.memoryUsage.rss();
    const finish = (value: PdfExtract) => {
      // Stryker disable next-line ConditionalExpression: a promise settles once; a second finish only clears and stops again what is already cleared and stopped
      if (settled) return;
      // Stryker disable next-line BooleanLiteral: a promise settles once; a second finish only clears and stops again what is already cleared and stopped
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      void worker.terminate();
      resolve(value);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: "timeout" }), limits.timeoutMs);
    const watch = setInterval(() => {
      if (process.memoryUsage.rss() - rssAtStart > limits.rssGrowthMb * 1024 * 1024) finish({ ok: false, reason: "memory" });
    }, 50);
    worker.on("message", (reply: WorkerReply) => {
      if (reply.kind === "pages") finish({ ok: true, pages: reply.pages });
      else if (reply.kind === "too-many-pages") finish({ ok: false, reason: "too-many-pages", pages: reply.pages });
      else finish({ ok: false, reason: reply.kind, detail: reply.detail });
    });
    worker.on("error", (error: Error & { code?: string }) => {
      finish(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? { ok: false, reason: "memory" } : { ok: false, reason: "broken", detail: error.message });
    });
    // Exiting without a reply (a crash): the file could not be read.
    worker.on("exit", () => finish({ ok: false, reason: "broken", detail: "the worker stopped" }));
  });
}
