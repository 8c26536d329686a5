/**
 * The JSON interchange file (formatVersion 1): a strict zod schema per edition, a reader that never
 * throws and names every problem by its JSON path (and Chinese label), and a writer.
 *
 * parseInterchange(writeInterchange(r)) returns r for every report r that parseInterchange produced
 * (or that is already normalized: tables 三/四 with every row and cell, table 二 rows with every cell).
 */
import { z } from "zod";
import { EDITION_IDS, isEditionId } from "./editions";
import type { EditionId } from "./editions";
import { layoutOf } from "./layout";
import {
  AGENCY_LEVELS,
  FORMAT_VERSION,
  REPORT_FORMAT,
  cellLabel,
  normalizeRequests,
  normalizeReviewLitigation,
} from "./model";
import type { Cell, NarrativeSection, Report, TableData } from "./model";

export interface InterchangeError {
  /** JSON path, e.g. requests.newReceived.naturalPerson or overview[0].text; "" for the whole file. */
  path: string;
  /** Chinese label of the place, where there is one. */
  label?: string;
  /** What was expected there, in Chinese. */
  expected: string;
  /** What was found, in Chinese. */
  got: string;
  /** One Chinese sentence naming the place and what was expected. */
  message: string;
}

export type ParseResult = { ok: true; report: Report } | { ok: false; errors: InterchangeError[] };

// ---------------------------------------------------------------------------------------------------
// Schema

const cell = z.number().nullable();
const text = z.string();
const narrative = z.array(z.strictObject({ heading: text.optional(), text }));

function strictRows(rows: [string, string[]][]) {
  const shape: Record<string, z.ZodOptional<z.ZodObject>> = {};
  for (const [rowKey, cellKeys] of rows) {
    const cells: Record<string, z.ZodOptional<typeof cell>> = {};
    for (const c of cellKeys) cells[c] = cell.optional();
    shape[rowKey] = z.strictObject(cells).optional();
  }
  return z.strictObject(shape);
}

function reportSchema(tables: { ad: z.ZodType; requests: z.ZodType; review: z.ZodType }, edition: z.ZodType) {
  return z.strictObject({
    format: z.literal(REPORT_FORMAT),
    formatVersion: z.literal(FORMAT_VERSION),
    edition,
    year: z.number().int().min(2008).max(2100),
    agency: z.strictObject({ name: text, level: z.enum(AGENCY_LEVELS).optional() }),
    title: text.optional(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    intro: text.optional(),
    website: z.strictObject({ name: text.optional(), url: text.optional() }).optional(),
    contact: z
      .strictObject({ address: text.optional(), phone: text.optional(), postcode: text.optional() })
      .optional(),
    overview: narrative.optional(),
    activeDisclosure: tables.ad.optional(),
    requests: tables.requests.optional(),
    reviewLitigation: tables.review.optional(),
    problems: text.optional(),
    otherMatters: narrative.optional(),
  });
}

const schemas = new Map<EditionId | "unknown", z.ZodType>();

/** The zod schema of an interchange file of one edition (exported for forms and server actions). */
export function interchangeSchema(id: EditionId): z.ZodType {
  let schema = schemas.get(id);
  if (!schema) {
    const layout = layoutOf(id);
    const ed = layout.edition;
    schema = reportSchema(
      {
        ad: strictRows(layout.adRows.map((r) => [r.key, r.columns.map((c) => c.key)])),
        requests: strictRows(layout.requestRowKeys.map((k) => [k, ed.requests.columns.map((c) => c.key)])),
        review: strictRows(layout.reviewGroups.map((g) => [g.key, ed.reviewLitigation.cells.map((c) => c.key)])),
      },
      z.literal(id),
    );
    schemas.set(id, schema);
  }
  return schema;
}

/** Used only to report the other problems of a file whose edition is wrong: tables are not checked. */
function unknownEditionSchema(): z.ZodType {
  let schema = schemas.get("unknown");
  if (!schema) {
    schema = reportSchema({ ad: z.unknown(), requests: z.unknown(), review: z.unknown() }, z.enum(EDITION_IDS));
    schemas.set("unknown", schema);
  }
  return schema;
}

// ---------------------------------------------------------------------------------------------------
// Reading

type RawReport = Omit<Report, "overview" | "otherMatters" | "activeDisclosure" | "requests" | "reviewLitigation"> & {
  overview?: { heading?: string; text: string }[];
  otherMatters?: { heading?: string; text: string }[];
  activeDisclosure?: TableData;
  requests?: TableData;
  reviewLitigation?: TableData;
};

/** Reads an interchange file. Never throws. */
export function parseInterchange(source: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return fail([
      {
        path: "",
        expected: "JSON 文本",
        got: source.trim() === "" ? "空文件" : "无法解析的文本",
        message: `文件不是有效的 JSON，无法读取（${reason}）。`,
      },
    ]);
  }
  return parseInterchangeValue(data);
}

