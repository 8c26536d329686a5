/**
 * What the reader says of a file that is no report, of a year out of range, and of each part of the front matter
 * and the narrative it could not find, in the Chinese the clerk reads.
 */
import { describe, expect, it } from "vitest";
import { importReport } from "./index";

const read = (...lines: string[]) => importReport({ kind: "text", data: lines.join("\n") });

describe("readReport: files it refuses", () => {
  it("a text without a report's title, section headings or tables", async () => {
    expect(await read("这是一份普通的通知。", "请各单位认真执行。")).toEqual({
      ok: false,
      message: "该文件不像政府信息公开工作年度报告：未找到报告标题（如“××2020年政府信息公开工作年度报告”）、六个部分的标题或统计表格。",
    });
  });

  it("a year before 2008 or after 2100; 2008 and 2100 themselves are read", async () => {
    const report = (year: number) =>
      read(`某县某局${year}年政府信息公开工作年度报告`, "一、总体情况", "全年主动公开信息20条。", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况");
    expect(await report(2007)).toEqual({ ok: false, message: "报告年度 2007 年不在可处理的范围内（2008 年以后）。" });
    expect(await report(2101)).toEqual({ ok: false, message: "报告年度 2101 年不在可处理的范围内（2008 年以后）。" });
    expect((await report(2008)).ok).toBe(true);
    expect((await report(2100)).ok).toBe(true);
  });
});

describe("readReport: what it could not find", () => {
  it("lists each missing part of the front matter and the tables, and a section printed without text", async () => {
    const r = await read(
      "2021年政府信息公开工作年度报告",
      "一、总体情况",
      "全年主动公开信息20条。",
      "二、主动公开政府信息情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
      "无。",
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.unread.map((u) => [u.where, u.label, u.reason])).toEqual([
      ["agency.name", "机关名称", "未找到机关名称（应在标题中）"],
      ["date", "报告日期", "未找到报告日期（如“2021年1月21日”）"],
      ["intro", "引言", "未找到引言（标题与“一、总体情况”之间的文字）"],
      ["website.name", "网站名称", "未找到发布网站的名称"],
      ["website.url", "网站网址", "未找到发布网站的网址"],
      ["contact.address", "联系地址", "未找到"],
      ["contact.phone", "联系电话", "未找到"],
      ["contact.postcode", "邮政编码", "未找到"],
      ["activeDisclosure", "二、主动公开政府信息情况", "未找到表二（主动公开政府信息情况），各行按不适用处理"],
      ["requests", "三、收到和处理政府信息公开申请情况", "未找到表三的数字，各单元格留空"],
      ["reviewLitigation", "四、政府信息公开行政复议、行政诉讼情况", "未找到表四的数字，各单元格留空"],
      ["problems", "五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况下没有文字"],
    ]);
    expect(r.notes).toEqual(["按年度（2021年）识别为2021年版（国办公开办函〔2021〕30号），表格结构未能确认版本。"]);
  });

  it("a narrative section not printed at all", async () => {
    const r = await read("某县某局2021年政府信息公开工作年度报告", "一、总体情况", "全年主动公开信息20条。", "二、主动公开政府信息情况", "五、存在的主要问题及改进情况", "公开内容有待丰富。");
    if (!r.ok) throw new Error(r.message);
    expect(r.unread.filter((u) => u.where === "otherMatters").map((u) => u.reason)).toEqual(["未找到六、其他需要报告的事项"]);
  });
});

/** The six section headings, each with a line of text, between `before` and `after`. */
const body = (...extra: string[]) => [
  "一、总体情况",
  "全年主动公开信息20条。",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "公开内容有待丰富。",
  "六、其他需要报告的事项",
  "本年度未收取信息处理费。",
  ...extra,
];

async function ok(...lines: string[]) {
  const r = await read(...lines);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe("readReport: files it refuses, more", () => {
  it("a file without any Chinese", async () => {
    expect(await read("Annual report 2021", "Licences | 5 | 6")).toEqual({ ok: false, message: "该文件不像政府信息公开工作年度报告：文件中没有中文内容。" });
  });

  it("Chinese only in a table row is Chinese still: the file is refused for what it lacks", async () => {
    const r = await read("Annual report 2021", "Licences | 行政许可 | 5");
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/：未找到报告标题/) });
  });

  it("without title or headings, two rows of the report's tables make a report; one does not", async () => {
    const oneRow = ["统计期限自2021年1月1日至2021年12月31日。", "本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1"];
    expect((await read(...oneRow)).ok).toBe(false);
    const r = await read(...oneRow, "（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1");
    expect(r.ok && r.report.year).toBe(2021);
  });

  it("a report without a year anywhere", async () => {
    expect(await read("某县某局政府信息公开工作年度报告", ...body())).toEqual({
      ok: false,
      message: "该文件不像政府信息公开工作年度报告：未找到报告年度。标题应写明年度，如“××2020年政府信息公开工作年度报告”。",
    });
  });
});

