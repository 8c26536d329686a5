/** The narrative reader's parts, one by one: headings, titles, dates, page details, broken paragraphs, sub-headings, website, contact, agency. */
import { describe, expect, it } from "vitest";
import {
  continues,
  isPageDetails,
  isSignature,
  isTitle,
  joinContinued,
  levelOf,
  publishedDate,
  readContact,
  readWebsite,
  sectionHeading,
  splitSubsections,
  titleAt,
} from "./narrative";

describe("sectionHeading", () => {
  it.each([
    ["一、总体情况", "overview", "cn"],
    ["第一部分 总体情况", "overview", "cn"],
    ["(一) 总体情况", "overview", "paren"],
    ["1. 总体情况", "overview", "arabic"],
    ["总体情况", "overview", "none"],
    ["一、工作总体情况", "overview", "cn"],
    ["一、基本情况", "overview", "cn"],
    ["一、概述", "overview", "cn"],
    ["二、主动公开政府信息情况", "activeDisclosure", "cn"],
    ["二、主动公开政府信息", "activeDisclosure", "cn"],
    ["三、收到和处理政府信息公开申请情况", "requests", "cn"],
    ["三、收到和处理申请情况", "requests", "cn"],
    ["四、行政复议和行政诉讼情况", "reviewLitigation", "cn"],
    ["五、存在的主要问题及改进情况", "problems", "cn"],
    ["五、存在问题及改进措施", "problems", "cn"],
    ["五、问题及改进", "problems", "cn"],
    ["六、其他需要报告的事项", "otherMatters", "cn"],
    ["六、其他事项", "otherMatters", "cn"],
  ] as const)("%s heads %s (%s)", (text, key, style) => {
    expect(sectionHeading(text)).toEqual({ key, style });
  });

  it("is no heading: a sentence, a long line, a loose phrase without numbering, or nothing", () => {
    expect(sectionHeading("一、总体情况。")).toBeUndefined();
    expect(sectionHeading("一、总体情况；")).toBeUndefined();
    expect(sectionHeading("一、")).toBeUndefined();
    expect(sectionHeading(`一、${"其他需要报告的事项".repeat(4)}`)).toBeUndefined();
    expect(sectionHeading("我局主动公开政府信息")).toBeUndefined();
    expect(sectionHeading("一、本单位主动公开政府信息的各项工作和数据情况说明")).toBeUndefined();
    expect(sectionHeading("一、概述情况")).toBeUndefined();
    expect(sectionHeading("一、关于其他事项")).toBeUndefined();
    expect(sectionHeading("一、部门工作总体情况")).toBeUndefined();
  });
});

describe("titles", () => {
  it("reads the agency and year, brackets and 关于 aside, and a note in brackets after the title", () => {
    expect(titleAt(["【某局】2021年政府信息公开工作年度报告"], 0)).toEqual({
      index: 0,
      title: "【某局】2021年政府信息公开工作年度报告",
      agency: "某局",
      year: 2021,
    });
    expect(titleAt(["某局关于2021年度政府信息公开工作报告"], 0)).toMatchObject({ agency: "某局", year: 2021 });
    expect(titleAt(["某局2021年信息公开年度报告（修订版）"], 0)).toMatchObject({ agency: "某局", year: 2021 });
    expect(titleAt(["某局2021年政府信息公开工作年度报告（这是一个非常非常长的括号内说明文字）"], 0)).toBeUndefined();
    expect(titleAt([`${"某".repeat(64)}2021年政府信息公开工作年度报告`], 0)).toBeUndefined();
    expect(titleAt(["2021年度某局政府信息公开工作年度报告（摘要）"], 0)).toMatchObject({ agency: "某局", year: 2021, index: 0 });
  });

  it("joins a title broken after the agency, but not after a date, another title or a sentence", () => {
    const title = "2021年政府信息公开工作年度报告";
    expect(titleAt(["某局", title], 1)).toMatchObject({ agency: "某局", title: `某局${title}`, index: 1 });
    expect(titleAt([title], 0)).toMatchObject({ agency: "", title });
    expect(titleAt(["2022年1月20日", title], 1)).toMatchObject({ agency: "" });
    expect(titleAt([`某局${title}`, title], 1)).toMatchObject({ agency: "" });
    expect(titleAt(["特此报告。", title], 1)).toMatchObject({ agency: "" });
    expect(titleAt(["某".repeat(41), title], 1)).toMatchObject({ agency: "" });
    expect(titleAt(["某".repeat(40), title], 1)).toMatchObject({ agency: "某".repeat(40) });
  });

  it("isTitle: either order, at most 80 characters", () => {
    expect(isTitle("某局2021年政府信息公开工作年度报告")).toBe(true);
    expect(isTitle("2021年度某局政府信息公开工作年度报告")).toBe(true);
    expect(isTitle("某局2021年工作总结")).toBe(false);
    expect(isTitle(`${"某".repeat(64)}2021年政府信息公开工作年度报告`)).toBe(false);
  });
});

