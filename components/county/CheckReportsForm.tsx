"use client";

import { useRef, useState, type InputHTMLAttributes } from "react";
import type { CheckEntry, CheckedFinding, CheckedReport } from "@/lib/report/batch-check";
import {
  CHECK_FILE_ACCEPT,
  CHECK_FILE_TYPES,
  checkBatchProblem,
  checkFileProblem,
  MAX_CHECK_FILE_BYTES,
} from "@/lib/county/check-source";
import { DataTable, cellClass } from "@/components/ui/DataTable";
import { withoutImages } from "@/components/import/shrink-docx";

type Row = { name: string; state: "waiting" | "checking" | "done"; entry?: CheckEntry };

const button = "rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700 disabled:opacity-50";
const secondary = "rounded border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50 disabled:opacity-50";

/** The error of a failed request, in the server's words when it gave some. */
async function errorOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: string };
    if (body.error) return body.error;
  } catch {
    // not JSON
  }
  return `服务器未能处理（${response.status}）。`;
}

/** The name a file is shown by: its path inside a chosen folder, else its name. */
const nameOf = (file: File) => file.webkitRelativePath || file.name;

/** A .docx over the limit is sent without its pictures, as the import form does (the checker reads no images). */
async function shrunk(file: File): Promise<File> {
  if (file.size <= MAX_CHECK_FILE_BYTES || !/\.docx$/i.test(file.name)) return file;
  try {
    return await withoutImages(file);
  } catch {
    return file;
  }
}

// A folder picker: the browser's non-standard attribute, set as the DOM property takes it.
const folderProps = { webkitdirectory: "", directory: "" } as InputHTMLAttributes<HTMLInputElement>;

/**
 * 检查已发布的报告: the admin chooses files (or a folder); the browser announces the batch, then sends the
 * files one at a time and shows each line as it comes back; at the end the table can be downloaded as XLSX.
 */
