import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInterchange, parseInterchangeValue, writeInterchange } from "./interchange";
import type { InterchangeError } from "./interchange";
import { anyReportArb, cleanReport } from "./testing";

const fixture = fs.readFileSync(path.join(__dirname, "fixtures/seed-2020.json"), "utf8");

function errorsOf(text: string): InterchangeError[] {
  const result = parseInterchange(text);
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

function withChange(edit: (data: Record<string, any>) => void): string {
  const data = JSON.parse(fixture);
  edit(data);
  return JSON.stringify(data);
}

describe("the seed fixture", () => {
  it("reads, and is written back byte for byte", () => {
    const result = parseInterchange(fixture);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const r = result.report;
    expect(writeInterchange(r)).toBe(fixture);
    expect(r).toMatchObject({
      edition: "2019",
      year: 2020,
      agency: { name: "烟台市蓬莱区蓬莱阁街道办事处", level: "township" },
      title: "烟台市蓬莱区蓬莱阁街道2020年政府信息公开工作年度报告",
      date: "2021-01-21",
      website: { name: "蓬莱区人民政府门户网站", url: "http://www.penglai.gov.cn" },
      contact: { address: "蓬莱区北关路171号", phone: "0535-5601507", postcode: "265600" },
    });
    expect(r.overview?.map((s) => s.heading)).toEqual([
      "主动公开情况", "规范依申请公开工作", "加强政府信息管理", "进一步完善平台建设", "加强重点领域信息公开", "建议提案办理", "监督保障工作情况",
    ]);
    expect(r.overview?.[0].text).toContain("并且根据实际情况");
    expect(r.overview?.[3].text).toContain("受理群众各类咨询建议");
    expect(r.problems).toContain("分管领导负具体管理");
    expect(r.activeDisclosure).not.toHaveProperty("regulations");
    for (const row of Object.values(r.requests)) expect(row.otherApplicant).toBe(0);
    expect(r.requests.totalHandled).toMatchObject({ naturalPerson: 1, total: 1 });
  });
});

describe("normalization", () => {
  it("fills missing rows of tables 三 and 四 with blanks, keeps table 二 rows absent", () => {
    const result = parseInterchange(
      withChange((d) => {
        delete d.requests.granted;
        delete d.reviewLitigation.review;
        d.activeDisclosure.licensing = { lastYearItems: 2 };
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.requests.granted).toMatchObject({ naturalPerson: null, otherApplicant: null, total: null });
    expect(result.report.reviewLitigation.review).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null });
    expect(result.report.activeDisclosure.licensing).toEqual({ lastYearItems: 2, change: null, decisions: null });
    expect(result.report.activeDisclosure).not.toHaveProperty("regulations");
  });

  it("puts otherApplicant in every row when any row has it (contract section 6)", () => {
    const text = JSON.stringify({
      format: "gov-info-disclosure-annual-report",
      formatVersion: 1,
      edition: "2021",
      year: 2022,
      agency: { name: "某局" },
      requests: { newReceived: { naturalPerson: 1, otherApplicant: 2, total: 3 } },
    });
    const result = parseInterchange(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.requests.otherOther.otherApplicant).toBeNull();
    expect(result.report.requests.newReceived.otherApplicant).toBe(2);
    const plain = parseInterchange(text.replace('"otherApplicant":2,', ""));
    expect(plain.ok && "otherApplicant" in plain.report.requests.newReceived).toBe(false);
  });
});

describe("errors", () => {
  it("not JSON", () => {
    const [e] = errorsOf("{ 这不是 JSON");
    expect(e.path).toBe("");
    expect(e.message).toContain("不是有效的 JSON");
    expect(errorsOf("")[0].got).toBe("空文件");
    expect(errorsOf("[1,2]")[0].message).toContain("JSON 对象");
  });

  it("a required key missing", () => {
    const errs = errorsOf(withChange((d) => delete d.agency.name));
    expect(errs).toEqual([
      expect.objectContaining({ path: "agency.name", label: "机关名称", got: "缺少", message: expect.stringContaining("缺少必填项 agency.name（机关名称）") }),
    ]);
    expect(errorsOf(withChange((d) => delete d.format))[0].path).toBe("format");
    expect(errorsOf(withChange((d) => (d.formatVersion = 2)))[0]).toMatchObject({ path: "formatVersion", expected: "1", got: "数字 2" });
    expect(errorsOf(withChange((d) => (d.edition = "2020")))[0]).toMatchObject({ path: "edition", expected: '"2019" 或 "2021"' });
  });

  it("an unknown key, named, also one of the other edition", () => {
    const errs = errorsOf(
      withChange((d) => {
        d.colour = "red";
        d.requests.otherOverdueFee = {};
        d.requests.granted.foo = 1;
      }),
    );
    expect(errs.map((e) => e.path).sort()).toEqual(["colour", "requests.granted.foo", "requests.otherOverdueFee"]);
    expect(errs.find((e) => e.path === "colour")?.message).toContain("未知的键「colour」");
    expect(errs.find((e) => e.path === "requests.otherOverdueFee")?.message).toContain("2021年版");
  });

  it("text in a number cell, with the path and the Chinese label", () => {
    const [e] = errorsOf(withChange((d) => (d.requests.totalHandled.naturalPerson = "1")));
    expect(e).toMatchObject({
      path: "requests.totalHandled.naturalPerson",
      label: "三、本年度办理结果（七）总计·自然人",
      expected: "数字（空白写 null）",
      got: '文本 "1"',
    });
    expect(e.message).toBe(
      'requests.totalHandled.naturalPerson（三、本年度办理结果（七）总计·自然人）应为数字（空白写 null），实际为文本 "1"。',
    );
  });

  it("other wrong types and formats", () => {
    const errs = errorsOf(
      withChange((d) => {
        d.year = 2020.5;
        d.date = "2021年1月21日";
        d.overview[1] = { heading: "x", text: 3 };
        d.agency.level = "city";
        d.activeDisclosure.fees = [0, 0];
      }),
    );
    expect(errs.map((e) => e.path).sort()).toEqual(["activeDisclosure.fees", "agency.level", "date", "overview[1].text", "year"]);
    expect(errs.find((e) => e.path === "date")?.expected).toContain("YYYY-MM-DD");
    expect(errs.find((e) => e.path === "overview[1].text")?.label).toBe("一、总体情况第2段");
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ ...JSON.parse(fixture), year: v }))), (text) => {
        const result = parseInterchange(text);
        if (!result.ok) for (const e of result.errors) expect(typeof e.message).toBe("string");
      }),
      { numRuns: 200 },
    );
  });
});

