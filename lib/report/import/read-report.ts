/**
 * The one core shared by text, HTML and DOCX: blocks (paragraphs and table rows) → the report model,
 * with every cell and section it could not read and notes on what it changed (元 → 万元 …).
 */
import { editionForYear, getEdition, SECTIONS } from "../editions";
import type { EditionId, SectionKey } from "../editions";
import { FORMAT_VERSION, REPORT_FORMAT } from "../model";
import type { Agency, NarrativeSection, Report } from "../model";
import { ImportLog } from "./match";
import {
  continues,
  isPageDetails,
  isSignature,
  joinContinued,
  levelOf,
  publishedDate,
  readContact,
  readWebsite,
  sectionHeading,
  splitSubsections,
  titleAt,
} from "./narrative";
import type { HeadingStyle, TitleLine } from "./narrative";
import { hasValues, printedCells } from "./tables/rows";
import { EDITION_SIGNALS, readActiveDisclosure, readRequests, readReviewLitigation, tableOfRow } from "./tables";
import type { TableKeyOf } from "./tables";
import { cleanText, isValueLike, matchKey, readDateLine, stripMarkup } from "./text";
import type { Block, ImportResult, RowBlock, TableCellCount, TableCellCounts } from "./types";

interface Para {
  kind: "para";
  /** Markup stripped, spaces kept (for headings and numbering). */
  raw: string;
  /** As stored. */
  text: string;
}

type Item = Para | RowBlock;

const NOT_A_REPORT = "该文件不像政府信息公开工作年度报告";