/**
 * A report already read from JSON (a stored row, a request body): the same checks and normalisation as
 * parseInterchange, without writing it out and parsing it again.
 */
export function parseInterchangeValue(data: unknown): ParseResult {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return fail([
      {
        path: "",
        expected: "JSON 对象",
        got: describe(data),
        message: `文件内容应为一个 JSON 对象，实际为${describe(data)}。`,
      },
    ]);
  }
  const edition = (data as Record<string, unknown>).edition;
  const schema = isEditionId(edition) ? interchangeSchema(edition) : unknownEditionSchema();
  const result = schema.safeParse(data);
  if (!result.success) {
    const errors: InterchangeError[] = [];
    for (const issue of result.error.issues) errors.push(...issueErrors(issue, data, edition));
    return fail(errors);
  }
  return { ok: true, report: normalize(result.data as RawReport) };
}

function fail(errors: InterchangeError[]): ParseResult {
  return { ok: false, errors };
}

/** Builds the Report in canonical key order with tables normalized (contract sections 6 and 8). */
function normalize(raw: RawReport): Report {
  const layout = layoutOf(raw.edition);
  const activeDisclosure: TableData = {};
  const ad = raw.activeDisclosure ?? {};
  for (const row of layout.adRows) {
    const src = ad[row.key];
    if (!src) continue;
    const out: Record<string, Cell> = {};
    for (const c of row.columns) out[c.key] = src[c.key] ?? null;
    activeDisclosure[row.key] = out;
  }
  const report: Report = {
    format: raw.format,
    formatVersion: raw.formatVersion,
    edition: raw.edition,
    year: raw.year,
    agency: pick(raw.agency, ["name", "level"]),
    ...optional("title", raw.title),
    ...optional("date", raw.date),
    ...optional("intro", raw.intro),
    ...optional("website", raw.website && pick(raw.website, ["name", "url"])),
    ...optional("contact", raw.contact && pick(raw.contact, ["address", "phone", "postcode"])),
    ...optional("overview", raw.overview && sections(raw.overview)),
    activeDisclosure,
    requests: normalizeRequests(raw.edition, raw.requests ?? {}),
    reviewLitigation: normalizeReviewLitigation(raw.edition, raw.reviewLitigation ?? {}),
    ...optional("problems", raw.problems),
    ...optional("otherMatters", raw.otherMatters && sections(raw.otherMatters)),
  };
  return report;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function pick<T extends object>(src: T, keys: (keyof T)[]): T {
  const out = {} as T;
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  return out;
}

function sections(list: { heading?: string; text: string }[]): NarrativeSection[] {
  return list.map((s) => ({ heading: s.heading ?? "", text: s.text }));
}

// ---------------------------------------------------------------------------------------------------
// Errors in Chinese

const TYPE_NAMES: Record<string, string> = {
  string: "文本",
  number: "数字",
  int: "整数",
  boolean: "布尔值",
  object: "对象",
  array: "数组",
  null: "null",
};

function describe(value: unknown): string {
  if (value === undefined) return "缺少";
  if (value === null) return "null";
  if (typeof value === "string") return `文本 ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)}`;
  if (typeof value === "number") return `数字 ${value}`;
  if (typeof value === "boolean") return `布尔值 ${value}`;
  if (Array.isArray(value)) return "数组";
  return "对象";
}

function at(data: unknown, path: PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function jsonPath(path: PropertyKey[]): string {
  let out = "";
  for (const k of path) {
    if (typeof k === "number") out += `[${k}]`;
    else out += out === "" ? String(k) : `.${String(k)}`;
  }
  return out;
}

function labelOf(path: PropertyKey[], edition: unknown): string | undefined {
  const p = jsonPath(path);
  if (p === "") return undefined;
  const top = String(path[0]);
  if ((top === "overview" || top === "otherMatters") && path.length > 1) {
    const base = cellLabel("2021", top)?.row;
    return base ? `${base}第${Number(path[1]) + 1}段` : undefined;
  }
  const label = cellLabel(isEditionId(edition) ? edition : "2021", p);
  if (!label) return undefined;
  return label.column ? `${label.row}·${label.column}` : label.row;
}

function place(path: string, label: string | undefined): string {
  if (path === "") return "文件顶层";
  return label ? `${path}（${label}）` : path;
}

function isCellPath(path: PropertyKey[]): boolean {
  return (
    path.length === 3 &&
    (path[0] === "activeDisclosure" || path[0] === "requests" || path[0] === "reviewLitigation")
  );
}

function issueErrors(issue: z.core.$ZodIssue, data: unknown, edition: unknown): InterchangeError[] {
  const path = issue.path;
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const keyPath = [...path, key];
      const p = jsonPath(keyPath);
      const where = path.length === 0 ? "文件顶层" : place(jsonPath(path), labelOf(path, edition));
      const otherEdition = EDITION_IDS.find(
        (id) => id !== edition && cellLabel(id, p) !== undefined && isEditionId(edition) && !cellLabel(edition, p),
      );
      const hint = otherEdition ? `（这是${otherEdition}年版格式的项目，本文件为${String(edition)}年版）` : "";
      return {
        path: p,
        expected: "格式规定的键",
        got: `未知的键「${key}」`,
        message: `${where}中有未知的键「${key}」${hint}，格式不允许多余的项目。`,
      };
    });
  }
  const value = at(data, path);
  const p = jsonPath(path);
  const label = labelOf(path, edition);
  const where = place(p, label);
  const got = describe(value);
  let expected: string;
  switch (issue.code) {
    case "invalid_type":
      expected = isCellPath(path)
        ? "数字（空白写 null）"
        : issue.expected === "object" && path.length === 2 && isCellPath([...path, ""])
          ? "对象（该行各单元格）"
          : (TYPE_NAMES[issue.expected] ?? issue.expected);
      if (value === undefined) {
        return [{ path: p, label, expected, got, message: `缺少必填项 ${where}，应为${expected}。` }];
      }
      break;
    case "invalid_value":
      expected = issue.values.map((v) => JSON.stringify(v)).join(" 或 ");
      break;
    case "too_small":
      expected = `不小于 ${String(issue.minimum)} 的数`;
      break;
    case "too_big":
      expected = `不大于 ${String(issue.maximum)} 的数`;
      break;
    case "invalid_format":
      expected = p === "date" ? "日期，格式为 YYYY-MM-DD（如 2021-01-21）" : "规定格式的文本";
      break;
    default:
      expected = issue.message;
  }
  if (issue.code === "invalid_type" && issue.expected === "int") expected = "整数";
  return [{ path: p, label, expected, got, message: `${where}应为${expected}，实际为${got}。` }];
}

// ---------------------------------------------------------------------------------------------------
// Writing

/** The report as a pretty-printed interchange file; table rows are kept on one line each. */
export function writeInterchange(report: Report): string {
  const json = JSON.stringify(report, null, 2);
  // Collapse objects whose values are all numbers or null (table rows) onto one line.
  return (
    json.replace(/\{\n(?:\s+"[^"\n]+": (?:-?[0-9.eE+-]+|null),?\n)+\s*\}/g, (block) =>
      block.replace(/\n\s*/g, " "),
    ) + "\n"
  );
}
