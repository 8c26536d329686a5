/**
 * The exact Chinese a clerk reads for each error of the tables and each warning of the front matter, and the
 * similarity X-COPIED computes, checked against a plain dynamic-programming edit distance.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanReport } from "../testing";
import { comparableText, similarityAtLeast } from "./copied";
import { validate } from "./validate";
import type { Finding, RuleId } from "./types";

const of = (findings: Finding[], rule: RuleId) => findings.filter((f) => f.rule === rule);
const messages = (findings: Finding[], rule: RuleId) => of(findings, rule).map((f) => f.message);

describe("the sums of tables 三 and 四", () => {
  it("R3-BALANCE names the four rows of the column with their values, blanks as 空白", () => {
    const r = cleanReport("2021");
    Object.assign(r.requests.newReceived, { commercial: 3, total: 3 });
    Object.assign(r.requests.carriedOver, { commercial: null, total: 0 });
    Object.assign(r.requests.granted, { commercial: 1, total: 1 });
    Object.assign(r.requests.totalHandled, { commercial: 1, total: 1 });
    Object.assign(r.requests.carriedForward, { commercial: 1, total: 1 });
    const found = of(validate(r), "R3-BALANCE");
    expect(found.map((f) => f.id)).toEqual([
      "R3-BALANCE:requests.newReceived.commercial,requests.carriedOver.commercial,requests.totalHandled.commercial,requests.carriedForward.commercial",
      "R3-BALANCE:requests.newReceived.total,requests.carriedOver.total,requests.totalHandled.total,requests.carriedForward.total",
    ]);
    expect(found[0].message).toBe(
      "「商业企业」列：「一、本年新收政府信息公开申请数量」3 加「二、上年结转政府信息公开申请数量」空白 为 3，" +
        "但「三、本年度办理结果（七）总计」1 加「四、结转下年度继续办理」1 为 2，两者应相等。",
    );
  });

  it("R3-BALANCE holds when both sides are equal, whichever cells carry the numbers", () => {
    const r = cleanReport("2021");
    Object.assign(r.requests.carriedOver, { research: 2, total: 2 });
    Object.assign(r.requests.carriedForward, { research: 2, total: 2 });
    expect(of(validate(r), "R3-BALANCE")).toEqual([]);
    Object.assign(r.requests.carriedForward, { research: 1, total: 1 });
    Object.assign(r.requests.granted, { research: 1, total: 1 });
    Object.assign(r.requests.totalHandled, { research: 1, total: 1 });
    expect(of(validate(r), "R3-BALANCE")).toEqual([]);
  });

  it("R3-HANDLED-SUM, R3-ROW-TOTAL and R4-TOTAL: the total, its value and the sum of its parts", () => {
    const r = cleanReport("2021");
    Object.assign(r.requests.granted, { naturalPerson: 2, commercial: 1, total: 4 });
    Object.assign(r.requests.totalHandled, { naturalPerson: 2, commercial: 1, total: 4 });
    Object.assign(r.requests.newReceived, { naturalPerson: 2, commercial: 1, total: 3 });
    Object.assign(r.reviewLitigation.review, { upheld: 1, corrected: 1, other: 1, pending: 1, total: null });
    const findings = validate(r);
    expect(messages(findings, "R3-ROW-TOTAL")).toEqual([
      "「三、本年度办理结果（一）予以公开」的「总计」为 4，但各申请人列合计为 3。",
      "「三、本年度办理结果（七）总计」的「总计」为 4，但各申请人列合计为 3。",
    ]);
    expect(of(findings, "R3-HANDLED-SUM")).toEqual([]);
    expect(messages(findings, "R4-TOTAL")).toEqual(["「行政复议」的「总计」为 空白，但结果维持、结果纠正、其他结果、尚未审结合计为 4。"]);
    r.requests.totalHandled.commercial = 0;
    expect(messages(validate(r), "R3-HANDLED-SUM")).toEqual(["「三、本年度办理结果（七）总计」的「商业企业」为 0，但（一）至（六）各项合计为 1。"]);
  });

  it("sums amounts of table 三 with the 其他 column when the report has it", () => {
    const r = cleanReport("2021", { otherApplicant: true });
    Object.assign(r.requests.newReceived, { otherApplicant: 2, total: 1 });
    expect(of(validate(r), "R3-ROW-TOTAL").map((f) => f.id)).toEqual(["R3-ROW-TOTAL:requests.newReceived.total"]);
  });
});

describe("cells", () => {
  it("CELL-BLANK asks for a 0 and names the cell", () => {
    const r = cleanReport("2019");
    r.activeDisclosure.procurement.amount = null;
    expect(of(validate(r), "CELL-BLANK")).toEqual([
      {
        id: "CELL-BLANK:activeDisclosure.procurement.amount",
        rule: "CELL-BLANK",
        severity: "error",
        cells: ["activeDisclosure.procurement.amount"],
        message: "「政府集中采购」的「采购总金额」未填写；没有的请填 0。",
      },
    ]);
  });

  it("CELL-INVALID: a number that is not finite, a negative amount, a fraction in a count; fractions of amounts are fine", () => {
    const r = cleanReport("2019");
    r.activeDisclosure.procurement.amount = Number.NaN;
    r.reviewLitigation.review.pending = Number.POSITIVE_INFINITY;
    r.requests.granted.research = 1.5;
    r.activeDisclosure.licensing.change = -2;
    expect(messages(validate(r), "CELL-INVALID")).toEqual([
      "「政府集中采购」的「采购总金额」为 NaN，不是有效的数字。",
      "「三、本年度办理结果（一）予以公开」的「科研机构」为 1.5，应为整数。",
      "「行政复议」的「尚未审结」为 Infinity，不是有效的数字。",
    ]);
    r.activeDisclosure.procurement.amount = 0.25;
    r.activeDisclosure.licensing.change = -2.5;
    expect(messages(validate(r), "CELL-INVALID")).toEqual([
      "「行政许可」的「本年增/减」为 -2.5，应为整数。",
      "「三、本年度办理结果（一）予以公开」的「科研机构」为 1.5，应为整数。",
      "「行政复议」的「尚未审结」为 Infinity，不是有效的数字。",
    ]);
  });

  it("a row of table 三 or a group of table 四 missing from the report is blank cells, each named", () => {
    const r = cleanReport("2021");
    const rowCells = Object.keys(r.requests.carriedOver).map((col) => `requests.carriedOver.${col}`);
    delete r.requests.carriedOver;
    delete r.reviewLitigation.review;
    const findings = validate(r);
    expect(of(findings, "CELL-BLANK").map((f) => f.cells[0])).toEqual([
      ...rowCells,
      ...["upheld", "corrected", "other", "pending", "total"].map((cell) => `reviewLitigation.review.${cell}`),
    ]);
    expect(of(findings, "R3-BALANCE")).toEqual([]);
  });

  it("TABLE-MISSING for table 三, and no CELL-BLANK for its cells", () => {
    const r = cleanReport("2021");
    for (const row of Object.values(r.requests)) for (const key in row) row[key] = null;
    const findings = validate(r);
    expect(messages(findings, "TABLE-MISSING")).toEqual([
      "表三未填写：「三、收到和处理政府信息公开申请情况」的所有单元格均为空白；没有收到政府信息公开申请的，请全部填 0。",
    ]);
    expect(of(findings, "CELL-BLANK")).toEqual([]);
    r.requests.newReceived.total = 0;
    expect(of(validate(r), "TABLE-MISSING")).toEqual([]);
    expect(of(validate(r), "CELL-BLANK").length).toBeGreaterThan(100);
  });
});

describe("front matter and section 五", () => {
  it("META-MISSING names the missing parts in Chinese", () => {
    const r = cleanReport("2021");
    r.date = " ";
    r.website = { name: "", url: "http://www.example.gov.cn" };
    delete r.contact;
    expect(of(validate(r), "META-MISSING").map((f) => [f.id, f.message])).toEqual([
      ["META-MISSING:date", "未填写报告日期。"],
      ["META-MISSING:website.name", "发布网站未填写完整：缺少网站名称。"],
      ["META-MISSING:contact.address,contact.phone,contact.postcode", "联系方式未填写完整：缺少联系地址、联系电话、邮政编码。"],
    ]);
  });

  it("SECTION-BOILERPLATE says what it found: headings only, 暂无, 没有, or how few characters", () => {
    const problems = (text: string) => {
      const r = cleanReport("2021");
      r.problems = text;
      return messages(validate(r), "SECTION-BOILERPLATE").map((m) => m.slice(m.indexOf("（") + 1, m.indexOf("）")));
    };
    expect(problems("（一）存在的主要问题\n（二）改进措施")).toEqual(["只有标题"]);
    expect(problems("暂无。")).toEqual(["只写了“暂无”"]);
    expect(problems("暂无暂无")).toEqual(["只写了“暂无”"]);
    expect(problems("没有")).toEqual(["只写了“没有”"]);
    expect(problems("无无")).toEqual(["只写了“无”"]);
    expect(problems("1. 下一步工作计划：无")).toEqual(["只写了“无”"]);
    expect(problems("一是栏目更新不及时。")).toEqual(["去掉标题和标点后只有 9 个字"]);
    expect(problems("一二三四五六七八九十一二三四五六七八九")).toEqual(["去掉标题和标点后只有 19 个字"]);
    expect(problems("栏目更新不够及时，解读材料较少，答复文书格式不一致。")).toEqual([]);
    expect(problems("栏目更新不及时解读材料少答复文书格式不一致还")).toEqual([]);
  });
});

describe("X-COPIED's similarity", () => {
  /** Insertions plus deletions turning a into b, by the textbook table. */
  function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const up = row[j];
        row[j] = a[i - 1] === b[j - 1] ? diagonal : Math.min(row[j], row[j - 1]) + 1;
        diagonal = up;
      }
    }
    return row[b.length];
  }

  it("is 1 − edits / both lengths when at least the threshold, and nothing below it", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("政", "府", "信", "息", "公", "开"), maxLength: 30 }), fc.string({ unit: fc.constantFrom("政", "府", "信", "息", "公", "开"), maxLength: 30 }), fc.constantFrom(0.5, 0.7, 0.9), (a, b, threshold) => {
        const exact = a.length + b.length === 0 ? 1 : 1 - editDistance(a, b) / (a.length + b.length);
        const got = similarityAtLeast(a, b, threshold);
        const allowed = Math.floor((1 - threshold) * (a.length + b.length));
        if (editDistance(a, b) <= allowed) expect(got).toBeCloseTo(exact, 10);
        else expect(got).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it("gives exact values on small cases", () => {
    expect(similarityAtLeast("", "", 0.9)).toBe(1);
    expect(similarityAtLeast("公开", "公开", 0.9)).toBe(1);
    expect(similarityAtLeast("abcd", "abce", 0.5)).toBe(0.75);
    expect(similarityAtLeast("abcd", "abce", 0.8)).toBeUndefined();
    expect(similarityAtLeast("abcdefghij", "abcdefghi", 0.9)).toBeCloseTo(18 / 19, 10);
    expect(similarityAtLeast("ab", "ba", 0.5)).toBe(0.5);
    expect(similarityAtLeast("aaaa", "bbbb", 0.1)).toBeUndefined();
  });

  it("compares text without digits, Chinese numerals, punctuation or spaces", () => {
    expect(comparableText("2022年，共收到申请十二件（全年）。 ２件")).toBe("年共收到申请件全年件");
  });
});

