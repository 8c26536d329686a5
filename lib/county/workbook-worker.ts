/**
 * A worker thread's side of lib/county/workbook-thread.ts: build each workbook it is given, one at a time,
 * planning it from the stored sums and reading the summed reports' figures a batch at a time on a connection of its own to the app's database (kept for the
 * next workbook), posting each chunk of bytes to the main thread and waiting for it to be taken before making
 * more.
 */
import os from "node:os";
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { parentPort } from "node:worker_threads";
import { openDatabaseAt, type Db } from "@/db/client";
import type { ToWorker, WorkbookJob, WorkerMessage } from "./workbook-thread";
import { buildWorkbook } from "./workbook";

/** The size of the pieces of the workbook sent to the main thread. */
const FLUSH_BYTES = 64 * 1024;

/** The connection of this worker, by the database it is to. */
const connections = new Map<string, Db>();

async function build(port: NonNullable<typeof parentPort>, job: WorkbookJob, acks: { taken?: () => void }): Promise<void> {
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  // Bytes are gathered into pieces of FLUSH_BYTES (exceljs writes many small chunks) and each piece waits
  // until the main thread has taken the one before: at most two pieces are ever held.
  let gathered: Buffer[] = [];
  let gatheredBytes = 0;
  const send = (callback: (error?: Error | null) => void) => {
    const bytes = new Uint8Array(gatheredBytes);
    let at = 0;
    for (const piece of gathered) {
      bytes.set(piece, at);
      at += piece.byteLength;
    }
    gathered = [];
    gatheredBytes = 0;
    acks.taken = () => callback();
    post({ kind: "chunk", chunk: bytes }, [bytes.buffer]);
  };
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      // A copy: the writer may reuse its buffer once told the chunk is written.
      gathered.push(Buffer.from(chunk));
      gatheredBytes += chunk.byteLength;
      if (gatheredBytes >= FLUSH_BYTES) send(callback);
      else callback();
    },
    final(callback) {
      if (gatheredBytes > 0) send(callback);
      else callback();
    },
  });
  const key = JSON.stringify(job.database);
  let db = connections.get(key);
  if (!db) {
    db = openDatabaseAt(job.database, { max: 1 });
    connections.set(key, db);
  }
  await buildWorkbook(db, job.office, job.year, output);
  await finished(output);
  post({ kind: "done" });
}

/**
 * The worker's scheduling priority (nice): below the server's, so that on a busy machine the pages being
 * served go first and the workbook takes what is left. (On Linux a thread's priority is its own.)
 */
const WORKER_NICE = 5;

if (parentPort) {
  try {
    os.setPriority(WORKER_NICE);
  } catch {
    // Not allowed here: the workbook is built at the server's priority.
  }
  const port = parentPort;
  const acks: { taken?: () => void } = {};
  port.on("message", (message: ToWorker) => {
    if (message.kind === "ack") {
      const next = acks.taken;
      acks.taken = undefined;
      next?.();
      return;
    }
    build(port, message.job, acks).catch((error: unknown) => {
      port.postMessage({ kind: "failed", reason: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
    });
  });
}