describe("readReport: the year, the title, the agency and the date", () => {
  it("without a title: the year of the statistics period, before any other year printed", async () => {
    for (const period of ["统计期限自2021年1月1日起至2021年12月31日止", "数据自 2021 年 1 月 1 日起统计"]) {
      const r = await ok(`本报告根据2019年修订的《中华人民共和国政府信息公开条例》要求编制，${period}。`, ...body());
      expect(r.report.year).toBe(2021);
      expect(r.unread.map((u) => u.where)).toContain("title");
      expect(r.unread.find((u) => u.where === "title")?.reason).toBe("未找到报告标题");
    }
  });

  it("without a title or a period: the first year printed, 年 or 年度 after a space", async () => {
    const r = await ok("本报告为某县某局 2022 年度政府信息公开工作情况的总结，请各方面监督。", ...body());
    expect(r.report.year).toBe(2022);
  });

  it("without a title the introduction is the long paragraphs before the first heading", async () => {
    const long = "本报告由某局根据条例要求编制，内容包括总体情况、主动公开等。"; // 30 characters: long enough
    const r = await ok("2021年度", "简短的一行", long, ...body());
    expect(r.report.intro).toBe(long);
  });

  it("the introduction stops at the first table row where no heading is printed", async () => {
    const r = await ok(
      "某县某局2021年政府信息公开工作年度报告",
      "本报告依据条例编制。",
      "本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
      "（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
      "以上为本年度的统计。",
    );
    expect(r.report.intro).toBe("本报告依据条例编制。");
    expect(r.report.requests.newReceived.total).toBe(1);
  });

  it("the agency's name: from the signature above the closing date when the title has none", async () => {
    const r = await ok("2021年政府信息公开工作年度报告", ...body("某县交通运输局", "2022年1月20日"));
    expect(r.report.agency).toEqual({ name: "某县交通运输局", level: "department" });
    expect(r.report.date).toBe("2022-01-20");
  });

  it("the agency's name: the longer of the title's and the signature's", async () => {
    const r = await ok("某县交通局2021年政府信息公开工作年度报告", ...body("某县交通运输局", "2022年1月20日"));
    expect(r.report.agency.name).toBe("某县交通运输局");
    const shorter = await ok("某县交通运输局2021年政府信息公开工作年度报告", ...body("交通局", "2022年1月20日"));
    expect(shorter.report.agency.name).toBe("某县交通运输局");
  });

  it("the agency's name: from 请与…联系 when neither title nor signature has it; none at all is blank and listed", async () => {
    const r = await ok("2021年政府信息公开工作年度报告", ...body("如对本报告有疑问，请与某县交通运输局办公室联系。"));
    expect(r.report.agency.name).toBe("某县交通运输局办公室");
    const none = await ok("2021年政府信息公开工作年度报告", ...body());
    expect(none.report.agency).toEqual({ name: "" });
  });

  it("the date: the last date line, not an earlier one nor a date within the text", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", ...body("2022年1月10日", "附：名词解释", "某县某局", "2022年1月20日", "网站地图"));
    expect(r.report.date).toBe("2022-01-20");
    // The earlier date line is no text of the section either; the signature above the last one goes too.
    expect(r.report.otherMatters?.map((s) => s.text).join("\n")).toBe("本年度未收取信息处理费。\n\n附：名词解释");
  });

  it("without a date line there is no signature: the agency's name is the title's", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", ...body("某县交通运输局", "附件"));
    expect(r.report.agency.name).toBe("某县某局");
  });

  it("an agency's name of two characters is a name", async () => {
    const r = await ok("某局2021年政府信息公开工作年度报告", ...body());
    expect(r.report.agency.name).toBe("某局");
  });

  it("the introduction is every paragraph after the title, the last one too", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", "第一段引言文字。", "最后一段文字。", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况");
    expect(r.report.intro).toBe("第一段引言文字。\n\n最后一段文字。");
  });

  it("the website and the contact: from the text after the introduction when the introduction has none", async () => {
    const r = await ok(
      "某县某局2021年政府信息公开工作年度报告",
      "本报告依据条例编制。",
      ...body("本报告在某县人民政府网站（http://www.mouxian.gov.cn）公开。联系电话：0123-4567890。"),
    );
    expect(r.report.website).toEqual({ name: "某县人民政府网站", url: "http://www.mouxian.gov.cn" });
    expect(r.report.contact).toEqual({ phone: "0123-4567890" });
  });
});