describe("RATIO at its thresholds", () => {
  /** A balanced 2021 report with table 三's handling rows as given (in 自然人 and 总计). */
  const handled = (rows: Record<string, number>) => {
    const r = cleanReport("2021", { year: 2022 });
    let sum = 0;
    for (const [row, n] of Object.entries(rows)) {
      Object.assign(r.requests[row], { naturalPerson: n, total: n });
      sum += n;
    }
    Object.assign(r.requests.newReceived, { naturalPerson: sum, total: sum });
    Object.assign(r.requests.totalHandled, { naturalPerson: sum, total: sum });
    return r;
  };
  const ratios = (r: ReturnType<typeof cleanReport>) => messages(validate(r), "RATIO").map((m) => m.slice(0, m.indexOf("：")));

  it("无法提供: 35% exactly is let be, above it is flagged; a base under 30 never", () => {
    expect(ratios(handled({ granted: 26, unableNoInfo: 14 }))).toEqual([]);
    expect(ratios(handled({ granted: 25, unableNoInfo: 15 }))).toEqual(["「无法提供」占比为 37.5%"]);
    expect(ratios(handled({ granted: 10, unableNoInfo: 19 }))).toEqual([]);
    expect(ratios(handled({ granted: 12, unableNoInfo: 18 }))).toEqual(["「无法提供」占比为 60%"]);
  });

  it("the message of 无法提供 in full", () => {
    expect(messages(validate(handled({ granted: 25, unableNoInfo: 15 })), "RATIO")).toEqual([
      "「无法提供」占比为 37.5%：「（四）无法提供」各项合计 15 件，占「三、本年度办理结果（七）总计」的「总计」 40 件，高于 35%。仅作提示，不影响提交。",
    ]);
  });

  it("纠错率: 15% exactly is let be; the message of the reviews in full; a blank cell computes nothing", () => {
    const review = (corrected: number, total: number) => {
      const r = handled({ granted: 1 });
      Object.assign(r.reviewLitigation.review, { upheld: total - corrected, corrected, other: 0, pending: 0, total });
      return r;
    };
    expect(ratios(review(6, 40))).toEqual([]);
    expect(messages(validate(review(7, 40)), "RATIO")).toEqual([
      "行政复议纠错率为 17.5%：「结果纠正」7 件，占「行政复议」的「总计」 40 件，高于 15%。仅作提示，不影响提交。",
    ]);
    const blank = review(7, 40);
    blank.reviewLitigation.review.corrected = null;
    expect(ratios(blank)).toEqual([]);
    const blankBase = review(7, 40);
    blankBase.reviewLitigation.review.total = null;
    expect(ratios(blankBase)).toEqual([]);
  });

  it("诉讼纠错率: 15% exactly is let be; a blank 结果纠正 in either group computes nothing", () => {
    const lawsuits = (direct: number | null, after: number | null) => {
      const r = handled({ granted: 1 });
      Object.assign(r.reviewLitigation.litigationDirect, { upheld: 20 - (direct ?? 0), corrected: direct, other: 0, pending: 0, total: 20 });
      Object.assign(r.reviewLitigation.litigationAfterReview, { upheld: 20 - (after ?? 0), corrected: after, other: 0, pending: 0, total: 20 });
      return r;
    };
    expect(ratios(lawsuits(3, 3))).toEqual([]);
    expect(ratios(lawsuits(3, 4))).toEqual(["行政诉讼纠错率为 17.5%"]);
    expect(ratios(lawsuits(null, 7))).toEqual([]);
    expect(ratios(lawsuits(7, null))).toEqual([]);
  });

  it("实质公开率 with one decimal", () => {
    expect(ratios(handled({ granted: 10, unableNoInfo: 21 }))).toEqual(["实质公开率为 32.3%", "「无法提供」占比为 67.7%"]);
  });
});

