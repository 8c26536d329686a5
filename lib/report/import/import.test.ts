import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "../index";
import { parseInterchange, writeInterchange } from "../interchange";
import type { Report } from "../index";
import { importReport } from "./index";
import type { ImportResult } from "./index";

const here = __dirname;
const seedText = fs.readFileSync(path.join(here, "../../../../shared/seeds/000_332374fea032217b.txt"), "utf8");
const fixture = (name: string) => fs.readFileSync(path.join(here, "fixtures", name), "utf8");

function seedFixture(): Report {
  const parsed = parseInterchange(fs.readFileSync(path.join(here, "../fixtures/seed-2020.json"), "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.report;
}

type Ok = Extract<ImportResult, { ok: true }>;

function expectOk(result: ImportResult): Ok {
  if (!result.ok) throw new Error(`import failed: ${result.message}`);
  // Whatever is imported is a valid interchange file, read back unchanged.
  const reread = parseInterchange(writeInterchange(result.report));
  expect(reread.ok && reread.report).toEqual(result.report);
  return result;
}

const unreadAt = (r: Ok, where: string) => r.unread.filter((u) => u.where === where);

describe("the seed report", () => {
  it("imports from its text to exactly the seed fixture", async () => {
    const result = expectOk(await importReport({ kind: "text", data: seedText }));
    expect(result.report).toEqual(seedFixture());
    expect(result.unread).toEqual([]);
    expect(result.notes.join("\n")).toContain("2019年版");
    expect(result.notes.join("\n")).toContain("申请人情况·其他");
  });

  it("imports the same from bytes in UTF-8 with BOM and CRLF, and in GB18030", async () => {
    const crlf = new TextEncoder().encode("\ufeff" + seedText.replace(/\n/g, "\r\n"));
    expect(expectOk(await importReport({ kind: "text", data: crlf })).report).toEqual(seedFixture());
    const gbk = fs.readFileSync(path.join(here, "fixtures", "seed-gb18030.txt"));
    expect(expectOk(await importReport({ kind: "text", data: new Uint8Array(gbk) })).report).toEqual(seedFixture());
  });

  it("keeps the seed's own mistake: its （七）总计 does not add up, and the validator says so", async () => {
    const { report } = expectOk(await importReport({ kind: "text", data: seedText }));
    const errors = validate(report).filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.rule, f.cells])).toEqual([
      ["R3-HANDLED-SUM", ["requests.totalHandled.naturalPerson"]],
      ["R3-HANDLED-SUM", ["requests.totalHandled.total"]],
    ]);
  });
});

