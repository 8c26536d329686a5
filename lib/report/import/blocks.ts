/**
 * Reading text and HTML into blocks (paragraphs and table rows). Text: one block per line; a line
 * with tabs, a Markdown table line, or a label followed by numbers is a row. HTML: block elements are
 * paragraphs, tables are rows with merged cells expanded onto their grid.
 */
import { parse, NodeType } from "node-html-parser";
import type { HTMLElement, Node } from "node-html-parser";
import type { Block, RowBlock } from "./types";
import { regroupCellLines } from "./cell-lines";
import { htmlInScript } from "./script-html";
import { isValueLike } from "./text";

// ---------------------------------------------------------------------------------------------------
// Text

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.replace(/\r\n?/g, "\n").replace(/\f/g, "\n").split("\n");
  for (const item of regroupCellLines(lines)) {
    const block = typeof item === "string" ? lineBlock(item) : item;
    if (block) blocks.push(block);
  }
  return blocks;
}

function lineBlock(line: string): Block | undefined {
  if (line.trim() === "") return undefined;
  const trimmed = line.trim();
  // Markdown table | a | b | (the |---|---| separator line is dropped), or a row with pipes
  // 规章 | 0 | 0 | 0 | (merged cells leave filler pipes: 第二十条第（一）项 ||||)
  const piped = pipeCells(trimmed);
  if (piped) {
    if (piped.every((c) => /^:?-{2,}:?$/.test(c) || c === "")) return undefined;
    return { kind: "row", cells: piped };
  }
  // Stryker disable next-line ConditionalExpression,StringLiteral: a line without a tab splits into one cell, which the check below refuses
  if (line.includes("\t")) {
    const cells = line.split("\t").map((c) => c.trim());
    // Stryker disable next-line ConditionalExpression,LogicalOperator,MethodExpression,StringLiteral: a line with a tab that is not blank always has two cells, one with text
    if (cells.filter((c) => c !== "").length >= 1 && cells.length >= 2) return { kind: "row", cells };
  }
  const wide = trimmed.split(/[ \u00a0]{2,}|\u3000+/).map((c) => c.trim());
  if (wide.length >= 2 && wide.every((c) => c.length <= 40)) return { kind: "row", cells: wide, loose: true };
  const tokens = trimmed.split(/\s+/);
  if (
    tokens.length >= 2 &&
    (tokens.slice(1).every(isValueLike) || tokens[0].replace(/\s/g, "") === "信息内容") &&
    !/[。；]$/.test(trimmed)
  ) {
    return { kind: "row", cells: tokens, loose: true };
  }
  return { kind: "para", text: trimmed };
}

/**
 * The cells of a line written with pipes: a line ending in a pipe (a Markdown table row, a row copied
 * as "规章 | 0 | 0 | 0 |", even a single cell "第二十条第（一）项 ||||"), or with two pipes or more set
 * off by spaces. A pipe escaped with a backslash (Markdown) is text.
 */
