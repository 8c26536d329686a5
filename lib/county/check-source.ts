/**
 * What a county admin may send to be checked (「检查已发布的报告」), checked the same in the browser
 * (before sending) and on the server: which files, how large each, how many and how much at once, and the
 * Chinese messages. No server code here.
 *
 * Files go one per request (see app/api/county/check/): each request stays under the per-file limit of
 * the importer (lib/reports/import-source.ts), which is also the body limit the proxy and server actions
 * allow, so the batch limits below bound the work of one batch, not the size of a request.
 */
import { z } from "zod";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/reports/import-source";

/** What the importer reads. */
export const CHECK_FILE_TYPES = /\.(docx|html?|txt|md|pdf)$/i;
export const CHECK_FILE_ACCEPT = ".docx,.html,.htm,.txt,.md,.pdf";
export const MAX_CHECK_FILE_BYTES = MAX_IMPORT_FILE_BYTES;
export const MAX_CHECK_FILES = 200;
export const MAX_CHECK_BATCH_BYTES = 50 * 1024 * 1024;

const mb = (bytes: number) => `${bytes / 1024 / 1024} MB`;

export const CHECK_TOO_MANY = `一次最多检查 ${MAX_CHECK_FILES} 个文件，请分批检查。`;
export const CHECK_TOO_LARGE = `一次检查的文件合计不能超过 ${mb(MAX_CHECK_BATCH_BYTES)}，请分批检查。`;

/** Why one chosen file is not sent (its line says so), or null when it can be. */
export function checkFileProblem(file: { name: string; size: number }): string | null {
  if (!CHECK_FILE_TYPES.test(file.name)) return "不是可检查的文件类型（只检查 .docx、.html、.htm、.txt、.md、.pdf 文件），未读取。";
  if (file.size === 0) return "文件是空的，没有可读取的内容。";
  if (file.size > MAX_CHECK_FILE_BYTES) return `文件超过 ${mb(MAX_CHECK_FILE_BYTES)}，未读取。请另存为网页（.html）或纯文本后再检查。`;
  return null;
}

/** Why a batch cannot start, or null: too many files, or too much in all. */
export function checkBatchProblem(files: { name: string; size: number }[]): string | null {
  if (files.length === 0) return "请选择要检查的报告文件。";
  if (files.length > MAX_CHECK_FILES) return CHECK_TOO_MANY;
  const total = files.reduce((sum, f) => sum + (checkFileProblem(f) ? 0 : f.size), 0);
  if (total > MAX_CHECK_BATCH_BYTES) return CHECK_TOO_LARGE;
  return null;
}

/** The batch announced before its files are sent: names and sizes, for the limits and the audit log. */
export const checkBatchSchema = z.object({
  files: z
    .array(z.object({ name: z.string().min(1).max(500), size: z.number().int().min(0) }), { error: "请选择要检查的报告文件。" })
    .min(1, "请选择要检查的报告文件。")
    .max(MAX_CHECK_FILES, CHECK_TOO_MANY),
});
export type CheckBatchRequest = z.infer<typeof checkBatchSchema>;

/** What the check routes answer a request whose session has ended. */
export const CHECK_SIGNED_OUT = "登录已过期，请重新登录后再检查。";
