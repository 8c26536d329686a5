/**
 * `npm run report -- check FILES_OR_DIRS… [--xlsx OUT.xlsx] [--json] [--previous-dir DIR]`: reads and
 * checks every published report given (folders are walked for .docx .html .htm .txt .md .pdf files) and
 * prints one line per file: agency, year, edition, table cells read of cells printed, errors and
 * warnings by rule — or why the file could not be read; the run goes on. `--json` prints one JSON object
 * per file (JSON Lines) instead; `--xlsx` also writes the workbook (汇总 and 问题 sheets). Reports in
 * `--previous-dir` are read only to check each report against the same agency's report of the year before.
 * On a terminal, a progress line on stderr.
 *
 * Exit 0: every file read, no errors; 1: every file read, errors found; 2: a file could not be read (or a
 * usage mistake). The engine is lib/report/batch-check; this file is the file system around it.
 */
import fs from "node:fs";
import path from "node:path";
import { batchTotals, checkReadFile, readPublishedFile, reportIndex, rulesText, tooLargeReason } from "@/lib/report/batch-check";
import type { CheckEntry, ReadFile } from "@/lib/report/batch-check";
import { batchWorkbook } from "@/lib/report/batch-check/workbook";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/reports/import-source";

const USAGE = "用法：npm run report -- check 文件或文件夹… [--xlsx 输出.xlsx] [--json] [--previous-dir 上年报告文件夹]";

/** The kinds a folder is searched for: what the importer reads. */
export const CHECKED_FILES = /\.(docx|html?|txt|md|pdf)$/i;

/** A path to read, or one that could not be listed (with the reason). */
type Listed = { file: string } | { file: string; reason: string };

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "文件或文件夹不存在。";
  if (code === "EACCES" || code === "EPERM") return "没有读取权限。";
  if (code === "EISDIR") return "这是一个文件夹。";
  return `${(e as Error).message}。`;
}

/**
 * The files to check, in order: each named file as it is, each folder walked (sorted by name, hidden
 * files and Word's ~$ lock files left out) for the kinds in CHECKED_FILES.
 */
export function listFiles(paths: string[]): Listed[] {
  const out: Listed[] = [];
  const walk = (dir: string) => {
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      out.push({ file: dir, reason: `文件夹无法打开：${reasonOf(e)}` });
      return;
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of names) {
      if (d.name.startsWith(".") || d.name.startsWith("~$")) continue;
      const full = path.join(dir, d.name);
      if (d.isDirectory()) walk(full);
      else if (d.isFile() && CHECKED_FILES.test(d.name)) out.push({ file: full });
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      out.push({ file: p, reason: reasonOf(e) });
      continue;
    }
    if (stat.isDirectory()) walk(p);
    else out.push({ file: p });
  }
  return out;
}

/** Stage 1 for one listed path: its bytes, read only now (a thousand files are never held at once). */
async function readListed(listed: Listed): Promise<ReadFile> {
  if ("reason" in listed) return { file: listed.file, ok: false, reason: listed.reason };
  let data: Uint8Array;
  try {
    // A file over the limit is not even read.
    const size = fs.statSync(listed.file).size;
    if (size > MAX_IMPORT_FILE_BYTES) return { file: listed.file, ok: false, reason: tooLargeReason(size, MAX_IMPORT_FILE_BYTES) };
    data = new Uint8Array(fs.readFileSync(listed.file));
  } catch (e) {
    return { file: listed.file, ok: false, reason: reasonOf(e) };
  }
  return readPublishedFile({ name: listed.file, data }, { maxBytes: MAX_IMPORT_FILE_BYTES });
}

/** A single updating line on stderr, on a terminal only, at most ten times a second. */
function progress(enabled: boolean) {
  let last = 0;
  return {
    update(done: number, total: number, file: string) {
      if (!enabled) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = Math.max(20, (process.stderr.columns || 80) - 20);
      const name = file.length > width ? `…${file.slice(-(width - 1))}` : file;
      process.stderr.write(`\r\x1b[K读取 ${done}/${total}  ${name}`);
    },
    clear() {
      if (enabled) process.stderr.write("\r\x1b[K");
    },
  };
}

