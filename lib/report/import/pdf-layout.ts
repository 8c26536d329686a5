/**
 * A PDF's pages (text items and drawing operators from pdf-extract.ts) → paragraphs and tables: each
 * table as the HTML the DOCX path would give (merged cells as rowspan/colspan), so that htmlToBlocks and
 * the one reader do the rest.
 *
 * Tables are rebuilt from the rules the PDF draws (Word, WPS, LibreOffice and browsers all draw cell
 * borders, as stroked lines or as thin filled rectangles): the rules of a table give its column and row
 * boundaries; two neighbouring grid cells with no rule between them are one merged cell; each piece of
 * text goes to the cell its centre lies in. A table continued on the next page is joined to its first
 * part when their columns line up. Tables drawn without rules are read from text positions
 * (pdf-stream.ts). Outside tables, text items are grouped into lines by their baseline and lines into
 * paragraphs (a paragraph goes on while its lines reach the right margin and the next starts at the left
 * one); page numbers and running headers and footers are dropped.
 *
 * Coordinates are pdfjs's viewport at scale 1: points, origin top left, y down, page rotation applied.
 */
import type { PdfOp, PdfPageData } from "./pdf-extract";
import { sectionHeading } from "./narrative";
import { streamTables } from "./pdf-stream";
import { numberingOf, readDateLine } from "./text";

/** A matrix [a, b, c, d, e, f]: (x, y) → (a·x + c·y + e, b·x + d·y + f). */
type Matrix = number[];

/** A run of text: one text item, or a piece of one cut at a table rule. */
export interface Run {
  text: string;
  x0: number;
  x1: number;
  /** The baseline (y of the glyphs' origin). */
  y: number;
  /** Font size (the glyphs' height). */
  size: number;
  /** Runs printed top to bottom or rotated: placed by their centre only. */
  vertical?: boolean;
}

