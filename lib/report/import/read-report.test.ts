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