export function readReport(blocks: Block[]): ImportResult {
  let items = labelFragmentsAsRows(joinBrokenParagraphs(toItems(blocks)));
  if (!items.some((i) => (i.kind === "para" ? i.text : i.cells.join("")).match(/[\u4e00-\u9fff]/))) {
    return { ok: false, message: `${NOT_A_REPORT}：文件中没有中文内容。` };
  }

  // Section headings, in order; a heading numbered （一） only when the first heading was too.
  const headings: { index: number; key: SectionKey }[] = [];
  let firstStyle: HeadingStyle | undefined;
  let lastOrder = -1;
  items.forEach((item, index) => {
    if (item.kind !== "para") return;
    const h = sectionHeading(item.raw);
    if (!h) return;
    const order = SECTIONS.findIndex((s) => s.key === h.key);
    if (order <= lastOrder) return;
    if (firstStyle !== undefined && h.style === "paren" && firstStyle !== "paren") return;
    firstStyle ??= h.style;
    lastOrder = order;
    headings.push({ index, key: h.key });
  });

  items = looseRowsAsText(items, headings);
  const firstRow = items.findIndex((i) => i.kind === "row");
  const frontEnd = headings[0]?.index ?? (firstRow >= 0 ? firstRow : items.length);
  const front = items.slice(0, frontEnd).filter((i): i is Para => i.kind === "para").map((p) => p.text);

  const sectionItems = new Map<SectionKey, Item[]>();
  headings.forEach((h, n) => {
    const end = n + 1 < headings.length ? headings[n + 1].index : items.length;
    sectionItems.set(h.key, items.slice(h.index + 1, end));
  });

  // Title, year, agency
  const titles: TitleLine[] = [];
  front.forEach((_, i) => {
    const t = titleAt(front, i);
    if (t) titles.push(t);
  });
  const bodyTitle = titles[titles.length - 1];
  const allText = items.map((i) => (i.kind === "para" ? i.text : i.cells.join(" "))).join("\n");

  const tableRows = assignRows(items, headings);
  const reportRows = [...tableRows.values()].flat().filter(isReportTableRow).length;
  if (!bodyTitle && headings.length < 2 && reportRows < 2) {
    return {
      ok: false,
      message: `${NOT_A_REPORT}：未找到报告标题（如“××2020年政府信息公开工作年度报告”）、六个部分的标题或统计表格。`,
    };
  }

  const introParas = introOf(front, bodyTitle);
  const intro = introParas.join("\n\n");
  const year = bodyTitle?.year ?? yearFromText(intro) ?? yearFromText(allText);
  if (year === undefined) {
    return {
      ok: false,
      message: `${NOT_A_REPORT}：未找到报告年度。标题应写明年度，如“××2020年政府信息公开工作年度报告”。`,
    };
  }
  if (year < 2008 || year > 2100) {
    return { ok: false, message: `报告年度 ${year} 年不在可处理的范围内（2008 年以后）。` };
  }

  // Edition: from the year, confirmed by the table structure.
  const { edition, note: editionNote } = detectEdition(year, [...tableRows.values()].flat());
  const log = new ImportLog(edition);
  log.note(editionNote);

  const agencyName = agencyNameOf(titles, signatureOf(items), allText);
  const agency: Agency = agencyName ? { name: agencyName, level: levelOf(agencyName) } : { name: "" };
  if (!agencyName) log.unreadAt("agency.name", "未找到机关名称（应在标题中）");

  const title = bodyTitle?.title;
  if (!title) log.unreadAt("title", "未找到报告标题");

  const dates = items.flatMap((i) => (i.kind === "para" ? [readDateLine(i.text)] : [])).filter((d): d is string => !!d);
  const date = dates[dates.length - 1] ?? publishedDate(allText);
  if (!date) log.unreadAt("date", "未找到报告日期（如“2021年1月21日”）");

  if (!intro) log.unreadAt("intro", "未找到引言（标题与“一、总体情况”之间的文字）");
  const website = readWebsite(intro) ?? readWebsite(allText);
  if (!website?.name) log.unreadAt("website.name", "未找到发布网站的名称");
  if (!website?.url) log.unreadAt("website.url", "未找到发布网站的网址");
  const contact = readContact(intro) ?? readContact(allText);
  for (const k of ["address", "phone", "postcode"] as const) {
    if (!contact?.[k]) log.unreadAt(`contact.${k}`, "未找到");
  }

  // Narrative sections
  const lastSection = headings[headings.length - 1]?.key;
  const lastDate = items.reduce((last, i, n) => (i.kind === "para" && readDateLine(i.text) ? n : last), -1);
  const narrative = (key: SectionKey): string[] | undefined => {
    let list = sectionItems.get(key);
    if (!list) return undefined;
    // After the closing date line there is only page furniture (web page footers).
    // Stryker disable next-line EqualityOperator: the date line itself is left out below as a date line all the same
    if (key === lastSection && lastDate >= 0) list = list.filter((i) => items.indexOf(i) < lastDate);
    const paras = list.filter((i): i is Para => i.kind === "para").map((p) => p.text).filter((t) => !readDateLine(t));
    if (key === lastSection) while (paras.length > 0 && isSignature(paras[paras.length - 1], agency.name)) paras.pop();
    return paras;
  };
  const overviewParas = narrative("overview");
  const problemsParas = narrative("problems");
  const otherParas = narrative("otherMatters");
  const overview = overviewParas?.length ? splitSubsections(overviewParas) : undefined;
  const problems = problemsParas?.length ? problemsParas.join("\n\n") : undefined;
  const otherMatters = otherParas?.length ? splitSubsections(otherParas) : undefined;
  const missing = (key: SectionKey, found: unknown) => {
    if (found) return;
    const title = getEdition(edition).sections.find((s) => s.key === key)!.title;
    log.unreadAt(key, sectionItems.has(key) ? `${title}下没有文字` : `未找到${title}`, title);
  };
  missing("overview", overview);

  // Tables
  const activeDisclosure = readActiveDisclosure(tableRows.get("activeDisclosure")!, edition, log);
  if (tableRows.get("activeDisclosure")!.length === 0) {
    log.unreadAt("activeDisclosure", "未找到表二（主动公开政府信息情况），各行按不适用处理");
  }
  const requests = readRequests(tableRows.get("requests")!, edition, log);
  const reviewLitigation = readReviewLitigation(tableRows.get("reviewLitigation")!, edition, log);
  missing("problems", problems);
  missing("otherMatters", otherMatters);

  const report: Report = {
    format: REPORT_FORMAT,
    formatVersion: FORMAT_VERSION,
    edition,
    year,
    agency,
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(intro ? { intro } : {}),
    ...(website ? { website } : {}),
    ...(contact ? { contact } : {}),
    ...(overview ? { overview } : {}),
    activeDisclosure,
    requests,
    reviewLitigation,
    ...(problems ? { problems } : {}),
    ...(otherMatters ? { otherMatters: otherMatters as NarrativeSection[] } : {}),
  };
  return { ok: true, report, unread: log.unread, notes: log.notes, tableCells: tableCellCounts(tableRows, log) };
}