/** A horizontal (y = at, x from..to) or vertical (x = at, y from..to) rule. */
export interface Segment {
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

/** A rebuilt table: column and row boundaries and its cells (merged cells as spans). */
export interface GridTable {
  xs: number[];
  ys: number[];
  cells: { row: number; col: number; rowSpan: number; colSpan: number; text: string }[];
}

/** A line of text outside tables. */
export interface Line {
  runs: Run[];
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

export type PageBlock =
  | { kind: "line"; line: Line; top: number }
  | { kind: "table"; table: GridTable; top: number }
  | { kind: "rows"; rows: string[][]; top: number };

export interface LaidOutPage {
  blocks: PageBlock[];
  width: number;
  height: number;
  /** Characters of text on the page (0: no text layer). */
  chars: number;
}

// ---------------------------------------------------------------------------------------------------
// Geometry

function multiply(m: Matrix, n: Matrix): Matrix {
  // m ∘ n: first n, then m.
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Width of a character in ems, for cutting a run: CJK and full-width forms 1, others ½. */
function charWeight(ch: string): number {
  return /[\u1100-\u115f\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 1 : 0.5;
}

/**
 * CJK radicals as the ideographs they stand for. Fonts draw 民 and the radical ⺠ with one glyph, and
 * PDF writers that map glyphs back to text (Chromium's among them) often name the radical: 人民 comes
 * out as ⼈⺠. Kangxi radicals (U+2F00–U+2FDF) fold by NFKC; the supplement (U+2E80–U+2EFF) has no
 * such folding, so its radicals that share a glyph with an ideograph are listed (from the cmap of
 * Noto Sans CJK, as in Unicode's EquivalentUnifiedIdeograph.txt).
 */
const RADICAL_IDEOGRAPHS: Record<string, string> = Object.fromEntries(
  (
    "⺂乛 ⺃乚 ⺅亻 ⺉刂 ⺋㔾 ⺎兀 ⺏尣 ⺐尢 ⺒巳 ⺓幺 ⺔彑 ⺕彐 ⺖忄 ⺘扌 ⺙攵 ⺛旡 ⺞歺 ⺟母 ⺠民 ⺡氵 ⺣灬 ⺤爫 ⺦丬 ⺨犭 " +
    "⺫罒 ⺭礻 ⺯糹 ⺰纟 ⺱罓 ⺲罒 ⺳㓁 ⺹耂 ⺺肀 ⺾艹 ⺿艹 ⻂衤 ⻃覀 ⻄西 ⻅见 ⻆角 ⻈讠 ⻉贝 ⻋车 ⻌辶 ⻍辶 ⻎辶 ⻐钅 " +
    "⻑長 ⻒镸 ⻓长 ⻔门 ⻖阝 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻟飠 ⻠饣 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 " +
    "⻬齐 ⻭歯 ⻮齿 ⻯竜 ⻰龙 ⻱龜 ⻲亀 ⻳龟"
  )
    .split(" ")
    .map((pair) => [pair[0], pair.slice(1)]),
);

export function fixRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2fdf]/g, (ch) => RADICAL_IDEOGRAPHS[ch] ?? ch.normalize("NFKC"));
}

/** The page's text items as runs in viewport coordinates. */
function pageRuns(page: PdfPageData): Run[] {
  const runs: Run[] = [];
  for (const item of page.items) {
    const [a, b, c, d, e, f] = item.transform;
    const along = Math.hypot(a, b);
    const up = Math.hypot(c, d);
    if (!(along > 0) || !(up > 0)) continue;
    const text = fixRadicals(item.str).replace(/\s+/g, " ").trim();
    if (text === "") continue;
    const size = item.height > 0 ? item.height : up;
    const width = item.width > 0 ? item.width : [...text].reduce((s, ch) => s + charWeight(ch), 0) * size;
    const o = apply(page.viewport, e, f);
    const end = apply(page.viewport, e + (width * a) / along, f + (width * b) / along);
    const dx = end[0] - o[0];
    const dy = end[1] - o[1];
    if (Math.abs(dx) >= Math.abs(dy) && dx > 0) {
      runs.push({ text, x0: o[0], x1: end[0], y: o[1], size });
    } else {
      // Vertical or upside-down text: a box around its path, placed by its centre.
      const cx = (o[0] + end[0]) / 2;
      const cy = (o[1] + end[1]) / 2;
      const half = Math.max(Math.abs(dx), size) / 2;
      runs.push({ text, x0: cx - half, x1: cx + half, y: cy + size * 0.35, size, vertical: true });
    }
  }
  return runs;
}

/** The centre of a run's glyphs (the baseline is near their bottom). */
function centreY(run: Run): number {
  return run.y - run.size * 0.35;
}

const PAINT_STROKE = new Set(["stroke", "closeStroke", "fillStroke", "eoFillStroke", "closeFillStroke", "closeEOFillStroke"]);
const PAINT_FILL = new Set(["fill", "eoFill", "fillStroke", "eoFillStroke", "closeFillStroke", "closeEOFillStroke"]);
/** A filled rectangle at most this thick is a rule (browsers and Word draw borders so). */
const RULE_THICKNESS = 2.5;

function isWhite(hex: unknown): boolean {
  if (typeof hex !== "string" || !/^#[0-9a-f]{6}$/i.test(hex)) return false;
  return [1, 3, 5].every((i) => parseInt(hex.slice(i, i + 2), 16) >= 0xf0);
}

/** The straight horizontal and vertical rules a page draws (stroked lines, thin filled rectangles). */
export function pageSegments(page: PdfPageData): Segment[] {
  const out: Segment[] = [];
  type State = { ctm: Matrix; stroke: unknown; fill: unknown };
  // Black until set: any colour that is not near white draws, so no test tells one such default from another.
  // Stryker disable next-line StringLiteral: "" is as far from white as black
  let state: State = { ctm: page.viewport, stroke: "#000000", fill: "#000000" };
  const stack: State[] = [];
  for (const [name, args] of page.ops as PdfOp[]) {
    // Stryker disable next-line ArrayDeclaration: any operator given no list reads its first item as nothing usable either way
    const list = Array.isArray(args) ? args : [];
    switch (name) {
      case "save":
        stack.push({ ...state });
        break;
      case "restore":
        state = stack.pop() ?? state;
        break;
      case "transform":
        if (list.length === 6 && list.every((v) => typeof v === "number")) state = { ...state, ctm: multiply(state.ctm, list as number[]) };
        break;
      case "paintFormXObjectBegin": {
        stack.push({ ...state });
        const m = list[0];
        if (Array.isArray(m) && m.length === 6) state = { ...state, ctm: multiply(state.ctm, m as number[]) };
        break;
      }
      case "paintFormXObjectEnd":
        state = stack.pop() ?? state;
        break;
      case "setStrokeRGBColor":
        state = { ...state, stroke: list[0] };
        break;
      case "setFillRGBColor":
        state = { ...state, fill: list[0] };
        break;
      case "constructPath": {
        const paint = list[0];
        const data = list[1];
        if (typeof paint !== "string" || !Array.isArray(data)) break;
        const subpaths = pathPoints(data as number[], state.ctm);
        if (PAINT_STROKE.has(paint) && !isWhite(state.stroke)) {
          for (const points of subpaths) for (let i = 1; i < points.length; i++) lineSegment(points[i - 1], points[i], out);
        }
        if (PAINT_FILL.has(paint) && !isWhite(state.fill)) {
          for (const points of subpaths) thinRectangle(points, out);
        }
        break;
      }
    }
  }
  return out;
}

/**
 * The points of each subpath of a pdfjs path (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3,
 * closePath 4), transformed; a curve breaks its subpath (curves are never table rules).
 */
function pathPoints(data: number[], ctm: Matrix): [number, number][][] {
  const subpaths: [number, number][][] = [];
  let current: [number, number][] = [];
  let start: [number, number] | undefined;
  let i = 0;
  const flush = () => {
    if (current.length > 1) subpaths.push(current);
    current = [];
  };
  while (i < data.length) {
    const op = data[i];
    if (op === 0) {
      flush();
      start = apply(ctm, data[i + 1], data[i + 2]);
      current = [start];
      i += 3;
    } else if (op === 1) {
      current.push(apply(ctm, data[i + 1], data[i + 2]));
      i += 3;
    } else if (op === 2 || op === 3) {
      const n = op === 2 ? 6 : 4;
      const end = apply(ctm, data[i + n - 1], data[i + n]);
      flush();
      current = [end];
      i += n + 1;
    } else if (op === 4) {
      if (start && current.length > 1) current.push(start);
      flush();
      current = start ? [start] : [];
      i += 1;
    } else {
      break;
    }
  }
  flush();
  return subpaths;
}

function lineSegment(p: [number, number], q: [number, number], out: Segment[]) {
  const dx = Math.abs(p[0] - q[0]);
  const dy = Math.abs(p[1] - q[1]);
  if (dy <= 0.5 && dx > 1) out.push({ horizontal: true, at: (p[1] + q[1]) / 2, from: Math.min(p[0], q[0]), to: Math.max(p[0], q[0]) });
  else if (dx <= 0.5 && dy > 1) out.push({ horizontal: false, at: (p[0] + q[0]) / 2, from: Math.min(p[1], q[1]), to: Math.max(p[1], q[1]) });
}

/** A filled axis-aligned rectangle that is thin: a rule along its long side. */
function thinRectangle(points: [number, number][], out: Segment[]) {
  const distinct = points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
  if (distinct.length < 4 || distinct.length > 5) return;
  const xs = distinct.map((p) => p[0]);
  const ys = distinct.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  // Axis-aligned: every point on the box's edges.
  if (!distinct.every((p) => (near(p[0], x0) || near(p[0], x1)) && (near(p[1], y0) || near(p[1], y1)))) return;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= RULE_THICKNESS && w > 1 && w > h) out.push({ horizontal: true, at: (y0 + y1) / 2, from: x0, to: x1 });
  else if (w <= RULE_THICKNESS && h > 1 && h > w) out.push({ horizontal: false, at: (x0 + x1) / 2, from: y0, to: y1 });
}

function near(a: number, b: number, tolerance = 0.5): boolean {
  return Math.abs(a - b) <= tolerance;
}

// ---------------------------------------------------------------------------------------------------
// Tables from rules

/** Rules closer than this are one (a double border, a rule drawn twice, a border as a thin box). */
const SNAP = 2.5;

/** Joins rules on one line that overlap or touch. */
function mergeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const horizontal of [true, false]) {
    const list = segments.filter((s) => s.horizontal === horizontal).sort((a, b) => a.at - b.at);
    const lines: Segment[][] = [];
    for (const s of list) {
      const last = lines[lines.length - 1];
      if (last && Math.abs(last[0].at - s.at) <= 1) last.push(s);
      else lines.push([s]);
    }
    for (const line of lines) {
      const at = line.reduce((sum, s) => sum + s.at, 0) / line.length;
      const spans = line.map((s) => [s.from, s.to]).sort((a, b) => a[0] - b[0]);
      let [from, to] = spans[0];
      for (const [f, t] of spans.slice(1)) {
        if (f <= to + SNAP) to = Math.max(to, t);
        else {
          out.push({ horizontal, at, from, to });
          [from, to] = [f, t];
        }
      }
      out.push({ horizontal, at, from, to });
    }
  }
  return out;
}

