/**
 * The roll-up XLSX built in a worker thread (lib/county/workbook-worker.ts), so that reading thousands of
 * reports and zipping a large sheet never holds up other requests: the worker opens its own connection to
 * the same database and sends the workbook's bytes back as they are made, one chunk at a time (the next
 * only once this side has taken it, so a slow browser holds the worker, not memory).
 *
 * The worker's code is TypeScript loaded through tsx (as the server itself is run), outside the app's bundle.
 * When the worker cannot start or load it, the workbook is written on this thread instead.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Writable } from "node:stream";
import { Worker } from "node:worker_threads";
import type { DatabaseLocation } from "@/db/client";
import type { WorkbookPlanData } from "./workbook";

export type WorkbookJob = { plan: WorkbookPlanData; officeId: number; database: DatabaseLocation };

export type WorkerMessage =
  | { kind: "chunk"; chunk: Uint8Array }
  | { kind: "done" }
  | { kind: "failed"; reason: string }
  | { kind: "unavailable"; reason: string };

/** A worker's old-generation heap limit (MB): it holds a batch of reports and exceljs's current rows. */
const WORKER_HEAP_MB = 384;

const BOOTSTRAP = `
const { parentPort, workerData } = require("node:worker_threads");
import("tsx/esm/api")
  .then(({ tsImport }) => tsImport(workerData.entry, workerData.parent))
  .catch((error) => parentPort.postMessage({ kind: "unavailable", reason: String((error && error.stack) || error) }));
`;

let workerUnavailable = false;

/**
 * Write the workbook of `job` to `output` from a worker thread; `onThread` writes it here instead when the
 * worker cannot be used (before any byte was written). A failure after the first byte ends `output` with it.
 */
export function writeWorkbookInWorker(job: WorkbookJob, output: Writable, onThread: () => void): void {
  if (workerUnavailable) return onThread();
  const entry = path.join(process.cwd(), "lib", "county", "workbook-worker.ts");
  let worker: Worker;
  try {
    worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { entry: pathToFileURL(entry).href, parent: pathToFileURL(path.join(process.cwd(), "/")).href, job },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
  } catch {
    workerUnavailable = true;
    return onThread();
  }
  let started = false;
  let settled = false;
  const settle = (error?: Error) => {
    if (settled) return;
    settled = true;
    void worker.terminate();
    if (error) output.destroy(error);
  };
  // The browser went away: stop building.
  output.on("close", () => settle());
  worker.on("message", (message: WorkerMessage) => {
    if (message.kind === "chunk") {
      started = true;
      const ack = () => {
        if (!settled) worker.postMessage("ack");
      };
      if (output.write(message.chunk)) ack();
      else output.once("drain", ack);
    } else if (message.kind === "done") {
      settled = true;
      output.end();
      void worker.terminate();
    } else if (message.kind === "unavailable" && !started) {
      console.warn(`County XLSX: the worker thread could not load its code; workbooks are now built on the main thread. ${message.reason}`);
      workerUnavailable = true;
      settled = true;
      void worker.terminate();
      onThread();
    } else {
      settle(new Error(`the workbook could not be built: ${"reason" in message ? message.reason : "unknown"}`));
    }
  });
  worker.on("error", (error) => settle(error));
  worker.on("exit", () => settle(new Error("the workbook's worker thread stopped before the workbook was complete")));
}
