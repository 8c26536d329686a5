/**
 * Importing without stalling the server for other users. mammoth runs a DOCX as one long chain of
 * microtasks: a large document (several MB of XML) blocks the event loop for seconds and takes
 * hundreds of MB. Here it runs in a worker thread, one at a time, with its own heap limit and a time
 * limit; the rest (HTML → blocks → report) runs here with the event loop let through between stages.
 *
 * The worker's code is a string evaluated by Node (`eval: true`) that loads mammoth from node_modules,
 * so it does not depend on how the app is bundled (vitest, tsx, or a Next.js production build). When
 * mammoth cannot be loaded there, the conversion falls back to this thread.
 */
import { Worker } from "node:worker_threads";
import { htmlToBlocks, textToBlocks } from "./blocks";
import { decodeText, mammothHtml, prepareDocx, type Decoded } from "./decode";
import { importPdf } from "./pdf";
import { readReport } from "./read-report";
import type { Block, ImportInput, ImportResult } from "./types";
import { CORRUPT_DOCX_MESSAGE } from "./zip-limits";

/** The worker's old-generation heap: ~7 MB of table-heavy XML needs ~350 MB; beyond this it is refused. */
export const WORKER_HEAP_MB = 512;
/** A DOCX within the limits of zip-limits.ts is read in under ~10 s; this stops pathological ones. */
export const WORKER_TIMEOUT_MS = 60_000;

// Same options as mammothHtml in decode.ts: images dropped, no access to files outside the document.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
let mammoth;
try {
  mammoth = require(workerData.mammothModule);
} catch (error) {
  parentPort.postMessage({ kind: "unavailable", reason: String(error && error.message || error) });
}
if (mammoth) {
  const zip = workerData.zip;
  mammoth
    .convertToHtml(
      { buffer: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: "" })), externalFileAccess: false },
    )
    .then(
      (result) => parentPort.postMessage({ kind: "html", html: result.value }),
      (error) => parentPort.postMessage({ kind: "failed", reason: String(error && error.message || error) }),
    );
}
`;

type WorkerReply = { kind: "html"; html: string } | { kind: "failed"; reason: string } | { kind: "unavailable"; reason: string };

export interface WorkerLimits {
  heapMb: number;
  timeoutMs: number;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs tasks one after another, so that two large imports never hold two worker heaps at once. */
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** mammoth in a worker; "unavailable" when the worker cannot start or cannot load `mammothModule`. */
export function convertInWorker(zip: Uint8Array, limits: WorkerLimits, mammothModule = "mammoth"): Promise<Decoded | "unavailable"> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { zip, mammothModule },
        resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
        stdout: false,
        stderr: false,
      });
    } catch {
      resolve("unavailable");
      return;
    }
    let settled = false;
    const finish = (value: Decoded | "unavailable") => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(value);
    };
    const timer = setTimeout(() => {
      finish({
        ok: false,
        message: `无法导入：读取这个 DOCX 文件用时超过了 ${Math.ceil(limits.timeoutMs / 1000)} 秒，已停止。请删去与年度报告无关的内容后再试。`,
      });
    }, limits.timeoutMs);
    worker.on("message", (reply: WorkerReply) => {
      if (reply.kind === "html") finish({ ok: true, text: reply.html });
      else if (reply.kind === "unavailable") finish("unavailable");
      else finish({ ok: false, message: CORRUPT_DOCX_MESSAGE });
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
        finish({
          ok: false,
          message: `无法导入：这个 DOCX 文件的内容过于庞大或复杂，读取时超出了 ${limits.heapMb} MB 的内存上限。请删去与年度报告无关的内容后再试。`,
        });
      } else {
        finish({ ok: false, message: CORRUPT_DOCX_MESSAGE });
      }
    });
    // Exiting without a reply (a crash): the file could not be read.
    worker.on("exit", () => finish({ ok: false, message: CORRUPT_DOCX_MESSAGE }));
  });
}

let workerUnavailable = false;

/** DOCX → HTML like docxToHtml (decode.ts), with mammoth in a worker thread under `limits`. */
export async function docxToHtmlOffThread(
  data: string | Uint8Array,
  limits: WorkerLimits = { heapMb: WORKER_HEAP_MB, timeoutMs: WORKER_TIMEOUT_MS },
): Promise<Decoded> {
  const prepared = await prepareDocx(data);
  if (!prepared.ok) return prepared;
  if (!workerUnavailable) {
    const converted = await oneAtATime(() => convertInWorker(prepared.zip, limits));
    if (converted !== "unavailable") return converted;
    workerUnavailable = true;
    console.warn("DOCX import: mammoth could not be loaded in a worker thread; DOCX files are now read on the main thread.");
  }
  return mammothHtml(prepared.zip);
}

const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Same contract as importReport (index.ts) — never throws, Chinese message on failure — but mammoth runs
 * in a worker thread and the event loop is let through between the stages, so one large import does not
 * stall other users' requests.
 */
export async function importReportOffThread(input: ImportInput): Promise<ImportResult> {
  try {
    // A PDF is read by pdfjs in a worker of its own (pdf-extract.ts).
    if (input.kind === "pdf") return await importPdf(input.data);
    let blocks: Block[];
    if (input.kind === "docx") {
      const html = await docxToHtmlOffThread(input.data);
      if (!html.ok) return html;
      await letOthersRun();
      blocks = htmlToBlocks(html.text);
    } else {
      const decoded = decodeText(input.data);
      if (!decoded.ok) return decoded;
      await letOthersRun();
      blocks = input.kind === "html" ? htmlToBlocks(decoded.text) : textToBlocks(decoded.text);
    }
    await letOthersRun();
    return readReport(blocks);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `读取文件时出错，未能导入：${reason}` };
  }
}