/** The line of one file. */
export function entryLine(e: CheckEntry): string {
  if (!e.ok) return `${e.file}  无法读取：${e.reason}`;
  const parts = [
    e.file,
    e.agency || "（未找到机关名称）",
    `${e.year}年度`,
    `${e.edition}年版`,
    `读取单元格 ${e.cells.read}/${e.cells.printed}`,
    `错误 ${e.errors}`,
    `提醒 ${e.warnings}`,
  ];
  if (e.infos > 0) parts.push(`提示 ${e.infos}`);
  const rules = rulesText(e);
  if (rules) parts.push(rules);
  if (e.previousFile) parts.push(`对照上年：${e.previousFile}`);
  return parts.join("  ");
}

function parse(args: string[]): { paths: string[]; xlsx?: string; json: boolean; previousDir?: string } | string {
  const paths: string[] = [];
  let xlsx: string | undefined;
  let previousDir: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].startsWith("--") ? args[i].slice(2).split(/=(.*)/s, 2) : [undefined, undefined];
    if (name === undefined) paths.push(args[i]);
    else if (name === "json") json = true;
    else if (name === "xlsx" || name === "previous-dir") {
      const value = inline ?? args[++i];
      if (value === undefined || value === "") return `选项 --${name} 需要一个值。`;
      if (name === "xlsx") xlsx = value;
      else previousDir = value;
    } else if (name !== "") return `不认识的选项 --${name}。`;
  }
  if (paths.length === 0) return "请给出要检查的文件或文件夹。";
  return { paths, xlsx, json, previousDir };
}

export async function runCheck(args: string[]): Promise<number> {
  const options = parse(args);
  if (typeof options === "string") {
    console.error(`${options}\n${USAGE}`);
    return 2;
  }
  const listed = listFiles(options.paths);
  const previousListed = options.previousDir ? listFiles([options.previousDir]) : [];
  if (listed.length === 0) {
    console.error("给出的文件夹中没有可检查的报告文件（.docx、.html、.htm、.txt、.md、.pdf）。");
    return 2;
  }
  const bar = progress(process.stderr.isTTY === true);
  const total = listed.length + previousListed.length;
  const read: ReadFile[] = [];
  for (const item of [...listed, ...previousListed]) {
    read.push(await readListed(item));
    bar.update(read.length, total, item.file);
  }
  bar.clear();

  const find = reportIndex(read);
  const entries = read
    .slice(0, listed.length)
    .map((r) => checkReadFile(r, r.ok ? find(r.report.agency.name, r.report.year - 1) : undefined));
  for (const e of entries) console.log(options.json ? JSON.stringify(e) : entryLine(e));

  const totals = batchTotals(entries);
  const infos = totals.infos > 0 ? `，提示 ${totals.infos} 个` : "";
  const summary = `共 ${totals.files} 个文件：已检查 ${totals.checked} 个，无法读取 ${totals.unreadable} 个；错误 ${totals.errors} 个，提醒 ${totals.warnings} 个${infos}。`;
  if (options.json) console.error(summary);
  else console.log(summary);
  const unreadPrevious = read.slice(listed.length).filter((r) => !r.ok).length;
  if (unreadPrevious > 0) console.error(`上年报告文件夹中有 ${unreadPrevious} 个文件无法读取，未用于对照。`);

  if (options.xlsx) {
    try {
      fs.writeFileSync(options.xlsx, await batchWorkbook(entries));
      console.error(`已写入 ${options.xlsx}`);
    } catch (e) {
      console.error(`无法写入 ${options.xlsx}：${reasonOf(e)}`);
      return 2;
    }
  }
  return totals.unreadable > 0 ? 2 : totals.errors > 0 ? 1 : 0;
}
