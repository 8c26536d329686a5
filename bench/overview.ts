/**
 * One county holding BENCH_AGENCIES (7,000) agencies, each with five approved years (issue #19; generated
 * by scripts/generate-province.ts --county-only, cached under data/bench-cache, see province-data.ts),
 * served by the production server. As the county's admin: the server time (to the last byte) of 进度总览
 * and 全县汇总, and of the year's XLSX download. As a clerk: a report page idle, and again while XLSX
 * downloads are built one after another (does building a workbook hold up everybody else?).
 *
 * Each page is requested once untimed (reported as 首次), then up to BENCH_REPEAT (20) times, fewer when
 * slow (about 25 s per page), at least 3; a request gives up after 60 s. BENCH_PORT (3397).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startBenchServer } from "./server";
import { describe, measure, ms, signIn, timedGet, type Session } from "./http";
import { prepareDatabase } from "./province-data";

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 7000);
const PORT = Number(process.env.BENCH_PORT ?? 3397);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 25_000);
const GOAL_MS = 300;
const XLSX_GOAL_MS = 3_000;
const BUSY_RATIO_GOAL = 2;

async function main() {
  const started = performance.now();
  const data = prepareDatabase(`county-${AGENCIES}`, { countyOnly: AGENCIES }, (line) => console.log(line));
  const { generated } = data;
  const year = generated.years.at(-1)!;
  console.log(
    `数据：一个县 ${generated.agencies} 个机关、${generated.users} 个用户、${generated.reports} 份已批准报告，` +
      `${(data.sizeBytes / 1024 / 1024).toFixed(0)} MB；${data.cached ? "复制缓存" : "生成"}用时 ${data.seconds.toFixed(1)} 秒`,
  );
  const logFile = path.join(os.tmpdir(), `nianbao-overview-server-${PORT}.log`);
  fs.rmSync(logFile, { force: true });
  const server = await startBenchServer(PORT, { databasePath: data.file, logFile });
  try {
    const base = server.baseUrl;
    const admin = await signIn(base, generated.admins[0].username, generated.password);
    const clerk = await signIn(base, generated.sampleClerk.username, generated.password);
    const reportPath = `/reports/${generated.sampleClerk.reportIds.at(-1)}`;

    const dashboard = await measure(base, admin, `/dashboard?year=${year}`, { repeat: REPEAT, budgetMs: BUDGET_MS, expect: "进度总览" });
    console.log(`进度总览（${year} 年）：${describe(dashboard)}`);
    const rollup = await measure(base, admin, `/county?year=${year}`, { repeat: REPEAT, budgetMs: BUDGET_MS, expect: "汇总" });
    console.log(`全县汇总（${year} 年）：${describe(rollup)}`);
    const xlsxPath = `/api/county/xlsx?year=${year}`;
    const xlsx = await measure(base, admin, xlsxPath, { repeat: 3, budgetMs: BUDGET_MS, minimum: 1 });
    console.log(`汇总 XLSX 下载（${year} 年）：${describe(xlsx)}`);

    const idle = await measure(base, clerk, reportPath, { repeat: REPEAT, budgetMs: BUDGET_MS, minimum: 10, expect: "政府信息公开" });
    console.log(`报告页 ${reportPath}（经办人，空闲时）：${describe(idle)}`);
    const busy = await whileBuildingXlsx(base, admin, xlsxPath, () =>
      measure(base, clerk, reportPath, { repeat: REPEAT, budgetMs: BUDGET_MS, minimum: 5, firstIsRepeat: true, expect: "政府信息公开" }),
    );
    console.log(`报告页（同时不断下载 XLSX，其间完成 ${busy.downloads} 次）：${describe(busy.result)}`);

    const ratio = busy.result.p95 / idle.p95;
    const worst = Math.max(dashboard.p95, rollup.p95);
    console.log(`XLSX 下载用时 ${ms(xlsx.p50)}（最长 ${ms(xlsx.max)}；目标 ≤ ${ms(XLSX_GOAL_MS)}）`);
    console.log(`构建 XLSX 时报告页 p95 为空闲时的 ${ratio.toFixed(1)} 倍（${ms(busy.result.p95)} / ${ms(idle.p95)}；目标 ≤ ${BUSY_RATIO_GOAL} 倍）`);
    console.log(`全程 ${((performance.now() - started) / 1000).toFixed(0)} 秒`);
    console.log(`overview: p95 ${Math.round(worst)} ms at ${generated.agencies} agencies (goal ${GOAL_MS} ms)`);
  } catch (error) {
    console.error(`服务器日志：${logFile}`);
    throw error;
  } finally {
    server.stop();
    data.cleanup();
  }
}

/** Run `work` while XLSX downloads are requested one after another (the next as soon as one is done). */
async function whileBuildingXlsx<T>(base: string, admin: Session, xlsxPath: string, work: () => Promise<T>): Promise<{ result: T; downloads: number }> {
  let running = true;
  let downloads = 0;
  const loop = (async () => {
    while (running) {
      const timing = await timedGet(base, admin, xlsxPath).catch(() => undefined);
      if (timing?.status === 200) downloads++;
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  // Let the first workbook get under way.
  await new Promise((resolve) => setTimeout(resolve, 200));
  try {
    return { result: await work(), downloads };
  } finally {
    running = false;
    await loop;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
