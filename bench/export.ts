/**
 * Export benchmark: DOCX export time per report (median of 30 after a warm-up), a batch of 300
 * reports (a county's departments and townships, both editions), and HTML / Markdown for comparison.
 *
 *   npm run bench:export
 *
 * The last line is the figure to watch: `export: N ms per report (goal ≤ 200 ms)`.
 */
import fs from "node:fs";
import path from "node:path";
import { computeTotals, emptyReport, layoutOf } from "@/lib/report";
import { parseInterchange } from "@/lib/report/interchange";
import type { EditionId, Report } from "@/lib/report";
import { exportDocx, exportHtml, exportMarkdown } from "@/lib/report/export";

const GOAL_MS = 200;
const RUNS = 30;
const BATCH = 300;

function seedReport(): Report {
  const text = fs.readFileSync(path.join(process.cwd(), "lib/report/fixtures/seed-2020.json"), "utf8");
  const parsed = parseInterchange(text);
  if (!parsed.ok) throw new Error("seed fixture is not a valid interchange file");
  return parsed.report;
}

/** A filled report of an edition: numbers in every cell, five overview sections of a few paragraphs. */
function filledReport(edition: EditionId, i: number, seed: Report): Report {
  const report = emptyReport(edition, edition === "2019" ? 2020 : 2023, { name: `测试县第${i}局`, level: "department" });
  const layout = layoutOf(edition);
  let n = i;
  for (const row of layout.adRows) for (const c of row.columns) report.activeDisclosure[row.key][c.key] = n++ % 97;
  for (const key of layout.requestRowKeys) for (const c of layout.applicantColumnKeys) report.requests[key][c] = n++ % 13;
  for (const g of layout.reviewGroups) for (const c of layout.reviewPartKeys) report.reviewLitigation[g.key][c] = n++ % 5;
  report.intro = seed.intro;
  report.overview = seed.overview;
  report.problems = seed.problems;
  report.otherMatters = seed.otherMatters;
  report.date = "2024-01-20";
  return computeTotals(report);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function main() {
  const seed = seedReport();
  for (let i = 0; i < 5; i++) await exportDocx(seed, { draft: i % 2 === 0 });

  const docx: number[] = [];
  const html: number[] = [];
  const md: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    docx.push(
      await time(async () => {
        bytes = (await exportDocx(seed, { draft: false })).byteLength;
      }),
    );
    html.push(await time(() => exportHtml(seed, { draft: false })));
    md.push(await time(() => exportMarkdown(seed, { draft: false })));
  }
  const docxMedian = median(docx);
  console.log(`seed report, ${RUNS} runs (median / max):`);
  console.log(`  DOCX      ${docxMedian.toFixed(1)} ms / ${Math.max(...docx).toFixed(1)} ms  (${(bytes / 1024).toFixed(1)} KiB)`);
  console.log(`  HTML      ${median(html).toFixed(2)} ms / ${Math.max(...html).toFixed(2)} ms`);
  console.log(`  Markdown  ${median(md).toFixed(2)} ms / ${Math.max(...md).toFixed(2)} ms`);

  const reports = Array.from({ length: BATCH }, (_, i) => filledReport(i % 3 === 0 ? "2019" : "2021", i, seed));
  const memBefore = process.memoryUsage().heapUsed;
  const batch = await time(async () => {
    for (const report of reports) await exportDocx(report, { draft: report.year > 2020 });
  });
  const memAfter = process.memoryUsage().heapUsed;
  console.log(`batch of ${BATCH} reports (both editions), DOCX one after another:`);
  console.log(`  total     ${(batch / 1000).toFixed(2)} s`);
  console.log(`  mean      ${(batch / BATCH).toFixed(1)} ms per report`);
  console.log(`  heap      ${((memAfter - memBefore) / 1024 / 1024).toFixed(1)} MiB more after the batch`);
  console.log(`export: ${docxMedian.toFixed(1)} ms per report (goal ≤ ${GOAL_MS} ms)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