describe("round trip", () => {
  it("parse(write(report)) is the report", () => {
    fc.assert(
      fc.property(anyReportArb(), (r) => {
        const result = parseInterchange(writeInterchange(r));
        expect(result).toEqual({ ok: true, report: r });
        if (result.ok) expect(writeInterchange(result.report)).toBe(writeInterchange(r));
      }),
      { numRuns: 150 },
    );
    const clean = cleanReport("2021", { otherApplicant: true });
    expect(parseInterchange(writeInterchange(clean))).toEqual({ ok: true, report: clean });
  });
});

describe("a value already read from JSON", () => {
  it("is checked and normalised exactly as its JSON text would be, without another round of JSON", () => {
    fc.assert(
      fc.property(anyReportArb(), (report) => {
        const value = JSON.parse(JSON.stringify(report)) as unknown;
        expect(parseInterchangeValue(value)).toEqual(parseInterchange(JSON.stringify(report)));
      }),
      { numRuns: 50 },
    );
    expect(parseInterchangeValue([1, 2])).toMatchObject({ ok: false, errors: [{ path: "", expected: "JSON 对象" }] });
  });
});

describe("the reader's edges", () => {
  it("reads a file saved with a byte-order mark", () => {
    const result = parseInterchange("\uFEFF" + fixture);
    expect(result.ok).toBe(true);
    expect(result).toEqual(parseInterchange(fixture));
  });

  it("takes the date only as YYYY-MM-DD, nothing before or after it", () => {
    for (const date of ["x2021-01-20", "2021-01-20x", "2021-1-20", "21-01-20"]) {
      expect(errorsOf(withChange((d) => (d.date = date)))).toEqual([
        {
          path: "date",
          label: "报告日期",
          expected: "日期，格式为 YYYY-MM-DD（如 2021-01-21）",
          got: `文本 ${JSON.stringify(date)}`,
          message: `date（报告日期）应为日期，格式为 YYYY-MM-DD（如 2021-01-21），实际为文本 ${JSON.stringify(date)}。`,
        },
      ]);
    }
    const ok = parseInterchange(withChange((d) => (d.date = "2021-01-20")));
    expect(ok.ok && ok.report.date).toBe("2021-01-20");
  });

  it("says in Chinese what was expected and what was found", () => {
    expect(errorsOf(withChange((d) => (d.year = 2007)))).toEqual([
      { path: "year", label: "报告年度", expected: "不小于 2008 的数", got: "数字 2007", message: "year（报告年度）应为不小于 2008 的数，实际为数字 2007。" },
    ]);
    expect(errorsOf(withChange((d) => (d.year = 2101)))[0]).toMatchObject({
      expected: "不大于 2100 的数",
      message: "year（报告年度）应为不大于 2100 的数，实际为数字 2101。",
    });
    expect(errorsOf(withChange((d) => (d.year = 2020.5)))[0]).toMatchObject({ expected: "整数", got: "数字 2020.5" });
    expect(errorsOf(withChange((d) => (d.agency.level = "city")))[0]).toMatchObject({
      path: "agency.level",
      expected: '"department" 或 "government" 或 "township"',
      got: '文本 "city"',
    });
    expect(errorsOf(withChange((d) => (d.title = true)))[0]).toMatchObject({
      path: "title",
      expected: "文本",
      got: "布尔值 true",
      message: expect.stringMatching(/^title（.+）应为文本，实际为布尔值 true。$/),
    });
    expect(errorsOf(withChange((d) => (d.website = "http://x")))[0]).toMatchObject({ path: "website", expected: "对象" });
    expect(errorsOf(withChange((d) => (d.overview = {})))[0]).toMatchObject({ path: "overview", expected: "数组", got: "对象" });
    expect(parseInterchange(withChange((d) => (d.overview = []))).ok).toBe(true);
  });

  it("shortens a long text it quotes", () => {
    const long = "一二三四五六七八九十".repeat(5);
    const [e] = errorsOf(withChange((d) => (d.year = long)));
    expect(e.got).toBe(`文本 "${long.slice(0, 40)}…"`);
    const [short] = errorsOf(withChange((d) => (d.year = long.slice(0, 40))));
    expect(short.got).toBe(`文本 "${long.slice(0, 40)}"`);
  });

  it("names a table row given as something other than an object, and a missing file's top level", () => {
    const [row] = errorsOf(withChange((d) => (d.requests.granted = 3)));
    expect(row).toMatchObject({ path: "requests.granted", expected: "对象（该行各单元格）", got: "数字 3" });
    expect(errorsOf("null")[0]).toEqual({ path: "", expected: "JSON 对象", got: "null", message: "文件内容应为一个 JSON 对象，实际为null。" });
    expect(errorsOf('"报告"')[0]).toMatchObject({ got: '文本 "报告"' });
    expect(errorsOf("[]")[0]).toMatchObject({ got: "数组" });
    expect(errorsOf("  ")[0]).toMatchObject({ got: "空文件", expected: "JSON 文本" });
    expect(errorsOf("{")[0].got).toBe("无法解析的文本");
  });

  it("names an unknown key at the top level and inside a labelled part", () => {
    const errs = errorsOf(withChange((d) => {
      d.colour = "red";
      d.contact.fax = "0535";
    }));
    expect(errs.map((e) => e.message).sort()).toEqual(
      [
        "文件顶层中有未知的键「colour」，格式不允许多余的项目。",
        "contact（联系方式）中有未知的键「fax」，格式不允许多余的项目。",
      ].sort(),
    );
    expect(errs.find((e) => e.path === "contact.fax")).toMatchObject({ expected: "格式规定的键", got: "未知的键「fax」" });
  });

  it("names the paragraph of a narrative part by its number", () => {
    const errs = errorsOf(withChange((d) => {
      d.otherMatters = [{ heading: "", text: "无" }, { heading: 1, text: "x" }];
    }));
    expect(errs).toEqual([expect.objectContaining({ path: "otherMatters[1].heading", label: "六、其他需要报告的事项第2段" })]);
  });
});

