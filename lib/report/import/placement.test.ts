/**
 * The reader never guesses: a number whose column cannot be told stays out (the cell blank and
 * listed), and the counts of cells printed and read say so. Small reports built around one row.
 */
import { describe, expect, it } from "vitest";
import { textToBlocks } from "./blocks";
import { importReport } from "./index";
import type { ImportResult } from "./index";

type Ok = Extract<ImportResult, { ok: true }>;

async function read(kind: "text" | "html", data: string): Promise<Ok> {
  const result = await importReport({ kind, data });
  if (!result.ok) throw new Error(result.message);
  return result;
}

const ZEROS = "0 | 0 | 0 | 0 | 0 | 0 | 0 |";

/** A 2021 report in pipe rows whose table 三 prints `granted` as given and every other row as zeros. */
function pipeReport(granted: string, review = "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"): string {
  const rows = [
    "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
    "二、上年结转政府信息公开申请数量 | " + ZEROS,
    `三、本年度办理结果 | （一）予以公开 | ${granted}`,
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | " + ZEROS,
  ];
  return [
    "某县某局2021年政府信息公开工作年度报告",
    "一、总体情况",
    "全年主动公开信息20条。",
    "二、主动公开政府信息情况",
    "第二十条第（五）项 |",
    "信息内容 | 本年处理决定数量 |",
    "行政许可 | 5 |",
    "三、收到和处理政府信息公开申请情况",
    "自然人 | 法人或其他组织 | 总计 |",
    "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |",
    ...rows,
    "四、政府信息公开行政复议、行政诉讼情况",
    "行政复议 | 行政诉讼 |",
    review,
    "五、存在的主要问题及改进情况",
    "公开内容有待丰富。",
    "六、其他需要报告的事项",
    "本年度未收取信息处理费。",
  ].join("\n");
}

