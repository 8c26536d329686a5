/**
 * Issue #15 — the reader never guesses: our own export with blank cells reads back with those cells
 * blank (or listed unread), never a number, and no other cell takes a number that is not its own.
 */
import { describe, expect, it } from "vitest";
import type { EditionId, Report } from "../index";
import { exportHtml, exportMarkdown } from "../export";
import { distinctReport } from "../export/testing";
import { importReport } from "./index";

type TableKey = "activeDisclosure" | "requests" | "reviewLitigation";
const TABLES: TableKey[] = ["activeDisclosure", "requests", "reviewLitigation"];

/** Each row of a table with its cell keys in order. */
function rowsOf(report: Report, table: TableKey): [string, string[]][] {
  const data = report[table] as Record<string, Record<string, unknown> | undefined>;
  return Object.entries(data).flatMap(([row, cells]) => (cells ? [[row, Object.keys(cells)] as [string, string[]]] : []));
}

/** Blank positions to try in a row: its first, second, a middle and its last cell, and the first two together. */
function blankSets(keys: string[]): string[][] {
  const sets = [[keys[0]], [keys[1]], [keys[Math.floor(keys.length / 2)]], [keys[keys.length - 1]], keys.slice(0, 2)];
  return sets.filter((s) => s.every((k) => k !== undefined));
}

async function readBack(report: Report, format: "md" | "html") {
  const options = { draft: false };
  const result =
    format === "md"
      ? await importReport({ kind: "text", data: exportMarkdown(report, options) })
      : await importReport({ kind: "html", data: exportHtml(report, options) });
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe("export with blank cells, then import: blank stays blank", () => {
  for (const edition of ["2019", "2021"] as EditionId[]) {
    for (const otherApplicant of [false, true]) {
      for (const format of ["md", "html"] as const) {
        it(`${edition} edition${otherApplicant ? " with the 其他 column" : ""}, through ${format}`, async () => {
          const base = distinctReport(edition, { otherApplicant });
          for (const table of TABLES) {
            for (const [row, keys] of rowsOf(base, table)) {
              for (const blanks of blankSets(keys)) {
                const report = structuredClone(base);
                const cells = (report[table] as Record<string, Record<string, number | null>>)[row];
                for (const k of blanks) cells[k] = null;
                const back = await readBack(report, format);
                const read = (back.report[table] as Record<string, Record<string, number | null> | undefined>)[row] ?? {};
                const where = `${table}.${row} blank ${blanks.join(",")}`;
                for (const k of keys) {
                  // A blank cell reads blank; any other cell reads its own number, or blank when listed.
                  if (blanks.includes(k)) expect(read[k] ?? null, where).toBeNull();
                  else if (read[k] !== cells[k]) {
                    expect(read[k] ?? null, `${where}: ${k}`).toBeNull();
                    const listed = back.unread.some((u) => u.where === table || `${u.where}.`.startsWith(`${table}.${row}.`));
                    expect(listed, `${where}: ${k} listed`).toBe(true);
                  }
                }
              }
            }
          }
        });
      }
    }
  }
});
