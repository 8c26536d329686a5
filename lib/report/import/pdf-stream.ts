/**
 * Tables printed without rules, rebuilt from text positions. The lines of a page are cut into
 * fragments at wide gaps; a line ending in two or more numbers (or placeholders), or in one number
 * standing well apart from its label, is a row of numbers. Rows of numbers close together form a
 * table, with the short lines just above them as its header.
 *
 * A table is read in parts, a new part at each header printed between rows (table 二 prints one per
 * 第二十条 item): the x ranges of a part's numbers give its value columns, and a column every row
 * leaves blank is found from a header word standing where a column is missing. Every number goes to
 * the column it stands in, so a blank cell keeps its place. A line of label text between rows belongs
 * to the row nearest to it (a label wrapped over lines, a heading printed beside several rows); the
 * header lines become one row with each word in the column it stands over (words broken over lines in
 * a narrow column come together again); 第二十条 lines stay rows of their own.
 *
 * The rows are handed over as rows of cell texts without a grid: label cells, then one cell per value
 * column. A row whose numbers cannot be placed (two in one column, one outside every column), or whose
 * first value column is blank (the reader would take the next number for it), is given without its
 * numbers, so that its cells are listed as not read rather than read wrong.
 */
import { trimTrailing } from "./blocks";
import type { Line, Run } from "./pdf-layout";
import { sectionHeading } from "./narrative";
import { isValueLike } from "./text";

/** A gap wider than this (in ems) between two runs of a line separates cells. */
const CELL_GAP = 0.45;
/** Header lines taken above the first row of numbers, at most. */
const MAX_HEADER_LINES = 10;

interface Fragment {
  text: string;
  x0: number;
  x1: number;
}

interface Span {
  x0: number;
  x1: number;
}

interface StreamLine {
  line: Line;
  fragments: Fragment[];
  /** Index of the first value fragment when the line is a row of numbers, else -1. */
  firstValue: number;
}

export interface StreamTable {
  rows: string[][];
  top: number;
  bottom: number;
}

/** A line cut at wide gaps; two numbers are never one fragment, however close. */
function fragmentsOf(line: Line): Fragment[] {
  const out: Fragment[] = [];
  let current: { runs: Run[]; x1: number } | undefined;
  const flush = () => {
    // Stryker disable next-line ConditionalExpression: flush is only called with a fragment open (a line has a run)
    if (!current) return;
    // Stryker disable next-line MethodExpression,ConditionalExpression,StringLiteral: runs come trimmed and never empty (pageRuns), so neither the trim nor the test changes anything
    const text = current.runs.map((r) => r.text).join("").trim();
    // Stryker disable next-line ConditionalExpression,StringLiteral: runs come trimmed and never empty (pageRuns), so neither the trim nor the test changes anything
    if (text !== "") out.push({ text, x0: current.runs[0].x0, x1: current.x1 });
    current = undefined;
  };
  for (const run of line.runs) {
    if (current) {
      const gap = run.x0 - current.x1;
      const previous = current.runs[current.runs.length - 1];
      if (gap > CELL_GAP * run.size || (gap > 0.1 * run.size && isValueLike(previous.text) && isValueLike(run.text))) flush();
    }
    if (!current) current = { runs: [run], x1: run.x1 };
    else {
      current.runs.push(run);
      current.x1 = Math.max(current.x1, run.x1);
    }
  }
  flush();
  return out;
}

function streamLine(line: Line): StreamLine {
  const fragments = fragmentsOf(line);
  let first = fragments.length;
  while (first > 0 && isValueLike(fragments[first - 1].text)) first--;
  const values = fragments.length - first;
  // One number after a label is a row too when it stands well apart (a table of one value column).
  const apart = values === 1 && first > 0 && fragments[first].x0 - fragments[first - 1].x1 > 1.5 * line.size;
  return { line, fragments, firstValue: values >= 2 || apart ? first : -1 };
}

/**
 * The tables among a page's lines (in reading order) and the lines that are not in one. `pitch` is the
 * page's usual line distance (lines further apart than a few pitches are not one table).
 */
