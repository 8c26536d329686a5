/**
 * A worker thread's side of lib/county/workbook-thread.ts: open a connection of its own to the app's
 * database, read the summed reports a batch at a time and write the workbook, posting each chunk of
 * bytes to the main thread and waiting for it to be taken before making more.
 */
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { parentPort, workerData } from "node:worker_threads";
import { closeDb, openDatabaseAt } from "@/db/client";
import type { WorkbookJob, WorkerMessage } from "./workbook-thread";
import { reportReader, writeWorkbook } from "./workbook";

/** The size of the pieces of the workbook sent to the main thread. */
const FLUSH_BYTES = 64 * 1024;

async function main(port: NonNullable<typeof parentPort>, job: WorkbookJob): Promise<void> {
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  let taken: (() => void) | undefined;
  port.on("message", (message) => {
    if (message !== "ack") return;
    const next = taken;
    taken = undefined;
    next?.();
  });
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
    taken = () => callback();
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
  const db = openDatabaseAt(job.database, { max: 1 });
  try {
    await writeWorkbook({ ...job.plan, readReports: reportReader(db, job.officeId, job.plan.year) }, output);
    await finished(output);
    post({ kind: "done" });
  } finally {
    await closeDb(db);
  }
}

if (parentPort) {
  const port = parentPort;
  main(port, (workerData as { job: WorkbookJob }).job).catch((error: unknown) => {
    port.postMessage({ kind: "failed", reason: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
  });
}