/** Per table, the value cells its rows print and how many of them were read. */
function tableCellCounts(rows: Map<TableKeyOf, RowBlock[]>, log: ImportLog): TableCellCounts {
  const count = (table: TableKeyOf): TableCellCount => ({
    printed: rows.get(table)!.reduce((n, row) => n + printedCells(row).filter(isValueLike).length, 0),
    read: log.cellsRead[table],
  });
  return { activeDisclosure: count("activeDisclosure"), requests: count("requests"), reviewLitigation: count("reviewLitigation") };
}

function toItems(blocks: Block[]): Item[] {
  const items: Item[] = [];
  for (const b of blocks) {
    if (b.kind === "row") {
      items.push({ ...b, cells: b.cells.map((c) => cleanText(c)) });
      continue;
    }
    const raw = stripMarkup(b.text);
    const text = cleanText(b.text);
    if (text !== "") items.push({ kind: "para", raw, text });
  }
  return items;
}

/** A paragraph cut by a page break (a line ending mid-sentence, then its continuation) is joined. */
function joinBrokenParagraphs(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (item.kind === "para" && prev?.kind === "para" && continues(prev.text, item.text)) {
      out[out.length - 1] = { kind: "para", raw: `${prev.raw} ${item.raw}`, text: joinContinued(prev.text, item.text) };
      continue;
    }
    out.push(item);
  }
  return out;
}

/**
 * A short line between two table rows (a label broken over lines in plain text, a 第二十条 group label
 * printed without tabs) belongs to the table.
 */
function labelFragmentsAsRows(items: Item[]): Item[] {
  return items.map((item, n) => {
    if (item.kind !== "para" || items[n - 1]?.kind !== "row" || items[n + 1]?.kind !== "row") return item;
    if (item.text.length > 30 || /[。；：:]$/.test(item.text) || sectionHeading(item.raw)) return item;
    return { kind: "row", cells: [item.text] };
  });
}

/**
 * A line split only at runs of spaces is a paragraph when it stands before the tables or in a narrative
 * section; before the first heading, a row of numbers that names a row of the tables stays a row (a
 * page of a flip-book that starts inside table 三).
 */
function looseRowsAsText(items: Item[], headings: { index: number; key: SectionKey }[]): Item[] {
  if (headings.length === 0) return items;
  let section: SectionKey | "front" = "front";
  let h = 0;
  return items.map((item, index) => {
    // Stryker disable next-line EqualityOperator: the item at a heading's index is the heading, a paragraph, which is kept whatever the section
    while (h < headings.length && headings[h].index <= index) section = headings[h++].key;
    if (item.kind !== "row" || !item.loose) return item;
    if (section === "activeDisclosure" || section === "requests" || section === "reviewLitigation") return item;
    if (section === "front" && hasValues(item) && isReportTableRow(item)) return item;
    const raw = item.cells.join(" ");
    return { kind: "para", raw, text: cleanText(raw) };
  });
}