export function streamTables(lines: Line[], pitch: number): { tables: StreamTable[]; lines: Line[] } {
  const all = lines.map(streamLine);
  const used = new Set<number>();
  const tables: StreamTable[] = [];
  let i = 0;
  while (i < all.length) {
    if (all[i].firstValue < 0) {
      i++;
      continue;
    }
    // Rows of numbers close together, with label lines between them.
    let end = i;
    for (let j = i + 1; j < all.length; j++) {
      const l = all[j];
      if (sectionHeading(l.line.text) || l.line.y - all[j - 1].line.y > Math.max(4 * l.line.size, 2.5 * pitch) || j - end > 6) break;
      if (l.firstValue >= 0) end = j;
    }
    const labelRight = Math.min(...all.slice(i, end + 1).filter((l) => l.firstValue >= 0).map((l) => l.fragments[l.firstValue].x0));
    // Header lines above, while close: short text, not a heading or a sentence.
    let start = i;
    while (start > 0 && i - start < MAX_HEADER_LINES) {
      const above = all[start - 1];
      const gap = all[start].line.y - above.line.y;
      // Stryker disable next-line ConditionalExpression,LogicalOperator,ArithmeticOperator,EqualityOperator: the lines above that a table before took end with its last row of numbers, so either test stops there
      if (used.has(start - 1) || above.firstValue >= 0 || sectionHeading(above.line.text) || gap > Math.max(3 * above.line.size, 2 * pitch)) break;
      if (above.fragments.some((f) => f.text.length > 40) || /[。；：:]$/.test(above.line.text)) break;
      start--;
    }
    const table = buildTable(all.slice(start, end + 1), labelRight);
    tables.push(table);
    for (let k = start; k <= end; k++) used.add(k);
    i = end + 1;
  }
  return { tables, lines: all.filter((_, k) => !used.has(k)).map((l) => l.line) };
}

type Kind = "data" | "label" | "header";

function buildTable(lines: StreamLine[], labelRight: number): StreamTable {
  const dataIndexes = lines.flatMap((l, k) => (l.firstValue >= 0 ? [k] : []));
  // Header text over the value columns ends here; label text below it belongs to the first row.
  const headerBottom = Math.max(
    -Infinity,
    ...lines.slice(0, dataIndexes[0]).filter((l) => l.fragments.some((f) => f.x1 > labelRight)).map((l) => l.line.y),
  );
  const kinds: Kind[] = lines.map((l, k) => {
    if (l.firstValue >= 0) return "data";
    const inLabels = l.fragments.every((f) => f.x1 <= labelRight - 0.5 * l.line.size);
    // Stryker disable next-line EqualityOperator: the line at dataIndexes[0] is a row of numbers, and no other line has headerBottom's baseline
    return inLabels && !(k < dataIndexes[0] && l.line.y <= headerBottom) ? "label" : "header";
  });
  // Label lines go to the nearest row of numbers.
  const attached = new Map<number, StreamLine[]>();
  lines.forEach((l, k) => {
    if (kinds[k] !== "label") return;
    const nearest = dataIndexes.reduce((best, d) => (Math.abs(lines[d].line.y - l.line.y) < Math.abs(lines[best].line.y - l.line.y) ? d : best));
    attached.set(nearest, [...(attached.get(nearest) ?? []), l]);
  });
  // Parts: a header printed after rows of numbers starts a new part.
  const parts: { header: StreamLine[]; data: number[] }[] = [{ header: [], data: [] }];
  lines.forEach((l, k) => {
    const part = parts[parts.length - 1];
    if (kinds[k] === "header") {
      if (part.data.length > 0) parts.push({ header: [l], data: [] });
      else part.header.push(l);
    } else if (kinds[k] === "data") part.data.push(k);
  });
  const rows: string[][] = [];
  for (const part of parts) {
    const columns = withHeaderColumns(
      valueColumns(part.data.map((k) => lines[k])),
      part.header.flatMap((l) => l.line.runs),
      labelRight,
    );
    rows.push(...headerRows(part.header, columns));
    for (const k of part.data) {
      const l = lines[k];
      const labels = labelCells([
        ...l.fragments.slice(0, l.firstValue).map((f) => ({ f, y: l.line.y })),
        ...(attached.get(k) ?? []).flatMap((a) => a.fragments.map((f) => ({ f, y: a.line.y }))),
      ]);
      const values = placeValues(l.fragments.slice(l.firstValue), columns);
      rows.push(values ? [...labels, ...values] : labels);
    }
  }
  const ys = lines.map((l) => l.line.y);
  return { rows, top: Math.min(...ys) - lines[0].line.size, bottom: Math.max(...ys) };
}

/** Value columns from the x ranges of the numbers: ranges that overlap are one column. */
function valueColumns(lines: StreamLine[]): Span[] {
  const ranges = lines.flatMap((l) => l.fragments.slice(l.firstValue).map((f) => ({ x0: f.x0, x1: f.x1 })));
  return mergeSpans(ranges);
}

function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const r of [...spans].sort((a, b) => a.x0 - b.x0)) {
    const last = out[out.length - 1];
    if (last && r.x0 <= last.x1 + 0.5) last.x1 = Math.max(last.x1, r.x1);
    else out.push({ ...r });
  }
  return out;
}

const centre = (s: Span) => (s.x0 + s.x1) / 2;