describe("page details and dates", () => {
  it("reads a published date printed on a web page", () => {
    expect(publishedDate("发布日期：2022-1-5 来源：某局")).toBe("2022-01-05");
    expect(publishedDate("成文时间:2022年01月20")).toBe("2022-01-20");
    expect(publishedDate("印发日期： 2022/12/31")).toBe("2022-12-31");
    expect(publishedDate("日期：2022-01-05")).toBeUndefined();
  });

  it("knows a web page's details from the report's text", () => {
    for (const text of ["发布时间：2022-01-05", "发布机构：某局", "信息来源：某局", "来源:某局", "索引号：123", "浏览次数：5", "点击数：5", "点击量：5", "字号：大 中 小", "字体：大", "文号：无", "分类：年报"]) {
      expect(isPageDetails(text), text).toBe(true);
    }
    expect(isPageDetails(`来源：${"某".repeat(98)}`)).toBe(false);
    expect(isPageDetails("本报告由某局编制。")).toBe(false);
  });
});

describe("paragraphs broken by a page break", () => {
  const long = "本年度我局进一步加强政府信息公开工作，围绕中心工作";

  it("a paragraph of 20 characters or more ending mid-sentence goes on in the next", () => {
    expect(continues(long, "主动公开各类信息。")).toBe(true);
    expect(continues("本年度我局加强工作", "主动公开各类信息。")).toBe(false);
    for (const end of ["。", "！", "？", "；", "：", ":", ";", "!", "?", "…", "”", "’", "」", "』", "）", ")", "]", "】", "》"]) {
      expect(continues(long + end, "主动公开各类信息。"), end).toBe(false);
    }
  });

  it("never joins a title, a date, a heading, page details or a numbered paragraph", () => {
    expect(continues("某某市某某区某某街道办事处2021年政府信息公开工作年度报告", "正文")).toBe(false);
    expect(continues(long, "2022年1月20日")).toBe(false);
    expect(continues(long, "二、主动公开政府信息情况")).toBe(false);
    expect(continues(`${long}来源：某局`, "正文")).toBe(false);
    expect(continues(long, "发布日期：2022-01-05")).toBe(false);
    expect(continues(long, "（一）主动公开")).toBe(false);
    expect(continues("（一）加强组织领导，健全工作机制和制度", "正文")).toBe(false);
    expect(continues("（一）加强组织领导，健全工作机制。进一步明确分工和职责要求", "正文")).toBe(true);
    expect(continues(`（一）${"加强组织领导健全工作机制".repeat(4)}`, "正文")).toBe(true);
  });

  it("joins with a space only between Latin letters or digits", () => {
    expect(joinContinued("访问 www.example", "gov.cn")).toBe("访问 www.example gov.cn");
    expect(joinContinued("共计", "21件")).toBe("共计21件");
    expect(joinContinued("共计21", "件")).toBe("共计21件");
  });
});

describe("splitSubsections", () => {
  it("a numbered paragraph's first sentence is its heading; a short one is all heading; a long one all text", () => {
    expect(
      splitSubsections([
        "1. 主动公开情况：全年公开信息356条。",
        "2. 依申请公开",
        "正文。",
        `3. ${"很长的没有标点的段落".repeat(5)}`,
        `4. ${"很长的标题".repeat(9)}。正文`,
      ]),
    ).toEqual([
      { heading: "主动公开情况", text: "全年公开信息356条。" },
      { heading: "依申请公开", text: "正文。" },
      { heading: "", text: "很长的没有标点的段落".repeat(5) },
      { heading: "", text: `${"很长的标题".repeat(9)}。正文` },
    ]);
  });

  it("text without numbering is one section without heading; none gives none", () => {
    expect(splitSubsections(["第一段。", "第二段。"])).toEqual([{ heading: "", text: "第一段。\n\n第二段。" }]);
    expect(splitSubsections([])).toEqual([]);
    expect(splitSubsections(["一、标题！正文"])).toEqual([{ heading: "标题", text: "正文" }]);
    expect(splitSubsections(["一、：正文"])).toEqual([{ heading: "", text: "：正文" }]);
  });
});

