/** Exports of the finished report: DOCX in the official layout, HTML for the website, Markdown. */
export { buildExportDocument, exportFileName, DRAFT_MARK } from "./document";
export type {
  ExportBlock,
  ExportCell,
  ExportDocument,
  ExportFormat,
  ExportOptions,
  ExportRow,
  ExportSection,
  ExportTable,
} from "./document";
export { exportDocx } from "./docx";
export { exportHtml, escapeHtml } from "./html";
export { exportMarkdown } from "./markdown";
export { CONTENT_TYPES, EXPORT_FORMATS, contentDisposition, exportReport, isExportFormat } from "./download";
export type { ExportedFile } from "./download";