describe("X-COPIED at its thresholds", () => {
  /** n distinct ideographs (none of them a numeral), from `start`. */
  const chars = (n: number, start = 0x5000) => Array.from({ length: n }, (_, i) => String.fromCharCode(start + i)).join("");
  /** `text` with its first k characters replaced by others. */
  const changed = (text: string, k: number) => chars(k, 0x6000) + text.slice(k);
  const copied = (now: string, before: string) => {
    const previous = cleanReport("2021", { year: 2021 });
    previous.problems = before;
    const r = cleanReport("2021", { year: 2022 });
    r.problems = now;
    return messages(validate(r, { previous }), "X-COPIED");
  };

  it("flags sections 90% alike or more (92% and 90% are, 88% is not)", () => {
    const before = chars(50);
    expect(copied(changed(before, 4), before)).toEqual([
      "「五、存在的主要问题及改进情况」与上一年度（2021年）报告的同一部分相似度为 92%（逐字比较，不计数字和年份）；请按本年度的实际情况撰写。",
    ]);
    expect(copied(changed(before, 6), before)).toEqual([]);
    // Exactly 90% alike is flagged: the rule says from 90%.
    expect(copied(changed(before, 5), before)[0]).toContain("相似度为 90%");
    expect(copied(changed(before, 1), before)[0]).toContain("相似度为 98%");
  });

  it("compares sections of 50 characters or more, on both sides", () => {
    expect(copied(chars(50), chars(50))).toHaveLength(1);
    expect(copied(chars(49), chars(49))).toEqual([]);
    expect(copied(chars(49), chars(50))).toEqual([]);
    expect(copied(chars(50), chars(49))).toEqual([]);
    // Digits and punctuation do not count towards the length.
    expect(copied(`${chars(49)}１２３，。`, `${chars(49)}１２３，。`)).toEqual([]);
  });

  it("compares 六 too, its parts joined", () => {
    const previous = cleanReport("2021", { year: 2021 });
    previous.otherMatters = [{ heading: "", text: chars(30) }, { heading: "", text: chars(30, 0x5100) }];
    const r = cleanReport("2021", { year: 2022 });
    r.otherMatters = [{ heading: "另一个标题", text: chars(30) }, { heading: "", text: chars(30, 0x5100) }];
    expect(of(validate(r, { previous }), "X-COPIED").map((f) => f.cells)).toEqual([["otherMatters"]]);
    delete r.otherMatters;
    expect(of(validate(r, { previous }), "X-COPIED")).toEqual([]);
  });
});