describe("website and contact", () => {
  it("reads the website's quoted or plain name before its address, or a quoted name alone", () => {
    expect(readWebsite("本报告可在某区人民政府门户网站（www.a.gov.cn）查阅")).toEqual({ name: "某区人民政府门户网站", url: "www.a.gov.cn" });
    expect(readWebsite("登录《某区政务公开专栏》http://a.gov.cn/x/ 查看")).toEqual({ name: "某区政务公开专栏", url: "http://a.gov.cn/x/" });
    expect(readWebsite("电子版可在“某市人民政府网站”下载。")).toEqual({ name: "某市人民政府网站" });
    expect(readWebsite("见 https://a.gov.cn/report.")).toEqual({ url: "https://a.gov.cn/report" });
    expect(readWebsite("本报告统计期限自2021年1月1日起。")).toBeUndefined();
    expect(readWebsite("在“某平台”公开。")).toBeUndefined();
  });

  it("reads address, phone and postcode in their usual words, full-width digits folded", () => {
    expect(readContact("地 址：某路1号。电 话：０５３５－１２３４５６７，邮 编：２６５６００")).toEqual({
      address: "某路1号",
      phone: "0535-1234567",
      postcode: "265600",
    });
    expect(readContact("办公地址：某路2号；咨询电话号码：0535 1234567")).toEqual({ address: "某路2号", phone: "05351234567" });
    expect(readContact("联系电话：0535（1234567）、1234568")).toEqual({ phone: "0535(1234567)、1234568" });
    expect(readContact("邮编：12345")).toBeUndefined();
    expect(readContact("无联系方式")).toBeUndefined();
  });
});

describe("agency", () => {
  it("tells townships, governments and departments from the name", () => {
    for (const name of ["某街道", "某镇", "某乡", "某镇政府", "某乡人民政府", "某乡政府"]) expect(levelOf(name), name).toBe("township");
    for (const name of ["某省人民政府", "某县人民政府", "某旗人民政府", "某州人民政府", "某盟人民政府", "某市人民政府"]) expect(levelOf(name), name).toBe("government");
    for (const name of ["某市财政局", "某镇人民政府办公室", "某县人民政府研究室"]) expect(levelOf(name), name).toBe("department");
  });

  it("knows a signature line: the agency's name, or a short line ending like one", () => {
    expect(isSignature("某局", "某市某局")).toBe(true);
    expect(isSignature("某市某局办公室", "某市某局")).toBe(true);
    expect(isSignature("某某中心", "")).toBe(true);
    expect(isSignature("某某公司", "")).toBe(false);
    expect(isSignature("某局。", "某局")).toBe(false);
    expect(isSignature("某".repeat(31), "")).toBe(false);
  });
});