describe("real-world formatting", () => {
  it("2019 text: mixed brackets and colons, cut-short headers, split labels, placeholders, +19, 251000元, extra 其他 column, split table", async () => {
    const r = expectOk(await importReport({ kind: "text", data: fixture("text-2019-messy.txt") }));
    const { report } = r;
    expect(report).toMatchObject({
      edition: "2019",
      year: 2020,
      agency: { name: "某市某区市场监督管理局", level: "department" },
      title: "某市某区市场监督管理局2020年政府信息公开工作年度报告",
      date: "2021-01-25",
      website: { name: "某区人民政府门户网站", url: "http://www.example.gov.cn" },
      contact: { address: "某区人民路1号", phone: "010-12345678", postcode: "100000" },
      problems: "一是公开力度不够；二是平台建设有待加强。",
      otherMatters: [{ heading: "", text: "本年度未收取信息处理费。" }],
    });
    expect(report.overview).toEqual([
      { heading: "主动公开情况", text: "本局全年主动公开政府信息120条，及时更新网站栏目。" },
      { heading: "依申请公开情况", text: "全年新收申请8件。" },
      { heading: "政府信息管理情况", text: "建立健全发布审核制度。" },
    ]);
    // Table 二: rows printed as "/", "—", "-" are absent; 规范性 / 文件 split over two lines; 本年新 headers.
    expect(report.activeDisclosure).toEqual({
      normativeDocuments: { newlyMade: 2, newlyPublished: 2, totalPublished: 15 },
      licensing: { lastYearItems: 120, change: 19, decisions: 3500 },
      punishment: { lastYearItems: 417, change: -417, decisions: 12 },
      fees: { lastYearItems: 3, change: 0 },
      procurement: { projects: 4, amount: 25.1 },
    });
    for (const row of ["regulations", "otherServices", "coercion"]) {
      expect(unreadAt(r, `activeDisclosure.${row}`)).toHaveLength(1);
    }
    expect(r.notes.some((n) => n.includes("251000元") && n.includes("25.1 万元"))).toBe(true);
    expect(r.notes.some((n) => n.includes("本年新"))).toBe(true);
    // Table 三: the extra 其他 column in every row, the header repeated on the second page.
    const q = report.requests;
    expect(q.newReceived).toEqual({
      naturalPerson: 5, commercial: 1, research: 0, publicInterest: 0, legalService: 1, otherOrg: 0, otherApplicant: 1, total: 8,
    });
    expect(q.unableNoInfo).toMatchObject({ naturalPerson: 1, otherApplicant: 1, total: 2 });
    // A total that does not balance is kept as printed (3 + 1 = 4, printed 5).
    expect(q.granted.total).toBe(5);
    expect(validate(report).some((f) => f.rule === "R3-ROW-TOTAL" && f.cells[0] === "requests.granted.total")).toBe(true);
    // 5.要求行政机关确认或重新出 / 具已获取信息 over two lines.
    expect(q.notProcessedConfirm.total).toBe(0);
    expect(Object.values(q.deniedLawForbidden)).toEqual(Array(8).fill(null));
    expect(unreadAt(r, "requests.deniedLawForbidden.naturalPerson")[0]).toMatchObject({
      label: "「三、本年度办理结果（三）不予公开2.其他法律行政法规禁止公开」的「自然人」",
      reason: "印为“/”，按空白处理",
    });
    expect(r.unread.filter((u) => u.where.startsWith("requests."))).toHaveLength(8);
    // Table 四: "—" cells are blank, listed.
    expect(report.reviewLitigation).toEqual({
      review: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigationDirect: { upheld: null, corrected: null, other: null, pending: null, total: null },
      litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
    });
    expect(r.unread.filter((u) => u.where.startsWith("reviewLitigation.litigationDirect."))).toHaveLength(5);
  });

  it("2021 text: 规范性文件, 行政事业型收费, 251000元, blank total cells, Chinese-numeral date", async () => {
    const r = expectOk(await importReport({ kind: "text", data: fixture("text-2021-template-drift.txt") }));
    const { report } = r;
    expect(report).toMatchObject({
      edition: "2021",
      year: 2022,
      agency: { name: "某县某镇人民政府", level: "township" },
      date: "2023-01-20",
      website: { name: "某县人民政府网站", url: "www.mouxian.gov.cn" },
      contact: { address: "某镇和平街8号", phone: "0123-4567890", postcode: "123456" },
    });
    expect(report.activeDisclosure).toEqual({
      normativeDocuments: { made: 2, repealed: 1, inForce: 9 },
      licensing: { decisions: 36 },
      punishment: { decisions: 12 },
      coercion: { decisions: 0 },
      fees: { amount: 25.1 },
    });
    expect(r.notes).toContain("表二的行「规范性文件」按「行政规范性文件」读取。");
    expect(r.notes).toContain("表二的行「行政事业型收费」按「行政事业性收费」读取。");
    // The three （六） rows of the 2021 edition, and a blank total kept blank.
    expect(report.requests.otherOverdueFee.total).toBe(0);
    expect(report.requests.otherOther).toBeDefined();
    expect(report.requests.newReceived.total).toBeNull();
    expect(unreadAt(r, "requests.newReceived.total")).toHaveLength(1);
    expect(report.reviewLitigation.litigationAfterReview.total).toBeNull();
    expect(unreadAt(r, "reviewLitigation.litigationAfterReview.total")).toHaveLength(1);
    expect(report.overview).toEqual([
      { heading: "", text: "2022年，本镇认真贯彻落实政务公开工作要点。" },
      { heading: "主动公开", text: "全年通过政府网站公开信息56条。" },
      { heading: "依申请公开", text: "全年收到申请2件，均按期答复。" },
    ]);
    expect(report.otherMatters).toEqual([
      { heading: "信息处理费收取情况", text: "本年度未收取信息处理费。" },
      { heading: "人大代表建议和政协提案办理结果公开情况", text: "本年度无承办的建议提案。" },
    ]);
    expect(r.unread.map((u) => u.where)).toEqual([
      "activeDisclosure.regulations",
      "requests.newReceived.total",
      "reviewLitigation.litigationAfterReview.total",
    ]);
  });

  it("HTML web page: merged cells, labels broken by <br>, a blank cell, a table split in two, 元 column, page furniture", async () => {
    const r = expectOk(await importReport({ kind: "html", data: fixture("html-2021-grid.html") }));
    const { report } = r;
    expect(report).toMatchObject({
      edition: "2021",
      year: 2021,
      agency: { name: "某市交通运输局", level: "department" },
      date: "2022-01-28",
      intro: expect.stringMatching(/^本报告根据/),
      contact: { address: "某市新华路100号", phone: "0999-8888666", postcode: "999000" },
      otherMatters: [{ heading: "", text: "本机关2021年度未收取信息处理费。" }],
    });
    expect(report.activeDisclosure).toEqual({
      normativeDocuments: { made: 3, repealed: null, inForce: 20 },
      licensing: { decisions: 1520 },
      punishment: { decisions: 845 },
      coercion: { decisions: 3 },
      fees: { amount: 123.45 },
    });
    const q = report.requests;
    expect(q.newReceived).toEqual({
      naturalPerson: 10, commercial: 2, research: 0, publicInterest: 0, legalService: 0, otherOrg: 1, otherApplicant: 0, total: 13,
    });
    // A blank cell at the start of a row stays in its column when the table keeps its grid.
    expect(q.partiallyGranted).toMatchObject({ naturalPerson: null, commercial: 0, total: 0 });
    expect(q.deniedLawForbidden.total).toBe(0);
    expect(q.notProcessedPetition).toMatchObject({ naturalPerson: 1, total: 1 });
    expect(q.totalHandled).toMatchObject({ naturalPerson: 9, total: null });
    expect(q.carriedForward).toMatchObject({ naturalPerson: 2, commercial: 1, total: 3 });
    expect(report.reviewLitigation.litigationDirect).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(Object.values(report.reviewLitigation.litigationAfterReview)).toEqual(Array(5).fill(null));
    expect(r.notes).toContain("表三跨页印出，重复的表头已跳过。");
    expect(r.notes.some((n) => n.includes("1234500") && n.includes("123.45 万元"))).toBe(true);
    expect(unreadAt(r, "requests.partiallyGranted.naturalPerson")[0].reason).toBe("单元格为空");
  });

  it("text pasted from a web page: cells separated by runs of spaces, headings in other numbering", async () => {
    const text = [
      "某区教育局",
      "2021年度政府信息公开工作年度报告",
      "本报告在某区人民政府门户网站（http://www.qu.gov.cn）公开。联系电话：0101-2345678。",
      "一．总体情况",
      "1.主动公开情况：全年公开信息20条。",
      "全年共受理申请  0件",
      "2.依申请公开情况：全年收到申请0件。",
      "二．主动公开政府信息情况",
      "第二十条第（一）项",
      "信息内容    本年制发件数    本年废止件数    现行有效件数",
      "规章    —    —    —",
      "规范性文件    1    0    4",
      "第二十条第（五）项",
      "信息内容    本年处理决定数量",
      "行政许可    0",
      "三．收到和处理政府信息公开申请情况",
      "一、本年新收政府信息公开申请数量    0    0    0    0    0    0    0",
      "二、上年结转政府信息公开申请数量    0    0    0    0    0    0    0",
      "（七）总计    0    0    0    0    0    0    0",
      "四、结转下年度继续办理    0    0    0    0    0    0    0",
      "四．政府信息公开行政复议、行政诉讼情况",
      "行政复议  行政诉讼",
      "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
      "五．存在的主要问题及改进情况",
      "无。",
      "六．其他需要报告的事项",
      "无。",
    ].join("\n");
    const r = expectOk(await importReport({ kind: "text", data: text }));
    expect(r.report).toMatchObject({
      edition: "2021",
      year: 2021,
      agency: { name: "某区教育局" },
      title: "某区教育局2021年度政府信息公开工作年度报告",
      website: { name: "某区人民政府门户网站", url: "http://www.qu.gov.cn" },
      contact: { phone: "0101-2345678" },
      overview: [
        { heading: "主动公开情况", text: "全年公开信息20条。\n\n全年共受理申请0件" },
        { heading: "依申请公开情况", text: "全年收到申请0件。" },
      ],
      problems: "无。",
      activeDisclosure: { normativeDocuments: { made: 1, repealed: 0, inForce: 4 }, licensing: { decisions: 0 } },
    });
    expect(r.report.requests.newReceived.total).toBe(0);
    expect(r.report.reviewLitigation.review.total).toBe(0);
    // Rows the file does not print are blank and listed, one entry per row.
    expect(unreadAt(r, "requests.granted")).toEqual([
      { where: "requests.granted", label: "三、本年度办理结果（一）予以公开", reason: "未找到该行，各单元格留空" },
    ]);
    expect(r.report.requests.granted.naturalPerson).toBeNull();
    // Missing date and postcode are named.
    expect(r.unread.map((u) => u.where)).toEqual(expect.arrayContaining(["date", "contact.address", "contact.postcode"]));
  });

  it("a 2020 report printed in the 2021 format is read as the 2021 edition, with a note", async () => {
    const text = fixture("text-2021-template-drift.txt").replace(/2022年政府/, "2020年政府");
    const r = expectOk(await importReport({ kind: "text", data: text }));
    expect(r.report.year).toBe(2020);
    expect(r.report.edition).toBe("2021");
    expect(r.notes[0]).toMatch(/按年度（2020年）应为2019年版.*表格结构是2021年版/);
  });

  it("table 四 printed one group per row, and a 2019-style single （六） row in a 2021 report", async () => {
    let text = fixture("text-2021-template-drift.txt");
    const review = text.slice(text.indexOf("行政复议\t\t\t\t\t行政诉讼"), text.indexOf("五、存在的主要问题"));
    text = text.replace(
      review,
      "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n行政复议\t1\t0\t0\t0\t1\n行政诉讼（未经复议直接起诉）\t0\t0\t1\t0\t1\n行政诉讼（复议后起诉）\t0\t0\t0\t2\t2\n\n",
    );
    const six = text.slice(text.indexOf("\t（六）其他处理\t1."), text.indexOf("\t（七）总计"));
    text = text.replace(six, "\t（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n");
    const r = expectOk(await importReport({ kind: "text", data: text }));
    expect(r.report.reviewLitigation).toEqual({
      review: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigationDirect: { upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 },
      litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 2, total: 2 },
    });
    expect(r.unread.find((u) => u.where === "requests")?.reason).toMatch(/「（六）其他处理」在2021年版中是标题/);
    for (const key of ["otherOverdueCorrection", "otherOverdueFee", "otherOther"]) {
      expect(unreadAt(r, `requests.${key}`)[0].reason).toBe("未找到该行，各单元格留空");
      expect(r.report.requests[key].naturalPerson).toBeNull();
    }
  });

  it("a 2019-edition row in a 2021 report is listed, not guessed", async () => {
    const text = fixture("text-2021-template-drift.txt").replace("行政许可\t36\t\t", "行政许可\t36\t\t\n其他对外管理服务事项\t5\t\t");
    const r = expectOk(await importReport({ kind: "text", data: text }));
    expect(r.report.activeDisclosure.otherServices).toBeUndefined();
    expect(r.unread.find((u) => u.where === "activeDisclosure")?.reason).toMatch(/2019年版格式的行「其他对外管理服务事项」/);
  });
});