export function CheckReportsForm() {
  const [files, setFiles] = useState<File[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  function choose(list: FileList | null, fromFolder: boolean) {
    const chosen = Array.from(list ?? []).filter(
      // A folder brings everything in it: only report files, no hidden files or Word's ~$ lock files.
      (f) => !fromFolder || (CHECK_FILE_TYPES.test(f.name) && !/^(\.|~\$)/.test(f.name)),
    );
    // One choice at a time: the other picker is emptied.
    const other = fromFolder ? filesInput.current : folderInput.current;
    if (other) other.value = "";
    setFiles(chosen);
    setRows([]);
    setError(chosen.length === 0 && fromFolder ? "所选文件夹中没有可检查的报告文件。" : null);
  }

  function update(index: number, row: Row) {
    setRows((current) => current.map((r, i) => (i === index ? row : r)));
  }

  async function run() {
    setError(null);
    const prepared = await Promise.all(files.map(shrunk));
    const announced = prepared.map((f) => ({ name: nameOf(f), size: f.size }));
    const problem = checkBatchProblem(announced);
    if (problem) {
      setError(problem);
      return;
    }
    setRunning(true);
    try {
      const started = await fetch("/api/county/check", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ files: announced }),
      });
      if (!started.ok) {
        setError(await errorOf(started));
        return;
      }
      const { token } = (await started.json()) as { token: string; files: number };
      const initial: Row[] = announced.map((f) => {
        const reason = checkFileProblem(f);
        return reason ? { name: f.name, state: "done", entry: { file: f.name, ok: false, reason } } : { name: f.name, state: "waiting" };
      });
      setRows(initial);
      for (const [index, file] of prepared.entries()) {
        if (initial[index].state === "done") continue;
        const name = announced[index].name;
        update(index, { name, state: "checking" });
        let entry: CheckEntry;
        try {
          const response = await fetch(`/api/county/check/file?name=${encodeURIComponent(name)}`, {
            method: "POST",
            headers: { "Content-Type": "application/octet-stream", "x-check-batch": token },
            body: file,
          });
          if (response.status === 401 || response.status === 403 || response.status === 400) {
            // The session ended, the permission went, or the batch expired: the rest cannot be sent.
            setError(`检查已停止：${await errorOf(response)}`);
            setRows((current) => current.map((r) => (r.state === "done" ? r : { name: r.name, state: "done", entry: { file: r.name, ok: false, reason: "未检查（检查已停止）。" } })));
            return;
          }
          entry = response.ok ? ((await response.json()) as CheckEntry) : { file: name, ok: false, reason: `上传或检查失败：${await errorOf(response)}` };
        } catch {
          entry = { file: name, ok: false, reason: "上传失败：网络连接中断。" };
        }
        update(index, { name, state: "done", entry });
      }
    } finally {
      setRunning(false);
    }
  }

  async function download(entries: CheckEntry[]) {
    setDownloading(true);
    setError(null);
    try {
      const response = await fetch("/api/county/check/xlsx", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ entries }),
      });
      if (!response.ok) {
        setError(await errorOf(response));
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = "已发布报告检查结果.xlsx";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setError("下载失败：网络连接中断。");
    } finally {
      setDownloading(false);
    }
  }

  function restart() {
    setFiles([]);
    setRows([]);
    setError(null);
    if (filesInput.current) filesInput.current.value = "";
    if (folderInput.current) folderInput.current.value = "";
  }

  const done = rows.filter((r) => r.state === "done").length;
  const entries = rows.flatMap((r) => (r.entry ? [r.entry] : []));
  const finished = rows.length > 0 && done === rows.length && !running;
  const checked = entries.filter((e): e is CheckedReport => e.ok);
  const current = rows.find((r) => r.state === "checking");

  return (
    <div className="space-y-4">
      <div className="space-y-3 rounded border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
          <div>
            <label htmlFor="check-files" className="mb-1 block text-slate-700">
              选择报告文件（可多选）
            </label>
            <input
              ref={filesInput}
              id="check-files"
              type="file"
              multiple
              accept={CHECK_FILE_ACCEPT}
              disabled={running}
              onChange={(e) => choose(e.target.files, false)}
              className="block text-slate-700 file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-slate-700 hover:file:bg-slate-50"
            />
          </div>
          <div>
            <label htmlFor="check-folder" className="mb-1 block text-slate-700">
              或选择一个文件夹
            </label>
            <input
              ref={folderInput}
              id="check-folder"
              type="file"
              {...folderProps}
              disabled={running}
              onChange={(e) => choose(e.target.files, true)}
              className="block text-slate-700 file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-slate-700 hover:file:bg-slate-50"
            />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className={button} disabled={running || files.length === 0} onClick={run}>
            {running ? "正在检查…" : files.length > 0 ? `开始检查（${files.length} 个文件）` : "开始检查"}
          </button>
          {rows.length > 0 && !running && (
            <button type="button" className={secondary} onClick={restart}>
              重新选择
            </button>
          )}
        </div>
        {error && (
          <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
            {error}
          </p>
        )}
      </div>

      {rows.length > 0 && (
        <section aria-labelledby="check-results-heading" className="space-y-2">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <div>
              <h2 id="check-results-heading" className="text-lg font-semibold">
                检查结果
              </h2>
              <p role="status" aria-live="polite" className="text-slate-600" data-testid="check-progress">
                {finished
                  ? `共 ${rows.length} 个文件：已检查 ${checked.length} 个，无法读取 ${rows.length - checked.length} 个；错误 ${sum(checked, "errors")} 个，提醒 ${sum(checked, "warnings")} 个${sum(checked, "infos") > 0 ? `，提示 ${sum(checked, "infos")} 个` : ""}。`
                  : `正在检查第 ${Math.min(done + 1, rows.length)} 个，共 ${rows.length} 个${current ? `：${current.name}` : ""}`}
              </p>
            </div>
            {finished && entries.length > 0 && (
              <button type="button" className={button} disabled={downloading} onClick={() => download(entries)}>
                {downloading ? "正在生成…" : "下载检查结果（XLSX）"}
              </button>
            )}
          </div>
          {!finished && (
            <progress className="h-2 w-full" max={rows.length} value={done} aria-label="检查进度">
              {done}/{rows.length}
            </progress>
          )}
          <DataTable
            testId="check-results"
            columns={[
              "文件",
              "机关",
              { label: "年度", nowrap: true },
              { label: "格式版本", nowrap: true },
              { label: "读取/印出单元格", align: "right", nowrap: true },
              { label: "错误", align: "right", nowrap: true },
              { label: "提醒", align: "right", nowrap: true },
              "发现的问题",
            ]}
          >
            {rows.map((row, index) => (
              <ResultRow key={index} row={row} />
            ))}
          </DataTable>
        </section>
      )}
    </div>
  );
}

