/**
 * Reading the three statistics tables from rows of cell texts. Rows are identified by their labels
 * (tolerantly, see match.ts), columns by the printed header where the table keeps its grid (HTML,
 * DOCX) and by counting the numbers of a row where it does not (plain text, where merged cells leave
 * a varying number of tabs).
 */
import type { CellKind, EditionId } from "../editions";
import { layoutOf } from "../layout";
import { cellPath, normalizeRequests, normalizeReviewLitigation } from "../model";
import type { Cell, TableData } from "../model";
import { joinPieces } from "./blocks";
import { candidate, matchLabel, quoted } from "./match";
import type { ImportLog, LabelCandidate } from "./match";
import type { RowBlock } from "./types";
import { isValueLike, matchKey, readValue, similarity, yuanToWan } from "./text";

// ---------------------------------------------------------------------------------------------------
// Shared

interface RowParts {
  /** All label cells joined (headings printed before the row's own label included). */
  label: string;
  /** The last label cell: the row's own label. */
  own: string;
  /** Cells from the first number or placeholder on; trailing empty cells dropped. */
  values: string[];
  /** Cells after the label cells, as printed (for tables whose grid is kept). */
  afterLabel: string[];
}

/** Splits a row into its label (leading text cells, empty cells skipped) and its value cells. */
function splitRow(cells: string[]): RowParts {
  const labels: string[] = [];
  let i = 0;
  let lastLabel = -1;
  while (i < cells.length && !isValueLike(cells[i])) {
    if (cells[i] !== "") {
      labels.push(cells[i]);
      lastLabel = i;
    }
    i++;
  }
  const values = cells.slice(i);
  while (values.length > 0 && values[values.length - 1] === "") values.pop();
  return { label: joinPieces(labels), own: labels[labels.length - 1] ?? "", values, afterLabel: cells.slice(lastLabel + 1) };
}

function rowKey(row: RowBlock): string {
  return matchKey(row.cells.join(""));
}

function hasValues(row: RowBlock): boolean {
  return row.cells.some(isValueLike);
}

/**
 * A printed cell as stored: a number (元 converted to 万元 in amount cells), else null with the
 * reason listed. `raw` undefined: the cell was not printed at all.
 */
function readCell(raw: string | undefined, path: string, kind: CellKind, log: ImportLog, yuanColumn = false): Cell {
  if (raw === undefined) {
    log.unreadAt(path, "单元格为空或未印出");
    return null;
  }
  const v = readValue(raw);
  switch (v.kind) {
    case "empty":
      log.unreadAt(path, "单元格为空");
      return null;
    case "placeholder":
      log.unreadAt(path, `印为“${v.text}”，按空白处理`);
      return null;
    case "text":
      log.unreadAt(path, `内容“${v.text}”不是数字，未读取`);
      return null;
    case "number":
      if (kind === "amount" && (v.unit === "元" || (yuanColumn && v.unit !== "万元"))) {
        const wan = yuanToWan(v.value);
        log.note(`${log.label(path)}印为“${v.text}”${v.unit ? "" : "（单位：元）"}，已由元换算为 ${wan} 万元。`);
        return wan;
      }
      return v.value;
  }
}

// ---------------------------------------------------------------------------------------------------
// Table 二 — 主动公开政府信息情况

const GROUP_LABEL = /第二十条/;
const ROW_HEADER_KEY = matchKey("信息内容");

interface AdColumn {
  key: string;
  label: string;
  kind: CellKind;
  core: string;
}

function stripUnit(label: string): string {
  return label.replace(/[（(][^）)]*[）)]/g, "");
}

