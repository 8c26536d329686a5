/**
 * Checking a batch of published reports at once (issue #15): each file is read by the importer and
 * checked by the rules, and comes back as one entry — agency, year, edition, table cells read of cells
 * printed, findings by rule — or, for a file that cannot be read, the reason in Chinese. One broken file
 * never stops the batch.
 *
 * Pure: it reads the bytes it is given (no file system, no database); the importer is passed in, so the
 * command line reads on its own thread and the app with mammoth off-thread. Two stages, so that each
 * report is checked against the same agency's report of the year before when the batch (or the
 * `previous` files) holds one: read every file, then check every report.
 */
import { getEdition } from "../editions";
import type { EditionId } from "../editions";
import { importReport, sniffKind } from "../import";
import type { ImportInput, ImportResult, TableCellCounts } from "../import/types";
import { labelText } from "../model";
import type { Report, TableKey } from "../model";
import { validate } from "../rules";
import type { RuleId, Severity } from "../rules";

/** One file of the batch: its name (as shown and as the kind is told by) and its bytes. */
export interface BatchFile {
  name: string;
  data: Uint8Array;
}

export type Importer = (input: ImportInput) => Promise<ImportResult>;

/** Value cells of the statistics tables the file prints, and how many of them were read as a number. */
export interface CellCount {
  read: number;
  /** Numbers and placeholders ("/", "—", "无") printed; empty cells and labels are not counted. */
  printed: number;
}

export interface CheckedFinding {
  rule: RuleId;
  severity: Severity;
  /** Cell paths or field keys, as the rules name them. */
  cells: string[];
  /** Chinese label of the first cell (「（一）予以公开」的「自然人」), or "" when the finding names none. */
  place: string;
  message: string;
}

export interface CheckedReport {
  file: string;
  ok: true;
  agency: string;
  year: number;
  edition: EditionId;
  /** 2019年版（国办公开办函〔2019〕60号） */
  editionName: string;
  /** All three tables: the importer's count (a table not found prints 0 cells). */
  cells: CellCount;
  tables: Record<TableKey, CellCount>;
  /** Places the importer could not read (cells, rows, sections, fields). */
  unread: number;
  errors: number;
  warnings: number;
  /** Findings that only inform (提示). */
  infos: number;
  /** Findings per rule, in the order the rules run. */
  byRule: { rule: RuleId; severity: Severity; count: number }[];
  findings: CheckedFinding[];
  /** The file checked as this agency's report of the year before, when the batch had one. */
  previousFile?: string;
}

export interface UnreadableFile {
  file: string;
  ok: false;
  /** Why, in Chinese. */
  reason: string;
}

export type CheckEntry = CheckedReport | UnreadableFile;

export interface BatchOptions {
  /** Reports of earlier years, read only to check against (not listed). */
  previous?: BatchFile[];
  /** Default: importReport (mammoth on this thread). */
  importer?: Importer;
  /** Files larger than this are not read (a line says so). */
  maxBytes?: number;
  /** Called after each file is read (previous files included), for progress. */
  onRead?: (done: number, total: number, file: string) => void;
}

/** A file after the first stage: the report as read, or why it could not be. */
export type ReadFile =
  | { file: string; ok: true; report: Report; unread: number; tableCells: TableCellCounts }
  | UnreadableFile;

const TABLES: TableKey[] = ["activeDisclosure", "requests", "reviewLitigation"];

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Why a file over the size limit was not read. */
export function tooLargeReason(bytes: number, maxBytes: number): string {
  return `文件大小 ${sizeText(bytes)}，超过 ${sizeText(maxBytes)} 的上限，未读取。`;
}

/** Stage 1: one file through the importer. Never throws. */
export async function readPublishedFile(file: BatchFile, options: Pick<BatchOptions, "importer" | "maxBytes"> = {}): Promise<ReadFile> {
  const { name, data } = file;
  if (data.byteLength === 0) return { file: name, ok: false, reason: "文件是空的，没有可读取的内容。" };
  if (options.maxBytes !== undefined && data.byteLength > options.maxBytes) {
    return { file: name, ok: false, reason: tooLargeReason(data.byteLength, options.maxBytes) };
  }
  let result: ImportResult;
  try {
    result = await (options.importer ?? importReport)({ kind: sniffKind(data, name), data });
  } catch (e) {
    result = { ok: false, message: `读取文件时出错：${e instanceof Error ? e.message : String(e)}` };
  }
  if (!result.ok) return { file: name, ok: false, reason: result.message };
  return { file: name, ok: true, report: result.report, unread: result.unread.length, tableCells: result.tableCells };
}

