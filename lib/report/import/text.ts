/**
 * Text helpers of the importer: cleaning printed text the way the interchange file stores it, keys for
 * tolerant label matching, and reading a printed cell value.
 */

/** Ideographs, CJK and full-width punctuation, Chinese quotes and dashes. */
const CJK_CLASS = "\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef";
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK_CLASS}])[ \\t\\u00a0\\u3000]+|[ \\t\\u00a0\\u3000]+(?=[${CJK_CLASS}])`, "g");

/** Markdown marks removed (`**bold**`, `<http://…>`, `# `), zero-width characters dropped, spaces collapsed. */
export function stripMarkup(text: string): string {
  return text
    .replace(/\*\*|__/g, "")
    .replace(/<((?:https?:\/\/|www\.)[^<>\s]+)>/gi, "$1")
    .replace(/^\s*#{1,6}\s+/, "")
    .replace(/^\s*>\s+/, "")
    .replace(/[\u200b\ufeff]/g, "")
    .replace(/[ \t\u00a0]+/g, " ")
    .trim();
}

/**
 * A printed paragraph as the interchange file stores it: markup stripped (see stripMarkup) and spaces
 * next to Chinese text removed (`2020 年` → `2020年`). Punctuation is kept as printed.
 */
export function cleanText(text: string): string {
  return stripMarkup(text).replace(SPACE_NEAR_CJK, "").trim();
}

/**
 * A key for comparing labels tolerantly: full-width forms folded (NFKC), whitespace, punctuation and
 * symbols removed. `（二）部分公开（区分处理的…）` and `(二) 部分公开(区分处理的…)` give the same key.
 */
export function matchKey(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\p{P}\p{S}]/gu, "")
    .toLowerCase();
}

const NUMBERING =
  /^\s*(?:第?[一二三四五六七八九十]+(?:部分)?[、.．,，\s]\s*|[（(〔]\s*[一二三四五六七八九十\d]+\s*[)）〕]\s*|\d{1,2}(?:[、.．]|\s+)\s*|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、.．\s]\s*)/;

/** The text without its leading numbering (`一、` `（一）` `(1)` `1.` `1 `). */
export function stripNumbering(text: string): string {
  return text.replace(NUMBERING, "");
}

/** The leading numbering of a paragraph and its style, if any. */
export function numberingOf(text: string): { style: NumberingStyle; rest: string } | undefined {
  const m = /^\s*(?:[（(]\s*([一二三四五六七八九十]+|\d{1,2})\s*[)）]|(\d{1,2})\s*[.．、](?!\d)|([一二三四五六七八九十]+)、)\s*/.exec(text);
  if (!m) return undefined;
  const style: NumberingStyle = m[1] !== undefined ? (/\d/.test(m[1]) ? "paren-arabic" : "paren-cn") : m[2] !== undefined ? "arabic" : "cn";
  return { style, rest: text.slice(m[0].length) };
}

export type NumberingStyle = "paren-arabic" | "paren-cn" | "arabic" | "cn";

/** Similarity of two strings, 1 for equal, from the edit distance (Levenshtein). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return 1 - prev[m] / Math.max(n, m);
}

/** What a printed table cell holds. */
export type PrintedCell =
  | { kind: "empty" }
  | { kind: "placeholder"; text: string }
  | { kind: "number"; value: number; text: string; unit?: "元" | "万元" }
  | { kind: "text"; text: string };

const PLACEHOLDER = /^(?:[/／\\—–―‐‑\-－~～_一…×xX]+|无|暂无|空|不适用|none|n\/?a)$/i;
const NUMBER = /^([+-]?)(\d+(?:\.\d+)?)(万元|元|万|件|项|个|条|次|人次)?$/;

/** Reads a printed cell: a number (`+19`, `-417`, `1,234`, `251000元`), a placeholder (`/` `—` `-`), empty, or text. */
export function readValue(raw: string): PrintedCell {
  const text = raw.replace(/[\s\u00a0\u3000\u200b]+/g, "");
  if (text === "") return { kind: "empty" };
  if (PLACEHOLDER.test(text)) return { kind: "placeholder", text };
  const folded = text
    .normalize("NFKC")
    .replace(/[−–—]/g, "-")
    .replace(/(?<=\d),(?=\d{3}(?:\D|$))/g, "");
  const worded = /^(增加|增|减少|减)(\d+)$/.exec(folded);
  if (worded) return { kind: "number", value: worded[1].startsWith("减") ? -Number(worded[2]) : Number(worded[2]), text };
  const m = NUMBER.exec(folded);
  if (!m) return { kind: "text", text };
  const magnitude = Number(m[2]);
  const value = m[1] === "-" ? -magnitude : magnitude;
  const unit = m[3] === "元" ? "元" : m[3] === "万元" || m[3] === "万" ? "万元" : undefined;
  return { kind: "number", value: Object.is(value, -0) ? 0 : value, text, ...(unit ? { unit } : {}) };
}

/** A number or a placeholder: what stands in a value cell of a statistics table. */
export function isValueLike(raw: string): boolean {
  const kind = readValue(raw).kind;
  return kind === "number" || kind === "placeholder";
}

/** 元 → 万元, free of binary noise. */
export function yuanToWan(value: number): number {
  return Math.round((value / 10000) * 1e6) / 1e6;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if ([...text].every((c) => c in CN_DIGITS)) return Number([...text].map((c) => CN_DIGITS[c]).join(""));
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (m) return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[2] ? CN_DIGITS[m[2]] : 0);
  return undefined;
}

const DATE = /^(\d{4}|[〇零一二三四五六七八九O]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日$/;

const NUMERIC_DATE = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/;

/** `2021年1月21日`, `二〇二一年一月二十一日` or `2021-01-21` (the whole paragraph) → `2021-01-21`. */
export function readDateLine(text: string): string | undefined {
  const compact = text.replace(/[\s\u3000]/g, "");
  const m = DATE.exec(compact) ?? NUMERIC_DATE.exec(compact);
  if (!m) return undefined;
  const [y, mo, d] = [chineseNumber(m[1]), chineseNumber(m[2]), chineseNumber(m[3])];
  if (y === undefined || mo === undefined || d === undefined) return undefined;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
