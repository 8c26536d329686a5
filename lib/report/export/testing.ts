/**
 * Test helpers: read a DOCX back (paragraphs, tables with merges resolved onto a full grid, header and
 * footer text) and build a report whose every cell holds a different number.
 */
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { expect } from "vitest";
import { emptyReport, getEdition, hasOtherApplicant, layoutOf } from "../index";
import { parseInterchange } from "../interchange";
import type { EditionId, Report } from "../index";

export interface DocxTableSlot {
  text: string;
  /** true where the cell starts; false in slots covered by its gridSpan or a vMerge continuation. */
  origin: boolean;
}

export interface DocxContent {
  /** Text of the body paragraphs outside tables, in order (line breaks as \n). */
  paragraphs: string[];
  /** Each table as a full grid: every slot has the text of the (merged) cell covering it. */
  tables: DocxTableSlot[][][];
  header: string;
  footer: string;
  document: string;
  styles: string;
  files: string[];
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&" };

function decode(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (e) => ENTITIES[e]);
}

/** The text of an XML fragment: w:t contents, w:br and w:tab as \n and \t. */
export function xmlText(xml: string): string {
  let out = "";
  const re = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>|<w:p(?:\s[^>]*)?>/g;
  let first = true;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0].startsWith("<w:br")) out += "\n";
    else if (m[0].startsWith("<w:tab")) out += "\t";
    else if (m[0].startsWith("<w:p")) {
      if (!first) out += "\n";
      first = false;
    } else out += decode(m[1]);
  }
  return out;
}

function readTable(xml: string): DocxTableSlot[][] {
  const grid: DocxTableSlot[][] = [];
  const rows = xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
  rows.forEach((rowXml, r) => {
    const row: DocxTableSlot[] = [];
    for (const cellXml of rowXml.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []) {
      const span = Number(cellXml.match(/<w:gridSpan w:val="(\d+)"\/>/)?.[1] ?? 1);
      const vMerge = cellXml.match(/<w:vMerge(?: w:val="(\w+)")?\/>/);
      const continued = vMerge !== null && vMerge[1] !== "restart";
      const col = row.length;
      const text = continued ? (grid[r - 1]?.[col]?.text ?? "") : xmlText(cellXml);
      for (let k = 0; k < span; k++) row.push({ text, origin: k === 0 && !continued });
    }
    grid.push(row);
  });
  return grid;
}

/** Unzips a DOCX and reads its body, tables, header and footer. */
export async function readDocx(data: Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(data);
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const document = await read("word/document.xml");
  const files = Object.keys(zip.files);
  const headerFiles = files.filter((f) => /^word\/header\d*\.xml$/.test(f));
  const footerFiles = files.filter((f) => /^word\/footer\d*\.xml$/.test(f));
  const header = (await Promise.all(headerFiles.map(read))).map(xmlText).join("\n");
  const footer = (await Promise.all(footerFiles.map(read))).join("\n");

  const body = document.slice(document.indexOf("<w:body>"), document.lastIndexOf("</w:body>"));
  const paragraphs: string[] = [];
  const tables: DocxTableSlot[][][] = [];
  const re = /<w:tbl>[\s\S]*?<\/w:tbl>|<w:p\/>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[0].startsWith("<w:tbl>")) tables.push(readTable(m[0]));
    else paragraphs.push(xmlText(m[0]));
  }
  return { paragraphs, tables, header, footer, document, styles: await read("word/styles.xml"), files };
}

/** Texts of a grid row. */
export function rowTexts(row: DocxTableSlot[] | { text: string }[]): string[] {
  return row.map((slot) => slot.text);
}

