/**
 * Run by zip-limits.test.ts in a child process (node --import tsx), so that the memory an import takes
 * is measured alone: `zip-bomb-child.ts FILE in|off` imports FILE as a DOCX with importReport or
 * importReportOffThread and prints { ok, message, ms, rssBefore, maxRss } (bytes) as JSON.
 */
import fs from "node:fs";
import { importReport } from "./index";
import { importReportOffThread } from "./off-thread";

async function main() {
  const [file, mode] = process.argv.slice(2);
  const data = new Uint8Array(fs.readFileSync(file));
  const run = mode === "off" ? importReportOffThread : importReport;
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const result = await run({ kind: "docx", data });
  const ms = performance.now() - start;
  // maxRSS is the peak of the whole process (KB): an upper bound of the import's own peak.
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ ok: result.ok, message: result.ok ? "" : result.message, ms, rssBefore, maxRss }));
}

void main();
