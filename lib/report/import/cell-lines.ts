/**
 * Text copied from a web page one table cell per line: a label line, then each number on its own line,
 * sometimes with blank lines between cells, sometimes every line ending in " |" with lines of pipes
 * alone where merged cells were ("||", "|||"). Such runs of lines are put back into table rows: the
 * labels before the numbers of a row form a row of their own (a header, a heading or the first part of
 * a label), the last label and the numbers after it form the row.
 *
 * Without the pipes a blank cell leaves no line, so the rows rebuilt are `loose` (a row short of
 * numbers cannot be placed); with them a line " |" alone is a blank cell and keeps its place.
 */
import { sectionHeading } from "./narrative";
import { isValueLike } from "./text";
import type { RowBlock } from "./types";

type CellLine =
  | { kind: "label" | "value"; text: string; piped: boolean }
  | { kind: "empty" }
  | { kind: "filler" }
  | { kind: "blank" };

/** How many numbers a run of cell lines needs before it is read as a table. */
const MIN_VALUES = 3;
/** The longest line taken for one cell (a longer one is a paragraph). */
const MAX_CELL = 80;

/** The lines of a text with runs of one-cell-per-line table cells replaced by the rows they form. */
export function regroupCellLines(lines: string[]): (string | RowBlock)[] {
  const out: (string | RowBlock)[] = [];
  let run: { line: string; cell: CellLine }[] = [];
  const end = () => {
    if (isTableRun(run.map((r) => r.cell))) out.push(...rowsOf(run.map((r) => r.cell)));
    else out.push(...run.map((r) => r.line));
    run = [];
  };
  for (const line of lines) {
    const cell = cellLine(line);
    if (cell) run.push({ line, cell });
    else {
      end();
      out.push(line);
    }
  }
  end();
  return out;
}

/** A line as one cell of a table copied one cell per line, or undefined when it is something else. */
function cellLine(line: string): CellLine | undefined {
  const trimmed = line.trim();
  if (trimmed === "") return { kind: "blank" };
  // Stryker disable next-line ArrayDeclaration: trimmed is not blank here, so it holds a pipe and match() never returns null
  if (/^[|｜\s]+$/.test(trimmed)) return (trimmed.match(/[|｜]/g) ?? []).length === 1 ? { kind: "empty" } : { kind: "filler" };
  const piped = /^([^|｜]*?)\s*[|｜]+$/.exec(trimmed);
  // Stryker disable next-line MethodExpression: equivalent, trimmed has no spaces in front and \s* takes those before the pipes
  const text = (piped ? piped[1] : trimmed).trim();
  if (text === "" || text.length > MAX_CELL || text.includes("\t") || /[|｜]/.test(text)) return undefined;
  if (!piped && (/[ \u00a0]{2,}|\u3000/.test(text) || /[。；：:！？]$/.test(text) || sectionHeading(text))) return undefined;
  const tokens = text.split(/\s+/);
  // Several numbers on one line are a row, not a cell ("0 0 0 0 0 0 0").
  if (tokens.length >= 2 && tokens.every(isValueLike)) return undefined;
  return { kind: isValueLike(text) ? "value" : "label", text, piped: !!piped };
}

/** A run is a table when it holds numbers, some of them right after a label. */
function isTableRun(cells: CellLine[]): boolean {
  const values = cells.filter((c) => c.kind === "value").length;
  if (values < MIN_VALUES) return false;
  const solid = cells.filter((c) => c.kind === "label" || c.kind === "value");
  return solid.some((c, i) => c.kind === "label" && solid[i + 1]?.kind === "value");
}

function rowsOf(cells: CellLine[]): RowBlock[] {
  const piped = cells.some((c) => (c.kind === "label" || c.kind === "value") && c.piped);
  const rows: RowBlock[] = [];
  let labels: string[] = [];
  let values: string[] = [];
  const flush = () => {
    if (labels.length === 0 && values.length === 0) return;
    if (values.length === 0) {
      rows.push(row(labels, piped));
    } else {
      if (labels.length > 1) rows.push(row(labels.slice(0, -1), piped));
      rows.push(row([labels[labels.length - 1] ?? "", ...values], piped));
    }
    labels = [];
    values = [];
  };
  for (const c of cells) {
    switch (c.kind) {
      case "label":
        if (values.length > 0) flush();
        labels.push(c.text);
        break;
      case "value":
        values.push(c.text);
        break;
      case "empty":
        // A blank cell (" |" alone), or the filler of a merged cell: kept, so a row that is short of
        // numbers shows where a cell may be missing.
        if (labels.length > 0 || values.length > 0) values.push("");
        break;
    }
  }
  flush();
  return rows;
}

function row(cells: string[], piped: boolean): RowBlock {
  return piped ? { kind: "row", cells } : { kind: "row", cells, loose: true };
}