/** Groups of rules that touch one another: each group with enough rules is a table. */
function ruleGroups(segments: Segment[]): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      if (touches(segments[i], segments[j])) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), s]);
  });
  return [...groups.values()];
}

function touches(a: Segment, b: Segment): boolean {
  if (a.horizontal === b.horizontal) return Math.abs(a.at - b.at) <= SNAP && a.from <= b.to + SNAP && b.from <= a.to + SNAP;
  const [h, v] = a.horizontal ? [a, b] : [b, a];
  return v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;
}

/** Positions closer than SNAP as one (their mean). */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const last = groups[groups.length - 1];
    if (last && v - last[last.length - 1] <= SNAP) last.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

function indexIn(bounds: number[], v: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) if (v >= bounds[i] && v < bounds[i + 1]) return i;
  return -1;
}

interface Frame {
  xs: number[];
  ys: number[];
  /** Region id of each grid cell (merged cells share one). */
  region: number[][];
}

/** The grid of a group of rules: boundaries, and which grid cells are merged (no rule between them). */
function frameOf(group: Segment[]): Frame | undefined {
  const xs = cluster(group.filter((s) => !s.horizontal).map((s) => s.at));
  const ys = cluster(group.filter((s) => s.horizontal).map((s) => s.at));
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // Fewer than two boundaries either way (rules one way only) gives no positive product: no grid. Rules
  // one way only never make two rows or columns (parallel rules touch only within SNAP, which clusters them
  // into one), and a single box is left as text below, so no input tells this guard from its absence.
  // Stryker disable next-line ConditionalExpression: kept so that no grid is built of a negative count
  if (rows * cols < 2) return undefined;
  const drawn = (horizontal: boolean, at: number, mid: number) =>
    group.some((s) => s.horizontal === horizontal && Math.abs(s.at - at) <= SNAP && s.from - SNAP / 2 <= mid && s.to + SNAP / 2 >= mid);
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const midY = (ys[r] + ys[r + 1]) / 2;
      const midX = (xs[c] + xs[c + 1]) / 2;
      if (c + 1 < cols && !drawn(false, xs[c + 1], midY)) parent[find(id(r, c))] = find(id(r, c + 1));
      if (r + 1 < rows && !drawn(true, ys[r + 1], midX)) parent[find(id(r, c))] = find(id(r + 1, c));
    }
  }
  // A merged region must be a rectangle; where rules are missing so that it is not, its cells stay apart.
  const members = new Map<number, [number, number][]>();
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) members.set(find(id(r, c)), [...(members.get(find(id(r, c))) ?? []), [r, c]]);
  const region = Array.from({ length: rows }, () => Array<number>(cols).fill(0));
  for (const [root, cells] of members) {
    const r0 = Math.min(...cells.map(([r]) => r));
    const r1 = Math.max(...cells.map(([r]) => r));
    const c0 = Math.min(...cells.map(([, c]) => c));
    const c1 = Math.max(...cells.map(([, c]) => c));
    const rectangle = cells.length === (r1 - r0 + 1) * (c1 - c0 + 1);
    for (const [r, c] of cells) region[r][c] = rectangle ? root : id(r, c) + rows * cols;
  }
  return { xs, ys, region };
}

