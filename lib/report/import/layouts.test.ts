/**
 * The measurement over the layout fixtures (fixtures/layouts/): each published layout reconstructed from
 * real reports, with the cells it prints written down beside it (<name>.expected.json: cell path →
 * number, or null for a cell printed blank, "/", "—" or "无"). Prints cells read right of cells printed
 * and cells invented (a number where the file prints none, or another number), per file and in all.
 * Goal: every printed number read right, nothing invented.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseInterchange, writeInterchange } from "../interchange";
import type { Report } from "../model";
import { importReport, sniffKind } from "./index";

const dir = path.join(__dirname, "fixtures", "layouts");

interface Expected {
  file: string;
  description: string;
  layouts: string[];
  edition: string;
  year: number;
  cells: Record<string, number | null>;
}

interface Measured {
  file: string;
  printed: number;
  right: number;
  invented: string[];
  missed: string[];
}

const fixtures: Expected[] = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".expected.json"))
  .sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Expected);

/** Every table cell of a report as read: path → number or null. */
function cellsOf(report: Report): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const table of ["activeDisclosure", "requests", "reviewLitigation"] as const) {
    for (const [row, cells] of Object.entries(report[table])) {
      for (const [cell, value] of Object.entries(cells)) out.set(`${table}.${row}.${cell}`, value);
    }
  }
  return out;
}

const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;

function measure(expected: Expected, report: Report): Measured {
  const actual = cellsOf(report);
  const m: Measured = { file: expected.file, printed: 0, right: 0, invented: [], missed: [] };
  for (const [p, want] of Object.entries(expected.cells)) {
    const got = actual.get(p) ?? null;
    if (want === null) {
      if (got !== null) m.invented.push(`${p}: read ${got}, printed blank`);
      continue;
    }
    m.printed++;
    if (got === null) m.missed.push(p);
    else if (same(got, want)) m.right++;
    else m.invented.push(`${p}: read ${got}, printed ${want}`);
  }
  for (const [p, got] of actual) {
    if (got !== null && !(p in expected.cells)) m.invented.push(`${p}: read ${got}, not printed`);
  }
  return m;
}

const results: Measured[] = [];

describe("layouts of published reports: cells read right of cells printed, cells invented", () => {
  for (const fx of fixtures) {
    it(`${fx.file} (${fx.layouts.join(", ")})`, async () => {
      const data = fs.readFileSync(path.join(dir, fx.file));
      const result = await importReport({ kind: sniffKind(new Uint8Array(data), fx.file), data: new Uint8Array(data) });
      if (!result.ok) throw new Error(`${fx.file}: ${result.message}`);
      expect(result.report.edition).toBe(fx.edition);
      expect(result.report.year).toBe(fx.year);
      // What is imported is a valid interchange file.
      const reread = parseInterchange(writeInterchange(result.report));
      expect(reread.ok).toBe(true);
      const m = measure(fx, result.report);
      results.push(m);
      // The counts the import gives: per table, the numbers read are the numbers printed (all read right here).
      for (const table of ["activeDisclosure", "requests", "reviewLitigation"] as const) {
        const numbers = Object.entries(fx.cells).filter(([p, v]) => p.startsWith(`${table}.`) && v !== null).length;
        expect({ table, read: result.tableCells[table].read }).toEqual({ table, read: numbers });
        expect(result.tableCells[table].printed).toBeGreaterThanOrEqual(numbers);
      }
      // Every cell not read is listed as unread.
      const unread = new Set(result.unread.map((u) => u.where));
      const rowsListed = (p: string) => unread.has(p) || unread.has(p.split(".").slice(0, 2).join(".")) || unread.has(p.split(".")[0]);
      expect(m.missed.filter((p) => !rowsListed(p))).toEqual([]);
      expect({ file: fx.file, invented: m.invented, missed: m.missed }).toEqual({ file: fx.file, invented: [], missed: [] });
    });
  }

  it("in all: every printed cell read right, none invented", () => {
    const total = results.reduce((s, m) => ({ printed: s.printed + m.printed, right: s.right + m.right, invented: s.invented + m.invented.length }), {
      printed: 0,
      right: 0,
      invented: 0,
    });
    const lines = results.map((m) => `  ${m.file.padEnd(28)} ${String(m.right).padStart(4)} / ${String(m.printed).padEnd(4)} invented ${m.invented.length}`);
    const pct = total.printed ? ((100 * total.right) / total.printed).toFixed(1) : "0";
    console.log(`Layout fixtures: cells read right / printed, invented\n${lines.join("\n")}\n  in all: ${total.right} / ${total.printed} (${pct}%), invented ${total.invented}`);
    expect(results).toHaveLength(fixtures.length);
    expect(total.invented).toBe(0);
    expect(total.right).toBe(total.printed);
  });
});