/** Reads a header row 信息内容 | column labels…: the column key of each printed value position. */
function readAdHeader(cells: string[], columns: AdColumn[], log: ImportLog): { keys: (string | undefined)[]; yuan: Set<string> } {
  const start = cells.findIndex((c) => matchKey(c) === ROW_HEADER_KEY);
  const printed = cells.slice(start + 1);
  const used = new Set<string>();
  const yuan = new Set<string>();
  const keys = printed.map((text) => {
    const k = matchKey(stripUnit(text));
    if (k === "") return undefined;
    const free = (list: AdColumn[]) => list.find((c) => !used.has(c.key));
    let col = free(columns.filter((c) => c.core === k));
    let how = "exact";
    if (!col) {
      col = free(columns.filter((c) => c.core.startsWith(k) && k.length >= 2));
      how = "prefix";
    }
    if (!col) {
      const scored = columns
        .filter((c) => !used.has(c.key))
        .map((c) => ({ c, s: similarity(k, c.core) }))
        .sort((a, b) => b.s - a.s);
      col = scored[0] && scored[0].s >= 0.7 ? scored[0].c : undefined;
      how = "fuzzy";
    }
    if (!col) return undefined;
    used.add(col.key);
    if (how !== "exact") log.note(`表二表头${quoted(text)}不完整或有误，按${quoted(col.label)}读取。`);
    const unit = matchKey(text);
    if (col.kind === "amount" && unit.includes("元") && !unit.includes("万元")) yuan.add(col.key);
    return col.key;
  });
  return { keys, yuan };
}

export function readActiveDisclosure(rows: RowBlock[], edition: EditionId, log: ImportLog): TableData {
  const layout = layoutOf(edition);
  const other: EditionId = edition === "2019" ? "2021" : "2019";
  const columns = new Map<string, AdColumn>();
  for (const row of layout.adRows) {
    for (const c of row.columns) columns.set(c.key, { ...c, core: matchKey(stripUnit(c.label)) });
  }
  const columnList = [...columns.values()];
  const candidates: LabelCandidate[] = layout.adRows.map((r) =>
    r.key === "normativeDocuments" ? candidate(r.key, r.label, "规范性文件", "行政规范性文件") : candidate(r.key, r.label),
  );
  const foreign = layoutOf(other).adRows.filter((r) => !layout.adRowByKey.has(r.key));
  const foreignCandidates = foreign.map((r) => candidate(r.key, r.label));

  const out: TableData = {};
  const seen = new Set<string>();
  let header: { keys: (string | undefined)[]; yuan: Set<string> } | undefined;
  let pending = "";
  for (const row of rows) {
    const joined = rowKey(row);
    if (joined === "") continue;
    const isGroup = row.cells.some((c) => GROUP_LABEL.test(c));
    if (isGroup) header = undefined;
    const headerLike =
      !hasValues(row) &&
      (row.cells.some((c) => matchKey(c) === ROW_HEADER_KEY) ||
        row.cells.some((c) => columnList.some((col) => col.core === matchKey(stripUnit(c)) && col.core !== "")));
    if (headerLike) {
      header = readAdHeader(row.cells, columnList, log);
      pending = "";
      continue;
    }
    if (isGroup) {
      pending = "";
      continue;
    }
    const parts = splitRow(row.cells);
    // The values of table 二 stand right after the label: an empty cell there is a blank value.
    const printed = parts.afterLabel;
    const combined = pending ? joinPieces([pending, parts.label]) : "";
    const whole = combined ? matchLabel(combined, candidates, { exactOnly: true }) : undefined;
    const match = whole ?? matchLabel(parts.label, candidates, { own: parts.own, exactOnly: parts.values.length === 0 });
    const label = whole ? combined : parts.label;
    pending = "";
    if (!match) {
      const alien = matchLabel(label, foreignCandidates, { exactOnly: true });
      if (alien) {
        log.unreadAt("activeDisclosure", `${other}年版格式的行${quoted(label)}不属于${edition}年版，未读取`, label);
      } else if (parts.values.length > 0) {
        log.unreadAt("activeDisclosure", `无法识别的行${quoted(label || parts.values.join(" "))}，未读取`, label || "（无行名）");
      } else {
        // A label broken over two lines: its first part waits for the rest.
        pending = label;
      }
      continue;
    }
    const layoutRow = layout.adRowByKey.get(match.key)!;
    if (match.how !== "exact") log.note(`表二的行${quoted(label)}按${quoted(layoutRow.label)}读取。`);
    if (seen.has(match.key)) {
      log.note(`表二的行${quoted(layoutRow.label)}出现了不止一次，取第一次的数字。`);
      continue;
    }
    seen.add(match.key);
    const expected = layoutRow.columns;
    const raw = new Map<string, string | undefined>();
    if (header && expected.every((c) => header!.keys.includes(c.key))) {
      for (const c of expected) raw.set(c.key, printed[header.keys.indexOf(c.key)] ?? "");
    } else {
      const values = trimTrailing(printed.length >= parts.values.length ? printed : parts.values);
      expected.forEach((c, i) => raw.set(c.key, values[i]));
      const extra = values.slice(expected.length).filter((v) => v !== "");
      if (extra.length > 0) {
        log.unreadAt(`activeDisclosure.${match.key}`, `行末多出的内容“${extra.join(" ")}”未读取`);
      }
    }
    const kinds = [...raw.values()].map((v) => (v === undefined ? "empty" : readValue(v).kind));
    if (kinds.every((k) => k === "empty" || k === "placeholder")) {
      const allEmpty = kinds.every((k) => k === "empty");
      log.unreadAt(
        `activeDisclosure.${match.key}`,
        allEmpty ? "该行各单元格均为空，视为不适用（不列入报告）" : "该行印为“/”或“—”，视为不适用（不列入报告）",
      );
      continue;
    }
    const cells: Record<string, Cell> = {};
    for (const c of expected) {
      cells[c.key] = readCell(raw.get(c.key), cellPath("activeDisclosure", match.key, c.key), c.kind, log, header?.yuan.has(c.key));
    }
    out[match.key] = cells;
  }
  // Canonical row order; rows not printed are not applicable.
  const ordered: TableData = {};
  const notPrinted: string[] = [];
  for (const r of layout.adRows) {
    if (out[r.key]) ordered[r.key] = out[r.key];
    else if (!log.unread.some((u) => u.where === `activeDisclosure.${r.key}`)) notPrinted.push(r.label);
  }
  if (notPrinted.length > 0 && rows.length > 0) {
    log.note(`表二未列出${notPrinted.map(quoted).join("、")}，按不适用处理（不列入报告）。`);
  }
  return ordered;
}