/**
 * The value columns with those every row leaves blank: a header word over the value columns that
 * stands over no number, where the columns' usual spacing leaves room for one more (so a heading
 * centred between two columns is not taken for a column).
 */
function withHeaderColumns(columns: Span[], headerRuns: Run[], labelRight: number): Span[] {
  // Stryker disable next-line ConditionalExpression: with one column the step is Infinity and no word fits anyway
  if (columns.length < 2) return columns;
  const centres = columns.map(centre);
  // The columns' spacing: the smallest step between two (a missing column makes one step double).
  const step = Math.min(...centres.slice(1).map((c, i) => c - centres[i]));
  const found: Span[] = [];
  for (const run of headerRuns) {
    const c = centre(run);
    if (c <= labelRight || columns.some((col) => run.x0 < col.x1 && run.x1 > col.x0)) continue;
    // Stryker disable next-line EqualityOperator: a word centred on a column's centre stands over that column and was skipped above
    const left = [...centres].reverse().find((x) => x < c);
    // Stryker disable next-line EqualityOperator: a word centred on a column's centre stands over that column and was skipped above
    const right = centres.find((x) => x > c);
    // A word right of labelRight that is left of the first column's centre overlaps that column (which starts at or
    // before labelRight), so a word with no column to its left never gets here: a column before the first is not looked for.
    const fits =
      left !== undefined && right !== undefined
        ? right - left >= 1.6 * step && c - left >= 0.6 * step && right - c >= 0.6 * step
        : left !== undefined && c - left >= 0.6 * step && c - left <= 1.4 * step;
    if (fits) found.push({ x0: run.x0, x1: run.x1 });
  }
  // Stryker disable next-line ConditionalExpression: the columns are merged already, so merging them alone changes nothing
  return found.length === 0 ? columns : mergeSpans([...columns, ...found]);
}

/**
 * The header lines as rows: 第二十条 lines as they are, the others together as one row with each word
 * in the band of the column it stands over (band 0: the labels), the words of a band top to bottom.
 */
function headerRows(lines: StreamLine[], columns: Span[]): string[][] {
  const rows: string[][] = [];
  // Band i + 1 is value column i, from halfway to the column before; band 0 holds the labels.
  const lefts = columns.map((c, i) => (i === 0 ? c.x0 - (c.x1 - c.x0) : (columns[i - 1].x1 + c.x0) / 2));
  const bandOf = (x: number) => lefts.reduce((band, left, i) => (x >= left ? i + 1 : band), 0);
  let merged: string[] | undefined;
  for (const l of lines) {
    if (/第二十条/.test(l.line.text)) {
      if (merged) rows.push(merged);
      merged = undefined;
      rows.push(l.fragments.map((f) => f.text));
      continue;
    }
    merged ??= ["", ...columns.map(() => "")];
    for (const run of l.line.runs) merged[bandOf(centre(run))] += run.text;
  }
  if (merged) rows.push(merged);
  return rows;
}

/** Label fragments in columns (fragments that overlap side by side are one), each read top to bottom. */
function labelCells(pieces: { f: Fragment; y: number }[]): string[] {
  const groups: { x0: number; x1: number; pieces: { f: Fragment; y: number }[] }[] = [];
  for (const p of [...pieces].sort((a, b) => a.f.x0 - b.f.x0)) {
    const g = groups.find((c) => p.f.x0 < c.x1 && p.f.x1 > c.x0);
    if (g) {
      g.pieces.push(p);
      g.x0 = Math.min(g.x0, p.f.x0);
      g.x1 = Math.max(g.x1, p.f.x1);
    } else groups.push({ x0: p.f.x0, x1: p.f.x1, pieces: [p] });
  }
  // Stryker disable next-line MethodExpression: pieces are visited left to right, so the groups are made in order of x already
  return groups
    // Stryker disable next-line ArrowFunction,ArithmeticOperator: pieces are visited left to right, so the groups are made in order of x already
    .sort((a, b) => a.x0 - b.x0)
    .map((g) =>
      g.pieces
        .sort((a, b) => a.y - b.y)
        .map((p) => p.f.text)
        .join(""),
    );
}

/** The values by column ("" where blank, trailing blanks dropped); undefined when they cannot be placed safely. */
function placeValues(values: Fragment[], columns: Span[]): string[] | undefined {
  const cells = columns.map(() => "");
  for (const v of values) {
    const under = columns.flatMap((col, i) => (v.x0 < col.x1 + 0.5 && v.x1 > col.x0 - 0.5 ? [i] : []));
    if (under.length !== 1 || cells[under[0]] !== "") return undefined;
    const c = under[0];
    cells[c] = v.text;
  }
  if (cells[0] === "") return undefined;
  return trimTrailing(cells);
}
