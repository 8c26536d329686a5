/**
 * Generated databases for the benchmarks of big installations (scale.ts, overview.ts). A generated file is
 * kept under data/bench-cache, named by what it holds (the options, BENCH_DATA_VERSION and a hash of the
 * generator's source), so a repeated run skips the generation; each run serves a fresh copy of it (the
 * server writes sessions, audit events and cached roll-ups), so every run starts equally cold.
 * BENCH_FRESH=1 generates anew.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateProvince, DEFAULT_OPTIONS, type GeneratedProvince, type ProvinceOptions } from "../scripts/generate-province";

/** Raise to throw away every cached file (e.g. after changing what the benchmarks expect of the data). */
export const BENCH_DATA_VERSION = 1;

const CACHE_DIR = path.join(process.cwd(), "data", "bench-cache");

export type PreparedDatabase = {
  /** The copy to serve. */
  file: string;
  generated: GeneratedProvince;
  /** Whether the cached file was used (no generation in this run). */
  cached: boolean;
  /** Seconds spent generating (or copying the cached file). */
  seconds: number;
  sizeBytes: number;
  cleanup: () => void;
};

function cacheKey(options: ProvinceOptions): string {
  const generator = fs.readFileSync(path.join(process.cwd(), "scripts", "generate-province.ts"));
  return crypto
    .createHash("sha256")
    .update(JSON.stringify({ version: BENCH_DATA_VERSION, options }))
    .update(generator)
    .digest("hex")
    .slice(0, 12);
}

/** A generated database of `name` with the options, from the cache when there, as a fresh copy to serve. */
export function prepareDatabase(name: string, partial: Partial<ProvinceOptions>, log: (line: string) => void): PreparedDatabase {
  const options: ProvinceOptions = { ...DEFAULT_OPTIONS, ...partial };
  const key = cacheKey(options);
  const cachedFile = path.join(CACHE_DIR, `${name}-${key}.db`);
  const metaFile = `${cachedFile}.json`;
  const started = performance.now();
  let cached = !process.env.BENCH_FRESH && fs.existsSync(cachedFile) && fs.existsSync(metaFile);
  let generated: GeneratedProvince;
  if (cached) {
    generated = JSON.parse(fs.readFileSync(metaFile, "utf8")) as GeneratedProvince;
    log(`使用缓存的生成数据：${path.relative(process.cwd(), cachedFile)}（原生成用时 ${generated.seconds.toFixed(1)} 秒）`);
  } else {
    cached = false;
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // Older generations of the same name are of no more use.
    for (const old of fs.readdirSync(CACHE_DIR)) {
      if (old.startsWith(`${name}-`)) fs.rmSync(path.join(CACHE_DIR, old), { force: true });
    }
    log(`正在生成数据（${name}），写入 ${path.relative(process.cwd(), cachedFile)} …`);
    const partialFile = `${cachedFile}.partial`;
    generated = generateProvince(partialFile, options);
    fs.renameSync(partialFile, cachedFile);
    generated.file = cachedFile;
    fs.writeFileSync(metaFile, JSON.stringify(generated));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-scale-"));
  const file = path.join(dir, "nianbao.db");
  fs.copyFileSync(cachedFile, file);
  return {
    file,
    generated,
    cached,
    seconds: (performance.now() - started) / 1000,
    sizeBytes: fs.statSync(cachedFile).size,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