/** Cuts a run at the given x positions (where it crosses a column rule), sharing its width by characters. */
function cutRun(run: Run, cuts: number[]): Run[] {
  const inside = cuts.filter((x) => x > run.x0 + 1 && x < run.x1 - 1);
  if (inside.length === 0 || run.vertical) return [run];
  const chars = [...run.text];
  const weights = chars.map(charWeight);
  const total = weights.reduce((s, w) => s + w, 0);
  const pieces: Run[] = [];
  let at = run.x0;
  let piece = "";
  let pieceStart = run.x0;
  let next = 0;
  chars.forEach((ch, i) => {
    const w = ((run.x1 - run.x0) * weights[i]) / total;
    const mid = at + w / 2;
    while (next < inside.length && mid > inside[next]) {
      if (piece.trim() !== "") pieces.push({ ...run, text: piece.trim(), x0: pieceStart, x1: at });
      piece = "";
      pieceStart = at;
      next++;
    }
    piece += ch;
    at += w;
  });
  if (piece.trim() !== "") pieces.push({ ...run, text: piece.trim(), x0: pieceStart, x1: run.x1 });
  return pieces;
}

/** A statistics table's longest cell is a label of some 40 characters; a frame around paragraphs has more. */
const MAX_CELL_CHARS = 150;

