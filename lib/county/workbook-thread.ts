/**
 * The roll-up XLSX built in a worker thread (lib/county/workbook-worker.ts), so that reading the sums and
 * thousands of reports' figures and zipping a large sheet never hold up other requests: the worker has its
 * own connection to the same database and sends the workbook's bytes back as they are made, one chunk at a time (the next only
 * once this side has taken it, so a slow browser holds the worker, not memory).
 *
 * The worker's code is TypeScript loaded through tsx (as the server itself is run), outside the app's bundle:
 * loading it takes a second or more, so a worker is kept for the next workbook (WORKERS at most, each
 * building one workbook at a time; more downloads at once wait their turn) and ended after IDLE_MS unused.
 * When a worker cannot start or load its code, the workbook is written on this thread instead.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Writable } from "node:stream";
import { Worker } from "node:worker_threads";
import type { DatabaseLocation } from "@/db/client";
import type { OfficeRef } from "@/db/queries/offices";

/** The workbook of an office's roll-up of a year, from the database at `database`. */
export type WorkbookJob = { office: OfficeRef; year: number; database: DatabaseLocation };

/** From the worker: a piece of the workbook, its end, its failure, or that the worker cannot load its code. */
export type WorkerMessage =
  | { kind: "chunk"; chunk: Uint8Array }
  | { kind: "done" }
  | { kind: "failed"; reason: string }
  | { kind: "unavailable"; reason: string };

/** To the worker: a workbook to build, or that the last chunk was taken. */
export type ToWorker = { kind: "job"; job: WorkbookJob } | { kind: "ack" };

/** A worker's old-generation heap limit (MB): it holds a batch of reports and exceljs's current rows. */
const WORKER_HEAP_MB = 384;
/** A larger young generation than the default: a sheet of a million cells makes short-lived garbage fast. */
const WORKER_YOUNG_MB = 48;
/** Workbooks built at once (the machine has two cores; the server needs one). */
const WORKERS = 2;
/** How long an unused worker is kept for the next workbook. */
const IDLE_MS = 10 * 60_000;

const BOOTSTRAP = `
const { parentPort, workerData } = require("node:worker_threads");
import("tsx/esm/api")
  .then(({ tsImport }) => tsImport(workerData.entry, workerData.parent))
  .catch((error) => parentPort.postMessage({ kind: "unavailable", reason: String((error && error.stack) || error) }));
`;

let workerUnavailable = false;

type Pooled = { worker: Worker; idleTimer?: NodeJS.Timeout };
const idle: Pooled[] = [];
let busy = 0;
const waiting: (() => void)[] = [];

function startWorker(): Pooled {
  const entry = path.join(process.cwd(), "lib", "county", "workbook-worker.ts");
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { entry: pathToFileURL(entry).href, parent: pathToFileURL(path.join(process.cwd(), "/")).href },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  // An idle worker does not keep the process alive.
  worker.unref();
  return { worker };
}

/** A worker for one workbook (a kept one, else a new one), once fewer than WORKERS are busy. */
async function takeWorker(): Promise<Pooled> {
  while (busy >= WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  busy++;
  const kept = idle.pop();
  if (kept) {
    clearTimeout(kept.idleTimer);
    return kept;
  }
  try {
    return startWorker();
  } catch (error) {
    busy--;
    waiting.shift()?.();
    throw error;
  }
}

/** The workbook is done: the worker is kept for the next (`reusable`) or ended, and the next download goes. */
function releaseWorker(pooled: Pooled, reusable: boolean): void {
  busy--;
  pooled.worker.removeAllListeners("message").removeAllListeners("error").removeAllListeners("exit");
  if (reusable) {
    pooled.idleTimer = setTimeout(() => {
      idle.splice(idle.indexOf(pooled), 1);
      void pooled.worker.terminate();
    }, IDLE_MS).unref();
    // A kept worker that stops by itself (out of memory) is no longer kept.
    pooled.worker.once("exit", () => {
      clearTimeout(pooled.idleTimer);
      const at = idle.indexOf(pooled);
      if (at >= 0) idle.splice(at, 1);
    });
    idle.push(pooled);
  } else {
    void pooled.worker.terminate();
  }
  waiting.shift()?.();
}

/** How many workers are kept, unused, for the next workbook. */
export function keptWorkbookWorkers(): number {
  return idle.length;
}

/**
 * Write the workbook of `job` to `output` from a worker thread; `onThread` writes it here instead when no
 * worker can be used (before any byte was written). A failure after the first byte ends `output` with it.
 */
export function writeWorkbookInWorker(job: WorkbookJob, output: Writable, onThread: () => void): void {
  if (workerUnavailable) return onThread();
  takeWorker().then(
    (pooled) => run(pooled, job, output, onThread),
    () => {
      workerUnavailable = true;
      onThread();
    },
  );
}

function run(pooled: Pooled, job: WorkbookJob, output: Writable, onThread: () => void): void {
  const { worker } = pooled;
  const send = (message: ToWorker) => worker.postMessage(message);
  let started = false;
  let settled = false;
  const finish = (reusable: boolean, error?: Error) => {
    if (settled) return;
    settled = true;
    releaseWorker(pooled, reusable);
    if (error) output.destroy(error);
  };
  // The browser went away, or the download was ended: stop building (the worker is in the middle of a workbook).
  output.on("close", () => finish(false));
  worker.on("message", (message: WorkerMessage) => {
    if (message.kind === "chunk") {
      started = true;
      const ack = () => {
        if (!settled) send({ kind: "ack" });
      };
      if (output.write(message.chunk)) ack();
      else output.once("drain", ack);
    } else if (message.kind === "done") {
      finish(true);
      output.end();
    } else if (message.kind === "unavailable" && !started) {
      console.warn(`County XLSX: the worker thread could not load its code; workbooks are now built on the main thread. ${message.reason}`);
      workerUnavailable = true;
      finish(false);
      onThread();
    } else {
      finish(false, new Error(`the workbook could not be built: ${"reason" in message ? message.reason : "unknown"}`));
    }
  });
  worker.on("error", (error) => finish(false, error));
  worker.on("exit", () => finish(false, new Error("the workbook's worker thread stopped before the workbook was complete")));
  send({ kind: "job", job });
}
