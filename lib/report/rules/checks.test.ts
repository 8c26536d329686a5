/** TABLE-MISSING, SECTION-BOILERPLATE, X-COPIED, RATIO and the info severity (contract section 7). */
import { describe, expect, it } from "vitest";
import { emptyReport } from "../model";
import type { Report } from "../model";
import { cleanReport } from "../testing";
import { RATIO_THRESHOLDS } from "./ratios";
import { canSubmit, summarizeFindings } from "./summary";
import { validate } from "./validate";
import type { Finding, RuleId } from "./types";

const of = (findings: Finding[], rule: RuleId) => findings.filter((f) => f.rule === rule);

describe("TABLE-MISSING", () => {
  /** A report whose table 四 was never filled: every cell blank, its totals too. */
  const neverFilledTableFour = () => {
    const r = cleanReport("2021", { year: 2022 });
    for (const row of Object.values(r.reviewLitigation)) for (const key in row) row[key] = null;
    return r;
  };

  it("a table 四 never filled is one finding, not fifteen CELL-BLANKs; its cells stay blank", () => {
    const r = neverFilledTableFour();
    const findings = validate(r);
    expect(of(findings, "TABLE-MISSING")).toEqual([
      {
        id: "TABLE-MISSING:reviewLitigation",
        rule: "TABLE-MISSING",
        severity: "error",
        cells: ["reviewLitigation"],
        message: "表四未填写：「四、政府信息公开行政复议、行政诉讼情况」的所有单元格均为空白；没有行政复议、行政诉讼的，请全部填 0。",
      },
    ]);
    expect(of(findings, "CELL-BLANK")).toEqual([]);
    expect(findings.filter((f) => f.severity === "error")).toHaveLength(1);
    expect(Object.values(r.reviewLitigation.review)).toEqual([null, null, null, null, null]);
    expect(canSubmit(findings)).toBe(false);
    expect(summarizeFindings(findings).bySection.reviewLitigation.errors).toBe(1);
  });

  it("a table begun is no longer missing: its blank cells are CELL-BLANKs again", () => {
    const r = neverFilledTableFour();
    r.reviewLitigation.review.upheld = 0;
    const findings = validate(r);
    expect(of(findings, "TABLE-MISSING")).toEqual([]);
    expect(of(findings, "CELL-BLANK")).toHaveLength(14);
  });

  it("a new report: tables 三 and 四 missing, two findings; table 二's blank cells are still listed one by one", () => {
    const findings = validate(emptyReport("2021", 2022, { name: "某县某局", level: "department" }));
    expect(of(findings, "TABLE-MISSING").map((f) => f.id)).toEqual(["TABLE-MISSING:requests", "TABLE-MISSING:reviewLitigation"]);
    expect(of(findings, "TABLE-MISSING")[0].message).toMatch(/^表三未填写：「三、收到和处理政府信息公开申请情况」/);
    const blanks = of(findings, "CELL-BLANK").map((f) => f.cells[0]);
    expect(blanks.length).toBeGreaterThan(0);
    expect(blanks.every((path) => path.startsWith("activeDisclosure."))).toBe(true);
  });
});

describe("SECTION-BOILERPLATE", () => {
  const boilerplate = (problems: string) => {
    const r = cleanReport("2021");
    r.problems = problems;
    return of(validate(r), "SECTION-BOILERPLATE");
  };

  it("passes a section 五 with substance", () => {
    expect(
      boilerplate(
        "（一）存在的主要问题\n一是政策解读形式较为单一，图解、视频类解读较少；二是依申请公开答复文书的规范性有待提高。\n（二）改进情况\n下一步，我局将丰富政策解读形式，组织答复文书专题培训。",
      ),
    ).toEqual([]);
  });

  it("flags 无, 暂无, 没有, headings only, and under 20 characters once headings and punctuation are removed", () => {
    for (const text of ["无。", "暂无", "没有。", "存在的主要问题：无。\n改进情况：无。", "（一）存在的主要问题\n（二）改进情况", "工作还存在不足，将继续改进。"]) {
      expect(boilerplate(text), text).toMatchObject([{ severity: "warning", cells: ["problems"] }]);
    }
    expect(boilerplate("无。")[0].message).toBe(
      "「五、存在的主要问题及改进情况」没有实质内容（只写了“无”）；请写明本年度工作中存在的主要问题和相应的改进措施。",
    );
    expect(boilerplate("工作还存在不足，将继续改进。")[0].message).toContain("去掉标题和标点后只有 12 个字");
    expect(boilerplate("")).toEqual([]); // SECTION-EMPTY's
  });
});