describe("warnings on the shape of the tables", () => {
  it("F-EXTRA-COLUMN lists each non-zero 其他 cell with its row", () => {
    const r = cleanReport("2021", { otherApplicant: true });
    Object.assign(r.requests.newReceived, { naturalPerson: 1, otherApplicant: 2, total: 3 });
    Object.assign(r.requests.granted, { naturalPerson: 1, otherApplicant: 2, total: 3 });
    Object.assign(r.requests.totalHandled, { naturalPerson: 1, otherApplicant: 2, total: 3 });
    expect(of(validate(r), "F-EXTRA-COLUMN").map((f) => [f.id, f.message])).toEqual([
      [
        "F-EXTRA-COLUMN:requests.newReceived.otherApplicant,requests.granted.otherApplicant,requests.totalHandled.otherApplicant",
        "表三有国家格式没有的「申请人情况·其他」列，其中有非零数字：「一、本年新收政府信息公开申请数量」2、「三、本年度办理结果（一）予以公开」2、「三、本年度办理结果（七）总计」2。请确认这些申请应计入哪一列。",
      ],
    ]);
    r.requests.granted.otherApplicant = null;
    expect(of(validate(r), "F-EXTRA-COLUMN")[0].cells).toEqual(["requests.newReceived.otherApplicant", "requests.totalHandled.otherApplicant"]);
  });

  it("X-REGULATIONS names the non-zero cells of 规章 in full; a township without the row, or blank cells, is fine", () => {
    const r = cleanReport("2021");
    r.agency.level = "township";
    Object.assign(r.activeDisclosure.regulations, { made: 2, repealed: null, inForce: 0 });
    expect(of(validate(r), "X-REGULATIONS").map((f) => f.message)).toEqual([
      "乡镇、街道不制定规章，但「规章」行有非零数字：「本年制发件数」2。请核对；不适用的可删除该行。",
    ]);
    delete r.activeDisclosure.regulations;
    expect(of(validate(r), "X-REGULATIONS")).toEqual([]);
    const older = cleanReport("2019");
    older.agency.level = "township";
    delete older.activeDisclosure.regulations;
    expect(of(validate(older), "X-REGULATIONS")).toEqual([]);
    const government = cleanReport("2021");
    government.agency.level = "government";
    government.activeDisclosure.regulations.made = 2;
    expect(of(validate(government), "X-REGULATIONS")).toEqual([]);
  });

  it("a table 三 missing rows is still missing as a whole when what it has is blank", () => {
    const r = cleanReport("2021");
    for (const row of Object.values(r.requests)) for (const key in row) row[key] = null;
    delete (r.requests as Record<string, unknown>).granted;
    const findings = validate(r);
    expect(of(findings, "TABLE-MISSING").map((f) => f.id)).toEqual(["TABLE-MISSING:requests"]);
    expect(of(findings, "CELL-BLANK")).toEqual([]);
  });

  it("CELL-BLANK in table 四 once it is begun, and none in a table 三 never filled beside it", () => {
    const r = cleanReport("2021");
    for (const row of Object.values(r.requests)) for (const key in row) row[key] = null;
    r.reviewLitigation.review.upheld = null;
    const findings = validate(r);
    expect(of(findings, "CELL-BLANK").map((f) => f.id)).toEqual(["CELL-BLANK:reviewLitigation.review.upheld"]);
    expect(of(findings, "CELL-BLANK")[0].message).toBe("「行政复议」的「结果维持」未填写；没有的请填 0。");
  });
});