/** The tables a page's rules draw, each with the runs inside it taken out of `runs`. */
function ruledTables(segments: Segment[], runs: Set<Run>): { table: GridTable; top: number }[] {
  const tables: { table: GridTable; top: number }[] = [];
  for (const group of ruleGroups(mergeSegments(segments))) {
    const frame = frameOf(group);
    if (!frame) continue;
    const { xs, ys, region } = frame;
    const texts = new Map<number, Run[]>();
    for (const run of [...runs]) {
      const cx = (run.x0 + run.x1) / 2;
      const cy = centreY(run);
      if (cx < xs[0] || cx > xs[xs.length - 1] || cy < ys[0] || cy > ys[ys.length - 1]) continue;
      runs.delete(run);
      for (const piece of cutRun(run, xs)) {
        const c = indexIn(xs, (piece.x0 + piece.x1) / 2);
        const r = indexIn(ys, centreY(piece));
        if (r < 0 || c < 0) continue;
        const id = region[r][c];
        texts.set(id, [...(texts.get(id) ?? []), piece]);
      }
    }
    const cells: GridTable["cells"] = [];
    const seen = new Set<number>();
    for (let r = 0; r < region.length; r++) {
      for (let c = 0; c < region[r].length; c++) {
        const id = region[r][c];
        if (seen.has(id)) continue;
        seen.add(id);
        let rowSpan = 1;
        while (r + rowSpan < region.length && region[r + rowSpan][c] === id) rowSpan++;
        let colSpan = 1;
        // Past the last column the region is undefined, which ends the span.
        while (region[r][c + colSpan] === id) colSpan++;
        cells.push({ row: r, col: c, rowSpan, colSpan, text: cellText(texts.get(id) ?? []) });
      }
    }
    if (seen.size < 2 || cells.some((c) => c.text.length > MAX_CELL_CHARS)) {
      // A box around text, or a frame around the page (a rule under its heading), is not a table: its
      // text is read as text.
      for (const list of texts.values()) for (const run of list) runs.add(run);
      continue;
    }
    tables.push({ table: { xs, ys, cells }, top: ys[0] });
  }
  // In no particular order: layoutPage sorts every block by its top.
  return tables;
}

