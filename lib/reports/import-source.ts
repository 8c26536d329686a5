/**
 * What may be sent for import, checked the same in the browser (before sending) and in the server action:
 * one list of file types, one size limit, one text limit, one set of Chinese messages. No server code here.
 */
import { z } from "zod";
import "@/lib/zod-in-browser";

/** Word (.docx), PDF (with a text layer), web pages and plain text; old .doc is explained by the form instead. */
export const IMPORT_FILE_TYPES = /\.(docx|pdf|html?|txt)$/i;
/** The largest file the server reads; the server-action body limit in next.config.ts matches it. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_TEXT_CHARS = 2_000_000;

export const IMPORT_FILE_TOO_LARGE = `文件超过 ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB。请另存为网页（.html）或纯文本后导入，或复制全文粘贴。`;

/** Why a chosen file cannot be sent, or null when it can. */
export function importFileProblem(file: { name: string; size: number } | undefined | null): string | null {
  if (!file) return "请选择要导入的文件";
  if (!IMPORT_FILE_TYPES.test(file.name)) return "只能导入 .docx、.pdf、.html、.htm 或 .txt 文件";
  if (file.size === 0) return "文件是空的";
  if (file.size > MAX_IMPORT_FILE_BYTES) return IMPORT_FILE_TOO_LARGE;
  return null;
}

export const importSourceSchema = z.discriminatedUnion(
  "source",
  [
    z.object({
      source: z.literal("file"),
      file: z.instanceof(File, { message: "请选择要导入的文件" }).superRefine((file, context) => {
        const problem = importFileProblem(file);
        if (problem) context.addIssue({ code: "custom", message: problem });
      }),
    }),
    z.object({
      source: z.literal("text"),
      text: z
        .string({ message: "请粘贴报告全文" })
        .trim()
        .min(1, "请粘贴报告全文")
        .max(MAX_IMPORT_TEXT_CHARS, "粘贴的文字过长（不能超过 200 万字）"),
    }),
  ],
  { error: "请选择导入方式：上传文件或粘贴全文" },
);