function sum(entries: CheckedReport[], key: "errors" | "warnings" | "infos"): number {
  return entries.reduce((n, e) => n + e[key], 0);
}

function ResultRow({ row }: { row: Row }) {
  const file = <td className={`${cellClass} min-w-[9rem] max-w-[18rem] align-top wrap-anywhere`}>{row.name}</td>;
  if (!row.entry) {
    return (
      <tr className="border-t border-slate-100">
        {file}
        <td colSpan={7} className={`${cellClass} text-slate-500`}>
          {row.state === "checking" ? "正在检查…" : "等待检查"}
        </td>
      </tr>
    );
  }
  const e = row.entry;
  if (!e.ok) {
    return (
      <tr className="border-t border-slate-100 bg-red-50/40">
        {file}
        <td colSpan={7} className={`${cellClass} align-top text-red-800`}>
          无法读取：{e.reason}
        </td>
      </tr>
    );
  }
  const complete = e.cells.read === e.cells.printed;
  return (
    <tr className="border-t border-slate-100">
      {file}
      <td className={`${cellClass} min-w-[9rem] align-top`}>{e.agency || <span className="text-amber-800">（未找到机关名称）</span>}</td>
      <td className={`${cellClass} align-top`}>{e.year}</td>
      <td className={`${cellClass} whitespace-nowrap align-top`} title={e.editionName}>
        {e.edition}年版
      </td>
      <td className={`${cellClass} whitespace-nowrap text-right align-top tabular-nums ${complete ? "" : "text-amber-800"}`}>
        {e.cells.read} / {e.cells.printed}
      </td>
      <td className={`${cellClass} text-right align-top tabular-nums ${e.errors > 0 ? "font-medium text-red-700" : ""}`}>{e.errors}</td>
      <td className={`${cellClass} text-right align-top tabular-nums ${e.warnings > 0 ? "text-amber-800" : ""}`}>{e.warnings}</td>
      <td className={`${cellClass} min-w-[14rem] align-top`}>
        <Findings findings={e.findings} byRule={e.byRule} />
        {e.previousFile && <p className="text-sm text-slate-500">对照上年报告：{e.previousFile}</p>}
      </td>
    </tr>
  );
}

const SEVERITY_CLASS = { error: "text-red-700", warning: "text-amber-700" } as Record<string, string>;
const severityText = (severity: string) => (severity === "error" ? "错误" : severity === "warning" ? "提醒" : "提示");

function Findings({ findings, byRule }: { findings: CheckedFinding[]; byRule: CheckedReport["byRule"] }) {
  if (findings.length === 0) return <span className="text-slate-500">未发现问题</span>;
  return (
    <details>
      <summary className="cursor-pointer">
        {byRule.map((r, i) => (
          <span key={r.rule} className={SEVERITY_CLASS[r.severity] ?? "text-slate-600"}>
            {i > 0 && "、"}
            {r.rule}
            {r.count > 1 && `×${r.count}`}
          </span>
        ))}
      </summary>
      <ul className="mt-1 space-y-1 text-sm">
        {findings.map((f, i) => (
          <li key={i}>
            <span className={`mr-1 text-xs font-semibold ${SEVERITY_CLASS[f.severity] ?? "text-slate-600"}`}>{severityText(f.severity)}</span>
            <span className="mr-1 font-mono text-xs text-slate-500">{f.rule}</span>
            {f.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