/** Agency names compared without spaces (a printed title may break the name across lines). */
const agencyKey = (name: string) => name.replace(/\s+/g, "");

/** Where to find the report of an agency and year among files read (the first one wins). */
export function reportIndex(files: ReadFile[]): (agency: string, year: number) => { file: string; report: Report } | undefined {
  const index = new Map<string, { file: string; report: Report }>();
  for (const f of files) {
    if (!f.ok || !f.report.agency.name.trim()) continue;
    const key = `${agencyKey(f.report.agency.name)}|${f.report.year}`;
    if (!index.has(key)) index.set(key, { file: f.file, report: f.report });
  }
  return (agency, year) => (agency.trim() ? index.get(`${agencyKey(agency)}|${year}`) : undefined);
}

/** Stage 2: the rules on one report as read, against last year's when there is one. */
export function checkReadFile(read: ReadFile, previous?: { file: string; report: Report }): CheckEntry {
  if (!read.ok) return read;
  const { report } = read;
  const findings = validate(report, { previous: previous?.report });
  const tables = read.tableCells;
  const cells = TABLES.reduce<CellCount>(
    (sum, t) => ({ read: sum.read + tables[t].read, printed: sum.printed + tables[t].printed }),
    { read: 0, printed: 0 },
  );
  const byRule: CheckedReport["byRule"] = [];
  for (const f of findings) {
    const last = byRule.find((r) => r.rule === f.rule);
    if (last) last.count++;
    else byRule.push({ rule: f.rule, severity: f.severity, count: 1 });
  }
  return {
    file: read.file,
    ok: true,
    agency: report.agency.name,
    year: report.year,
    edition: report.edition,
    editionName: getEdition(report.edition).name,
    cells,
    tables,
    unread: read.unread,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    infos: findings.filter((f) => f.severity !== "error" && f.severity !== "warning").length,
    byRule,
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      cells: f.cells,
      place: f.cells.length > 0 ? labelText(report.edition, f.cells[0]) : "",
      message: f.message,
    })),
    ...(previous ? { previousFile: previous.file } : {}),
  };
}

/**
 * Reads and checks every file, in order; one entry per file of `files` (none for `previous`). Each
 * report is checked against the same agency's report of the year before found among `files` and
 * `previous`.
 */
export async function checkBatch(files: BatchFile[], options: BatchOptions = {}): Promise<CheckEntry[]> {
  const all = [...files, ...(options.previous ?? [])];
  const read: ReadFile[] = [];
  for (const file of all) {
    read.push(await readPublishedFile(file, options));
    options.onRead?.(read.length, all.length, file.name);
  }
  const find = reportIndex(read);
  return read.slice(0, files.length).map((r) => checkReadFile(r, r.ok ? find(r.report.agency.name, r.report.year - 1) : undefined));
}

/** Errors and warnings by rule, as one line prints them: R3-HANDLED-SUM×2、N-MISMATCH. */
export function rulesText(entry: CheckedReport): string {
  return entry.byRule.map((r) => (r.count > 1 ? `${r.rule}×${r.count}` : r.rule)).join("、");
}

/** What a batch adds up to. */
export function batchTotals(entries: CheckEntry[]) {
  const checked = entries.filter((e): e is CheckedReport => e.ok);
  return {
    files: entries.length,
    checked: checked.length,
    unreadable: entries.length - checked.length,
    errors: checked.reduce((n, e) => n + e.errors, 0),
    warnings: checked.reduce((n, e) => n + e.warnings, 0),
    infos: checked.reduce((n, e) => n + e.infos, 0),
    withErrors: checked.filter((e) => e.errors > 0).length,
  };
}
