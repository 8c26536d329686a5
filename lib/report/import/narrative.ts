/**
 * The narrative parts of a published report: section headings, the title and date, the introduction
 * with its website and contact details, sub-headed sections, and paragraphs broken by page breaks.
 */
import type { SectionKey } from "../editions";
import type { Contact, NarrativeSection, Website } from "../model";
import { matchKey, numberingOf, readDateLine, similarity, stripNumbering } from "./text";
import type { NumberingStyle } from "./text";

// ---------------------------------------------------------------------------------------------------
// Section headings

const SECTION_PATTERNS: { key: SectionKey; core: string; pattern: RegExp }[] = [
  { key: "overview", core: "总体情况", pattern: /^(?:工作)?总体情况|^基本情况$|^概述$/ },
  { key: "activeDisclosure", core: "主动公开政府信息情况", pattern: /主动公开政府信息/ },
  { key: "requests", core: "收到和处理政府信息公开申请情况", pattern: /收到和处理/ },
  { key: "reviewLitigation", core: "政府信息公开行政复议行政诉讼情况", pattern: /行政复议.*行政诉讼/ },
  { key: "problems", core: "存在的主要问题及改进情况", pattern: /存在的?主要问题|存在问题|问题及改进/ },
  { key: "otherMatters", core: "其他需要报告的事项", pattern: /其他需要报告|^其他事项/ },
];

export type HeadingStyle = "cn" | "paren" | "arabic" | "none";