/** The text of a cell: its lines top to bottom, pieces of a line left to right. */
function cellText(runs: Run[]): string {
  return groupLines(runs)
    .map((l) => l.text)
    .reduce((text, line) => text + (/[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(line) ? " " : "") + line, "");
}

// ---------------------------------------------------------------------------------------------------
// Lines and paragraphs

/** Runs grouped into lines by baseline, each line's runs joined left to right. */
function groupLines(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: Run[][] = [];
  for (const run of sorted) {
    const last = lines[lines.length - 1];
    const ref = last?.[0];
    if (ref && Math.abs(run.y - ref.y) <= Math.min(run.size, ref.size) * 0.4) last.push(run);
    else lines.push([run]);
  }
  return lines.map((list) => {
    const ordered = list.sort((a, b) => a.x0 - b.x0);
    let text = "";
    let end = -Infinity;
    for (const run of ordered) {
      const gap = run.x0 - end;
      const space = gap > run.size * 0.15 && /[A-Za-z0-9.,:;%)]$/.test(text) && /^[A-Za-z0-9(+-]/.test(run.text);
      const wide = text !== "" && gap > run.size * 1.5;
      text += (space || wide ? " " : "") + run.text;
      end = Math.max(end, run.x1);
    }
    return {
      runs: ordered,
      text,
      x0: Math.min(...ordered.map((r) => r.x0)),
      x1: Math.max(...ordered.map((r) => r.x1)),
      y: ordered.reduce((s, r) => s + r.y, 0) / ordered.length,
      size: Math.max(...ordered.map((r) => r.size)),
    };
  });
}

/** The usual distance between one line and the next on a page (the median), 0 without two lines. */
function linePitch(lines: Line[]): number {
  const ys = lines.map((l) => l.y).sort((a, b) => a - b);
  const gaps = ys.slice(1).map((y, i) => y - ys[i]).filter((g) => g > 1).sort((a, b) => a - b);
  return gaps.length === 0 ? 0 : gaps[Math.floor(gaps.length / 2)];
}

/** Lines that are only a page number: "3", "—3—", "- 3 -", "第3页", "第 3 页 共 7 页", "3/7". */
function isPageNumber(text: string): boolean {
  const t = text.replace(/\s/g, "");
  return /^[-—–－_·.]*\d{1,3}[-—–－_·.]*$/.test(t) || /^第\d{1,3}页(?:[,，]?共\d{1,3}页)?$/.test(t) || /^\d{1,3}\/\d{1,3}$/.test(t);
}

/** Lays out one page: its tables (ruled, then drawn without rules) and its lines of text. */
export function layoutPage(page: PdfPageData): LaidOutPage {
  const runs = pageRuns(page);
  const chars = runs.reduce((n, r) => n + r.text.replace(/\s/g, "").length, 0);
  const left = new Set(runs);
  const blocks: PageBlock[] = ruledTables(pageSegments(page), left).map((t) => ({ kind: "table" as const, ...t }));
  const lines = groupLines([...left]);
  const stream = streamTables(lines, linePitch(lines));
  for (const t of stream.tables) blocks.push({ kind: "rows", rows: t.rows, top: t.top });
  for (const line of stream.lines) blocks.push({ kind: "line", line, top: line.y - line.size });
  blocks.sort((a, b) => a.top - b.top);
  return { blocks, width: page.width, height: page.height, chars };
}

/** The same text at the same place on many pages (a running header or footer), digits ignored. */
function runningLines(pages: LaidOutPage[]): Set<string> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set<string>();
    for (const b of page.blocks) {
      if (b.kind !== "line") continue;
      const edge = b.line.y < page.height * 0.1 || b.line.y > page.height * 0.9;
      if (!edge) continue;
      const key = `${Math.round(b.line.y / 4)}|${b.line.text.replace(/\d+/g, "#")}`;
      if (!seen.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
      seen.add(key);
    }
  }
  const out = new Set<string>();
  // On at least three pages (so never in a document of two), and on half of them.
  for (const [key, n] of counts) if (n >= Math.max(3, pages.length / 2)) out.add(key);
  return out;
}