describe("SECTION-BOILERPLATE's limits", () => {
  const problems = (text: string) => {
    const r = cleanReport("2021");
    r.problems = text;
    return messages(validate(r), "SECTION-BOILERPLATE").map((m) => m.slice(m.indexOf("（") + 1, m.indexOf("）")));
  };

  it("20 characters once headings and punctuation are removed are enough", () => {
    expect(problems("一二三四五六七八九十一二三四五六七八九十")).toEqual([]);
  });

  it("a short text only containing 暂无 or 无 is counted, not read as saying nothing", () => {
    expect(problems("本单位暂无")).toEqual(["去掉标题和标点后只有 5 个字"]);
    expect(problems("无其他")).toEqual(["去掉标题和标点后只有 3 个字"]);
  });

  it("numbering of every form is left out before counting: two digits or numerals, in brackets or before 、 and .", () => {
    expect(problems("（十一）暂无")).toEqual(["只写了“暂无”"]);
    expect(problems("（12）无")).toEqual(["只写了“无”"]);
    expect(problems("(1)无")).toEqual(["只写了“无”"]);
    expect(problems("一、暂无")).toEqual(["只写了“暂无”"]);
    expect(problems("十一、暂无")).toEqual(["只写了“暂无”"]);
    expect(problems("10、没有")).toEqual(["只写了“没有”"]);
  });

  it("the headings of 五 are left out in their usual wordings", () => {
    expect(problems("存在问题：无")).toEqual(["只写了“无”"]);
    expect(problems("存在的问题：无")).toEqual(["只写了“无”"]);
    expect(problems("下一步计划：暂无")).toEqual(["只写了“暂无”"]);
    expect(problems("下一步工作：暂无")).toEqual(["只写了“暂无”"]);
    expect(problems("下一步：没有")).toEqual(["只写了“没有”"]);
  });

  it("META-MISSING names the website's address", () => {
    const r = cleanReport("2021");
    r.website = { name: "某区人民政府门户网站" };
    expect(messages(validate(r), "META-MISSING")).toEqual(["发布网站未填写完整：缺少网站网址。"]);
  });
});
