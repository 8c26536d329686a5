/** One entry for every export format, with what a download needs: content type and file names. */
import type { Report } from "../model";
import { exportFileName } from "./document";
import type { ExportFormat, ExportOptions } from "./document";
import { exportDocx } from "./docx";
import { exportHtml } from "./html";
import { exportMarkdown } from "./markdown";

export const EXPORT_FORMATS: ExportFormat[] = ["docx", "html", "md"];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as string[]).includes(value);
}

export interface ExportedFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** The official file name, e.g. 烟台市…办事处2020年政府信息公开工作年度报告.docx */
  fileName: string;
  /** An ASCII name for clients that cannot read the UTF-8 one, e.g. annual-report-2020.docx */
  asciiFileName: string;
}

/** The report in one format, as bytes (text formats in UTF-8). */
export async function exportReport(report: Report, format: ExportFormat, options: ExportOptions): Promise<ExportedFile> {
  const body =
    format === "docx"
      ? await exportDocx(report, options)
      : new TextEncoder().encode(format === "html" ? exportHtml(report, options) : exportMarkdown(report, options));
  return {
    body,
    contentType: CONTENT_TYPES[format],
    fileName: exportFileName(report, format),
    asciiFileName: `annual-report-${report.year}${options.draft ? "-draft" : ""}.${format}`,
  };
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266 with an RFC 5987 UTF-8 name). */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
