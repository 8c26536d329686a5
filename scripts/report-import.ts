/**
 * `npm run report -- import FILE`: reads a published report (text, HTML or DOCX), prints the
 * interchange JSON on stdout and, on stderr, what could not be read and what was changed (in Chinese).
 * Exit 0: read (even with places not read); 2: the file cannot be read or is not a report.
 */
import fs from "node:fs";
import { getEdition } from "@/lib/report";
import { writeInterchange } from "@/lib/report/interchange";
import { importReport, sniffKind } from "@/lib/report/import";

const USAGE = "用法：npm run report -- import FILE（.docx、.html/.htm 或 .txt 文件）";

export async function runImport(args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--");
  if (unknown.length > 0) {
    console.error(`不认识的选项 ${unknown.join(" ")}。\n${USAGE}`);
    return 2;
  }
  if (files.length !== 1) {
    console.error(`请给出一个要导入的文件。\n${USAGE}`);
    return 2;
  }
  const file = files[0];
  let data: Uint8Array;
  try {
    data = new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "文件不存在" : code === "EISDIR" ? "这是一个目录" : (e as Error).message;
    console.error(`无法读取文件 ${file}：${reason}。`);
    return 2;
  }
  const kind = sniffKind(data, file);
  const result = await importReport({ kind, data });
  if (!result.ok) {
    console.error(`${file}：${result.message}`);
    return 2;
  }
  const { report, unread, notes } = result;
  process.stdout.write(writeInterchange(report));
  console.error(
    `已读取 ${file}：${report.agency.name || "（未找到机关名称）"} ${report.year} 年度报告，${report.edition}年版（${getEdition(report.edition).name}）。`,
  );
  if (unread.length === 0) {
    console.error("未能读取的内容：无。");
  } else {
    console.error(`未能读取的内容（共 ${unread.length} 处）：`);
    for (const u of unread) console.error(`  - ${u.label}（${u.where}）：${u.reason}`);
  }
  if (notes.length > 0) {
    console.error("说明：");
    for (const n of notes) console.error(`  - ${n}`);
  }
  return 0;
}