describe("unreadable input gets a clear message, never a throw", () => {
  const cases: [string, Parameters<typeof importReport>[0], RegExp][] = [
    ["empty text", { kind: "text", data: "" }, /空的/],
    ["blank text", { kind: "text", data: "  \n\n\t " }, /空的/],
    ["random bytes as text", { kind: "text", data: randomBytes(4096, 1) }, /不是可读的文本/],
    ["random bytes as DOCX", { kind: "docx", data: randomBytes(4096, 2) }, /无法打开 DOCX/],
    ["a ZIP that is not a DOCX", { kind: "docx", data: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]) }, /无法打开 DOCX/],
    ["an old .doc", { kind: "docx", data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }, /另存为 \.docx/],
    ["a PDF", { kind: "text", data: new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj") }, /PDF/],
    ["text in English", { kind: "text", data: "Quarterly sales figures\n\nRevenue grew 5%." }, /该文件不像政府信息公开工作年度报告：文件中没有中文内容/],
    [
      "an unrelated Chinese document",
      { kind: "text", data: "红烧肉的做法\n\n五花肉切块，冷水下锅焯水。\n\n加冰糖炒出糖色，放入肉块翻炒。" },
      /该文件不像政府信息公开工作年度报告：未找到报告标题/,
    ],
    [
      "an unrelated HTML page",
      { kind: "html", data: "<html><body><h1>通知公告</h1><p>关于开展安全检查的通知。</p><table><tr><td>序号</td><td>名称</td></tr></table></body></html>" },
      /该文件不像政府信息公开工作年度报告/,
    ],
    [
      "a form with 申请 in its table",
      { kind: "html", data: "<p>2021年度资金申请表</p><table><tr><td>申请单位</td><td>金额</td></tr><tr><td>申请金额</td><td>5</td></tr></table>" },
      /该文件不像政府信息公开工作年度报告：未找到报告标题/,
    ],
    ["a report with no year", { kind: "text", data: "某局政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n\n五、存在的主要问题及改进情况" }, /未找到报告年度/],
    ["DOCX given as text", { kind: "docx", data: "not a docx" }, /DOCX/],
  ];
  for (const [name, input, message] of cases) {
    it(name, async () => {
      const result = await importReport(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    });
  }

  it("a DOCX whose text is not a report", async () => {
    const { Document, Packer, Paragraph } = await import("docx");
    const doc = new Document({ sections: [{ children: [new Paragraph("会议纪要"), new Paragraph("今天讨论了食堂菜单。")] }] });
    const result = await importReport({ kind: "docx", data: new Uint8Array(await Packer.toBuffer(doc)) });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^该文件不像政府信息公开工作年度报告/) });
  });
});

function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed * 2654435761;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  out[0] = 0x01; // not a known file signature
  return out;
}

describe("a reader that fails", () => {
  it("never throws: the failure comes back in Chinese with its reason", async () => {
    // Not bytes at all (a caller's mistake): reading them fails inside, and the import says so.
    const result = await importReport({ kind: "text", data: null as unknown as Uint8Array });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^读取文件时出错，未能导入：\S/);
  });
});