describe("the reader's words for each place", () => {
  it("a cell of table 二 or 四 given as text asks for a number or null; a narrative paragraph's text asks for text", () => {
    expect(errorsOf(withChange((d) => (d.activeDisclosure.licensing.change = "3")))).toEqual([
      {
        path: "activeDisclosure.licensing.change",
        label: "行政许可·本年增/减",
        expected: "数字（空白写 null）",
        got: '文本 "3"',
        message: 'activeDisclosure.licensing.change（行政许可·本年增/减）应为数字（空白写 null），实际为文本 "3"。',
      },
    ]);
    expect(errorsOf(withChange((d) => (d.reviewLitigation.review.upheld = "1")))[0]).toMatchObject({
      label: "行政复议·结果维持",
      expected: "数字（空白写 null）",
    });
    expect(errorsOf(withChange((d) => (d.overview[1] = { heading: "x", text: 3 })))[0]).toMatchObject({
      path: "overview[1].text",
      expected: "文本",
      message: "overview[1].text（一、总体情况第2段）应为文本，实际为数字 3。",
    });
    expect(errorsOf(withChange((d) => (d.overview = {})))[0]).toMatchObject({ label: "一、总体情况", message: "overview（一、总体情况）应为数组，实际为对象。" });
    expect(errorsOf(withChange((d) => (d.year = "2020")))[0]).toMatchObject({ expected: "数字", message: 'year（报告年度）应为数字，实际为文本 "2020"。' });
    expect(errorsOf(withChange((d) => (d.website = "x")))[0]).toMatchObject({ expected: "对象", message: 'website（发布网站）应为对象，实际为文本 "x"。' });
  });

  it("a file that is a number or text names it at the top", () => {
    expect(errorsOf("5")).toEqual([{ path: "", expected: "JSON 对象", got: "数字 5", message: "文件内容应为一个 JSON 对象，实际为数字 5。" }]);
    expect(errorsOf("true")[0].message).toBe("文件内容应为一个 JSON 对象，实际为布尔值 true。");
  });
});