/** The rows of each table: by the section they stand in, or by what they name when that is clearer. */
function assignRows(items: Item[], headings: { index: number; key: SectionKey }[]): Map<TableKeyOf, RowBlock[]> {
  const out = new Map<TableKeyOf, RowBlock[]>([
    ["activeDisclosure", []],
    ["requests", []],
    ["reviewLitigation", []],
  ]);
  let section: SectionKey | undefined;
  let lastTable: TableKeyOf | undefined;
  let h = 0;
  items.forEach((item, index) => {
    // Stryker disable next-line EqualityOperator: the item at a heading's index is the heading, a paragraph, which no table takes
    while (h < headings.length && headings[h].index <= index) section = headings[h++].key;
    if (item.kind !== "row") return;
    const inTableSection = section === "activeDisclosure" || section === "requests" || section === "reviewLitigation";
    const named = tableOfRow(item);
    const table = named ?? (inTableSection ? (section as TableKeyOf) : lastTable);
    if (!table) return;
    lastTable = table;
    out.get(table)!.push(item);
  });
  return out;
}

/** Words only the statistics tables of this report print (for telling a report from other files with tables). */
const REPORT_TABLE_WORDS = ["本年新收", "上年结转", "本年度办理结果", "予以公开", "结转下年度", "第二十条", "信息内容", "行政复议", "勾稽关系", "申请人情况"].map(matchKey);

function isReportTableRow(row: RowBlock): boolean {
  const key = matchKey(row.cells.join(""));
  return REPORT_TABLE_WORDS.some((w) => key.includes(w));
}

function introOf(front: string[], title: TitleLine | undefined): string[] {
  const paras = title ? front.slice(title.index + 1) : front.filter((p) => p.length >= 30);
  return paras.filter((p) => !readDateLine(p) && !isPageDetails(p));
}

function yearFromText(text: string): number | undefined {
  const period = /(?:统计期限|统计时限|统计期间)?自\s*(\d{4})\s*年\s*1\s*月\s*1\s*日/.exec(text);
  if (period) return Number(period[1]);
  const m = /(\d{4})\s*年度?/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The line printed just above the last date line (the signature), if it looks like an agency's name. */
function signatureOf(items: Item[]): string | undefined {
  let last = -1;
  items.forEach((i, n) => {
    if (i.kind === "para" && readDateLine(i.text)) last = n;
  });
  const above = items[last - 1];
  return above?.kind === "para" && isSignature(above.text, "") ? above.text : undefined;
}

/** The agency's name: the longest of the names printed before a title's year and the signature, else the one in 请与…联系. */
function agencyNameOf(titles: TitleLine[], signature: string | undefined, text: string): string | undefined {
  const names = [...titles.map((t) => t.agency), ...(signature ? [signature] : [])].filter((n) => n.length >= 2);
  if (names.length > 0) return names.reduce((a, b) => (b.length > a.length ? b : a));
  const contact = /请与([\u4e00-\u9fa5]{4,40}?)联系/.exec(text)?.[1];
  return contact;
}

function detectEdition(year: number, rows: RowBlock[]): { edition: EditionId; note: string } {
  const byYear = editionForYear(year);
  const text = rows.map((r) => matchKey(r.cells.join(""))).join("|");
  const score = (id: EditionId) => EDITION_SIGNALS[id].filter((s) => text.includes(s)).length;
  const s2019 = score("2019");
  const s2021 = score("2021");
  const byStructure: EditionId | undefined = s2019 > s2021 ? "2019" : s2021 > s2019 ? "2021" : undefined;
  const name = (id: EditionId) => `${id}年版（${getEdition(id).name}）`;
  if (byStructure && byStructure !== byYear && Math.abs(s2019 - s2021) >= 2) {
    return {
      edition: byStructure,
      note: `按年度（${year}年）应为${name(byYear)}，但表格结构是${name(byStructure)}，已按${name(byStructure)}读取。`,
    };
  }
  const confirmation = byStructure === byYear ? "表格结构相符" : "表格结构未能确认版本";
  return { edition: byYear, note: `按年度（${year}年）识别为${name(byYear)}，${confirmation}。` };
}