export type DocBlock = { kind: "para"; text: string } | { kind: "table"; table: GridTable } | { kind: "rows"; rows: string[][] };

/**
 * The pages as one document: paragraphs (lines joined while they run on) and tables (a table joined
 * to the part continued on the next page).
 */
export function layoutDocument(pages: LaidOutPage[]): DocBlock[] {
  const running = runningLines(pages);
  const out: DocBlock[] = [];
  // The paragraph being built: its text and its last line (with the page's margins).
  // A paragraph still open when its page ends ended that page (a table or rows would have closed it).
  let open: { text: string; last: Line; right: number; left: number; page: number } | undefined;
  let lastTable: { table: GridTable; page: number } | undefined;
  const close = () => {
    if (open) out.push({ kind: "para", text: open.text });
    open = undefined;
  };
  pages.forEach((page, p) => {
    const body = page.blocks.filter((b) => {
      if (b.kind !== "line") return true;
      const key = `${Math.round(b.line.y / 4)}|${b.line.text.replace(/\d+/g, "#")}`;
      return !running.has(key);
    });
    // Page numbers: the first or last line of the page.
    while (body.length > 0 && body[body.length - 1].kind === "line" && isPageNumber((body[body.length - 1] as { line: Line }).line.text)) body.pop();
    while (body.length > 0 && body[0].kind === "line" && isPageNumber((body[0] as { line: Line }).line.text)) body.shift();
    const lines = body.flatMap((b) => (b.kind === "line" ? [b.line] : []));
    const { left, right } = margins(lines, page.width);
    const pitch = linePitch(lines);
    body.forEach((b) => {
      if (b.kind === "rows") {
        close();
        out.push({ kind: "rows", rows: b.rows });
        lastTable = undefined;
        return;
      }
      if (b.kind === "table") {
        close();
        // lastTable is held only while a table is the last block so far: one from the page before ended
        // that page, and this table is the first block of this one.
        if (lastTable && lastTable.page === p - 1) {
          const joined = joinTables(lastTable.table, b.table);
          if (joined) {
            out[out.length - 1] = { kind: "table", table: joined };
            lastTable = { table: joined, page: p };
            return;
          }
        }
        out.push({ kind: "table", table: b.table });
        lastTable = { table: b.table, page: p };
        return;
      }
      const line = b.line;
      if (open && runsOn(open, line, left, p, pitch)) {
        open.text = joinLine(open.text, line.text);
      } else {
        close();
        open = { text: line.text, last: line, right, left, page: p };
      }
      open.last = line;
      open.right = right;
      open.left = left;
      open.page = p;
      lastTable = undefined;
    });
  });
  close();
  return out;
}

/** The page's text margins: the left edge most lines start at, and the right edge full lines reach. */
function margins(lines: Line[], width: number): { left: number; right: number } {
  // Without lines no paragraph is measured against these margins.
  // Stryker disable next-line ConditionalExpression,ObjectLiteral: no line is ever tested against them
  if (lines.length === 0) return { left: 0, right: width };
  const lefts = new Map<number, number>();
  for (const l of lines) lefts.set(Math.round(l.x0), (lefts.get(Math.round(l.x0)) ?? 0) + 1);
  const left = Math.min(...[...lefts.entries()].filter(([, n]) => n === Math.max(...lefts.values())).map(([x]) => x));
  const rights = lines.map((l) => l.x1).sort((a, b) => b - a);
  // The right edge: the rightmost reached by at least two lines (one long URL does not set it).
  const right = rights.find((r, i) => i + 1 < rights.length && r - rights[i + 1] <= 2) ?? rights[0];
  return { left, right };
}

