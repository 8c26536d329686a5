/**
 * One self-contained HTML page for the agency website: inline CSS, no scripts or external assets,
 * semantic tables (caption, th with scope, colspan/rowspan) that scroll sideways inside their wrapper on
 * a phone, and a print style. Every text goes through escapeHtml.
 */
import type { Report } from "../model";
import { buildExportDocument, DRAFT_MARK } from "./document";
import type { ExportBlock, ExportCell, ExportDocument, ExportOptions, ExportTable } from "./document";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** Escaped text with its line breaks kept. */
function textHtml(text: string): string {
  return text.split("\n").map(escapeHtml).join("<br>");
}

const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#f4f4f2;color:#1a1a1a;font:17px/1.9 "FangSong","STFangsong","仿宋","Noto Serif CJK SC","Source Han Serif SC","Songti SC",serif}
main{max-width:52rem;margin:0 auto;padding:2rem 1.25rem 3rem;background:#fff}
.draft{margin:0 0 1rem;padding:.25rem .75rem;border:2px solid #b00020;color:#b00020;font-weight:bold;text-align:center;letter-spacing:.5em}
h1{margin:1rem 0 1.5rem;font:700 1.6rem/1.5 "方正小标宋简体","FZXiaoBiaoSong-B05S","SimSun","Songti SC","Noto Serif CJK SC",serif;text-align:center}
h2{margin:1.5rem 0 .5rem;font:700 1.15rem/1.8 "SimHei","黑体","Heiti SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif}
h3{margin:1rem 0 .25rem;font:700 1.05rem/1.8 "KaiTi","STKaiti","楷体","Kaiti SC","Noto Serif CJK SC",serif}
p{margin:0 0 .5rem;text-indent:2em;text-align:justify;overflow-wrap:anywhere}
.signature{margin-top:2rem;text-align:right;text-indent:0}
.table-wrap{overflow-x:auto;margin:.5rem 0 1.25rem;-webkit-overflow-scrolling:touch}
.table-wrap:focus{outline:2px solid #2563eb;outline-offset:2px}
table{border-collapse:collapse;width:100%;font:14px/1.5 "SimSun","宋体","Songti SC","Noto Serif CJK SC",serif}
table.requests{min-width:46rem}
table.reviewLitigation{min-width:44rem}
table.activeDisclosure{min-width:32rem}
caption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
th,td{border:1px solid #444;padding:.3rem .4rem;vertical-align:middle}
th{font-weight:normal;background:#f3f3f1;text-align:center}
th.label{text-align:left;background:#fafaf8}
td{text-align:center;font-variant-numeric:tabular-nums}
@media (max-width:40rem){body{font-size:16px}main{padding:1rem .75rem 2rem}h1{font-size:1.3rem}}
@media print{
  @page{size:A4;margin:37mm 26mm 35mm 28mm}
  body{background:#fff;font-size:16pt;line-height:28pt}
  main{max-width:none;padding:0}
  h1{font-size:22pt;line-height:1.5}
  h2,h3{font-size:16pt;break-after:avoid}
  .table-wrap{overflow:visible;break-inside:avoid}
  table{min-width:0!important;table-layout:fixed;font-size:9pt;line-height:1.3}
  th,td{padding:2pt 3pt}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  .draft{border-width:1pt}
}
`;

/** The report as one HTML page. */
export function exportHtml(report: Report, options: ExportOptions): string {
  return renderHtml(buildExportDocument(report, options));
}

export function renderHtml(doc: ExportDocument): string {
  const out: string[] = [];
  out.push(
    "<!DOCTYPE html>",
    '<html lang="zh-CN">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.draft ? `${doc.title}（${DRAFT_MARK}）` : doc.title)}</title>`,
    `<style>${CSS.trim()}</style>`,
    "</head>",
    "<body>",
    "<main>",
    "<article>",
  );
  if (doc.draft) out.push(`<p class="draft" role="note">${DRAFT_MARK}</p>`);
  out.push(`<h1>${escapeHtml(doc.title)}</h1>`);
  for (const text of doc.intro) out.push(`<p>${textHtml(text)}</p>`);
  for (const section of doc.sections) {
    out.push(`<section id="${section.key}">`, `<h2>${escapeHtml(section.heading)}</h2>`);
    for (const block of section.blocks) out.push(renderBlock(block));
    out.push("</section>");
  }
  const signature = [doc.agency, doc.date].filter(Boolean).map(escapeHtml).join("<br>");
  out.push(`<p class="signature">${signature}</p>`, "</article>", "</main>", "</body>", "</html>", "");
  return out.join("\n");
}

function renderBlock(block: ExportBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${textHtml(block.text)}</p>`;
    case "subsection":
      return [`<h3>${escapeHtml(block.heading)}</h3>`, ...block.paragraphs.map((p) => `<p>${textHtml(p)}</p>`)].join("\n");
    case "table":
      return renderTable(block.table);
  }
}

function renderTable(table: ExportTable): string {
  const caption = escapeHtml(table.caption);
  const out = [
    `<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0">`,
    `<table class="${table.key}">`,
    `<caption>${caption}</caption>`,
    colgroup(table.columnWidths),
  ];
  if (table.head.length > 0) {
    out.push("<thead>", ...table.head.map(renderRow), "</thead>");
  }
  for (const body of table.bodies) out.push("<tbody>", ...body.map(renderRow), "</tbody>");
  out.push("</table>", "</div>");
  return out.join("\n");
}

/** Column widths as percentages of the table, as in the DOCX. */
function colgroup(weights: number[]): string {
  const sum = weights.reduce((a, b) => a + b, 0);
  const cols = weights.map((w) => `<col style="width:${((w / sum) * 100).toFixed(2)}%">`);
  return `<colgroup>${cols.join("")}</colgroup>`;
}

function renderRow(row: ExportCell[]): string {
  return `<tr>${row.map(renderCell).join("")}</tr>`;
}

function renderCell(cell: ExportCell): string {
  const attrs: string[] = [];
  if (cell.colSpan > 1) attrs.push(`colspan="${cell.colSpan}"`);
  if (cell.rowSpan > 1) attrs.push(`rowspan="${cell.rowSpan}"`);
  if (cell.isHeader && cell.scope) attrs.push(`scope="${cell.scope}"`);
  if (cell.isHeader && cell.align === "left") attrs.push('class="label"');
  const tag = cell.isHeader ? "th" : "td";
  return `<${tag}${attrs.length ? ` ${attrs.join(" ")}` : ""}>${textHtml(cell.text)}</${tag}>`;
}
