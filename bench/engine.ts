/**
 * How fast the report engine checks a full report, compared with JSON.parse of the same report's text.
 *
 * The unit measured ("engine") is what the form runs on every keystroke in the browser: computeTotals
 * plus validate (every rule) on the in-memory report. It is compared with JSON.parse of the report's
 * interchange text (the fixture with every row present and filled, narrative included), a cost every
 * client pays anyway. For reference it also prints the file path of the CLI: parseInterchange (zod) +
 * validate.
 *
 * The functions are timed in interleaved batches, so a busy machine slows them alike; each figure is the
 * median per-call time, and the ratio is the median of the per-round ratios. Goal: engine ≤ 5 × JSON.parse.
 *
 *   npm run bench:engine
 */
import fs from "node:fs";
import path from "node:path";
import { computeTotals, validate } from "@/lib/report";
import { parseInterchange, writeInterchange } from "@/lib/report/interchange";
import type { Report } from "@/lib/report";

function fullReport(): Report {
  const text = fs.readFileSync(path.join(__dirname, "../lib/report/fixtures/seed-2020.json"), "utf8");
  const parsed = parseInterchange(text);
  if (!parsed.ok) throw new Error("fixture unreadable");
  const r = parsed.report;
  // Every table 二 row present (the seed omits 规章) with numbers in every cell.
  r.activeDisclosure.regulations = { newlyMade: 0, newlyPublished: 0, totalPublished: 0 };
  let n = 1;
  for (const row of Object.values(r.activeDisclosure)) for (const k in row) row[k] = n++ % 17;
  for (const row of Object.values(r.activeDisclosure)) {
    if ("totalPublished" in row) row.totalPublished = (row.newlyPublished ?? 0) + 40;
  }
  r.activeDisclosure.procurement.amount = 251.37;
  // Table 三: numbers in every handling row, balanced; table 四 filled.
  for (const [i, key] of Object.keys(r.requests).entries()) {
    for (const col of Object.keys(r.requests[key])) r.requests[key][col] = (i * 3 + col.length) % 5;
  }
  const filled = computeTotals(r);
  for (const col of Object.keys(filled.requests.newReceived)) {
    const handled = filled.requests.totalHandled[col] ?? 0;
    const forward = filled.requests.carriedForward[col] ?? 0;
    const over = filled.requests.carriedOver[col] ?? 0;
    filled.requests.newReceived[col] = Math.max(0, handled + forward - over);
    filled.requests.carriedOver[col] = handled + forward - (filled.requests.newReceived[col] ?? 0);
  }
  for (const row of Object.values(filled.reviewLitigation)) {
    row.upheld = 1;
    row.corrected = 2;
    row.other = 0;
    row.pending = 1;
  }
  return computeTotals(filled);
}

/** Per-call time in microseconds of `fn`, over one batch of `calls` calls. */
function batch(fn: () => unknown, calls: number): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) fn();
  return ((performance.now() - start) * 1000) / calls;
}

const middle = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Times `fns` in interleaved batches (one batch of each in turn), so that a busy machine slows them
 * alike; returns the median per-call time of each and the median of the per-round ratios to the first.
 */
function compare(fns: (() => unknown)[], rounds: number, calls: number) {
  for (const fn of fns) batch(fn, calls * 20); // warm up
  const times: number[][] = fns.map(() => []);
  const ratios: number[][] = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const round = fns.map((fn) => batch(fn, calls));
    round.forEach((t, i) => {
      times[i].push(t);
      ratios[i].push(t / round[0]);
    });
  }
  return fns.map((_, i) => ({ time: middle(times[i]), ratio: middle(ratios[i]) }));
}

const report = fullReport();
const text = writeInterchange(report);
const findings = validate(report);
if (findings.some((f) => f.severity === "error")) {
  throw new Error(`the bench report should be free of errors: ${findings.map((f) => f.id).join(", ")}`);
}

const [jsonParse, validateOnly, engine, fromFile] = compare(
  [
    () => JSON.parse(text),
    () => validate(report),
    () => validate(computeTotals(report)),
    () => {
      const parsed = parseInterchange(text);
      return parsed.ok && validate(parsed.report);
    },
  ],
  300,
  30,
);

const us = (n: number) => `${n.toFixed(1)} µs`;
console.log(`report: ${(text.length / 1024).toFixed(1)} KiB of JSON, ${findings.length} findings (warnings only)`);
const line = (name: string, m: { time: number; ratio: number }) =>
  console.log(`${name.padEnd(34)}${us(m.time).padStart(10)}  (${m.ratio.toFixed(2)} × JSON.parse)`);
line("JSON.parse", jsonParse);
line("validate", validateOnly);
line("computeTotals + validate (engine)", engine);
line("parseInterchange + validate (CLI)", fromFile);
console.log(`engine: ${engine.ratio.toFixed(2)} × JSON.parse (goal ≤ 5×)`);
