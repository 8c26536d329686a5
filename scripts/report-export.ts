/**
 * `npm run report -- export FILE --format docx|html|md [--out PATH] [--draft]`
 *
 * Writes the finished report read from an interchange file. Without --out the file goes into the
 * current folder under its official name; --out may name a file, a folder (created when written with
 * a trailing slash), or "-" for standard output. --draft marks the export 「草稿」. Exit codes: 0 written; 1 could not write;
 * 2 unreadable or invalid input, or a usage mistake.
 */
import fs from "node:fs";
import path from "node:path";
import { parseInterchange } from "@/lib/report/interchange";
import { EXPORT_FORMATS, exportReport, isExportFormat } from "@/lib/report/export";
import type { ExportFormat } from "@/lib/report/export";

export const EXPORT_USAGE = "export FILE --format docx|html|md [--out PATH] [--draft]";

interface ExportArgs {
  file: string;
  format: ExportFormat;
  out?: string;
  draft: boolean;
}

function readArgs(args: string[]): ExportArgs | string {
  const files: string[] = [];
  let format: string | undefined;
  let out: string | undefined;
  let draft = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] = arg.startsWith("--") ? arg.slice(2).split(/=(.*)/s, 2) : [undefined, undefined];
    if (name === undefined || arg === "-") {
      files.push(arg);
    } else if (name === "format" || name === "out") {
      const value = inline ?? args[++i];
      if (value === undefined) return `选项 --${name} 需要一个值。`;
      if (name === "format") format = value;
      else out = value;
    } else if (name === "draft") {
      draft = true;
    } else {
      return `不认识的选项 --${name}。`;
    }
  }
  if (files.length !== 1) return "请给出一个要导出的交换文件。";
  if (format === undefined) return "请用 --format 指定导出格式：docx、html 或 md。";
  if (!isExportFormat(format)) return `不支持的导出格式「${format}」，可选：${EXPORT_FORMATS.join("、")}。`;
  return { file: files[0], format, out, draft };
}

function readSource(file: string): string | { error: string } {
  try {
    return fs.readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "文件不存在" : code === "EISDIR" ? "这是一个目录" : (e as Error).message;
    return { error: `无法读取文件 ${file}：${reason}。` };
  }
}

/**
 * Where to write: --out as given; into a folder (an existing one, or one named with a trailing slash,
 * created) under the official file name; without --out, the official name in the current folder.
 */
function target(out: string | undefined, name: string): string {
  if (out === undefined) return path.resolve(name);
  if (out === "-") return out;
  if (/[\\/]$/.test(out)) fs.mkdirSync(out, { recursive: true });
  const isDir = fs.existsSync(out) && fs.statSync(out).isDirectory();
  return isDir ? path.join(out, name) : out;
}

export async function runExport(args: string[]): Promise<number> {
  const parsed = readArgs(args);
  if (typeof parsed === "string") {
    console.error(`${parsed}\n用法：npm run report -- ${EXPORT_USAGE}`);
    return 2;
  }
  const source = readSource(parsed.file);
  if (typeof source !== "string") {
    console.error(source.error);
    return 2;
  }
  const result = parseInterchange(source);
  if (!result.ok) {
    console.error(`${parsed.file} 不是有效的年度报告交换文件（共 ${result.errors.length} 处问题）：`);
    for (const e of result.errors) console.error(`  - ${e.message}`);
    return 2;
  }
  const file = await exportReport(result.report, parsed.format, { draft: parsed.draft });
  let dest = parsed.out ?? file.fileName;
  try {
    dest = target(parsed.out, file.fileName);
    if (dest === "-") {
      process.stdout.write(file.body);
      return 0;
    }
    fs.writeFileSync(dest, file.body);
  } catch (e) {
    console.error(`无法写入 ${dest}：${(e as Error).message}`);
    return 1;
  }
  console.log(`已导出 ${parsed.format.toUpperCase()}${parsed.draft ? "（草稿）" : ""}：${dest}`);
  return 0;
}
