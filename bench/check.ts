/**
 * How fast `npm run report -- check` reads and checks a folder of published reports (issue #15: 1,000
 * reports in at most 2 minutes, i.e. ≥ 500 reports/min).
 *
 * Writes 1,000 report files into a temporary folder with the app's own exporters — a third each HTML,
 * Markdown and DOCX, from the seed report with each agency's name and numbers changed — then runs the
 * command end to end as a user would (a child process: start-up, walking the folder, reading, checking,
 * printing JSON lines and writing the XLSX). In the same run it measures a floor: reading every file and
 * JSON.parse of each report's interchange text, the least any checker of these files pays. It also prints
 * the median time per file of each kind in this process (import + validate).
 *
 *   npm run bench:check [-- COUNT]
 *
 * The last line is the figure to watch: `check: N reports/min (goal 500 reports/min)`.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { computeTotals } from "@/lib/report";
import type { Report } from "@/lib/report";
import { checkReadFile, readPublishedFile } from "@/lib/report/batch-check";
import { exportDocx, exportHtml, exportMarkdown } from "@/lib/report/export";
import { parseInterchange, writeInterchange } from "@/lib/report/interchange";

const GOAL_PER_MIN = 500;
const COUNT = Number(process.argv[2]) || 1000;
const root = path.resolve(__dirname, "..");
const KINDS = ["html", "md", "docx"] as const;
type Kind = (typeof KINDS)[number];

function seedReport(): Report {
  const parsed = parseInterchange(fs.readFileSync(path.join(root, "lib/report/fixtures/seed-2020.json"), "utf8"));
  if (!parsed.ok) throw new Error("seed fixture is not a valid interchange file");
  return parsed.report;
}

/** The seed as another agency's report: its own name and a few different numbers (totals recomputed). */
function variant(seed: Report, i: number): Report {
  const report = structuredClone(seed);
  const name = i % 2 === 0 ? `烟台市蓬莱区第${i}街道办事处` : `烟台市蓬莱区第${i}局`;
  report.agency = { name, level: i % 2 === 0 ? "township" : "department" };
  report.title = `${name}${report.year}年政府信息公开工作年度报告`;
  const extra = i % 7;
  for (const key of ["newReceived", "granted"]) report.requests[key].naturalPerson = (report.requests[key].naturalPerson ?? 0) + extra;
  report.activeDisclosure.normativeDocuments.newlyMade = i % 11;
  return computeTotals(report);
}

async function writeFile(dir: string, report: Report, i: number, kind: Kind): Promise<number> {
  const body =
    kind === "docx"
      ? await exportDocx(report, { draft: false })
      : new TextEncoder().encode(kind === "html" ? exportHtml(report, { draft: false }) : exportMarkdown(report, { draft: false }));
  fs.writeFileSync(path.join(dir, `${String(i).padStart(4, "0")}-${report.agency.name}.${kind}`), body);
  return body.byteLength;
}

function run(args: string[]): Promise<{ code: number | null; ms: number; stderr: string }> {
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/tsx"),
      ["scripts/report.ts", ...args],
      { cwd: root, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, ms: performance.now() - start, stderr });
      },
    );
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-bench-check-"));
  const files = path.join(dir, "reports");
  fs.mkdirSync(files);
  try {
    const seed = seedReport();
    const generateStart = performance.now();
    const bytes: Record<Kind, number> = { html: 0, md: 0, docx: 0 };
    const counts: Record<Kind, number> = { html: 0, md: 0, docx: 0 };
    const interchange: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const report = variant(seed, i);
      const kind = KINDS[i % KINDS.length];
      bytes[kind] += await writeFile(files, report, i, kind);
      counts[kind]++;
      interchange.push(writeInterchange(report));
    }
    const generateMs = performance.now() - generateStart;
    const totalMb = (bytes.html + bytes.md + bytes.docx) / 1024 / 1024;
    console.log(
      `files: ${COUNT} (${counts.html} HTML, ${counts.md} Markdown, ${counts.docx} DOCX), ${totalMb.toFixed(1)} MB, written in ${seconds(generateMs)}`,
    );

    // Floor: read every file, and JSON.parse each report's interchange text.
    const floorStart = performance.now();
    let read = 0;
    for (const name of fs.readdirSync(files)) read += fs.readFileSync(path.join(files, name)).byteLength;
    for (const text of interchange) JSON.parse(text);
    const floorMs = performance.now() - floorStart;
    if (read === 0) throw new Error("no files read");
    console.log(`floor (read every file + JSON.parse of every report): ${floorMs.toFixed(0)} ms`);

    // Per kind, in this process: import + validate, median of 15 files each after a warm-up.
    const names = fs.readdirSync(files);
    const perKind: string[] = [];
    for (const kind of KINDS) {
      const sample = names.filter((n) => n.endsWith(`.${kind}`)).slice(0, 20);
      const times: number[] = [];
      for (const [n, name] of sample.entries()) {
        const data = new Uint8Array(fs.readFileSync(path.join(files, name)));
        const start = performance.now();
        const entry = checkReadFile(await readPublishedFile({ name, data }));
        if (n >= 5) times.push(performance.now() - start);
        if (!entry.ok) throw new Error(`${name}: ${entry.reason}`);
      }
      perKind.push(`${kind} ${median(times).toFixed(1)} ms`);
    }
    console.log(`per file in one process (import + validate, median): ${perKind.join(", ")}`);

    // The command end to end.
    const xlsx = path.join(dir, "check.xlsx");
    const result = await run(["check", files, "--json", "--xlsx", xlsx]);
    if (result.code !== 1 || !fs.existsSync(xlsx)) {
      throw new Error(`check exited ${result.code} (the seed's two errors should give 1):\n${result.stderr.slice(-2000)}`);
    }
    const perMin = Math.round((COUNT / result.ms) * 60_000);
    console.log(
      `check (npm run report -- check DIR --json --xlsx, end to end): ${seconds(result.ms)}, ${(result.ms / COUNT).toFixed(1)} ms per report, ${(result.ms / floorMs).toFixed(0)}× the floor`,
    );
    console.log(`check: ${perMin} reports/min (goal ${GOAL_PER_MIN} reports/min)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