describe("readReport: the sections", () => {
  it("a heading printed again later is text of the section it stands in", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", ...body("二、主动公开政府信息情况"));
    expect(r.report.otherMatters).toEqual([
      { heading: "", text: "本年度未收取信息处理费。" },
      { heading: "主动公开政府信息情况", text: "" },
    ]);
  });

  it("a heading printed twice in a row: the first one starts the section, the second is a sub-heading in it", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", "一、总体情况", "全年主动公开信息20条。", "一、总体情况", "公开内容有待丰富。", "二、主动公开政府信息情况");
    expect(r.report.overview).toEqual([
      { heading: "", text: "全年主动公开信息20条。" },
      { heading: "总体情况", text: "公开内容有待丰富。" },
    ]);
  });

  it("a last section of a signature alone has no text", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", "一、总体情况", "全年主动公开信息20条。", "六、其他需要报告的事项", "某县某局", "2022年1月20日");
    expect(r.report.otherMatters).toBeUndefined();
    expect(r.unread.find((u) => u.where === "otherMatters")?.reason).toBe("六、其他需要报告的事项下没有文字");
  });

  it("a heading numbered （二） after headings numbered 一、 is a sub-heading, not a section", async () => {
    const lines = body().map((l) => (l === "二、主动公开政府信息情况" ? "（二）主动公开政府信息情况" : l));
    const r = await ok("某县某局2021年政府信息公开工作年度报告", ...lines);
    expect(r.report.overview?.map((s) => s.heading)).toContain("主动公开政府信息情况");
  });

  it("headings all numbered （一） are sections", async () => {
    const lines = body().map((l) => l.replace(/^([一二三四五六])、/, "（$1）"));
    const r = await ok("某县某局2021年政府信息公开工作年度报告", ...lines);
    expect(r.report.problems).toBe("公开内容有待丰富。");
  });

  it("after the closing date only page furniture: the signature and what follows the date are not the last section's text", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", ...body("某县某局", "2022年1月20日", "网站地图", "主办：某县人民政府办公室"));
    expect(r.report.otherMatters).toEqual([{ heading: "", text: "本年度未收取信息处理费。" }]);
  });

  it("without a closing date the last section keeps all its text but the signature", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", ...body("特此报告。", "某县某局"));
    expect(r.report.otherMatters?.map((s) => s.text).join("\n")).toBe("本年度未收取信息处理费。\n\n特此报告。");
  });

  it("a signature is only dropped at the end of the last section", async () => {
    const lines = body().map((l) => (l === "公开内容有待丰富。" ? "公开内容有待丰富。\n某县人民政府" : l));
    const r = await ok("某县某局2021年政府信息公开工作年度报告", ...lines);
    expect(r.report.problems).toBe("公开内容有待丰富。\n\n某县人民政府");
  });
});