describe("what the reader keeps", () => {
  it("leaves out what the file leaves out, and gives a paragraph without heading an empty one", () => {
    const result = parseInterchange(
      withChange((d) => {
        d.agency = { name: "某局" };
        d.website = { url: "http://x.gov.cn" };
        d.contact = { phone: "1" };
        d.overview = [{ text: "正文" }];
        d.otherMatters = [{ text: "无" }];
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(Object.keys(result.report.agency)).toEqual(["name"]);
    expect(Object.keys(result.report.website ?? {})).toEqual(["url"]);
    expect(Object.keys(result.report.contact ?? {})).toEqual(["phone"]);
    expect(result.report.overview).toEqual([{ heading: "", text: "正文" }]);
    expect(result.report.otherMatters).toEqual([{ heading: "", text: "无" }]);
  });
});

describe("the writer", () => {
  it("keeps each table row on one line, whatever its numbers", () => {
    const result = parseInterchange(
      withChange((d) => {
        d.requests.granted = { naturalPerson: 12, commercial: 0, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, otherApplicant: 0, total: 12 };
        d.activeDisclosure.procurement = { projects: 105, amount: 2.25 };
        d.activeDisclosure.licensing = { lastYearItems: 10, change: -12, decisions: null };
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const text = writeInterchange(result.report);
    expect(text).toContain(
      '"granted": { "naturalPerson": 12, "commercial": 0, "research": 0, "publicInterest": 0, "legalService": 0, "otherOrg": 0, "otherApplicant": 0, "total": 12 }',
    );
    expect(text).toContain('"procurement": { "projects": 105, "amount": 2.25 }');
    expect(text).toContain('"licensing": { "lastYearItems": 10, "change": -12, "decisions": null }');
    expect(text).toContain('"agency": {\n    "name": ');
    expect(text.endsWith("}\n")).toBe(true);
  });
});