/** The seed report (the published 2020 report of contract section 8), freshly parsed. */
export function seedReport(): Report {
  const parsed = parseInterchange(fs.readFileSync(path.join(__dirname, "../fixtures/seed-2020.json"), "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.report;
}

/**
 * A report of an edition in which every cell of every table holds a different number (table 二 from
 * 101, table 三 from 1001, table 四 from 5001), with negative and positive 本年增/减 and decimal amounts where the
 * edition has them, and the otherApplicant column when asked for.
 */
export function distinctReport(edition: EditionId, options: { otherApplicant?: boolean } = {}): Report {
  const report = emptyReport(edition, edition === "2019" ? 2020 : 2022, { name: "测试市测试局", level: "department" });
  const layout = layoutOf(edition);
  let n = 100;
  for (const row of layout.adRows) {
    for (const c of row.columns) {
      n++;
      report.activeDisclosure[row.key][c.key] = c.kind === "signed" ? (n % 2 ? -n : n) : c.kind === "amount" ? n + 0.5 : n;
    }
  }
  n = 1000;
  for (const rowKey of layout.requestRowKeys) {
    const row: Record<string, number> = {};
    for (const c of [...layout.applicantColumnKeys, ...(options.otherApplicant ? ["otherApplicant"] : []), "total"]) {
      row[c] = ++n;
    }
    report.requests[rowKey] = row;
  }
  n = 5000;
  for (const group of layout.reviewGroups) {
    for (const c of layout.edition.reviewLitigation.cells) report.reviewLitigation[group.key][c.key] = ++n;
  }
  return report;
}

// ---------------------------------------------------------------------------------------------------
// Where every label and number must be, derived from the edition definition (the contract's tables)

type Grid = { text: string }[][];

function printed(value: number | null | undefined, kind?: string): string {
  if (value === null || value === undefined) return "";
  return kind === "signed" && value > 0 ? `+${value}` : String(value);
}

/**
 * Checks the three tables of an export, drawn on full grids (merged cells repeated in every slot they
 * cover), cell by cell: table 二 groups (label row, 信息内容 header row, present rows only), table 三 with
 * its three header rows, corner note and headings down the label columns, table 四 with its three
 * header rows and one row of numbers.
 */
export function expectTablesAt(tables: Grid[], report: Report): void {
  const edition = getEdition(report.edition);
  const [ad, rq, rl] = tables;
  expect(tables).toHaveLength(3);

  const width = 1 + Math.max(...edition.activeDisclosure.groups.map((g) => g.columns.length));
  let r = 0;
  for (const group of edition.activeDisclosure.groups) {
    const rows = group.rows.filter((row) => report.activeDisclosure[row.key] !== undefined);
    if (rows.length === 0) {
      expect(ad.flat().map((s) => s.text)).not.toContain(group.label);
      continue;
    }
    expect(rowTexts(ad[r++])).toEqual(new Array(width).fill(group.label));
    const at = (j: number) => (group.columns.length === 1 ? [1, 2, 3].slice(0, width - 1) : [1 + j]);
    const headerRow = rowTexts(ad[r++]);
    expect(headerRow[0]).toBe(edition.activeDisclosure.rowHeader);
    group.columns.forEach((c, j) => at(j).forEach((col) => expect(headerRow[col]).toBe(c.label)));
    for (const row of rows) {
      const texts = rowTexts(ad[r++]);
      expect(texts[0]).toBe(row.label);
      group.columns.forEach((c, j) =>
        at(j).forEach((col) => expect(texts[col]).toBe(printed(report.activeDisclosure[row.key][c.key], c.kind))),
      );
      expect(texts).toHaveLength(width);
    }
  }
  expect(ad).toHaveLength(r);

  const layout = layoutOf(report.edition);
  const withOther = hasOtherApplicant(report.requests);
  const columns = edition.requests.columns.filter((c) => withOther || !c.optional);
  const rowsByKey = new Map(edition.requests.rows.map((row) => [row.key, row]));
  for (let h = 0; h < 3; h++) {
    const texts = rowTexts(rq[h]);
    expect(texts.slice(0, 3)).toEqual(new Array(3).fill(edition.requests.cornerNote));
    columns.forEach((c, j) => expect(texts[3 + j]).toBe(h < c.headerPath.length ? c.headerPath[h] : c.label));
    expect(texts).toHaveLength(3 + columns.length);
  }
  layout.requestRows.forEach((row, k) => {
    const texts = rowTexts(rq[3 + k]);
    for (let col = row.level; col < 3; col++) expect(texts[col]).toBe(row.label);
    for (let p = row.parent; p; p = rowsByKey.get(p)?.parent) {
      const heading = rowsByKey.get(p)!;
      expect(texts[heading.level]).toBe(heading.label);
    }
    columns.forEach((c, j) => expect(texts[3 + j]).toBe(printed(report.requests[row.key][c.key])));
    expect(texts).toHaveLength(3 + columns.length);
  });
  expect(rq).toHaveLength(3 + layout.requestRows.length);

  const def = edition.reviewLitigation;
  const top = rowTexts(rl[0]);
  const mid = rowTexts(rl[1]);
  const leaf = rowTexts(rl[2]);
  const values = rowTexts(rl[3]);
  def.groups.forEach((group, g) =>
    def.cells.forEach((c, j) => {
      const col = g * def.cells.length + j;
      expect(top[col]).toBe(group.label);
      expect(mid[col]).toBe(group.subLabel ?? c.label);
      expect(leaf[col]).toBe(c.label);
      expect(values[col]).toBe(printed(report.reviewLitigation[group.key][c.key]));
    }),
  );
  expect(values).toHaveLength(def.groups.length * def.cells.length);
  expect(rl).toHaveLength(4);
}