describe("X-COPIED", () => {
  const overview2021 = [
    {
      heading: "主动公开情况",
      text: "2021年，我局在门户网站主动公开政府信息356条，其中政策文件12件、政策解读8篇。严格落实“三审三校”制度，对拟公开信息逐条进行保密审查，全年未发生失泄密事件。",
    },
    {
      heading: "依申请公开情况",
      text: "2021年共收到政府信息公开申请15件，均在法定期限内答复。进一步规范申请登记、审核、答复、归档流程，答复文书统一格式。",
    },
  ];
  const problems2021 =
    "一是政策解读形式较为单一，图解、视频类解读较少；二是基层工作人员业务能力有待提高。下一步，我局将丰富政策解读形式，2022年组织专题培训不少于2次，提升答复规范化水平。";
  const lastYear = (): Report => {
    const r = cleanReport("2021", { year: 2021 });
    r.overview = overview2021;
    r.problems = problems2021;
    return r;
  };
  /** This year's text: last year's with only years and numbers changed. */
  const thisYear = (): Report => {
    const r = cleanReport("2021", { year: 2022 });
    const renumber = (s: string) => s.replace(/2022/g, "2023").replace(/2021/g, "2022").replace(/356/g, "412").replace(/15件/g, "23件").replace(/不少于2次/g, "不少于三次");
    r.overview = overview2021.map((p) => ({ heading: p.heading, text: renumber(p.text) }));
    r.problems = renumber(problems2021);
    return r;
  };

  it("two years of text differing only in years and numbers: a finding per section, with the similarity", () => {
    const found = of(validate(thisYear(), { previous: lastYear() }), "X-COPIED");
    expect(found.map((f) => f.cells)).toEqual([["overview"], ["problems"]]);
    expect(found[0]).toMatchObject({ severity: "warning" });
    expect(found[0].message).toBe(
      "「一、总体情况」与上一年度（2021年）报告的同一部分相似度为 100%（逐字比较，不计数字和年份）；请按本年度的实际情况撰写。",
    );
  });

  it("gives the similarity of a section partly rewritten, and passes one rewritten for the year", () => {
    const r = thisYear();
    r.problems = `${r.problems}另外，个别栏目更新不及时。`;
    const found = of(validate(r, { previous: lastYear() }), "X-COPIED").find((f) => f.cells[0] === "problems");
    expect(found?.message).toMatch(/相似度为 9\d%/);
    r.problems = "一是依申请公开办理量增长较快，办理力量不足；二是政务新媒体信息发布不够及时。下一步将充实办理力量，建立新媒体发布台账，每月通报。";
    expect(of(validate(r, { previous: lastYear() }), "X-COPIED").map((f) => f.cells[0])).toEqual(["overview"]);
  });

  it("needs last year's report, and leaves short sections alone (the same “无” every year is no copy)", () => {
    expect(of(validate(thisYear()), "X-COPIED")).toEqual([]);
    const short = cleanReport("2021", { year: 2022 });
    const before = cleanReport("2021", { year: 2021 });
    expect(of(validate(short, { previous: before }), "X-COPIED")).toEqual([]);
  });
});