describe("readReport: rows and text", () => {
  it("a short line between two table rows is a row (a label broken over lines); a sentence or a long line is not", async () => {
    const table = (middle: string) =>
      ok("某县某局2021年政府信息公开工作年度报告", "一、总体情况", "全年主动公开信息20条。", "二、主动公开政府信息情况", "行政许可 | 5 |", middle, "收费 | 3 |", "三、收到和处理政府信息公开申请情况");
    expect((await table("行政事业性")).report.activeDisclosure.fees).toEqual({ amount: 3 });
    expect((await table("行政事业性。")).report.activeDisclosure.fees).toBeUndefined();
    expect((await table("行政事业性" + "收".repeat(26))).report.activeDisclosure.fees).toBeUndefined();
  });

  it("a line split at runs of spaces is text in a narrative section and a row in a table section", async () => {
    const r = await ok(
      "某县某局2021年政府信息公开工作年度报告",
      "一、总体情况",
      "全年主动公开信息    20条",
      "二、主动公开政府信息情况",
      "行政许可    5",
      "五、存在的主要问题及改进情况",
      "公开内容有待丰富。",
    );
    expect(r.report.overview).toEqual([{ heading: "", text: "全年主动公开信息20条" }]);
    expect(r.report.activeDisclosure.licensing).toEqual({ decisions: 5 });
  });

  it("a line split at runs of spaces in a narrative section is text even when it prints a number and a table's words", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", "一、总体情况", "全年主动公开信息20条。", "五、存在的主要问题及改进情况", "本年新收申请    3    件");
    expect(r.report.problems).toBe("本年新收申请3件");
  });

  it("Latin words split at runs of spaces keep a space between them", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", "一、总体情况", "Open    Government    Data", "二、主动公开政府信息情况");
    expect(r.report.overview).toEqual([{ heading: "", text: "Open Government Data" }]);
  });

  it("without any heading, a line split at runs of spaces stays a row", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", "本报告依据条例编制。", "行政许可    5");
    expect(r.report.activeDisclosure.licensing).toEqual({ decisions: 5 });
  });

  it("before the first heading a line of numbers split at runs of spaces stays a row when it names a row of the tables", async () => {
    const r = await ok(
      "本年新收政府信息公开申请数量    1    0    0    0    0    0    1",
      "某县某局    2021年",
      "一、总体情况",
      "全年主动公开信息20条。",
      "三、收到和处理政府信息公开申请情况",
      "（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
    );
    expect(r.report.requests.newReceived.total).toBe(1);
  });

  it("rows in a table section go to its table; rows after it in a narrative section go to the last table", async () => {
    const r = await ok(
      "某县某局2021年政府信息公开工作年度报告",
      "一、总体情况",
      "全年主动公开信息20条。",
      "三、收到和处理政府信息公开申请情况",
      "自然人 | 法人或其他组织 | 总计",
      "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3",
      "五、存在的主要问题及改进情况",
      "公开内容有待丰富。",
      "（一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2",
    );
    expect(r.report.requests.newReceived.total).toBe(3);
    expect(r.report.requests.granted.total).toBe(2);
  });

  it("a row that names no table belongs to the table of the section it stands in, or after the tables to the last one", async () => {
    const r = await ok(
      "某县某局2021年政府信息公开工作年度报告",
      "二、主动公开政府信息情况",
      "备注 | 5 |",
      "三、收到和处理政府信息公开申请情况",
      "备注 | 6 | 7 |",
      "五、存在的主要问题及改进情况",
      "公开内容有待丰富。",
      "说明 | 8 |",
    );
    expect(r.tableCells.activeDisclosure.printed).toBe(1);
    expect(r.tableCells.requests.printed).toBe(3);
    expect(r.unread).toContainEqual(expect.objectContaining({ where: "activeDisclosure", reason: "无法识别的行「备注」，未读取" }));
  });

  it("counts the value cells each table prints and reads", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", "二、主动公开政府信息情况", "行政许可 | 5 |", "行政处罚 | / |", "三、收到和处理政府信息公开申请情况");
    expect(r.tableCells.activeDisclosure).toEqual({ printed: 2, read: 1 });
  });
});

describe("readReport: the edition", () => {
  const table2019 = ["二、主动公开政府信息情况", "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量", "规章 | 1 | 1 | 5", "政府集中采购 | 采购项目数量 | 2"];

  it("by the year, confirmed by the tables", async () => {
    const r = await ok("某县某局2020年政府信息公开工作年度报告", "一、总体情况", "全年主动公开信息20条。", ...table2019);
    expect(r.report.edition).toBe("2019");
    expect(r.notes[0]).toBe("按年度（2020年）识别为2019年版（国办公开办函〔2019〕60号），表格结构相符。");
  });

  it("tables of the other edition by two signals or more: read by their edition, and said so", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", "一、总体情况", "全年主动公开信息20条。", ...table2019);
    expect(r.report.edition).toBe("2019");
    expect(r.notes[0]).toMatch(/^按年度（2021年）应为2021年版（.*），但表格结构是2019年版（.*），已按2019年版（.*）读取。$/);
  });

  it("two signals more of the other edition are enough", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", "一、总体情况", "全年主动公开信息20条。", "二、主动公开政府信息情况", "信息内容 | 本年新制作数量 | 本年新公开数量 |");
    expect(r.report.edition).toBe("2019");
  });

  it("signals of both editions, one more of the other: by the year, not confirmed", async () => {
    const header = "信息内容 | 本年新制作数量 | 本年新公开数量 | 现行有效件数 |";
    const r = await ok("某县某局2021年政府信息公开工作年度报告", "一、总体情况", "全年主动公开信息20条。", "二、主动公开政府信息情况", header);
    expect(r.report.edition).toBe("2021");
    expect(r.notes[0]).toMatch(/表格结构未能确认版本。$/);
  });

  it("as many signals of each edition: not confirmed, whatever the year", async () => {
    const r = await ok("某县某局2020年政府信息公开工作年度报告", "一、总体情况", "全年主动公开信息20条。", "二、主动公开政府信息情况", "信息内容 | 本年新制作数量 | 现行有效件数 |");
    expect(r.report.edition).toBe("2019");
    expect(r.notes[0]).toMatch(/表格结构未能确认版本。$/);
  });

  it("tables of the other edition by one signal only: by the year", async () => {
    const r = await ok("某县某局2021年政府信息公开工作年度报告", "一、总体情况", "全年主动公开信息20条。", "二、主动公开政府信息情况", "信息内容 | 本年新制作数量 |");
    expect(r.report.edition).toBe("2021");
    expect(r.notes[0]).toMatch(/^按年度（2021年）识别为2021年版（.*），表格结构未能确认版本。$/);
  });
});