/** The section a paragraph heads (一、总体情况 · 1 总体情况 · 二．主动公开政府信息情况 …), if it is a heading. */
export function sectionHeading(text: string): { key: SectionKey; style: HeadingStyle } | undefined {
  if (/[。；]$/.test(text.trim())) return undefined;
  const rest = stripNumbering(text);
  const key = matchKey(rest);
  if (key === "" || key.length > 30) return undefined;
  const style: HeadingStyle =
    rest === text
      ? "none"
      : /^\s*[（(]/.test(text)
        ? "paren"
        : /^\s*[一二三四五六七八九十第]/.test(text)
          ? "cn"
          : "arabic";
  for (const s of SECTION_PATTERNS) {
    const exactish = key === s.core || similarity(key, s.core) >= 0.8;
    if (exactish || (s.pattern.test(key) && key.length <= s.core.length + 8)) {
      if (style === "none" && !exactish) return undefined;
      return { key: s.key, style };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Title and date

const TITLE = /^(.*?)(\d{4})年度?(?:政府)?信息公开(?:工作)?(?:年度)?报告(?:[（(][^）)]{0,12}[）)])?$/;
/** `2021年度某局政府信息公开工作年度报告`: the year first. */
const TITLE_YEAR_FIRST = /^(\d{4})年度?(.{2,40}?)(?:政府)?信息公开(?:工作)?(?:年度)?报告(?:[（(][^）)]{0,12}[）)])?$/;

export interface TitleLine {
  index: number;
  title: string;
  agency: string;
  year: number;
}

/** A title paragraph `{机关}{年份}年政府信息公开工作年度报告`; a title broken after the agency is joined. */
export function titleAt(paras: string[], index: number): TitleLine | undefined {
  const text = paras[index];
  if (text.length > 80) return undefined;
  const m = TITLE.exec(text);
  if (!m) {
    const first = TITLE_YEAR_FIRST.exec(text);
    return first ? { index, title: text, agency: cleanAgency(first[2]), year: Number(first[1]) } : undefined;
  }
  let agency = cleanAgency(m[1]);
  let title = text;
  const previous = paras[index - 1];
  if (agency === "" && previous && previous.length <= 40 && !readDateLine(previous) && !isTitle(previous) && !/[。；：，]/.test(previous)) {
    agency = previous;
    title = previous + text;
  }
  return { index, title, agency, year: Number(m[2]) };
}

function cleanAgency(text: string): string {
  return text.replace(/^[【\[]|[】\]]$/g, "").replace(/关于$/, "").trim();
}

export function isTitle(text: string): boolean {
  return text.length <= 80 && (TITLE.test(text) || TITLE_YEAR_FIRST.test(text));
}

/** `发布日期：2021-01-21` and the like, for web pages that print no date line. */
export function publishedDate(text: string): string | undefined {
  const m = /(?:发布|成文|印发)(?:日期|时间)[：:]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` : undefined;
}

/** Web page details printed above the text (发布日期：… 来源：…), not part of the report. */
const PAGE_DETAILS = /(?:发布(?:日期|时间|机构)|信息来源|来源|索引号|浏览次数|点击(?:数|量)|字号|字体|文号|分类)[：:]/;

export function isPageDetails(text: string): boolean {
  return text.length <= 100 && PAGE_DETAILS.test(text);
}

// ---------------------------------------------------------------------------------------------------
// Paragraphs broken by page breaks

const TERMINAL = /[。！？；：:;!?…”’」』）)\]】》]$/;

/** Whether paragraph `q` continues `p` (a line ending mid-sentence, continued after a page break). */
export function continues(p: string, q: string): boolean {
  if (p.length < 20 || TERMINAL.test(p)) return false;
  if (isTitle(p) || readDateLine(p) || readDateLine(q) || sectionHeading(p) || sectionHeading(q)) return false;
  if (isPageDetails(p) || isPageDetails(q)) return false;
  if (numberingOf(q)) return false;
  if (numberingOf(p) && p.length <= 40 && !/[。]/.test(p)) return false;
  return true;
}

export function joinContinued(p: string, q: string): string {
  return /[A-Za-z0-9]$/.test(p) && /^[A-Za-z0-9]/.test(q) ? `${p} ${q}` : p + q;
}

// ---------------------------------------------------------------------------------------------------
// Sub-headed sections (一、总体情况 and 六、其他需要报告的事项)

const HEADING_MAX = 40;

/**
 * Splits paragraphs at their numbered sub-headings ((1) / （一） / 1. / 一、 — the style of the first
 * numbered paragraph; other styles stay in the text). A heading is the numbered paragraph's first
 * sentence or the whole short paragraph; text before the first heading is a section without heading.
 */
export function splitSubsections(paras: string[]): NarrativeSection[] {
  const style: NumberingStyle | undefined = paras.map((p) => numberingOf(p)?.style).find((s) => s !== undefined);
  const sections: NarrativeSection[] = [];
  let current: { heading: string; parts: string[] } | undefined;
  const close = () => {
    if (current) sections.push({ heading: current.heading, text: current.parts.join("\n\n") });
  };
  for (const p of paras) {
    const numbered = numberingOf(p);
    if (numbered && numbered.style === style) {
      close();
      const { heading, text } = headingOf(numbered.rest);
      current = { heading, parts: text ? [text] : [] };
      continue;
    }
    if (!current) current = { heading: "", parts: [] };
    current.parts.push(p);
  }
  close();
  return sections;
}

function headingOf(rest: string): { heading: string; text: string } {
  const end = rest.search(/[。：:！？]/);
  if (end > 0 && end <= HEADING_MAX) return { heading: rest.slice(0, end).trim(), text: rest.slice(end + 1).trim() };
  if (end < 0 && rest.length <= HEADING_MAX) return { heading: rest.trim(), text: "" };
  return { heading: "", text: rest.trim() };
}

// ---------------------------------------------------------------------------------------------------
// Website and contact

const URL = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+[A-Za-z0-9/]/i;

/** The website a report is published on: its quoted name and URL from the introduction. */
export function readWebsite(text: string): Website | undefined {
  const url = URL.exec(text);
  let name: string | undefined;
  const before = url ? text.slice(Math.max(0, url.index - 60), url.index) : text;
  const quoted = /[“"「《]([^”"」》]{2,40}?(?:网站|网|门户|平台|专栏))[”"」》]\s*[（(]?\s*$/.exec(before);
  const plain = /(?:在|于|通过|登录)([\u4e00-\u9fa5]{2,30}?(?:门户网站|政府网站|网站|门户网))\s*[（(]?\s*$/.exec(before);
  if (quoted) name = quoted[1];
  else if (plain) name = plain[1];
  else if (!url) {
    const anywhere = /[“"「《]([^”"」》]{2,40}?(?:门户网站|政府网站|网站))[”"」》]/.exec(text);
    name = anywhere?.[1];
  }
  if (!name && !url) return undefined;
  return { ...(name ? { name } : {}), ...(url ? { url: url[0] } : {}) };
}

/** Address, phone and postcode from 地址：… 电话：… 邮编：… */
export function readContact(text: string): Contact | undefined {
  const address = /(?:通讯|联系|办公)?地\s*址[：:]\s*([^，,；;）)\n。]{2,60})/.exec(text)?.[1].trim();
  const phone = /(?:联系|咨询|办公)?电\s*话(?:号码)?[：:]\s*([0-9０-９][0-9０-９\-－—()（）\s、/]{4,40}[0-9０-９])/.exec(text)?.[1].trim();
  const postcode = /(?:邮\s*编|邮政编码)[：:]\s*([0-9０-９]{6})/.exec(text)?.[1];
  if (!address && !phone && !postcode) return undefined;
  return {
    ...(address ? { address } : {}),
    ...(phone ? { phone: phone.normalize("NFKC").replace(/[—–]/g, "-").replace(/\s+/g, "") } : {}),
    ...(postcode ? { postcode: postcode.normalize("NFKC") } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// Agency

export function levelOf(name: string): "township" | "government" | "department" {
  if (/(?:街道办事处|街道|镇人民政府|乡人民政府|镇政府|乡政府|[镇乡])$/.test(name)) return "township";
  if (/(?:[省市区县旗州盟]人民政府)$/.test(name)) return "government";
  return "department";
}

/** A signature line at the end of a report (the agency's name alone). */
export function isSignature(text: string, agency: string): boolean {
  if (text.length > 30 || /[。，；：]/.test(text)) return false;
  if (agency && (agency.includes(text) || text.includes(agency))) return true;
  return /(?:办事处|人民政府|政府|局|委员会|办公室|中心|街道|镇|乡|厅|委)$/.test(text);
}