describe("the narrative reader at its edges", () => {
  it("section headings: which words head 一, 四 and 五, how far a heading may run, and its numbering style", () => {
    expect(sectionHeading("一、总体情况说明")).toEqual({ key: "overview", style: "cn" });
    for (const text of ["一、工作基本情况", "一、基本情况说明", "一、工作概述"]) expect(sectionHeading(text), text).toBeUndefined();
    expect(sectionHeading("四、行政复议以及行政诉讼")).toEqual({ key: "reviewLitigation", style: "cn" });
    expect(sectionHeading("五、存在主要问题")).toEqual({ key: "problems", style: "cn" });
    // Up to eight characters past the section's own words; a sentence mark ends a sentence only at the end.
    expect(sectionHeading("一、总体情况及本年度重点工作")).toEqual({ key: "overview", style: "cn" });
    expect(sectionHeading("一、总体情况；概述")).toEqual({ key: "overview", style: "cn" });
    expect(sectionHeading("一、总体情况。 ")).toBeUndefined();
    // The style is that of the numbering in front, whatever brackets or numerals the heading holds after it.
    expect(sectionHeading("1.总体情况（一）")).toEqual({ key: "overview", style: "arabic" });
  });

  it("an unnumbered heading must be the section's words, or nearly (80% alike)", () => {
    expect(sectionHeading("主动公开政府信息工作情况")).toEqual({ key: "activeDisclosure", style: "none" });
    expect(sectionHeading("主动公开政务信息概况")).toEqual({ key: "activeDisclosure", style: "none" });
  });

  it("titles with the year first, each optional word left out; 80 characters at most", () => {
    for (const text of ["2021年某局政府信息公开工作年度报告", "2021年度某局信息公开工作年度报告", "2021年度某局政府信息公开年度报告", "2021年度某局政府信息公开工作报告"]) {
      expect(titleAt([text], 0), text).toEqual({ index: 0, title: text, agency: "某局", year: 2021 });
    }
    expect(isTitle("关于2021年度某局政府信息公开工作年度报告的解读")).toBe(false);
    expect(isTitle("附件：2021年度某局政府信息公开工作年度报告")).toBe(false);
    const eighty = `${"某".repeat(63)}2021年政府信息公开工作年度报告`;
    expect(eighty).toHaveLength(80);
    expect(isTitle(eighty)).toBe(true);
    expect(titleAt([eighty], 0)).toMatchObject({ agency: "某".repeat(63), year: 2021 });
    expect(titleAt(["某局 2021年政府信息公开工作年度报告"], 0)).toMatchObject({ agency: "某局" });
  });

  it("page details of 100 characters at most", () => {
    expect(isPageDetails(`来源：${"某".repeat(97)}`)).toBe(true);
  });

  it("a broken paragraph: 20 characters are enough; a numbered line of up to 40 without a full stop is a heading, not broken", () => {
    const long = "本年度我局进一步加强政府信息公开工作，围绕中心工作";
    expect(continues(long.slice(0, 20), "主动公开各类信息。")).toBe(true);
    expect(continues("（一）加强组织领导，健全工作机制和制度，完善考核办法", "正文")).toBe(false);
    const forty = `（一）${"加强组织领导健全工作机制".repeat(4)}`.slice(0, 40);
    expect(continues(forty, "正文")).toBe(false);
    expect(continues(`${forty}和`, "正文")).toBe(true);
  });

  it("joins with a space only when the break falls between two Latin letters or digits", () => {
    expect(joinContinued("2021年", "3月")).toBe("2021年3月");
    expect(joinContinued("第2", "季度共3件")).toBe("第2季度共3件");
  });

  it("sub-headings: trimmed, up to 40 characters", () => {
    expect(
      splitSubsections([
        "1. 主动公开情况 ： 全年公开信息356条。",
        `2. ${"很".repeat(39)}。正文`,
        `3. ${"很".repeat(40)}`,
        "4. 依申请公开 ",
        `5. ${"很长的没有标点的段落".repeat(5)} `,
      ]),
    ).toEqual([
      { heading: "主动公开情况", text: "全年公开信息356条。" },
      { heading: "很".repeat(39), text: "正文" },
      { heading: "很".repeat(40), text: "" },
      { heading: "依申请公开", text: "" },
      { heading: "", text: "很长的没有标点的段落".repeat(5) },
    ]);
    expect(splitSubsections([`1. ${"很".repeat(40)}。正文`])).toEqual([{ heading: "很".repeat(40), text: "正文" }]);
  });

  it("the website's name only right before its address, spaces and brackets between allowed", () => {
    expect(readWebsite("在“某区政府网站”发布，详见www.a.gov.cn")).toEqual({ url: "www.a.gov.cn" });
    expect(readWebsite("在某区人民政府门户网站发布，网址为www.a.gov.cn")).toEqual({ url: "www.a.gov.cn" });
    expect(readWebsite("登录《某区政务公开专栏》 （ http://a.gov.cn/x/）查看")).toEqual({ name: "某区政务公开专栏", url: "http://a.gov.cn/x/" });
    expect(readWebsite("通过某区人民政府门户网站 （ www.a.gov.cn）查阅")).toEqual({ name: "某区人民政府门户网站", url: "www.a.gov.cn" });
    expect(readWebsite("可在某区人民政府门户网站 www.a.gov.cn 查阅")).toEqual({ name: "某区人民政府门户网站", url: "www.a.gov.cn" });
  });

  it("contact details trimmed, a space after the colon allowed", () => {
    expect(readContact("地址：某路1号 ，邮编： 265600")).toEqual({ address: "某路1号", postcode: "265600" });
  });

  it("a signature line: 30 characters at most; the agency's name, or a name ending like one", () => {
    expect(isSignature(`${"某".repeat(29)}局`, "")).toBe(true);
    expect(isSignature(`${"某".repeat(30)}局`, "")).toBe(false);
    expect(isSignature("某某公司", "某某公司")).toBe(true);
    expect(isSignature("某某", "某某公司")).toBe(true);
    expect(isSignature("某某公司", "某局")).toBe(false);
    expect(isSignature("局长信箱", "")).toBe(false);
  });
});