function pipeCells(line: string): string[] | undefined {
  const starts = /^[|｜]/.test(line);
  const ends = /(?<!\\)[|｜]$/.test(line);
  const inner = line.split(/(?<!\\)[|｜]/);
  if (!ends && !(inner.length >= 3 && / [|｜] /.test(line))) return undefined;
  if (starts) inner.shift();
  if (ends) inner.pop();
  return inner.map((c) => c.replace(/\\([\\|*_[\]<>#`])/g, "$1").trim());
}

// ---------------------------------------------------------------------------------------------------
// HTML

const SKIP = new Set(["script", "style", "noscript", "head", "template", "svg", "iframe", "object", "select", "button"]);
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre",
  "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "figure", "figcaption",
  "caption", "center", "form", "fieldset", "address", "body", "html",
]);

export function htmlToBlocks(html: string): Block[] {
  // The parser drops comments: a page's nodes are elements and text only.
  const root = parse(html);
  const blocks = collect(root, false);
  if (namesReportTable(blocks)) return blocks;
  // The report may be held in a script, written into the page when it runs. (Only a shortcut: a page whose
  // scripts hold no HTML would be walked again to the same blocks.)
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the shortcut above, no reading changes without it
  if (!root.querySelectorAll("script").some((s) => htmlInScript(s.rawText).length > 0)) return blocks;
  const withScripts = collect(root, true);
  return namesReportTable(withScripts) ? withScripts : blocks;
}

function collect(root: HTMLElement, scripts: boolean): Block[] {
  const out = new Collector();
  out.scripts = scripts;
  walk(root, out);
  out.flush();
  return out.blocks;
}

/** Words only the statistics tables print: a page without them has not shown its report. */
const TABLE_WORDS = ["本年新收", "上年结转", "第二十条", "结转下年度", "结果维持"];

function namesReportTable(blocks: Block[]): boolean {
  return blocks.some((b) => (b.kind === "para" ? [b.text] : b.cells).some((text) => TABLE_WORDS.some((w) => text.includes(w))));
}

class Collector {
  blocks: Block[] = [];
  /** Whether the HTML held in scripts' strings is read (htmlInScript). */
  scripts = false;
  private line = "";
  private tables = 0;
  add(text: string) {
    this.line += text;
  }
  flush() {
    const text = this.line.replace(/[ \t\n\r\u00a0]+/g, " ").trim();
    if (text !== "") this.blocks.push({ kind: "para", text });
    this.line = "";
  }
  rows(rows: RowBlock[]) {
    this.flush();
    this.blocks.push(...rows);
  }
  nextTable(): number {
    return ++this.tables;
  }
}

function tag(node: Node): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: only elements have a rawTagName (never null on a child node), so a text node's tag is "" either way
  return node.nodeType === NodeType.ELEMENT_NODE ? ((node as HTMLElement).rawTagName ?? "").toLowerCase() : "";
}

function walk(node: Node, out: Collector) {
  for (const child of node.childNodes) {
    if (child.nodeType === NodeType.TEXT_NODE) {
      out.add(child.text);
      continue;
    }
    const name = tag(child);
    if (name === "script" && out.scripts) {
      out.scripts = false;
      for (const html of htmlInScript((child as HTMLElement).rawText)) {
        out.flush();
        walk(parse(html), out);
        out.flush();
      }
      out.scripts = true;
      continue;
    }
    if (SKIP.has(name)) continue;
    if (name === "br") {
      out.flush();
      continue;
    }
    if (name === "table") {
      const rows = tableRows(child as HTMLElement, out);
      if (rows) out.rows(rows);
      else {
        // A layout table: read its cells as ordinary content.
        out.flush();
        walk(child, out);
        out.flush();
      }
      continue;
    }
    // Cells of a layout table, each its own paragraph (a row needs no break of its own: its cells make them).
    if (name === "td" || name === "th") {
      out.flush();
      walk(child, out);
      out.flush();
      continue;
    }
    const block = BLOCK.has(name);
    if (block) out.flush();
    walk(child, out);
    if (block) out.flush();
  }
}

/** The rows of a data table; undefined for a layout table (nested tables, or long text in one column). */
function tableRows(table: HTMLElement, out: Collector): RowBlock[] | undefined {
  const trs = ownRows(table);
  if (trs.length === 0) return [];
  if (table.querySelector("table")) return undefined;
  const raw = trs.map((tr) =>
    tr.childNodes
      .filter((c) => tag(c) === "td" || tag(c) === "th")
      .map((c) => {
        const cell = c as HTMLElement;
        return {
          text: cellText(cell),
          colSpan: span(cell.getAttribute("colspan")),
          rowSpan: span(cell.getAttribute("rowspan")),
        };
      }),
  );
  const maxCells = Math.max(...raw.map((r) => r.length));
  if (maxCells <= 1 && raw.some((r) => (r[0]?.text.length ?? 0) > 100)) return undefined;

  // Expand merged cells onto the grid; each slot knows where the cell over it starts in its row.
  type Slot = { text: string; origin: boolean; start: number };
  const grid: Slot[][] = [];
  raw.forEach((cells, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) {
          grid[r + dr][c + dc] = { text: cell.text, origin: dr === 0 && dc === 0, start: dr === 0 ? c : -1 };
        }
      }
      c += cell.colSpan;
    }
  });
  const widths = grid.slice(0, raw.length).map((row) => row.length);
  const width = widths[0];
  // Only a table whose rows all span the same width keeps its grid; otherwise each row is its own
  // cells in order (a merged cell once, the slots it covers left out).
  const regular = widths.every((w) => w === width);
  const table_ = out.nextTable();
  return grid.slice(0, raw.length).map((row): RowBlock => {
    if (!regular) {
      // A slot covered from above among the values may be a filler as well as a missing cell: such a
      // row is not exact, so its empty cells are placed only where the count tells (placeValues).
      const own = ownCells(row);
      const cells = trimTrailing(own);
      return own.length > row.filter((s) => s.origin).length ? { kind: "row", cells, covered: true } : { kind: "row", cells, exact: true };
    }
    // A slot no cell covers (a row printing fewer cells under a cell merged down) is a blank cell.
    // Stryker disable next-line BooleanLiteral: its text is "", so its cell is "" whether it counts as a cell's origin or not
    const slots = Array.from({ length: width }, (_, i) => row[i] ?? { text: "", origin: true, start: i });
    const cells = slots.map((s) => (s.origin ? s.text : ""));
    return { kind: "row", cells, grid: { table: table_, filled: slots.map((s) => s.text), starts: slots.map((s) => s.start) } };
  });
}

