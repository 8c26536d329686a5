/**
 * Table 三 as read from text: what the import log says of each row it could not take as printed (rows printed
 * twice, rows without numbers or without a label, a label that names no row, the non-standard 其他 column
 * printed on some rows only, a label read by a near match), each in the Chinese the clerk reads.
 */
import { describe, expect, it } from "vitest";
import { importReport } from "../index";
import type { ImportResult } from "../index";

type Ok = Extract<ImportResult, { ok: true }>;

const ZEROS = "0 | 0 | 0 | 0 | 0 | 0 | 0 |";

const HEADER = ["自然人 | 法人或其他组织 | 总计 |", "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |"];

/** A 2021 report in pipe rows whose table 三 is `rows` under the usual two header rows. */
function withRequests(...rows: string[]): Promise<Ok> {
  return withTable(HEADER, rows);
}

/** A 2021 report in pipe rows whose table 三 is `rows` under `header`. */
async function withTable(header: string[], rows: string[]): Promise<Ok> {
  const text = [
    "某县某局2021年政府信息公开工作年度报告",
    "一、总体情况",
    "全年主动公开信息20条。",
    "二、主动公开政府信息情况",
    "第二十条第（五）项 |",
    "信息内容 | 本年处理决定数量 |",
    "行政许可 | 5 |",
    "三、收到和处理政府信息公开申请情况",
    ...header,
    ...rows,
    "四、政府信息公开行政复议、行政诉讼情况",
    "行政复议 | 行政诉讼 |",
    "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    "五、存在的主要问题及改进情况",
    "公开内容有待丰富。",
    "六、其他需要报告的事项",
    "本年度未收取信息处理费。",
  ].join("\n");
  const result = await importReport({ kind: "text", data: text });
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** The cells of an HTML table row. */
const cells = (...texts: string[]) => texts.map((t) => `<td>${t}</td>`).join("");

/** The usual HTML header of table 三 (项目 spanning its three rows), `label` columns wide for the labels. */
function htmlHeader(natural = "自然人", total = "总计", label = 1): string[] {
  return [
    `<tr><td rowspan="3" colspan="${label}">项目</td><td colspan="7">申请人情况</td></tr>`,
    `<tr><td rowspan="2">${natural}</td><td colspan="5">法人或其他组织</td><td rowspan="2">${total}</td></tr>`,
    `<tr>${cells("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")}</tr>`,
  ];
}

/** A 2021 report in HTML whose table 三 is printed as `tables`, each a list of `<tr>` rows. */
async function withHtmlTables(...tables: string[][]): Promise<Ok> {
  const html = [
    "<html><body><p>某县某局2021年政府信息公开工作年度报告</p><p>一、总体情况</p><p>全年主动公开信息20条。</p>",
    "<p>三、收到和处理政府信息公开申请情况</p>",
    ...tables.map((rows) => `<table>${rows.join("")}</table>`),
    "<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>",
  ].join("");
  const result = await importReport({ kind: "html", data: html });
  if (!result.ok) throw new Error(result.message);
  return result;
}

const NEW_RECEIVED = `<tr>${cells("一、本年新收政府信息公开申请数量", "3", "1", "0", "0", "0", "0", "4")}</tr>`;
/** 上年结转 with one number printed across the 商业企业 and 科研机构 columns. */
const CARRIED_SPANNING = '<tr><td>二、上年结转政府信息公开申请数量</td><td>2</td><td colspan="2">1</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>';
const SPANNING_REASON = "该处的数字跨两列印出，无法确定属于哪一列，未读取";

const reasons = (r: Ok, where: string) => r.unread.filter((u) => u.where === where).map((u) => [u.label, u.reason]);

describe("table 三: what the log says of rows not read as printed", () => {
  it("a row printed twice: the first one's numbers, and a note", async () => {
    const r = await withRequests("一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |");
    expect(r.report.requests.newReceived).toMatchObject({ naturalPerson: 3, total: 3 });
    expect(r.notes).toContain("表三的行「一、本年新收政府信息公开申请数量」出现了不止一次，取第一次的数字。");
    // Printed once, without the 其他 column: neither is noted.
    expect(r.notes.filter((n) => n.startsWith("表三") && !n.includes("出现了不止一次"))).toEqual([]);
  });

  it("a piece of the header repeated where the table runs onto the next page is skipped, with a note", async () => {
    const pieces = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构"];
    pieces.push("社会公益组织", "法律服务机构");
    for (const piece of pieces) {
      const r = await withRequests("一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", `${piece} |`, "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |");
      expect(r.notes, piece).toContain("表三跨页印出，重复的表头已跳过。");
      expect(r.report.requests.carriedOver, piece).toMatchObject({ naturalPerson: 2, total: 2 });
    }
  });

  it("rows without labels under a heading printed alone: exactly its items, read in the format's order, with a note", async () => {
    const bare = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ` | ${n} | 0 | 0 | 0 | 0 | 0 | ${n} |`);
    const r = await withRequests("一、本年新收政府信息公开申请数量 | 36 | 0 | 0 | 0 | 0 | 0 | 36 |", "（三）不予公开 |", ...bare);
    const q = r.report.requests;
    const items = ["deniedStateSecret", "deniedLawForbidden", "deniedThreeSafetyOneStability", "deniedThirdParty", "deniedInternalAffairs"];
    items.push("deniedProcessInfo", "deniedEnforcementFile", "deniedAdminQuery");
    expect(items.map((k) => [q[k].naturalPerson, q[k].total])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, n]));
    expect(r.notes).toContain("表三「（三）不予公开」下的 8 行数字没有各自的行名，按该项各行的固定顺序（1.属于国家秘密至8.属于行政查询事项）读取。");
    expect(reasons(r, "requests")).toEqual([]);
  });

  it("fewer rows without labels than the heading has items: none read, each listed; a heading with none under it lists nothing", async () => {
    const one = await withRequests("一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "（三）不予公开 |", " | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", "（四）无法提供 |");
    expect(reasons(one, "requests")).toEqual([["（无行名）", "一行数字“1 0 0 0 0 0 1”没有行名，未读取"]]);
    expect(one.report.requests.deniedStateSecret.total).toBeNull();
    // An item already read by its label: the rows cannot be its items in order, so none is read.
    const bare = Array<string>(8).fill(" | 2 | 0 | 0 | 0 | 0 | 0 | 2 |");
    const read = await withRequests("1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", "（三）不予公开 |", ...bare);
    expect(read.report.requests.deniedStateSecret.total).toBe(1);
    expect(read.report.requests.deniedLawForbidden.total).toBeNull();
    expect(reasons(read, "requests")).toEqual(Array(8).fill(["（无行名）", "一行数字“2 0 0 0 0 0 2”没有行名，未读取"]));
    const none = await withRequests("一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "（三）不予公开 |", "（四）无法提供 |");
    expect(reasons(none, "requests")).toEqual([]);
    expect(none.notes.filter((n) => n.includes("没有各自的行名"))).toEqual([]);
  });

  it("a row printing its label only: its cells blank, listed once", async () => {
    const r = await withRequests("一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "二、上年结转政府信息公开申请数量 |");
    expect(r.report.requests.carriedOver).toMatchObject({ naturalPerson: null, total: null });
    expect(reasons(r, "requests.carriedOver")).toEqual([["二、上年结转政府信息公开申请数量", "该行只印出行名，没有数字，各单元格留空"]]);
    expect(r.unread.filter((u) => u.where.startsWith("requests.carriedOver."))).toEqual([]);
  });

  it("a label naming no row, and numbers without a label: listed with their numbers", async () => {
    const r = await withRequests("一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "某某情况 | 1 | 2 | 3 | 0 | 0 | 0 | 6 |", " | 4 | 0 | 0 | 0 | 0 | 0 | 4 |");
    expect(reasons(r, "requests")).toEqual([
      ["某某情况", "无法识别的行「某某情况」，其数字“1 2 3 0 0 0 6”未读取"],
      ["（无行名）", "一行数字“4 0 0 0 0 0 4”没有行名，未读取"],
    ]);
  });

  it("a label cut short is read as the row it starts, with a note", async () => {
    const r = await withRequests("一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "二、上年结转政府信息公开申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |");
    expect(r.report.requests.carriedOver).toMatchObject({ naturalPerson: 2, total: 2 });
    expect(r.notes).toContain("表三的行「二、上年结转政府信息公开申请」按「二、上年结转政府信息公开申请数量」读取。");
  });

  it("the 其他 column printed on some rows only: kept, 0 where not printed, and both notes", async () => {
    const r = await withRequests(
      "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 1 | 4 |",
      "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
      "（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
    );
    expect(r.report.requests.newReceived).toMatchObject({ naturalPerson: 3, otherApplicant: 1, total: 4 });
    expect(r.report.requests.carriedOver).toMatchObject({ naturalPerson: 2, otherApplicant: 0, total: 2 });
    expect(r.notes).toContain("表三印有非标准的「申请人情况·其他」列，已按原样保留，并计入各行总计。");
    expect(r.notes).toContain("表三「申请人情况·其他」列只在 1 行印出数字，其余 2 行未印出该列，按 0 记。");
  });

  it("a header printing 其他 twice has the 其他 column even where no row prints it", async () => {
    const header = ["自然人 | 法人或其他组织 | 其他 | 总计 |", "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |"];
    const r = await withTable(header, ["一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |"]);
    expect(r.notes).toContain("表三印有非标准的「申请人情况·其他」列，已按原样保留，并计入各行总计。");
    expect(r.report.requests.newReceived).toMatchObject({ naturalPerson: 3, otherApplicant: 0, total: 3 });
  });

  it("no row of numbers at all: the whole table listed once, no row listed on its own", async () => {
    const r = await withRequests("本年度未收到政府信息公开申请。");
    expect(reasons(r, "requests")).toEqual([["三、收到和处理政府信息公开申请情况", "未找到表三的数字，各单元格留空"]]);
    expect(r.unread.filter((u) => u.where.startsWith("requests."))).toEqual([]);
  });

  it("a label that only starts like a heading is an unknown row, not the heading", async () => {
    const r = await withRequests("一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "（三）不予公 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |");
    expect(reasons(r, "requests")).toEqual([["（三）不予公", "无法识别的行「（三）不予公」，其数字“1 0 0 0 0 0 1”未读取"]]);
  });

  it("a row short of numbers is listed with the numbers it printed, its cells blank", async () => {
    const r = await withRequests("一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "（一）予以公开 1 2 3");
    expect(r.report.requests.granted).toMatchObject({ naturalPerson: null, total: null });
    const listed = reasons(r, "requests.granted");
    expect(listed).toHaveLength(1);
    expect(listed[0][1]).toMatch(/（印出“1 2 3”）$/);
  });

  it("with the 其他 column, a row one number short with an empty cell after its label: which column is blank cannot be told", async () => {
    const r = await withRequests("一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 1 | 4 |", "（一）予以公开 |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |");
    expect(r.report.requests.granted).toMatchObject({ naturalPerson: null, commercial: null, otherApplicant: null, total: null });
    expect(reasons(r, "requests.granted")).toEqual([
      [
        "三、本年度办理结果（一）予以公开",
        "该行标签后的空白单元格可能是空白的「自然人」，也可能是标签的填充（该行未印出「申请人情况·其他」列），无法确定各数字所在的列，未读取（印出“1 0 0 0 0 0 1”）",
      ],
    ]);
    expect(r.notes.some((n) => n.includes("其余"))).toBe(false);
    // Listed once for the row, not once per cell.
    expect(r.unread.filter((u) => u.where.startsWith("requests.granted."))).toEqual([]);
  });

  it("with the 其他 column, a row printing its label only or too few numbers is blank, not a row omitting 其他", async () => {
    const r = await withRequests(
      "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 1 | 4 |",
      "二、上年结转政府信息公开申请数量 |",
      "（一）予以公开 1 2 3",
    );
    expect(r.report.requests.carriedOver).toMatchObject({ naturalPerson: null, otherApplicant: null, total: null });
    expect(r.report.requests.granted).toMatchObject({ naturalPerson: null, otherApplicant: null, total: null });
    expect(r.notes.some((n) => n.includes("其余"))).toBe(false);
  });

  it("HTML: the 其他 column found in the header's grid is read on every row that has it, with no note of rows without it", async () => {
    const html = [
      "<html><body><p>某县某局2021年政府信息公开工作年度报告</p><p>一、总体情况</p><p>全年主动公开信息20条。</p>",
      "<p>三、收到和处理政府信息公开申请情况</p><table>",
      '<tr><td rowspan="3">项目</td><td colspan="8">申请人情况</td></tr>',
      '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">其他</td><td rowspan="2">总计</td></tr>',
      `<tr>${cells("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")}</tr>`,
      `<tr>${cells("一、本年新收政府信息公开申请数量", "3", "0", "0", "0", "0", "2", "1", "6")}</tr>`,
      `<tr>${cells("二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0", "0")}</tr>`,
      "</table><p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>",
    ].join("");
    const result = await importReport({ kind: "html", data: html });
    if (!result.ok) throw new Error(result.message);
    expect(result.report.requests.newReceived).toMatchObject({ naturalPerson: 3, otherOrg: 2, otherApplicant: 1, total: 6 });
    expect(result.notes).toContain("表三印有非标准的「申请人情况·其他」列，已按原样保留，并计入各行总计。");
    expect(result.notes.some((n) => n.includes("其余"))).toBe(false);
  });

  it("HTML: a table continued in a second table as wide, without its own header, is read by the first one's header", async () => {
    const r = await withHtmlTables([...htmlHeader(), NEW_RECEIVED], [CARRIED_SPANNING]);
    expect(r.report.requests.newReceived).toMatchObject({ naturalPerson: 3, commercial: 1, total: 4 });
    // By the header's columns: the number over two of them is placed in neither, the others are.
    expect(r.report.requests.carriedOver).toMatchObject({ naturalPerson: 2, commercial: null, research: null, publicInterest: 0, total: 3 });
    expect(reasons(r, "requests.carriedOver.commercial")).toEqual([["「二、上年结转政府信息公开申请数量」的「商业企业」", SPANNING_REASON]]);
    expect(reasons(r, "requests.carriedOver.research")).toEqual([["「二、上年结转政府信息公开申请数量」的「科研机构」", SPANNING_REASON]]);
    // A second table of another width is not read by that header: its cells are counted in order.
    const narrower = '<tr><td>二、上年结转政府信息公开申请数量</td><td>2</td><td colspan="2">1</td><td>0</td><td>0</td><td>3</td></tr>';
    const other = await withHtmlTables([...htmlHeader(), NEW_RECEIVED], [narrower]);
    expect(other.unread.filter((u) => u.reason === SPANNING_REASON)).toEqual([]);
  });

  it("HTML: a header without 自然人 or without 总计, or split over two tables, gives no columns; the cells are counted in order", async () => {
    for (const [what, tables] of [
      ["without 自然人", [[...htmlHeader("个人"), NEW_RECEIVED, CARRIED_SPANNING]]],
      ["without 总计", [[...htmlHeader("自然人", "合计"), NEW_RECEIVED, CARRIED_SPANNING]]],
      ["split", [htmlHeader().slice(0, 2), [htmlHeader()[2], NEW_RECEIVED, CARRIED_SPANNING]]],
    ] as [string, string[][]][]) {
      const r = await withHtmlTables(...tables);
      expect(r.report.requests.newReceived, what).toMatchObject({ naturalPerson: 3, commercial: 1, total: 4 });
      expect(r.unread.filter((u) => u.reason === SPANNING_REASON), what).toEqual([]);
    }
  });

  it("HTML: a header whose only 其他 stands outside 法人或其他组织 has the 其他 column", async () => {
    const header = [
      '<tr><td rowspan="3">项目</td><td colspan="7">申请人情况</td></tr>',
      '<tr><td rowspan="2">自然人</td><td colspan="4">法人或其他组织</td><td rowspan="2">其他</td><td rowspan="2">总计</td></tr>',
      `<tr>${cells("商业企业", "科研机构", "社会公益组织", "法律服务机构")}</tr>`,
    ];
    const r = await withHtmlTables([...header, `<tr>${cells("一、本年新收政府信息公开申请数量", "3", "1", "0", "0", "0", "2", "6")}</tr>`]);
    expect(r.report.requests.newReceived).toMatchObject({ naturalPerson: 3, commercial: 1, otherOrg: null, otherApplicant: 2, total: 6 });
    expect(reasons(r, "requests.newReceived.otherOrg")).toEqual([["「一、本年新收政府信息公开申请数量」的「法人或其他组织·其他」", "单元格为空或未印出"]]);
    expect(r.notes).toContain("表三印有非标准的「申请人情况·其他」列，已按原样保留，并计入各行总计。");
  });

  it("HTML: labels in two columns (the heading spanning its items) and an unknown label, by the header's columns", async () => {
    const r = await withHtmlTables([
      ...htmlHeader("自然人", "总计", 2),
      '<tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>',
      `<tr><td rowspan="2">（三）不予公开</td>${cells("1.属于国家秘密", "1", "0", "0", "0", "0", "0", "1")}</tr>`,
      `<tr>${cells("2.其他法律行政法规禁止公开", "2", "0", "0", "0", "0", "0", "2")}</tr>`,
      '<tr><td colspan="2">某某情况</td><td>1</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>',
    ]);
    expect(r.report.requests.deniedStateSecret).toMatchObject({ naturalPerson: 1, total: 1 });
    expect(r.report.requests.deniedLawForbidden).toMatchObject({ naturalPerson: 2, total: 2 });
    expect(reasons(r, "requests")).toEqual([["某某情况", "无法识别的行「某某情况」，其数字“1 2 0 0 0 0 3”未读取"]]);
  });

  it("a label broken over two lines is read as its row: first in the table, after a row named alone, after a heading, after a row of numbers", async () => {
    const row = (n: number) => `| ${n} | 0 | 0 | 0 | 0 | 0 | ${n} |`;
    const first = await withRequests("一、本年新收政府 |", `信息公开申请数量 ${row(3)}`);
    expect(first.report.requests.newReceived).toMatchObject({ naturalPerson: 3, total: 3 });
    const afterWhole = await withRequests("一、本年新收政府信息公开申请数量 |", "二、上年结转政府信息 |", `公开申请数量 ${row(2)}`);
    expect(afterWhole.report.requests.carriedOver).toMatchObject({ naturalPerson: 2, total: 2 });
    expect(reasons(afterWhole, "requests")).toEqual([]);
    const afterHeading = await withRequests(`一、本年新收政府信息公开申请数量 ${row(3)}`, "（三）不予公开 |", "1.属于国家 |", `秘密 ${row(1)}`);
    expect(afterHeading.report.requests.deniedStateSecret).toMatchObject({ naturalPerson: 1, total: 1 });
    const afterNumbers = await withRequests(`一、本年新收政府信息公开申请数量 ${row(3)}`, "二、上年结转政府信息 |", `公开申请数量 ${row(2)}`);
    expect(afterNumbers.report.requests.carriedOver).toMatchObject({ naturalPerson: 2, total: 2 });
    for (const r of [first, afterWhole, afterHeading, afterNumbers]) {
      expect(r.notes.filter((n) => n.startsWith("表三的行"))).toEqual([]);
      expect(reasons(r, "requests")).toEqual([]);
    }
  });

  it("a row with its own label after the rows without labels under a heading ends them: they are read, it is listed", async () => {
    const bare = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ` | ${n} | 0 | 0 | 0 | 0 | 0 | ${n} |`);
    const r = await withRequests("（三）不予公开 |", ...bare, "某某情况 | 9 | 0 | 0 | 0 | 0 | 0 | 9 |");
    expect(r.report.requests.deniedAdminQuery).toMatchObject({ naturalPerson: 8, total: 8 });
    expect(reasons(r, "requests")).toEqual([["某某情况", "无法识别的行「某某情况」，其数字“9 0 0 0 0 0 9”未读取"]]);
  });

  it("a label with a note in brackets after it is read as its row without a note", async () => {
    const r = await withRequests("一、本年新收政府信息公开申请数量（含通过政府网站、信函等各种渠道收到的申请） | 3 | 0 | 0 | 0 | 0 | 0 | 3 |");
    expect(r.report.requests.newReceived).toMatchObject({ naturalPerson: 3, total: 3 });
    expect(r.notes.filter((n) => n.startsWith("表三"))).toEqual([]);
  });

  it("an empty row inside the header does not end it: the header was printed once", async () => {
    const header = ["自然人 | 法人或其他组织 | 总计 |", "|  |  |", "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |"];
    const r = await withTable(header, ["一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |"]);
    expect(r.report.requests.newReceived).toMatchObject({ naturalPerson: 3, total: 3 });
    expect(r.notes).not.toContain("表三跨页印出，重复的表头已跳过。");
  });

  it("with the 其他 column, a header naming each column in a cell of its own (its corner named or blank) lines up rows as wide: a blank cell is blank", async () => {
    for (const corner of ["项目", ""]) {
      const header = [`| ${corner} | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 其他 | 总计 |`];
      const r = await withTable(header, ["| 一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 1 | 5 |", "| （一）予以公开 |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"]);
      expect(r.report.requests.newReceived, corner).toMatchObject({ naturalPerson: 3, commercial: 1, otherApplicant: 1, total: 5 });
      expect(r.report.requests.granted, corner).toMatchObject({ naturalPerson: null, commercial: 1, otherApplicant: 0, total: 1 });
      expect(reasons(r, "requests.granted"), corner).toEqual([]);
      expect(reasons(r, "requests.granted.naturalPerson"), corner).toEqual([["「三、本年度办理结果（一）予以公开」的「自然人」", "单元格为空"]]);
    }
  });

  it("a piece of a label is joined with the next row's label only when together they are a whole label", async () => {
    const r = await withRequests("一、本年新收政府 |", "信息公开申请数 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |");
    expect(r.report.requests.newReceived.total).toBeNull();
    expect(reasons(r, "requests")).toContainEqual(["信息公开申请数", "无法识别的行「信息公开申请数」，其数字“3 0 0 0 0 0 3”未读取"]);
  });

  it("rows without labels under a label that only starts like a heading are not its items: each is listed", async () => {
    const bare = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ` | ${n} | 0 | 0 | 0 | 0 | 0 | ${n} |`);
    const r = await withRequests("一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "（三）不予公 |", ...bare);
    expect(r.report.requests.deniedStateSecret.total).toBeNull();
    expect(r.notes.filter((n) => n.includes("没有各自的行名"))).toEqual([]);
    expect(reasons(r, "requests")).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => ["（无行名）", `一行数字“${n} 0 0 0 0 0 ${n}”没有行名，未读取`]));
  });
});