/** Whether `line` continues the open paragraph: its last line was full, this one starts at the margin. */
function runsOn(
  open: { last: Line; right: number; left: number; page: number },
  line: Line,
  left: number,
  page: number,
  pitch: number,
): boolean {
  const { last } = open;
  if (Math.abs(last.size - line.size) > Math.max(last.size, line.size) * 0.15) return false;
  // Full: within two or three characters of the right margin (ragged text wraps a little short).
  const full = last.x1 >= open.right - last.size * 2.5;
  if (!full) return false;
  if (numberingOf(line.text) || sectionHeading(line.text) || readDateLine(line.text)) return false;
  const samePage = page === open.page;
  // (A line above the last one would come before it: lines are taken top to bottom, and a line whose
  // baseline is no lower yet whose top is would differ from it in size, refused above.)
  if (samePage && line.y - last.y > Math.max(last.size * 2.2, pitch * 1.3)) return false;
  if (!samePage && page !== open.page + 1) return false;
  const atMargin = line.x0 <= left + line.size * 0.6;
  // A centred title broken over two lines.
  const wide = last.x1 - last.x0 >= (open.right - open.left) * 0.7;
  const centred = samePage && wide && Math.abs((last.x0 + last.x1) / 2 - (line.x0 + line.x1) / 2) <= last.size && last.x0 > open.left + last.size;
  return atMargin || centred;
}

function joinLine(text: string, line: string): string {
  return /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(line) ? `${text} ${line}` : text + line;
}

/**
 * A table and its continuation on the next page, when the columns line up: the same outer edges and
 * boundaries that are a subset of one another's (their union is the joined grid).
 */
export function joinTables(a: GridTable, b: GridTable): GridTable | undefined {
  const close = (x: number, y: number) => Math.abs(x - y) <= SNAP;
  if (!close(a.xs[0], b.xs[0]) || !close(a.xs[a.xs.length - 1], b.xs[b.xs.length - 1])) return undefined;
  const shared = a.xs.filter((x) => b.xs.some((y) => close(x, y))).length;
  if (shared < Math.min(a.xs.length, b.xs.length) * 0.6) return undefined;
  const xs = cluster([...a.xs, ...b.xs]);
  const remap = (t: GridTable, rowOffset: number) =>
    t.cells.map((cell) => {
      const from = xs.findIndex((x) => close(x, t.xs[cell.col]));
      const to = xs.findIndex((x) => close(x, t.xs[cell.col + cell.colSpan]));
      return { ...cell, row: cell.row + rowOffset, col: from, colSpan: to - from };
    });
  const cells = [...remap(a, 0), ...remap(b, a.ys.length - 1)];
  if (cells.some((c) => c.col < 0 || c.colSpan < 1)) return undefined;
  const bShift = a.ys[a.ys.length - 1] - b.ys[0];
  return { xs, ys: [...a.ys, ...b.ys.slice(1).map((y) => y + bShift)], cells };
}

// ---------------------------------------------------------------------------------------------------
// HTML

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A table as HTML: one <tr> per grid row, merged cells as rowspan/colspan, so its grid is kept. */
export function tableHtml(table: GridTable): string {
  const rows = table.ys.length - 1;
  const byRow: string[][] = Array.from({ length: rows }, () => []);
  for (const cell of [...table.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ""}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ""}`;
    byRow[cell.row].push(`<td${spans}>${escapeHtml(cell.text)}</td>`);
  }
  return `<table>${byRow.map((cells) => `<tr>${cells.join("")}</tr>`).join("")}</table>`;
}