function trimTrailing(values: string[]): string[] {
  const out = [...values];
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Table 三 — 收到和处理政府信息公开申请情况

const REQUEST_HEADER_WORDS = ["勾稽关系", "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构"].map(matchKey);
const ORG_KEY = matchKey("法人或其他组织");
const OTHER_KEY = matchKey("其他");
const TOTAL_KEY = matchKey("总计");
const LEAF_COLUMNS: Record<string, string> = {
  [matchKey("自然人")]: "naturalPerson",
  [matchKey("商业企业")]: "commercial",
  [matchKey("科研机构")]: "research",
  [matchKey("社会公益组织")]: "publicInterest",
  [matchKey("法律服务机构")]: "legalService",
};

function isRequestsHeader(row: RowBlock): boolean {
  if (hasValues(row)) return false;
  const key = rowKey(row);
  return REQUEST_HEADER_WORDS.some((w) => key.includes(w));
}

/** Grid column → column key, from the header rows of a table whose grid is kept. */
function gridColumns(headerRows: RowBlock[]): Map<string, number> | undefined {
  const width = headerRows[0].grid!.filled.length;
  const map = new Map<string, number>();
  for (let j = 0; j < width; j++) {
    const path = headerRows.map((r) => matchKey(r.grid!.filled[j] ?? ""));
    const leaf = path[path.length - 1];
    let key: string | undefined = LEAF_COLUMNS[leaf];
    if (leaf === OTHER_KEY) key = path.includes(ORG_KEY) ? "otherOrg" : "otherApplicant";
    if (leaf === TOTAL_KEY) key = "total";
    if (key && !map.has(key)) map.set(key, j);
  }
  return map.has("naturalPerson") && map.has("total") ? map : undefined;
}

interface RequestLine {
  key: string;
  label: string;
  /** Text mode: the printed values in order. */
  values?: string[];
  /** Grid mode: the printed cell of each column key. */
  byColumn?: Map<string, string>;
}

export function readRequests(rows: RowBlock[], edition: EditionId, log: ImportLog): TableData {
  const layout = layoutOf(edition);
  const ed = layout.edition;
  const dataCandidates = layout.requestRows.map((r) => candidate(r.key, r.label));
  const headingCandidates = ed.requests.rows.filter((r) => r.kind === "heading").map((r) => candidate(r.key, r.label));
  const standard = [...layout.applicantColumnKeys];

  let otherInHeader = false;
  const gridHeaders = new Map<number, Map<string, number>>();
  let lastGrid: { width: number; map: Map<string, number> } | undefined;
  const lines: RequestLine[] = [];
  let pending = "";
  let headerRun: RowBlock[] = [];
  let headerPages = 0;

  const closeHeader = () => {
    if (headerRun.length === 0) return;
    headerPages++;
    const others = headerRun.flatMap((r) => r.cells).filter((c) => matchKey(c) === OTHER_KEY).length;
    if (others >= 2) otherInHeader = true;
    const grid = headerRun[0].grid;
    if (grid && headerRun.every((r) => r.grid?.table === grid.table)) {
      const map = gridColumns(headerRun);
      if (map) {
        gridHeaders.set(grid.table, map);
        lastGrid = { width: grid.filled.length, map };
        if (map.has("otherApplicant")) otherInHeader = true;
      }
    }
    headerRun = [];
  };

  for (const row of rows) {
    if (rowKey(row) === "") continue;
    if (isRequestsHeader(row)) {
      headerRun.push(row);
      continue;
    }
    closeHeader();
    const grid =
      row.grid &&
      (gridHeaders.get(row.grid.table) ?? (lastGrid && lastGrid.width === row.cells.length ? lastGrid.map : undefined));
    let label: string;
    let own: string;
    let line: Omit<RequestLine, "key" | "label">;
    if (grid) {
      const first = Math.min(...grid.values());
      const labels = row.cells.slice(0, first).filter((c) => c !== "");
      label = joinPieces(labels);
      own = labels[labels.length - 1] ?? "";
      const byColumn = new Map<string, string>();
      for (const [key, j] of grid) byColumn.set(key, row.cells[j] ?? "");
      line = { byColumn };
      if ([...byColumn.values()].every((v) => v === "") && !row.cells.slice(first).some(isValueLike)) line = {};
    } else {
      const parts = splitRow(row.cells);
      label = parts.label;
      own = parts.own;
      line = parts.values.length > 0 ? { values: parts.values } : {};
    }
    const printedValues = line.values !== undefined || line.byColumn !== undefined;
    if (!printedValues) {
      if (matchLabel(label, headingCandidates, { exactOnly: true })) {
        pending = "";
        continue;
      }
      const whole = matchLabel(label, dataCandidates, { exactOnly: true });
      if (whole) {
        lines.push({ key: whole.key, label, values: [] });
        pending = "";
        continue;
      }
      pending = joinPieces([pending, label]);
      continue;
    }
    const combined = pending ? matchLabel(joinPieces([pending, label]), dataCandidates, { exactOnly: true }) : undefined;
    const match = combined ?? matchLabel(label, dataCandidates, { own });
    const shown = combined ? joinPieces([pending, label]) : label;
    pending = "";
    if (!match) {
      const printed = (line.values ?? [...(line.byColumn?.values() ?? [])]).join(" ");
      const heading = label ? matchLabel(label, headingCandidates, { exactOnly: true }) : undefined;
      log.unreadAt(
        "requests",
        heading
          ? `${quoted(label)}在${edition}年版中是标题，其下分项列出，不能按一行读取；其数字“${printed}”未读取`
          : label
            ? `无法识别的行${quoted(label)}，其数字“${printed}”未读取`
            : `一行数字“${printed}”没有行名，未读取`,
        label || "（无行名）",
      );
      continue;
    }
    if (match.how !== "exact" && match.how !== "alias") {
      log.note(`表三的行${quoted(shown)}按${quoted(layout.requestRowFullLabel.get(match.key) ?? match.key)}读取。`);
    }
    lines.push({ key: match.key, label: shown, ...line });
  }
  closeHeader();

  if (headerPages > 1) log.note("表三跨页印出，重复的表头已跳过。");
  const standardCount = standard.length + 1;
  const hasOther =
    otherInHeader || lines.some((l) => l.values?.length === standardCount + 1 && l.values.every(isValueLike));
  if (hasOther) log.note(`表三印有非标准的${quoted("申请人情况·其他")}列，已按原样保留，并计入各行总计。`);
  const columns = hasOther ? [...standard, "otherApplicant", "total"] : [...standard, "total"];
  const withoutOther = [...standard, "total"];

  const out: TableData = {};
  const omittedOther: string[] = [];
  for (const l of lines) {
    if (out[l.key]) {
      log.note(`表三的行${quoted(layout.requestRowFullLabel.get(l.key) ?? l.key)}出现了不止一次，取第一次的数字。`);
      continue;
    }
    const raw = new Map<string, string | undefined>();
    if (l.byColumn) {
      for (const c of columns) raw.set(c, l.byColumn.get(c));
    } else {
      const values = l.values ?? [];
      let keys = columns;
      if (hasOther && values.length === withoutOther.length) {
        keys = withoutOther;
        omittedOther.push(l.key);
      }
      keys.forEach((c, i) => raw.set(c, values[i]));
      const rowPath = `requests.${l.key}`;
      if (values.length === 0) log.unreadAt(rowPath, "该行只印出行名，没有数字，各单元格留空");
      const extra = values.slice(keys.length).filter((v) => v !== "");
      if (extra.length > 0) log.unreadAt(rowPath, `该行多出的数字“${extra.join(" ")}”未读取`);
    }
    const cells: Record<string, Cell> = {};
    for (const c of columns) {
      if (c === "otherApplicant" && omittedOther.includes(l.key)) {
        cells[c] = 0;
        continue;
      }
      const printed = raw.get(c);
      if (printed === undefined && l.values && l.values.length === 0) {
        cells[c] = null;
        continue;
      }
      cells[c] = readCell(printed, cellPath("requests", l.key, c), "count", log);
    }
    out[l.key] = cells;
  }
  if (omittedOther.length > 0) {
    log.note(
      `表三${quoted("申请人情况·其他")}列只在 ${lines.length - omittedOther.length} 行印出数字，其余 ${omittedOther.length} 行未印出该列，按 0 记。`,
    );
  }
  if (lines.length === 0) {
    log.unreadAt("requests", "未找到表三的数字，各单元格留空");
  } else {
    for (const key of layout.requestRowKeys) {
      if (!out[key]) log.unreadAt(`requests.${key}`, "未找到该行，各单元格留空");
    }
  }
  return normalizeRequests(edition, out);
}

// ---------------------------------------------------------------------------------------------------
// Table 四 — 行政复议、行政诉讼

const REVIEW_WORDS = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议", "复议后起诉"].map(matchKey);
const GROUP_KEYS: [string, string][] = [
  ["review", matchKey("行政复议")],
  ["litigationDirect", matchKey("未经复议直接起诉")],
  ["litigationAfterReview", matchKey("复议后起诉")],
];

function reviewGroupOf(key: string): string | undefined {
  if (key.includes(matchKey("未经复议")) || key.includes(matchKey("直接起诉"))) return "litigationDirect";
  if (key.includes(matchKey("复议后"))) return "litigationAfterReview";
  if (key.includes(matchKey("行政复议"))) return "review";
  return undefined;
}

export function readReviewLitigation(rows: RowBlock[], edition: EditionId, log: ImportLog): TableData {
  const layout = layoutOf(edition);
  const cellDefs = layout.edition.reviewLitigation.cells;
  const cellCandidates = cellDefs.map((c) => candidate(c.key, c.label));
  const headerRows: RowBlock[] = [];
  const raw = new Map<string, Map<string, string | undefined>>();
  for (const g of layout.reviewGroups) raw.set(g.key, new Map());
  let found = false;
  let valueRowsUsed = 0;

  const headerText = () => headerRows.map(rowKey).join("");
  /** Group order and cell order as the header prints them (standard order where it does not say). */
  const order = () => {
    const text = headerText();
    const pos = (k: string) => {
      const i = text.indexOf(k);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    const groups = [...GROUP_KEYS].sort((a, b) => pos(a[1]) - pos(b[1])).map(([g]) => g);
    const cells = [...cellDefs].sort((a, b) => pos(matchKey(a.label)) - pos(matchKey(b.label))).map((c) => c.key);
    return { groups, cells };
  };

  for (const row of rows) {
    const key = rowKey(row);
    if (key === "") continue;
    if (!hasValues(row)) {
      if (REVIEW_WORDS.some((w) => key.includes(w))) headerRows.push(row);
      continue;
    }
    const parts = splitRow(row.cells);
    const group = parts.label ? reviewGroupOf(matchKey(parts.label)) : undefined;
    if (group) {
      // One group per row (the table printed the other way round).
      const cells = order().cells;
      cells.forEach((c, i) => raw.get(group)!.set(c, parts.values[i]));
      found = true;
      continue;
    }
    const grid = row.grid;
    const gridHeader = grid ? headerRows.filter((r) => r.grid?.table === grid.table) : [];
    if (grid && gridHeader.length > 0 && valueRowsUsed === 0) {
      let placed = 0;
      grid.filled.forEach((_, j) => {
        const path = gridHeader.map((r) => matchKey(r.grid!.filled[j] ?? ""));
        const g = reviewGroupOf(path.join("|").replace(/行政诉讼/g, ""));
        const leaf = path[path.length - 1];
        const c = matchLabel(leaf, cellCandidates, { exactOnly: true });
        if (g && c && !raw.get(g)!.has(c.key)) {
          raw.get(g)!.set(c.key, row.cells[j]);
          placed++;
        }
      });
      if (placed > 0) {
        found = true;
        valueRowsUsed++;
        continue;
      }
    }
    if (valueRowsUsed > 0) {
      log.unreadAt("reviewLitigation", `表四多出的一行数字“${parts.values.join(" ")}”未读取`);
      continue;
    }
    const { groups, cells } = order();
    const slots = groups.flatMap((g) => cells.map((c) => [g, c] as const));
    slots.forEach(([g, c], i) => raw.get(g)!.set(c, parts.values[i]));
    const extra = parts.values.slice(slots.length).filter((v) => v !== "");
    if (extra.length > 0) log.unreadAt("reviewLitigation", `表四多出的数字“${extra.join(" ")}”未读取`);
    found = true;
    valueRowsUsed++;
  }

  const out: TableData = {};
  if (!found) {
    log.unreadAt("reviewLitigation", "未找到表四的数字，各单元格留空");
    return normalizeReviewLitigation(edition, out);
  }
  for (const g of layout.reviewGroups) {
    const cells: Record<string, Cell> = {};
    for (const c of cellDefs) cells[c.key] = readCell(raw.get(g.key)!.get(c.key), cellPath("reviewLitigation", g.key, c.key), "count", log);
    out[g.key] = cells;
  }
  return normalizeReviewLitigation(edition, out);
}

// ---------------------------------------------------------------------------------------------------
// Which table a row belongs to

export type TableKeyOf = "activeDisclosure" | "requests" | "reviewLitigation";

const REQUEST_WORDS = [
  ...REQUEST_HEADER_WORDS,
  ...["本年新收", "上年结转", "本年度办理结果", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "结转下年度", "逾期不补正", "逾期未按", "不再处理", "申请", "国家秘密", "三安全一稳定"].map(matchKey),
];
const AD_WORDS = ["第二十条", "信息内容", "规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "收费", "集中采购", "对外管理服务"].map(matchKey);

/** The table a row names by its content, if it does. */
export function tableOfRow(row: RowBlock): TableKeyOf | undefined {
  const key = rowKey(row);
  if (REQUEST_WORDS.some((w) => key.includes(w))) return "requests";
  if (REVIEW_WORDS.some((w) => key.includes(w))) return "reviewLitigation";
  if (AD_WORDS.some((w) => key.includes(w))) return "activeDisclosure";
  return undefined;
}

/** The column labels of the 2019 and 2021 editions' table 二, for telling the edition by structure. */
export const EDITION_SIGNALS: Record<EditionId, string[]> = {
  "2019": ["本年新制作", "本年新公开", "对外公开总数", "上一年项目数", "本年增减", "采购项目数", "政府集中采购", "其他对外管理服务"].map(matchKey),
  "2021": ["本年制发", "本年废止", "现行有效", "本年处理决定数", "本年收费金额", "逾期不补正", "逾期未按收费"].map(matchKey),
};