describe("a row whose numbers cannot all be placed is listed, not shifted", () => {
  it("pipes: a 总计 printed blank at the end stays blank, the rest in order", async () => {
    const r = await read("text", pipeReport("2 | 1 | 0 | 0 | 0 | 0 |  |"));
    expect(r.report.requests.granted).toMatchObject({ naturalPerson: 2, commercial: 1, otherOrg: 0, total: null });
  });

  it("pipes: an empty cell among the numbers is a blank in its place; filler pipes of a merged cell are not", async () => {
    const blank = await read("text", pipeReport("2 |  | 0 | 0 | 0 | 0 | 2 |"));
    expect(blank.report.requests.granted).toMatchObject({ naturalPerson: 2, commercial: null, research: 0, total: 2 });
    const filler = await read("text", pipeReport("2 || 1 | 0 | 0 | 0 | 0 | 3 |"));
    expect(filler.report.requests.granted).toMatchObject({ naturalPerson: 2, commercial: 1, total: 3 });
  });

  it("runs of spaces: a row one number short is not read (its blank cell left no trace)", async () => {
    const text = pipeReport(ZEROS).replace("三、本年度办理结果 | （一）予以公开 | " + ZEROS, "三、本年度办理结果    （一）予以公开    2    1    0    0    0    3");
    const r = await read("text", text);
    expect(Object.values(r.report.requests.granted)).toEqual(Array(7).fill(null));
    const listed = r.unread.filter((u) => u.where === "requests.granted");
    expect(listed).toHaveLength(1);
    expect(listed[0].reason).toMatch(/印出 6 个数字，表格有 7 列，空白单元格没有留下位置，无法确定各数字所在的列/);
    // Listed once for the row, not once per cell.
    expect(r.unread.filter((u) => u.where.startsWith("requests.granted."))).toEqual([]);
    expect(r.tableCells.requests.printed - r.tableCells.requests.read).toBe(6);
  });

  it("pipes: a row short of numbers with an empty cell before its first number is not read", async () => {
    const r = await read("text", pipeReport(" | 2 | 1 | 0 | 0 | 0 |"));
    expect(Object.values(r.report.requests.granted)).toEqual(Array(7).fill(null));
    expect(r.unread.find((u) => u.where === "requests.granted")?.reason).toMatch(/无法确定各数字所在的列/);
  });

  it("more numbers than columns: none is read", async () => {
    // (One more than the standard columns is the local 申请人情况·其他 column; two more is not a column.)
    const r = await read("text", pipeReport("2 | 1 | 0 | 0 | 0 | 0 | 3 | 9 | 9 |"));
    expect(Object.values(r.report.requests.granted)).toEqual(Array(7).fill(null));
    expect(r.unread.find((u) => u.where === "requests.granted")?.reason).toMatch(/印出 9 个数字，表格有 7 列/);
  });

  it("table 四: a label naming several groups is a header, not one group's row", async () => {
    const text = pipeReport(ZEROS).replace(
      "行政复议 | 行政诉讼 |\n1 | 0",
      "行政复议 行政诉讼 未经复议直接起诉 复议后起诉 | 1 | 0",
    );
    const r = await read("text", text);
    expect(r.report.reviewLitigation.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(r.report.reviewLitigation.litigationAfterReview.total).toBe(0);
  });

  it("bare rows under a heading are read only when they are exactly its items", async () => {
    const denied = (n: number) => ["（三）不予公开 | " + ZEROS, ...Array<string>(n - 1).fill(" | " + ZEROS)].join("\n");
    const insert = (text: string, n: number) => text.replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形） | " + ZEROS, (m) => `${m}\n${denied(n)}`);
    const eight = await read("text", insert(pipeReport(ZEROS), 8));
    expect(eight.report.requests.deniedAdminQuery.total).toBe(0);
    expect(eight.notes.some((n) => n.includes("「（三）不予公开」下的 8 行数字没有各自的行名"))).toBe(true);
    const seven = await read("text", insert(pipeReport(ZEROS), 7));
    expect(seven.report.requests.deniedStateSecret.total).toBeNull();
    expect(seven.report.requests.deniedProcessInfo.total).toBeNull();
    expect(seven.unread.filter((u) => u.where === "requests" && /没有行名|是标题/.test(u.reason))).toHaveLength(7);
  });
});

describe("HTML on a kept grid whose cells do not line up with the header", () => {
  const head =
    "<p>某县某局2021年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p><table>" +
    '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="6">申请人情况</td><td rowspan="3">总计</td></tr>' +
    '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td></tr>' +
    "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>";
  const tail = "</table><p>四、政府信息公开行政复议、行政诉讼情况</p>";

  it("a first number over two columns, one of them under no header: in order", async () => {
    const row = '<tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td colspan="2">58</td><td>7</td><td>0</td><td>0</td><td>1</td><td>0</td><td>66</td></tr>';
    const r = await read("html", head + row + tail);
    expect(r.report.requests.newReceived).toMatchObject({ naturalPerson: 58, commercial: 7, legalService: 1, total: 66 });
  });

  it("a number over two header columns in a row short of cells: placed in neither, listed", async () => {
    const row = '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td colspan="2">5</td><td>0</td><td>0</td><td>1</td><td>0</td><td>6</td></tr>';
    const r = await read("html", head + row + tail);
    expect(r.report.requests.newReceived).toMatchObject({ naturalPerson: null, commercial: null, research: 0, total: 6 });
    expect(r.unread.find((u) => u.where === "requests.newReceived.naturalPerson")?.reason).toMatch(/跨两列/);
  });
});

describe("HTML off the grid (rows of different widths)", () => {
  it("a number merged over two rows is the upper row's; the lower row is not shifted into its place", async () => {
    const html =
      "<p>某县某局2021年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p><table>" +
      "<tr><td>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>" +
      '<tr><td>一、本年新收政府信息公开申请数量</td><td rowspan="2">0</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>' +
      "<tr><td>二、上年结转政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>" +
      "<tr><td>四、结转下年度继续办理</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td></td></tr>" +
      "</table><p>四、政府信息公开行政复议、行政诉讼情况</p>";
    const r = await read("html", html);
    expect(r.report.requests.newReceived).toMatchObject({ naturalPerson: 0, commercial: 2, total: 2 });
    expect(Object.values(r.report.requests.carriedOver)).toEqual(Array(7).fill(null));
    expect(r.unread.find((u) => u.where === "requests.carriedOver")?.reason).toMatch(/无法确定各数字所在的列/);
    expect(r.report.requests.carriedForward).toMatchObject({ naturalPerson: 0, commercial: 1, total: 1 });
  });
});

describe("text lines", () => {
  it("a sentence with a pipe in it stays a paragraph; a line of pipes alone is nothing", () => {
    expect(textToBlocks("地址：某路1号 | 电话：0123-4567890\n|||")).toEqual([{ kind: "para", text: "地址：某路1号 | 电话：0123-4567890" }]);
  });

  it("one cell per line is put back into rows only where numbers follow labels", () => {
    const blocks = textToBlocks(["（一）主动公开情况", "", "全年公开信息。", "规章", "", "0", "", "0", "", "0", "行政规范性文件", "1", "0", "4"].join("\n"));
    expect(blocks).toEqual([
      { kind: "para", text: "（一）主动公开情况" },
      { kind: "para", text: "全年公开信息。" },
      { kind: "row", cells: ["规章", "0", "0", "0"], loose: true },
      { kind: "row", cells: ["行政规范性文件", "1", "0", "4"], loose: true },
    ]);
  });
});

describe("cells printed and read, per table", () => {
  it("a report without tables: nothing printed, nothing read", async () => {
    const r = await read("text", "某县某局2021年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息20条。\n五、存在的主要问题及改进情况\n无。");
    expect(r.tableCells).toEqual({
      activeDisclosure: { printed: 0, read: 0 },
      requests: { printed: 0, read: 0 },
      reviewLitigation: { printed: 0, read: 0 },
    });
  });

  it("placeholders are printed, not read", async () => {
    const r = await read("text", pipeReport("/ | / | / | / | / | / | / |"));
    expect(r.tableCells.requests.printed - r.tableCells.requests.read).toBe(7);
    expect(r.tableCells.activeDisclosure).toEqual({ printed: 1, read: 1 });
  });
});

describe("HTML held in a script", () => {
  const script = (html: string) => `<script>var content = "${html.replace(/"/g, '\\"').replace(/\//g, "\\/")}";</script>`;
  const body =
    '<p>三、收到和处理政府信息公开申请情况</p><table border="1"><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr></table>' +
    "<p>四、政府信息公开行政复议、行政诉讼情况</p><p>本年度未发生行政复议、行政诉讼。</p>".repeat(2);

  it("is read when the page shows no table of its own", async () => {
    const r = await read("html", `<html><body><h1>某县某局2021年政府信息公开工作年度报告</h1><div id="zoom"></div>${script(body)}</body></html>`);
    expect(r.report.requests.newReceived.total).toBe(3);
  });

  it("is left alone when the page shows its tables", async () => {
    const shown = body.replace(">3</td><td>0", ">4</td><td>0").replace("<td>3</td></tr>", "<td>4</td></tr>");
    const r = await read("html", `<html><body><h1>某县某局2021年政府信息公开工作年度报告</h1>${shown}${script(body)}</body></html>`);
    expect(r.report.requests.newReceived).toMatchObject({ naturalPerson: 4, total: 4 });
    expect(r.notes.some((n) => n.includes("出现了不止一次"))).toBe(false);
  });
});
