/**
 * The overview pages at the size of a province (issue #19): a generated province of ~7,000 agencies with
 * five approved years each (scripts/generate-province.ts; cached under data/bench-cache, see
 * province-data.ts), served by the production server. Signed in as the province's, a city's and a county's
 * admin, the server time (to the last byte of the HTML) of 进度总览, the roll-up and 各机关对比 at each
 * level; the first full-province roll-up (cold); a county's XLSX; and a bare page (the sign-in page) as
 * the floor measured in the same run.
 *
 * Each page is requested once untimed (its first request, reported as 首次), then up to BENCH_REPEAT (20)
 * times, fewer when slow (about 25 s per page), at least 3; a request gives up after 60 s.
 * BENCH_PORT (3396), BENCH_CITIES / BENCH_COUNTIES / BENCH_AGENCIES for a smaller province.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startBenchServer } from "./server";
import { describe, measure, ms, signIn, timedGet, type Session, type Stats } from "./http";
import { prepareDatabase } from "./province-data";
import { DEFAULT_OPTIONS } from "../scripts/generate-province";

const PORT = Number(process.env.BENCH_PORT ?? 3396);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 25_000);
const GOAL_MS = 300;
const PROVINCE_ROLLUP_GOAL_MS = 2_000;

const PAGES = [
  { name: "进度总览", path: "/dashboard", expect: "进度总览" },
  { name: "汇总", path: "/county", expect: "汇总" },
  { name: "各机关对比", path: "/county/agencies", expect: "各机关对比" },
] as const;

function sizeOption(name: string): number | undefined {
  const value = process.env[name];
  return value ? Number(value) : undefined;
}

async function main() {
  const log = (line: string) => console.log(line);
  const started = performance.now();
  const size = {
    cities: sizeOption("BENCH_CITIES") ?? DEFAULT_OPTIONS.cities,
    counties: sizeOption("BENCH_COUNTIES") ?? DEFAULT_OPTIONS.counties,
    agencies: sizeOption("BENCH_AGENCIES") ?? DEFAULT_OPTIONS.agencies,
  };
  const data = prepareDatabase(`province-${size.cities}x${size.counties}x${size.agencies}`, size, log);
  const { generated } = data;
  const year = generated.years.at(-1)!;
  console.log(
    `数据：${generated.agencies} 个机关（政务公开办 ${generated.offices} 个）、${generated.users} 个用户、${generated.reports} 份已批准报告，` +
      `${(data.sizeBytes / 1024 / 1024).toFixed(0)} MB；${data.cached ? "复制缓存" : "生成"}用时 ${data.seconds.toFixed(1)} 秒`,
  );
  const logFile = path.join(os.tmpdir(), `nianbao-scale-server-${PORT}.log`);
  fs.rmSync(logFile, { force: true });
  const server = await startBenchServer(PORT, { databasePath: data.file, logFile });
  try {
    const base = server.baseUrl;
    const province = generated.admins.find((admin) => admin.tier === "province")!;
    const city = generated.admins.find((admin) => admin.tier === "city")!;
    const county = generated.admins.find((admin) => admin.tier === "county" && admin.username.startsWith(`${city.username}-`))!;
    const sessions: Record<"province" | "city" | "county", Session> = {
      province: await signIn(base, province.username, generated.password),
      city: await signIn(base, city.username, generated.password),
      county: await signIn(base, county.username, generated.password),
    };
    const levelNames = { province: `省级（${province.office}）`, city: `市级（${city.office}）`, county: `县级（${county.office}）` };

    // The floor: the bare sign-in page, no session, nothing read from the database.
    const floor = await measure(base, undefined, "/login", { repeat: REPEAT, budgetMs: BUDGET_MS, minimum: REPEAT });
    console.log(`空白参照页 /login：${describe(floor)}`);

    // The route's code loaded by a county admin's roll-up of the first year (a county is one of 128: the
    // province's sum of the measured year is still all to be done); then the province's roll-up, cold.
    await timedGet(base, sessions.county, `/county?year=${generated.years[0]}`);
    const cold = await timedGet(base, sessions.province, `/county?year=${year}`);
    if (cold.status !== 200) throw new Error(`全省汇总：HTTP ${cold.status}`);
    console.log(`全省汇总首次请求（${year} 年，冷启动）：${ms(cold.ms)}（目标 ≤ ${ms(PROVINCE_ROLLUP_GOAL_MS)}）`);

    const results: { level: keyof typeof sessions; page: string; stats: Stats }[] = [];
    for (const level of ["county", "city", "province"] as const) {
      for (const page of PAGES) {
        const stats = await measure(base, sessions[level], `${page.path}?year=${year}`, {
          repeat: REPEAT,
          budgetMs: BUDGET_MS,
          expect: page.expect,
        });
        results.push({ level, page: page.name, stats });
        console.log(`${levelNames[level]} ${page.name}：${describe(stats)}`);
      }
    }

    const xlsx = await measure(base, sessions.county, `/api/county/xlsx?year=${year}`, { repeat: 3, budgetMs: BUDGET_MS });
    console.log(`县级汇总 XLSX 下载（${county.office}）：${describe(xlsx)}`);

    const provincial = results.filter((result) => result.level === "province");
    const local = results.filter((result) => result.level !== "province");
    const worst = local.reduce((a, b) => (b.stats.p95 > a.stats.p95 ? b : a));
    const worstProvince = provincial.reduce((a, b) => (b.stats.p95 > a.stats.p95 ? b : a));
    console.log(
      `省级页面 p95：${provincial.map((result) => `${result.page} ${ms(result.stats.p95)}`).join("，")}；` +
        `最慢 ${worstProvince.page}，为空白参照页 p95 的 ${(worstProvince.stats.p95 / floor.p95).toFixed(1)} 倍`,
    );
    console.log(`全省汇总首次请求 ${ms(cold.ms)}（目标 ≤ ${ms(PROVINCE_ROLLUP_GOAL_MS)}）`);
    console.log(
      `市、县级最慢：${levelNames[worst.level]} ${worst.page} p95 ${ms(worst.stats.p95)}，` +
        `为空白参照页 p95（${ms(floor.p95)}）的 ${(worst.stats.p95 / floor.p95).toFixed(1)} 倍；全程 ${((performance.now() - started) / 1000).toFixed(0)} 秒`,
    );
    console.log(`scale: p95 ${Math.round(worst.stats.p95)} ms (goal ${GOAL_MS} ms)`);
  } catch (error) {
    console.error(`服务器日志：${logFile}`);
    throw error;
  } finally {
    server.stop();
    data.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
