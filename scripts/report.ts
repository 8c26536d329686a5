/**
 * Command line of the report engine (contract section 9):
 *
 *   npm run report -- validate FILE [--previous FILE] [--json]
 *   npm run report -- export FILE --format docx|html|md [--out PATH]
 *   npm run report -- import FILE
 *   npm run report -- check FILES_OR_DIRS… [--xlsx OUT.xlsx] [--json] [--previous-dir DIR]
 *
 * A thin shell over lib/report. Exit codes: 0 no errors; 1 errors found; 2 the file cannot be read or
 * is not a valid interchange file (and for usage mistakes). To add a command, add an entry to COMMANDS.
 */
import fs from "node:fs";
import { summarizeFindings, validate } from "@/lib/report";
import type { Finding, Report } from "@/lib/report";
import { parseInterchange } from "@/lib/report/interchange";
import type { InterchangeError } from "@/lib/report/interchange";

type ExitCode = 0 | 1 | 2;

interface Command {
  usage: string;
  summary: string;
  run(args: string[]): Promise<ExitCode> | ExitCode;
}

class UsageError extends Error {}

/** Splits `args` into positionals and `--name value` / `--flag` options. */
function parseArgs(args: string[], valued: string[], flags: string[]) {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  const set = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`选项 --${name} 需要一个值。`);
      options[name] = value;
    } else if (flags.includes(name)) {
      set.add(name);
    } else {
      throw new UsageError(`不认识的选项 --${name}。`);
    }
  }
  return { positional, options, flags: set };
}

type Loaded = { ok: true; report: Report } | { ok: false; errors: InterchangeError[] };

function load(file: string): Loaded {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "文件不存在" : code === "EISDIR" ? "这是一个目录" : String((e as Error).message);
    return {
      ok: false,
      errors: [{ path: "", expected: "可读取的文件", got: reason, message: `无法读取文件 ${file}：${reason}。` }],
    };
  }
  return parseInterchange(text);
}

function printInvalid(file: string, errors: InterchangeError[], json: boolean) {
  console.error(`${file} 不是有效的年度报告交换文件（共 ${errors.length} 处问题）：`);
  for (const e of errors) console.error(`  - ${e.message}`);
  if (json) console.log(JSON.stringify({ ok: false, findings: [], errors }, null, 2));
}

function printFindings(file: string, findings: Finding[]) {
  const summary = summarizeFindings(findings);
  console.log(`检查 ${file}`);
  for (const f of findings) {
    const ack = f.acknowledgement ? `（已确认：${f.acknowledgement.reason}）` : "";
    console.log(`${SEVERITY_WORD[f.severity]} ${f.rule}  ${f.cells.join(", ")}`);
    console.log(`  ${f.message}${ack}`);
  }
  if (findings.length === 0) console.log("未发现问题。");
  const infos = summary.infos > 0 ? `，${summary.infos} 个提示（仅供参考）` : "";
  console.log(`共 ${summary.errors} 个错误，${summary.warnings} 个提醒${infos}。`);
}

/** The words the findings panel uses: an error, a warning (提醒), an info finding (提示). */
const SEVERITY_WORD: Record<Finding["severity"], string> = { error: "错误", warning: "提醒", info: "提示" };

const COMMANDS: Record<string, Command> = {
  validate: {
    usage: "validate FILE [--previous FILE] [--json]",
    summary: "检查交换文件，列出错误和提醒",
    run(args) {
      const { positional, options, flags } = parseArgs(args, ["previous"], ["json"]);
      if (positional.length !== 1) throw new UsageError("请给出一个要检查的文件。");
      const json = flags.has("json");
      const file = positional[0];
      const loaded = load(file);
      if (!loaded.ok) {
        printInvalid(file, loaded.errors, json);
        return 2;
      }
      let previous: Report | undefined;
      if (options.previous !== undefined) {
        const prev = load(options.previous);
        if (!prev.ok) {
          printInvalid(options.previous, prev.errors, json);
          return 2;
        }
        previous = prev.report;
      }
      const findings = validate(loaded.report, { previous });
      const ok = !findings.some((f) => f.severity === "error");
      if (json) {
        const out = findings.map(({ rule, severity, cells, message }) => ({ rule, severity, cells, message }));
        console.log(JSON.stringify({ ok, findings: out }, null, 2));
      } else {
        printFindings(file, findings);
      }
      return ok ? 0 : 1;
    },
  },
  export: {
    usage: "export FILE --format docx|html|md [--out PATH]",
    summary: "导出成稿（docx、html 或 md）",
    run: async (args) => (await (await import("./report-export")).runExport(args)) as ExitCode,
  },
  import: {
    usage: "import FILE",
    summary: "读取已发布的报告（文本、HTML 或 DOCX），输出交换文件",
    run: async (args) => (await (await import("./report-import")).runImport(args)) as ExitCode,
  },
  check: {
    usage: "check FILES_OR_DIRS… [--xlsx OUT.xlsx] [--json] [--previous-dir DIR]",
    summary: "逐个读取并检查已发布的报告（文件或文件夹），每份报告一行；--xlsx 写出汇总表",
    run: async (args) => (await (await import("./report-check")).runCheck(args)) as ExitCode,
  },
};

function notYet(name: string): () => ExitCode {
  return () => {
    console.error(`命令 ${name} 暂不可用：该功能尚未实现。`);
    return 2;
  };
}

function usage(): string {
  const lines = ["用法：npm run report -- <命令>", "", "命令："];
  for (const c of Object.values(COMMANDS)) lines.push(`  ${c.usage}\n      ${c.summary}`);
  return lines.join("\n");
}

export async function main(argv: string[]): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`不认识的命令「${name}」。\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n用法：npm run report -- ${command.usage}`);
      return 2;
    }
    throw e;
  }
}

void main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error("内部错误：", e);
    process.exitCode = 2;
  },
);