describe("RATIO (info)", () => {
  /** A balanced 2021 report with table 三's handling and table 四 as given (in 自然人 and 总计). */
  const withFigures = (requests: Record<string, number>, review: Record<string, Record<string, number>> = {}) => {
    const r = cleanReport("2021", { year: 2022 });
    let handled = 0;
    for (const [row, n] of Object.entries(requests)) {
      Object.assign(r.requests[row], { naturalPerson: n, total: n });
      handled += n;
    }
    Object.assign(r.requests.newReceived, { naturalPerson: handled, total: handled });
    Object.assign(r.requests.totalHandled, { naturalPerson: handled, total: handled });
    for (const [group, cells] of Object.entries(review)) Object.assign(r.reviewLitigation[group], cells);
    return r;
  };
  const ratios = (r: Report) => of(validate(r), "RATIO");

  it("实质公开率 below 40%, on a base of at least 30: an info finding naming its cells, with the numbers", () => {
    const found = ratios(withFigures({ granted: 9, partiallyGranted: 2, unableNoInfo: 10, notProcessedRepeat: 9 }));
    expect(found).toMatchObject([
      { severity: "info", cells: ["requests.granted.total", "requests.partiallyGranted.total", "requests.totalHandled.total"] },
    ]);
    expect(found[0].message).toBe(
      "实质公开率为 36.7%：「予以公开」9 件加「部分公开」2 件，占「三、本年度办理结果（七）总计」的「总计」 30 件，低于 40%。仅作提示，不影响提交。",
    );
    // At the threshold, or on a smaller base, nothing.
    expect(ratios(withFigures({ granted: 10, partiallyGranted: 2, unableNoInfo: 10, notProcessedRepeat: 8 }))).toEqual([]);
    expect(ratios(withFigures({ granted: 1, unableNoInfo: 10, notProcessedRepeat: 18 }))).toEqual([]);
  });

  it("无法提供 above 35% of what was handled", () => {
    const found = ratios(withFigures({ granted: 19, unableNoInfo: 10, unableUnclear: 11 }));
    expect(found.map((f) => f.message.slice(0, f.message.indexOf("："))) ).toEqual(["「无法提供」占比为 52.5%"]);
    expect(found[0].cells).toEqual([
      "requests.unableNoInfo.total",
      "requests.unableNeedsCreation.total",
      "requests.unableUnclear.total",
      "requests.totalHandled.total",
    ]);
  });

  it("复议纠错率 and 诉讼纠错率 above 15%", () => {
    const review = {
      review: { upheld: 25, corrected: 5, other: 0, pending: 0, total: 30 },
      litigationDirect: { upheld: 20, corrected: 3, other: 0, pending: 0, total: 23 },
      litigationAfterReview: { upheld: 5, corrected: 2, other: 0, pending: 0, total: 7 },
    };
    const found = ratios(withFigures({ granted: 5 }, review));
    expect(found.map((f) => f.message.slice(0, f.message.indexOf("：")))).toEqual(["行政复议纠错率为 16.7%", "行政诉讼纠错率为 16.7%"]);
    expect(found[1].message).toContain("「结果纠正」5 件（未经复议直接起诉 3，复议后起诉 2），占行政诉讼的「总计」30 件，高于 15%");
    review.review.corrected = 4;
    review.review.upheld = 26;
    expect(ratios(withFigures({ granted: 5 }, review)).map((f) => f.cells[0])).toEqual(["reviewLitigation.litigationDirect.corrected"]);
  });

  it("keeps its thresholds as data", () => {
    expect(RATIO_THRESHOLDS).toEqual({ minimumBase: 30, substantiveDisclosureBelow: 0.4, correctionAbove: 0.15, unableAbove: 0.35 });
  });

  it("info never blocks, needs no acknowledgement, and is counted apart", () => {
    const r = withFigures({ granted: 9, partiallyGranted: 2, unableNoInfo: 10, notProcessedRepeat: 9 });
    const findings = validate(r, { acknowledgements: [{ findingId: ratios(r)[0].id, by: "张三", reason: "如实填写" }] });
    expect(findings.map((f) => f.rule)).toEqual(["RATIO"]);
    expect(findings[0].acknowledgement).toBeUndefined();
    expect(canSubmit(findings)).toBe(true);
    expect(summarizeFindings(findings)).toMatchObject({ errors: 0, warnings: 0, unacknowledgedWarnings: 0, infos: 1 });
    expect(summarizeFindings(findings).bySection.requests).toEqual({ errors: 0, warnings: 0, unacknowledgedWarnings: 0, infos: 1 });
  });
});