/**
 * The cells of a row off the grid: each cell that starts in it once; a slot after its label that a
 * cell of a row above covers stays an empty cell, so the numbers after it keep their places. (A row
 * printing fewer cells under a cell merged down has holes: forEach, flatMap and filter skip them.)
 */
function ownCells(row: { text: string; origin: boolean; start: number }[]): string[] {
  let lastLabel = -1;
  row.forEach((s, j) => {
    if (s.origin && s.text !== "" && !isValueLike(s.text)) lastLabel = j;
  });
  // Stryker disable next-line EqualityOperator: the slot at lastLabel starts a cell, taken by the first branch
  return row.flatMap((s, j) => (s.origin ? [s.text] : s.start < 0 && j > lastLabel ? [""] : []));
}

/** The cells without the empty ones at the end. */
export function trimTrailing(cells: string[]): string[] {
  const out = [...cells];
  while (out[out.length - 1] === "") out.pop();
  return out;
}

/** The table's own rows: its tr, and those of the elements right inside it (thead, tbody, tfoot, or a form around rows). */
function ownRows(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (const child of table.childNodes) {
    if (tag(child) === "tr") rows.push(child as HTMLElement);
    else for (const tr of child.childNodes) if (tag(tr) === "tr") rows.push(tr as HTMLElement);
  }
  return rows;
}

function span(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= 100 ? n : 1;
}

/** A cell's text; its paragraphs and line breaks joined without a separator (labels broken over lines). */
function cellText(cell: HTMLElement): string {
  const parts: string[] = [];
  const sub = new Collector();
  walk(cell, sub);
  sub.flush();
  // Stryker disable next-line ConditionalExpression: a cell holds no rows (a table holding a table is read as paragraphs)
  for (const b of sub.blocks) if (b.kind === "para") parts.push(b.text);
  return joinPieces(parts);
}

/** Joins pieces of one label or value; a space only between two Latin letters or digits. */
export function joinPieces(parts: string[]): string {
  let text = "";
  for (const part of parts) {
    const p = part.trim();
    text += /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(p) ? ` ${p}` : p;
  }
  return text;
}
