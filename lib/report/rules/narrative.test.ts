/**
 * N-MISMATCH and N-FEE on sentences in the style of published reports. Sentences marked “real” are quoted
 * from published annual reports (their source in the comment); the others are written the same way.
 */
import { describe, expect, it } from "vitest";
import type { Report } from "../model";
import { cleanReport } from "../testing";
import { readStatements } from "./narrative/statements";
import { validate } from "./validate";
import type { Finding } from "./types";

/** A 2021-edition report of 2022 with table 三 and 四 figures set (in 自然人 and 总计). */
function report(figures: { requests?: Record<string, number>; review?: Record<string, Record<string, number>> } = {}): Report {
  const r = cleanReport("2021", { year: 2022 });
  for (const [row, n] of Object.entries(figures.requests ?? {})) Object.assign(r.requests[row], { naturalPerson: n, total: n });
  for (const [group, cells] of Object.entries(figures.review ?? {})) Object.assign(r.reviewLitigation[group], cells);
  return r;
}

/** The N-MISMATCH findings of a report whose part 依申请公开情况 of 一 says `text`. */
function mismatches(text: string, r: Report = report(), heading = "依申请公开情况"): Finding[] {
  r.overview = [{ heading, text }];
  return validate(r).filter((f) => f.rule === "N-MISMATCH");
}

const cellsOf = (findings: Finding[]) => findings.map((f) => f.cells);

describe("N-MISMATCH reads every figure a narrative restates", () => {
  // Real: 武汉市汉阳区人民政府办公室2022年政府信息公开工作年度报告 (hanyang.gov.cn)
  const hanyang =
    "2022年，区政府办公室共收到8份政府信息公开申请，均为自然人申请。其中，予以公开2件，部分公开2件，属于四类过程性性信息1件，本办不掌握相关政府信息2件，其他1件（申请人自主撤销）。无下年度结转。";
  const hanyangTable = { newReceived: 8, granted: 2, partiallyGranted: 2, deniedProcessInfo: 1, unableNoInfo: 2, otherOther: 1, totalHandled: 8, carriedForward: 0 };

  it("a real report that agrees with its tables: no finding", () => {
    expect(mismatches(hanyang, report({ requests: hanyangTable }))).toEqual([]);
  });

  it("予以公开, 部分公开, 结转下年度 against table 三", () => {
    const found = mismatches(hanyang, report({ requests: { ...hanyangTable, granted: 1, partiallyGranted: 3, carriedForward: 1 } }));
    expect(cellsOf(found)).toEqual([
      ["requests.granted.total", "overview"],
      ["requests.partiallyGranted.total", "overview"],
      ["requests.carriedForward.total", "overview"],
    ]);
    expect(found[0].message).toBe(
      "「一、总体情况」中写明予以公开 2 件（“其中，予以公开2件，部分公开2件，属于四类过程性性信息1件，本办不掌握相关政府信息2件，其他1件（申请人自主撤销）。”），但表三「三、本年度办理结果（一）予以公开」的「总计」为 1。",
    );
    expect(found[2].message).toContain("结转下年度继续办理的申请 0 件（“无下年度结转。”）");
  });

  // Real: 兴仁市人民政府2022年政府信息公开工作年度报告 (qxn.gov.cn)
  const xingren =
    "2022年，共收到10件依申请公开请求，2021年结转政府信息公开申请2件，共办结10件，结转2023年度继续办理2件；全市发生政府信息公开行政复议案件1起。";

  it("收到 N 件…请求 (count before the noun), 上年结转 with the year before, 办结, 结转 with the year after, 复议…起", () => {
    const agrees = report({ requests: { newReceived: 10, carriedOver: 2, totalHandled: 10, carriedForward: 2 }, review: { review: { upheld: 1, total: 1 } } });
    expect(mismatches(xingren, agrees)).toEqual([]);
    const differs = report({ requests: { newReceived: 7, carriedOver: 1, totalHandled: 8, carriedForward: 3 }, review: { review: { upheld: 2, total: 2 } } });
    expect(cellsOf(mismatches(xingren, differs)).map((c) => c[0])).toEqual([
      "requests.newReceived.total",
      "reviewLitigation.review.total",
      "requests.totalHandled.total",
      "requests.carriedOver.total",
      "requests.carriedForward.total",
    ]);
  });

  // Real: a district's 2022 report (all its offices and streets together), its 其中 sentence quoted as printed.
  const outcomes =
    "其中，予以公开答复966件，占66.48%；部分公开67，占4.61%；不予公开81件，占5.57%；无法提供的182件，占12.53%；不予处理的61件，占4.20%；其他处理96件，占6.61%。";

  it("不予公开, 无法提供, 不予处理 and 其他处理 against the sum of their rows", () => {
    const intro = "2022年，共完成政府信息依申请公开答复1453件，包括上年结转信息公开申请30件。";
    const table = {
      granted: 966,
      partiallyGranted: 67,
      deniedThirdParty: 80,
      deniedProcessInfo: 1,
      unableNoInfo: 150,
      unableUnclear: 32,
      notProcessedRepeat: 61,
      otherOverdueCorrection: 90,
      otherOther: 6,
      totalHandled: 1453,
      carriedOver: 30,
      newReceived: 1423,
    };
    expect(mismatches(intro + outcomes, report({ requests: table }))).toEqual([]);
    const found = mismatches(intro + outcomes, report({ requests: { ...table, deniedProcessInfo: 2, unableUnclear: 30, otherOther: 0 } }));
    expect(found.map((f) => f.cells[0])).toEqual(["requests.deniedStateSecret.total", "requests.unableNoInfo.total", "requests.otherOverdueCorrection.total"]);
    expect(found[0].message).toContain("写明不予公开 81 件（“不予公开81件，占5.57%”），但表三「（三）不予公开」各项的「总计」合计为 82。");
    // 部分公开67 without its measure word is not read: a miss rather than a guess.
    expect(found.some((f) => f.cells[0] === "requests.partiallyGranted.total")).toBe(false);
  });

  it("予以公开及部分公开 N 件: granted and partly granted together", () => {
    const text = "本年度共办理政府信息公开申请20件，其中予以公开及部分公开15件。";
    expect(mismatches(text, report({ requests: { newReceived: 20, totalHandled: 20, granted: 10, partiallyGranted: 5 } }))).toEqual([]);
    const found = mismatches(text, report({ requests: { newReceived: 20, totalHandled: 20, granted: 10, partiallyGranted: 4 } }));
    expect(cellsOf(found)).toEqual([["requests.granted.total", "requests.partiallyGranted.total", "overview"]]);
    expect(found[0].message).toContain("表三「（一）予以公开」与「（二）部分公开」的「总计」合计为 14");
  });

  it("reads full-width digits, thousands separators and Chinese numerals", () => {
    const text = "本年度共收到政府信息公开申请１，２５８件，予以公开十二件，部分公开三件。";
    expect(mismatches(text, report({ requests: { newReceived: 1258, granted: 12, partiallyGranted: 3 } }))).toEqual([]);
    expect(mismatches("本年度共收到政府信息公开申请1,258件。", report({ requests: { newReceived: 1258 } }))).toEqual([]);
    const found = mismatches(text, report({ requests: { newReceived: 1285, granted: 12, partiallyGranted: 2 } }));
    expect(found.map((f) => f.message.match(/写明(.+?) 件/)?.[1])).toEqual(["收到政府信息公开申请 1258", "部分公开 3"]);
  });

  it("reads the verbs 办理, 答复, 收到, 接收, and a sentence without 公开 under a heading about requests", () => {
    const r = () => report({ requests: { newReceived: 15, totalHandled: 14, carriedForward: 1 } });
    expect(mismatches("全年共接收政府信息公开申请15件，已全部办结14件。", r())).toEqual([]);
    expect(mismatches("全年共接收政府信息公开申请15件，答复14件。", r())).toEqual([]);
    expect(mismatches("本年度共办理政府信息公开申请15件。", r())).toEqual([]); // 办理 may count what was received
    expect(cellsOf(mismatches("全年共接收政府信息公开申请16件，答复13件。", r())).map((c) => c[0])).toEqual([
      "requests.newReceived.total",
      "requests.totalHandled.total",
    ]);
    // No 公开 in the sentence: the part's heading says what the 申请 are.
    expect(cellsOf(mismatches("本年度共收到申请12件，均已按期答复。", r()))).toEqual([["requests.newReceived.total", "overview"]]);
    expect(mismatches("本年度共收到申请12件，均已按期答复。", r(), "建议提案办理")).toEqual([]);
  });

  // Real: 长春市二道区房屋征收工作管理办公室关于2022年度政府信息公开情况的报告 (changchun.gov.cn)
  it("受理依申请信息 N 条 (real)", () => {
    const text = "2022年，我办受理依申请信息56条，现将有关情况汇报如下：";
    expect(mismatches(text, report({ requests: { newReceived: 56 } }))).toEqual([]);
    expect(cellsOf(mismatches(text, report({ requests: { newReceived: 18 } })))).toEqual([["requests.newReceived.total", "overview"]]);
  });

  // Real: 杨凌示范区审计局2022年政府信息公开工作年度报告 (yangling.gov.cn)
  it("未收到依申请公开事项 (real) against a table that counts requests", () => {
    expect(mismatches("2022年，未收到依申请公开事项.")).toEqual([]);
    const found = mismatches("2022年，未收到依申请公开事项.", report({ requests: { newReceived: 2 } }));
    expect(found[0].message).toContain("收到政府信息公开申请 0 件");
  });

  it("行政复议 and 行政诉讼 by outcome: 维持, 纠正", () => {
    const text = "本年度因政府信息公开被申请行政复议3件，其中维持2件、纠正1件；被提起行政诉讼2件，均维持。";
    const review = { review: { upheld: 2, corrected: 1, total: 3 }, litigationDirect: { upheld: 2, total: 2 } };
    expect(mismatches(text, report({ review }))).toEqual([]);
    const found = mismatches(text, report({ review: { ...review, review: { upheld: 3, corrected: 0, total: 3 } } }));
    expect(found.map((f) => f.cells[0])).toEqual(["reviewLitigation.review.upheld", "reviewLitigation.review.corrected"]);
    expect(found[1].message).toContain("写明行政复议结果纠正 1 件");
    // Real: 上海市普陀区2022年上半年政府信息公开数据统计 (shpt.gov.cn), a count of lawsuits and of those corrected.
    const putuo = "全区共发生涉及政府信息公开的行政诉讼案件2件，被纠错0件。";
    expect(mismatches(putuo, report({ review: { litigationDirect: { upheld: 2, total: 2 } } }))).toEqual([]);
    const corrected = mismatches(putuo, report({ review: { litigationDirect: { corrected: 1, upheld: 1, total: 2 } } }));
    expect(cellsOf(corrected)).toEqual([["reviewLitigation.litigationDirect.corrected", "reviewLitigation.litigationAfterReview.corrected", "overview"]]);
    // 其中 going on in the next sentence keeps the topic.
    expect(mismatches("因政府信息公开被申请行政复议2件。其中维持1件。", report({ review: { review: { upheld: 2, total: 2 } } })).map((f) => f.cells[0])).toEqual([
      "reviewLitigation.review.upheld",
    ]);
  });

  it("table 二's counts where stated: 制发, 废止, 现行有效 documents, and 行政许可 / 行政处罚 decisions", () => {
    const text = "2022年，本机关制发行政规范性文件3件，废止2件，现行有效行政规范性文件25件。全年共作出行政许可决定138件，行政处罚决定12件。";
    const r = report();
    Object.assign(r.activeDisclosure.normativeDocuments, { made: 3, repealed: 2, inForce: 25 });
    r.activeDisclosure.licensing.decisions = 138;
    r.activeDisclosure.punishment.decisions = 12;
    expect(mismatches(text, r)).toEqual([]);
    Object.assign(r.activeDisclosure.normativeDocuments, { made: 4, repealed: 2, inForce: 24 });
    r.activeDisclosure.punishment.decisions = 10;
    const found = mismatches(text, r);
    expect(found.map((f) => f.cells[0])).toEqual([
      "activeDisclosure.normativeDocuments.made",
      "activeDisclosure.normativeDocuments.inForce",
      "activeDisclosure.punishment.decisions",
    ]);
    expect(found[0].message).toContain("写明制发行政规范性文件 3 件");
    expect(found[0].message).toContain("但表二「行政规范性文件」的「本年制发件数」为 4。");
    // A row that does not apply to the agency is not compared.
    delete r.activeDisclosure.punishment;
    expect(mismatches(text, r).map((f) => f.cells[0])).not.toContain("activeDisclosure.punishment.decisions");
  });

  it("one finding per figure, and none when any statement of it agrees", () => {
    const text = "2022年共收到政府信息公开申请6件。本年度新收政府信息公开申请5件。";
    expect(mismatches(text, report({ requests: { newReceived: 5 } }))).toEqual([]);
    expect(mismatches(text, report({ requests: { newReceived: 4 } }))).toHaveLength(1);
  });

  it("compares nothing with a blank cell (CELL-BLANK or TABLE-MISSING says so)", () => {
    const r = report();
    r.requests.granted.total = null;
    expect(mismatches("本年度予以公开3件。共收到政府信息公开申请3件。", r).map((f) => f.cells[0])).toEqual(["requests.newReceived.total"]);
  });
});

describe("the guard: N-MISMATCH never fires on sentences about 备案, 信访, 12345 or 咨询 counts", () => {
  // The real pattern of issue #18: a city report's filing statistics, while its own table 四 counts 170 and 77.
  const city = report({ review: { review: { upheld: 150, corrected: 20, total: 170 }, litigationDirect: { upheld: 77, total: 77 } } });

  it("备案…行政复议案件134件，行政诉讼案件57件 against a table 四 of 170 and 77: no finding", () => {
    const filing = "2022年，全市向市政府报送备案的政府信息公开行政复议案件134件，行政诉讼案件57件。";
    expect(mismatches(filing, city)).toEqual([]);
    // Without 备案 the same sentence states the agency's own cases, and is checked.
    expect(mismatches("2022年，因政府信息公开被申请行政复议案件134件，行政诉讼案件57件。", city).map((f) => f.cells[0])).toEqual([
      "reviewLitigation.review.total",
      "reviewLitigation.litigationDirect.total",
    ]);
  });

  it("信访, the 12345 hotline, 咨询, and other counts that are not the report's own: no finding", () => {
    const r = report({ requests: { newReceived: 3, granted: 1, totalHandled: 3 }, review: { review: { total: 0 } } });
    const notOwn = [
      "通过12345政务服务便民热线受理涉及政府信息公开的诉求52件，均已办结。",
      "全年受理涉及政府信息公开的信访事项23件，收到政府信息公开申请9件。",
      "接受群众政府信息公开咨询126件，其中现场咨询予以公开答复40件。",
      "向市政府报送备案规范性文件12件，制发行政规范性文件7件。",
      "网上民声受理群众各类咨询建议、投诉举报共21件。", // the seed report
      // Real: 上海市普陀区2022年上半年政府信息公开数据统计 (shpt.gov.cn): half a year, and the 其中 going on with it.
      "2022年上半年，全区各行政机关共受理政府信息公开申请267件，答复263件，申请量比2021年同期上升1.52%。其中同意公开或部分公开共81件，公开率为30.80%。",
      // Real: a district's 2022 report: all its offices and streets together, then 其中 going on with them.
      `2022年，全区各职能部门、镇街共完成政府信息依申请公开答复1453件，包括上年结转信息公开申请30件。${outcomesOfDistrict()}`,
      "本年度共收到政府信息公开申请数量较上年增加12件。",
      "2021年共收到政府信息公开申请54件，同比下降。",
      "其中通过网络申请13件，信函申请2件。",
      "办理人大代表建议12件、政协提案8件。",
      "共受理行政许可申请520件，受理低保申请120件。",
      "作为复议机关办理政府信息公开类行政复议案件5件。",
      "平均答复时间为5个工作日。",
      "审核把关区政府行政规范性文件12件。",
      // Real: 2022年上海市政府信息公开工作年度报告 (shanghai.gov.cn): published, not made.
      "2022年，在上海市人民政府网站、《上海市人民政府公报》主动公开市政府规章13件（含新制定5件，修改4件，废止4件），主动公开市政府和市政府办公厅行政规范性文件42件，人事任免文件106件，其他文件113件。",
    ];
    for (const text of notOwn) expect(mismatches(text, r), text).toEqual([]);
  });
});

function outcomesOfDistrict() {
  return "其中，予以公开答复966件，占66.48%；部分公开67，占4.61%；不予公开81件，占5.57%；无法提供的182件，占12.53%；不予处理的61件，占4.20%；其他处理96件，占6.61%。";
}

describe("N-FEE", () => {
  const fee = (text: string, edit?: (r: Report) => void) => {
    const r = cleanReport("2021", { year: 2022 });
    r.otherMatters = [{ heading: "", text }];
    edit?.(r);
    return validate(r).filter((f) => f.rule === "N-FEE");
  };

  it("2021 edition: section 六 has to say what was charged as 信息处理费", () => {
    expect(fee("本机关2022年度未收取信息处理费。")).toEqual([]);
    expect(fee("2022年度共收取信息处理费200元。")).toEqual([]);
    const found = fee("无。");
    expect(found).toMatchObject([{ severity: "warning", cells: ["otherMatters"] }]);
    expect(found[0].message).toContain("没有写明信息处理费的收取情况");
    expect(fee("人大代表建议和政协提案办理结果均已公开。")).toHaveLength(1);
    // The 2019 edition did not ask for it; an empty 六 is SECTION-EMPTY's.
    const older = cleanReport("2019");
    older.otherMatters = [{ heading: "", text: "无。" }];
    expect(validate(older).filter((f) => f.rule === "N-FEE")).toEqual([]);
    expect(fee("  ")).toEqual([]);
  });

  it("says none was charged while table 三 counts requests not handled for an unpaid fee", () => {
    const unpaid = (r: Report) => Object.assign(r.requests.otherOverdueFee, { naturalPerson: 2, total: 2 });
    expect(fee("本机关未收取信息处理费。")).toEqual([]);
    const found = fee("本机关未收取信息处理费。", unpaid);
    expect(found.map((f) => f.cells)).toEqual([["otherMatters", "requests.otherOverdueFee.total"]]);
    expect(found[0].message).toContain("（“本机关未收取信息处理费。”）");
    expect(found[0].message).toContain("为 2");
    expect(fee("本年度向2名申请人发出收费通知，申请人均逾期未缴纳信息处理费。", unpaid)).toEqual([]);
    // A blank count is CELL-BLANK's: it says nothing of a fee notice.
    expect(fee("本机关未收取信息处理费。", (r) => (r.requests.otherOverdueFee.total = null))).toEqual([]);
  });
});

describe("N-MISMATCH: lawsuits of both groups, every narrative field, the sentences saying none", () => {
  it("compares a count of lawsuits with both groups of table 四 together", () => {
    const both = { litigationDirect: { upheld: 2, total: 2 }, litigationAfterReview: { upheld: 1, total: 1 } };
    expect(mismatches("因政府信息公开被提起行政诉讼3件。", report({ review: both }))).toEqual([]);
    const found = mismatches("因政府信息公开被提起行政诉讼1件。", report({ review: both }));
    expect(found).toEqual([
      {
        id: "N-MISMATCH:reviewLitigation.litigationDirect.total,overview",
        rule: "N-MISMATCH",
        severity: "warning",
        cells: ["reviewLitigation.litigationDirect.total", "overview"],
        message:
          "「一、总体情况」中写明行政诉讼 1 件（“因政府信息公开被提起行政诉讼1件。”），但表四行政诉讼的「总计」合计为 3（未经复议直接起诉 2，复议后起诉 1）。",
      },
    ]);
    const upheld = mismatches("因政府信息公开被提起行政诉讼3件，其中维持2件。", report({ review: both }));
    expect(upheld.map((f) => f.cells)).toEqual([
      ["reviewLitigation.litigationDirect.upheld", "reviewLitigation.litigationAfterReview.upheld", "overview"],
    ]);
    expect(upheld[0].message).toContain("但表四行政诉讼的「结果维持」合计为 3（未经复议直接起诉 2，复议后起诉 1）。");
    // A blank group: nothing to compare.
    const blank = report({ review: both });
    blank.reviewLitigation.litigationAfterReview.total = null;
    expect(mismatches("因政府信息公开被提起行政诉讼1件。", blank)).toEqual([]);
  });

  it("reads the introduction, section 五 and section 六 as well, naming the field", () => {
    const r = report({ requests: { newReceived: 4 } });
    r.intro = "2022年，本机关共收到政府信息公开申请5件。";
    const intro = validate(r).filter((f) => f.rule === "N-MISMATCH");
    expect(intro.map((f) => f.cells)).toEqual([["requests.newReceived.total", "intro"]]);
    expect(intro[0].message).toBe(
      "「引言」中写明收到政府信息公开申请 5 件（“2022年，本机关共收到政府信息公开申请5件。”），但表三「一、本年新收政府信息公开申请数量」的「总计」为 4。",
    );
    delete r.intro;
    r.problems = "依申请公开方面，全年共收到政府信息公开申请6件，答复不够及时。";
    expect(validate(r).filter((f) => f.rule === "N-MISMATCH").map((f) => f.cells)).toEqual([["requests.newReceived.total", "problems"]]);
    r.problems = "栏目更新不及时。";
    r.otherMatters = [{ heading: "依申请公开", text: "本年度共收到政府信息公开申请7件。" }];
    const other = validate(r).filter((f) => f.rule === "N-MISMATCH");
    expect(other.map((f) => f.cells)).toEqual([["requests.newReceived.total", "otherMatters"]]);
    expect(other[0].message).toMatch(/^「六、其他需要报告的事项」中写明收到政府信息公开申请 7 件/);
  });

  it("reads a part's heading as the topic of its text, and skips an empty part", () => {
    const r = report({ requests: { granted: 2, newReceived: 2, totalHandled: 2 } });
    r.overview = [
      { heading: "依申请公开情况", text: "" },
      { heading: "依申请公开情况", text: "本年度予以公开3件。" },
    ];
    expect(validate(r).filter((f) => f.rule === "N-MISMATCH").map((f) => f.cells[0])).toEqual(["requests.granted.total"]);
    r.overview = [{ heading: "主动公开情况", text: "本年度予以公开3件。" }];
    expect(validate(r).filter((f) => f.rule === "N-MISMATCH")).toEqual([]);
  });

  it("未收到…申请 says 0 requests; not in a sentence about 复议 or 诉讼, nor one not about disclosure", () => {
    const two = report({ requests: { newReceived: 2 } });
    expect(mismatches("本年度未收到政府信息公开申请。", two).map((f) => [f.cells[0], f.message.includes("收到政府信息公开申请 0 件")])).toEqual([
      ["requests.newReceived.total", true],
    ]);
    expect(mismatches("本年度没有受理依申请公开的申请。", two).map((f) => f.cells[0])).toEqual(["requests.newReceived.total"]);
    expect(mismatches("本年度未收到政府信息公开申请。", report())).toEqual([]);
    expect(mismatches("本年度未收到针对政府信息公开的行政复议申请。", two)).toEqual([]);
    expect(mismatches("本年度未收到涉及政府信息公开的诉讼申请。", two)).toEqual([]);
    expect(mismatches("本年度未收到相关申请。", two, "依申请情况")).toEqual([]);
  });

  it("未发生行政复议 alone says no review but says nothing of lawsuits", () => {
    const r = report({ review: { review: { upheld: 1, total: 1 }, litigationDirect: { upheld: 1, total: 1 } } });
    const found = mismatches("本年度未发生涉及政府信息公开的行政复议。", r);
    expect(found.map((f) => f.cells[0])).toEqual(["reviewLitigation.review.total"]);
    expect(found[0].message).toContain("写明行政复议 0 件");
    const both = mismatches("本年度未发生涉及政府信息公开的行政复议和行政诉讼。", r);
    expect(both.map((f) => f.cells[0])).toEqual(["reviewLitigation.review.total", "reviewLitigation.litigationDirect.total"]);
  });

  it("sums the rows of each outcome of table 三 and nothing else", () => {
    const r = report({ requests: { newReceived: 6, totalHandled: 6 } });
    Object.assign(r.requests.deniedStateSecret, { naturalPerson: 1, total: 1 });
    Object.assign(r.requests.deniedProcessInfo, { naturalPerson: 2, total: 2 });
    Object.assign(r.requests.otherOverdueFee, { naturalPerson: 3, total: 3 });
    expect(mismatches("本年度不予公开3件，其他处理3件。", r)).toEqual([]);
    const found = mismatches("本年度不予公开2件，其他处理6件。", r);
    const rowsOf = (prefix: string) => Object.keys(r.requests).filter((k) => k.startsWith(prefix)).map((k) => `requests.${k}.total`);
    expect(found.map((f) => f.cells)).toEqual([
      [...rowsOf("denied"), "overview"],
      [...rowsOf("other"), "overview"],
    ]);
    expect(found[0].cells).toContain("requests.deniedStateSecret.total");
    expect(found[0].cells).not.toContain("requests.totalHandled.total");
    expect(found[0].message).toContain("但表三「（三）不予公开」各项的「总计」合计为 3。");
    expect(found[1].message).toContain("但表三「（六）其他处理」各项的「总计」合计为 3。");
  });
});

describe("N-MISMATCH: which counts are the report's own", () => {
  it("a count of another year is not compared; one of the report's year is", () => {
    const r = () => report({ requests: { newReceived: 5 } });
    expect(mismatches("2021年共收到政府信息公开申请54件。", r())).toEqual([]);
    expect(cellsOf(mismatches("2022年共收到政府信息公开申请54件。", r()))).toEqual([["requests.newReceived.total", "overview"]]);
    expect(cellsOf(mismatches("2021年以来，本机关在2022年共收到政府信息公开申请54件。", r()))).toEqual([["requests.newReceived.total", "overview"]]);
  });

  it("上年结转 and 结转下年度 with their own years: the year before and the year after only", () => {
    const r = () => report({ requests: { carriedOver: 1, carriedForward: 1 } });
    expect(cellsOf(mismatches("2021年结转政府信息公开申请2件。", r()))).toEqual([["requests.carriedOver.total", "overview"]]);
    expect(mismatches("2020年结转政府信息公开申请2件。", r())).toEqual([]);
    expect(cellsOf(mismatches("依申请公开方面，结转2023年度继续办理2件。", r()))).toEqual([["requests.carriedForward.total", "overview"]]);
    expect(mismatches("依申请公开方面，结转2024年度继续办理2件。", r())).toEqual([]);
    expect(cellsOf(mismatches("依申请公开方面，上年度结转申请3件。", r()))).toEqual([["requests.carriedOver.total", "overview"]]);
    expect(cellsOf(mismatches("依申请公开方面，有3件申请结转下一年度办理。", r()))).toEqual([["requests.carriedForward.total", "overview"]]);
  });

  it("无上年结转 says 0 carried over; 无结转到下年度 says 0 carried forward", () => {
    const r = report({ requests: { carriedOver: 2, carriedForward: 3 } });
    const found = mismatches("依申请公开方面，无上年结转。没有结转到下年度的申请。", r);
    expect(found.map((f) => f.message.match(/写明(.+?)（/)?.[1])).toEqual(["上年结转的申请 0 件", "结转下年度继续办理的申请 0 件"]);
    expect(mismatches("依申请公开方面，无上年结转。没有结转到下年度的申请。")).toEqual([]);
  });

  it("changes and running totals are not the figure", () => {
    expect(mismatches("本年度收到政府信息公开申请增加5件。")).toEqual([]);
    expect(mismatches("历年累计收到政府信息公开申请120件。")).toEqual([]);
  });

  it("an outcome counted in 条 is not a count of requests, nor is a clause naming two outcomes", () => {
    const r = report({ requests: { granted: 1, partiallyGranted: 1 } });
    expect(mismatches("依申请公开方面，予以公开3条。", r)).toEqual([]);
    expect(mismatches("依申请公开方面，予以公开和不予公开3件。", r)).toEqual([]);
    expect(cellsOf(mismatches("依申请公开方面，予以公开3宗。", r))).toEqual([["requests.granted.total", "overview"]]);
  });

  it("予以公开 or 部分公开 together, in the usual wordings", () => {
    const r = report({ requests: { granted: 10, partiallyGranted: 4 } });
    for (const text of ["依申请公开方面，全部或部分公开15件。", "依申请公开方面，同意公开和部分公开15件。", "依申请公开方面，公开或部分公开15件。"]) {
      expect(cellsOf(mismatches(text, r)), text).toEqual([["requests.granted.total", "requests.partiallyGranted.total", "overview"]]);
      expect(mismatches(text.replace("15", "14"), r), text).toEqual([]);
    }
    // 予以公开 alone may count the partly granted too.
    expect(mismatches("依申请公开方面，予以公开14件。", r)).toEqual([]);
    expect(cellsOf(mismatches("依申请公开方面，予以公开13件。", r))).toEqual([["requests.granted.total", "overview"]]);
  });

  it("quotes a long sentence from the first clause that fits in 60 characters with the count, cut after it", () => {
    const text =
      "本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》，进一步健全依申请公开工作机制，规范受理、登记、审核、答复、归档各环节，全年共收到政府信息公开申请9件，均在法定期限内答复完毕，未发生超期答复的情况。";
    const [found] = mismatches(text, report({ requests: { newReceived: 8 } }));
    expect(found.message).toContain(
      "写明收到政府信息公开申请 9 件（“进一步健全依申请公开工作机制，规范受理、登记、审核、答复、归档各环节，全年共收到政府信息公开申请9件…”）",
    );
    const short = "依申请公开方面，全年共收到政府信息公开申请9件；均按时答复。";
    expect(mismatches(short, report({ requests: { newReceived: 8 } }))[0].message).toContain("（“依申请公开方面，全年共收到政府信息公开申请9件”）");
  });
});

describe("N-MISMATCH: table 二 as stated", () => {
  it("规章 made, repealed and in force, going on in one sentence", () => {
    const r = report();
    Object.assign(r.activeDisclosure.regulations, { made: 2, repealed: 1, inForce: 9 });
    const text = "本机关制定规章2件，废止1件，现行有效9件。";
    expect(mismatches(text, r)).toEqual([]);
    Object.assign(r.activeDisclosure.regulations, { made: 1, repealed: 0, inForce: 8 });
    const found = mismatches(text, r);
    expect(found.map((f) => f.cells[0])).toEqual([
      "activeDisclosure.regulations.made",
      "activeDisclosure.regulations.repealed",
      "activeDisclosure.regulations.inForce",
    ]);
    expect(found[1].message).toContain("写明废止规章 1 件");
    expect(found[2].message).toContain("但表二「规章」的「现行有效件数」为 8。");
  });

  it("行政强制决定 compared; 公示 decisions and documents the agency only reviews are not its own", () => {
    const r = report();
    r.activeDisclosure.coercion.decisions = 4;
    expect(cellsOf(mismatches("全年共作出行政强制决定5件。", r))).toEqual([["activeDisclosure.coercion.decisions", "overview"]]);
    expect(mismatches("全年共公示行政强制决定5件。", r)).toEqual([]);
    expect(mismatches("协助起草规范性文件5件。", r)).toEqual([]);
    expect(mismatches("全年共作出行政强制决定4件。", r)).toEqual([]);
  });

  it("the 2019 edition: 制发 against 本年新制作 or 本年新公开; nothing of 废止 or 现行有效", () => {
    const r = cleanReport("2019", { year: 2020 });
    Object.assign(r.activeDisclosure.normativeDocuments, { newlyMade: 3, newlyPublished: 2, totalPublished: 10 });
    r.overview = [{ heading: "", text: "本机关制发规范性文件2件，废止5件，现行有效规范性文件40件。" }];
    expect(validate(r).filter((f) => f.rule === "N-MISMATCH")).toEqual([]);
    r.overview = [{ heading: "", text: "本机关制发规范性文件4件。" }];
    const found = validate(r).filter((f) => f.rule === "N-MISMATCH");
    expect(found.map((f) => f.message)).toEqual([
      "「一、总体情况」中写明制发规范性文件 4 件（“本机关制发规范性文件4件。”），但表二「规范性文件」的「本年新制作数量」为 3，「规范性文件」的「本年新公开数量」为 2。",
    ]);
  });
});

describe("N-MISMATCH: table 四's lawsuits and reviews", () => {
  it("a lawsuit after review is part of the lawsuits, not their count; 行政诉讼、行政复议 together is two figures", () => {
    const r = report({ review: { litigationAfterReview: { upheld: 1, total: 1 } } });
    expect(mismatches("因政府信息公开复议后提起行政诉讼3件。", r)).toEqual([]);
    expect(mismatches("因政府信息公开被申请行政诉讼、行政复议3件。", r)).toEqual([]);
    expect(mismatches("因政府信息公开被申请行政复议、行政诉讼3件。", r)).toEqual([]);
  });

  it("维持 and 纠正 after 诉讼 in the same sentence are the lawsuits'", () => {
    const r = report({ review: { review: { upheld: 1, total: 1 }, litigationDirect: { upheld: 1, corrected: 1, total: 2 } } });
    const found = mismatches("因政府信息公开被申请行政复议1件，维持1件；被提起行政诉讼2件，维持2件，纠错0件。", r);
    expect(found.map((f) => f.cells[0])).toEqual(["reviewLitigation.litigationDirect.upheld", "reviewLitigation.litigationDirect.corrected"]);
    expect(found[1].message).toContain("写明行政诉讼结果纠正 0 件");
    expect(mismatches("本年度维持2件。", r)).toEqual([]); // no topic
  });
});

describe("N-MISMATCH says which figure and how the table gives it", () => {
  /** The part of the message after the field: 写明… 件（…），但…。 */
  const said = (text: string, r: Report) => mismatches(text, r).map((f) => f.message.replace(/（“.*?”）/, "").replace(/^「一、总体情况」中/, ""));

  it("table 三's figures", () => {
    const r = report({ requests: { newReceived: 1, carriedOver: 1, totalHandled: 1, carriedForward: 1, granted: 1, partiallyGranted: 1 } });
    Object.assign(r.requests.unableNoInfo, { naturalPerson: 1, total: 1 });
    Object.assign(r.requests.notProcessedRepeat, { naturalPerson: 1, total: 1 });
    expect(said("依申请公开方面，办结申请9件。", r)).toEqual(["写明办理政府信息公开申请 9 件，但表三「三、本年度办理结果（七）总计」的「总计」为 1。"]);
    expect(said("依申请公开方面，上年结转申请9件。", r)).toEqual(["写明上年结转的申请 9 件，但表三「二、上年结转政府信息公开申请数量」的「总计」为 1。"]);
    expect(said("依申请公开方面，部分公开9件。", r)).toEqual(["写明部分公开 9 件，但表三「三、本年度办理结果（二）部分公开（区分处理的，只计这一情形，不计其他情形）」的「总计」为 1。"]);
    expect(said("依申请公开方面，无法提供9件。", r)).toEqual(["写明无法提供 9 件，但表三「（四）无法提供」各项的「总计」合计为 1。"]);
    expect(said("依申请公开方面，不予处理9件。", r)).toEqual(["写明不予处理 9 件，但表三「（五）不予处理」各项的「总计」合计为 1。"]);
    expect(said("依申请公开方面，予以公开及部分公开9件。", r)).toEqual([
      "写明予以公开及部分公开 9 件，但表三「（一）予以公开」与「（二）部分公开」的「总计」合计为 2。",
    ]);
  });

  it("what a count of requests handled may be: handled, received, or received with those carried over", () => {
    const r = report({ requests: { newReceived: 5, carriedOver: 2, totalHandled: 6, carriedForward: 1 } });
    for (const n of [5, 6, 7]) expect(mismatches(`依申请公开方面，办结申请${n}件。`, r), String(n)).toEqual([]);
    expect(mismatches("依申请公开方面，办结申请8件。", r)).toHaveLength(1);
    const blank = report({ requests: { newReceived: 5, totalHandled: 6 } });
    blank.requests.carriedOver.total = null;
    expect(mismatches("依申请公开方面，办结申请7件。", blank)).toHaveLength(1);
    expect(mismatches("依申请公开方面，收到申请7件。", blank)).toHaveLength(1);
    expect(mismatches("依申请公开方面，收到申请5件。", blank)).toEqual([]);
    blank.requests.totalHandled.total = null;
    expect(mismatches("依申请公开方面，办结申请9件。", blank)).toEqual([]);
    blank.requests.newReceived.total = null;
    expect(mismatches("依申请公开方面，收到申请9件。", blank)).toEqual([]);
  });

  it("table 四's figures", () => {
    const r = report({ review: { review: { upheld: 1, corrected: 1, total: 2 } } });
    expect(said("因政府信息公开被申请行政复议3件，其中维持3件，纠正0件。", r)).toEqual([
      "写明行政复议 3 件，但表四「行政复议」的「总计」为 2。",
      "写明行政复议结果维持 3 件，但表四「行政复议」的「结果维持」为 1。",
      "写明行政复议结果纠正 0 件，但表四「行政复议」的「结果纠正」为 1。",
    ]);
  });

  it("table 二's figures", () => {
    const r = report();
    Object.assign(r.activeDisclosure.normativeDocuments, { made: 1, repealed: 1, inForce: 1 });
    r.activeDisclosure.licensing.decisions = 1;
    expect(said("本机关废止行政规范性文件3件。现行有效行政规范性文件3件。全年作出行政许可决定3件。", r)).toEqual([
      "写明废止行政规范性文件 3 件，但表二「行政规范性文件」的「本年废止件数」为 1。",
      "写明现行有效行政规范性文件 3 件，但表二「行政规范性文件」的「现行有效件数」为 1。",
      "写明作出行政许可决定 3 件，但表二「行政许可」的「本年处理决定数量」为 1。",
    ]);
  });
});

describe("N-FEE wordings", () => {
  const fee = (text: string, unpaid = 0, heading = "") => {
    const r = cleanReport("2021", { year: 2022 });
    r.otherMatters = [{ heading, text }];
    if (unpaid) Object.assign(r.requests.otherOverdueFee, { naturalPerson: unpaid, total: unpaid });
    return validate(r).filter((f) => f.rule === "N-FEE").map((f) => f.cells);
  };

  it("any of the usual words says what was charged", () => {
    for (const text of [
      "本年度未产生信息处理费。",
      "未收取政府信息公开费。",
      "本年度收取费用0元。",
      "未收任何费用。",
      "未缴纳相关费用。",
      "费用予以减免。",
      "费用全部收取。",
      "不存在收费情况。",
    ]) {
      expect(fee(text), text).toEqual([]);
    }
    expect(fee("依法办理。", 0, "信息处理费收取情况")).toEqual([]);
    expect(fee("本年度未发生相关费用问题。")).toEqual([["otherMatters"]]);
    expect(fee("费用问题另行说明，无收取。")).toEqual([["otherMatters"]]);
  });

  it("saying none was charged while table 三 counts an unpaid fee: in any of its wordings", () => {
    for (const text of [
      "本年度未收取信息处理费。",
      "没有产生任何处理费。",
      "不涉及信息处理费。",
      "无信息处理费。",
      "无处理费。",
      "信息处理费为0。",
      "信息处理费为 零。",
      "处理费０元。",
      "处理费为零元。",
    ]) {
      expect(fee(text, 2), text).toEqual([["otherMatters", "requests.otherOverdueFee.total"]]);
    }
    expect(fee("共收取信息处理费25元。", 2)).toEqual([]);
    // An amount ending in 0 is an amount, not none.
    expect(fee("共收取信息处理费100元。", 2)).toEqual([]);
    expect(fee("信息处理费为0.5元。", 2)).toEqual([]);
    expect(fee("处理费共计１０元。", 2)).toEqual([]);
    expect(fee("未收取信息处理费。", 0)).toEqual([]);
    // A sentence the guard names says nothing of the agency's own fee.
    expect(fee("各部门均未收取信息处理费。", 2)).toEqual([]);
  });

  it("reads each part's heading with its text, and skips empty parts", () => {
    const r = cleanReport("2021", { year: 2022 });
    r.otherMatters = [
      { heading: "", text: " " },
      { heading: "信息处理费", text: "本年度未收取。" },
    ];
    Object.assign(r.requests.otherOverdueFee, { naturalPerson: 1, total: 1 });
    const found = validate(r).filter((f) => f.rule === "N-FEE");
    expect(found.map((f) => f.message)).toEqual([]);
    r.otherMatters = [{ heading: "", text: "本年度未收取信息处理费。" }];
    expect(validate(r).filter((f) => f.rule === "N-FEE").map((f) => f.message)).toEqual([
      "「六、其他需要报告的事项」写明未收取信息处理费（“本年度未收取信息处理费。”），但表三「三、本年度办理结果（六）其他处理2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」的「总计」为 1，即本年度曾发出收费通知；请核对并写明信息处理费的收取情况。",
    ]);
  });
});

describe("N-MISMATCH reads each wording of a figure, and no other", () => {
  /** The first cell of each finding on a report whose tables are all 0. */
  const read = (text: string, heading = "依申请公开情况") => mismatches(text, report(), heading).map((f) => f.cells[0]);
  const R = (row: string) => `requests.${row}.total`;

  it.each([
    ["本年度受理政府信息公开申请7件。", R("newReceived")],
    ["本年度新收政府信息公开申请7件。", R("newReceived")],
    ["本年度接到政府信息公开申请7件。", R("newReceived")],
    ["本年度收到了7件政府信息公开申请。", R("newReceived")],
    ["本年度接收共7份依申请公开请求。", R("newReceived")],
    ["本年度收到各类申请7件。", R("newReceived")],
    ["本年度办理完毕政府信息公开申请7件。", R("totalHandled")],
    ["本年度处理完毕政府信息公开申请7件。", R("totalHandled")],
    ["本年度回复政府信息公开申请7件。", R("totalHandled")],
    ["收到政府信息公开申请0件，均已答复7件。", R("totalHandled")],
    ["去年结转的申请7件。", R("carriedOver")],
    ["结转自上年的申请7件。", R("carriedOver")],
    ["上年度转入结转申请7件。", R("carriedOver")],
    ["结转至次年的申请7件。", R("carriedForward")],
    ["结转入明年办理的申请7件。", R("carriedForward")],
    ["下年度继续办理的结转申请7件。", R("carriedForward")],
    ["申请7件结转到下一年度办理。", R("carriedForward")],
    ["申请7件转入次年办理。", R("carriedForward")],
    ["不予以公开7件。", "requests.deniedStateSecret.total"],
    ["不公开7件。", "requests.deniedStateSecret.total"],
    ["同意公开7件。", R("granted")],
    ["全部公开7件。", R("granted")],
  ])("%s is read as %s", (text, cell) => {
    expect(read(text)).toEqual([cell]);
  });

  it.each([
    "本年度正在办理政府信息公开申请7件。",
    "尚未办结的政府信息公开申请7件。",
    "待答复的政府信息公开申请7件。",
    "在办申请7件。",
    "继续办理申请7件。",
    "本年度结转申请7件。",
    "受理投诉举报7件。",
    "受理人大建议7件。",
    "受理政协提案7件。",
    "受理群众诉求7件。",
    "受理群众来电7件。",
    "受理网民留言7件。",
    "受理行政许可申请7件。",
    "受理审批申请7件。",
    "办理政务服务申请7件。",
    "受理办件7件。",
    "收到行政复议申请7件。",
    "办理完毕申请事项7项。",
    "占比下降7件。",
    "提高到7件。",
  ])("%s is no figure", (text) => {
    expect(read(text)).toEqual([]);
  });

  it("a sentence about requests is known by any of its words, or by the paragraph or heading", () => {
    for (const words of ["依申请", "信息公开申请", "公开申请", "申请公开"]) {
      expect(read(`本年度${words}情况：收到申请7件。`, "其他"), words).toEqual([R("newReceived")]);
    }
    expect(read("本年度收到申请7件。", "其他")).toEqual([]);
    expect(read("依申请公开工作稳步推进\n本年度收到申请7件。", "其他")).toEqual([]);
    expect(read("依申请公开工作稳步推进。本年度收到申请7件。", "其他")).toEqual([R("newReceived")]);
  });

  it("reviews and lawsuits: each wording of their outcomes; the agency as the body handling them is not the respondent", () => {
    const review = (text: string) => mismatches(text, report({ review: { review: { total: 0 } } })).map((f) => f.cells[0]);
    expect(review("因政府信息公开被申请行政复议案件共7件。")).toEqual(["reviewLitigation.review.total"]);
    expect(review("因政府信息公开被申请复议申请7件。")).toEqual(["reviewLitigation.review.total"]);
    expect(review("因政府信息公开被提起诉讼案件合计7件。")).toEqual(["reviewLitigation.litigationDirect.total"]);
    expect(review("因政府信息公开被申请行政复议0件，维持原具体行政行为的案件7件。")).toEqual(["reviewLitigation.review.upheld"]);
    expect(review("因政府信息公开被申请行政复议0件，维持原决定7件。")).toEqual(["reviewLitigation.review.upheld"]);
    expect(review("因政府信息公开被申请行政复议0件，被纠错的案件7件。")).toEqual(["reviewLitigation.review.corrected"]);
    expect(review("因政府信息公开被起诉0件，纠正7件。")).toEqual(["reviewLitigation.litigationDirect.corrected"]);
    for (const verb of ["办理", "审理", "受理", "收到", "接收", "接到", "审结", "代理", "应诉"]) {
      expect(review(`本机关${verb}政府信息公开行政复议7件。`), verb).toEqual([]);
    }
    expect(review("政府信息公开行政复议情况：维持7件。")).toEqual(["reviewLitigation.review.upheld"]);
    expect(review("行政复议情况：维持7件。")).toEqual([]);
  });

  it("the sentences saying none, in each wording", () => {
    const withCases = () => report({ requests: { newReceived: 1, carriedOver: 1, carriedForward: 1 }, review: { review: { upheld: 1, total: 1 }, litigationDirect: { upheld: 1, total: 1 } } });
    const none = (text: string) => mismatches(text, withCases()).map((f) => f.cells[0]);
    expect(none("本年度没有发生政府信息公开行政复议。")).toEqual(["reviewLitigation.review.total"]);
    expect(none("本年度未出现政府信息公开行政复议与行政诉讼。")).toEqual(["reviewLitigation.review.total", "reviewLitigation.litigationDirect.total"]);
    expect(none("本年度没有收到政府信息公开行政复议及行政诉讼。")).toEqual(["reviewLitigation.review.total", "reviewLitigation.litigationDirect.total"]);
    expect(none("本年度未发生因政府信息公开被申请的行政复议。本年度未发生其他事项。")).toEqual(["reviewLitigation.review.total"]);
    expect(none("本年度未接到任何政府信息公开申请。")).toEqual([R("newReceived")]);
    expect(none("依申请公开方面，无次年结转。")).toEqual([R("carriedForward")]);
    expect(none("依申请公开方面，没有申请结转至下年度。")).toEqual([R("carriedForward")]);
    expect(none("依申请公开方面，无上一年度结转。")).toEqual([R("carriedOver")]);
    expect(none("依申请公开方面，没有上年度的结转。")).toEqual([R("carriedOver")]);
    // Outside a paragraph about requests, 结转 is not about them.
    expect(mismatches("无上年结转，无下年度结转。", withCases(), "其他")).toEqual([]);
  });
});

describe("N-MISMATCH: the order of its findings, and the figures a blank cell leaves out", () => {
  /** Each statement in a part of its own (a paragraph about requests), so they are read in this order. */
  const stated = (r: Report, ...texts: string[]) => {
    r.overview = texts.map((text) => ({ heading: "依申请公开情况", text }));
    return validate(r).filter((f) => f.rule === "N-MISMATCH");
  };
  const topics = (findings: Finding[]) => findings.map((f) => /写明(.+?) \d+ 件/.exec(f.message)?.[1]);

  it("lists the figures in a fixed order (table 三's, then table 四's outcomes, then table 二's), whatever order the text states them in", () => {
    const found = stated(
      report(),
      "本机关制发行政规范性文件7件。",
      "因政府信息公开被起诉0件，纠正7件。",
      "因政府信息公开被起诉0件，维持7件。",
      "政府信息公开行政复议情况：被纠错的案件7件。",
      "政府信息公开行政复议情况：维持原决定7件。",
      "结转至次年的申请7件。",
      "其他处理7件。",
      "不予处理7件。",
      "无法提供7件。",
      "不予公开7件。",
      "予以公开及部分公开7件。",
      "部分公开7件。",
      "予以公开7件。",
      "去年结转的申请7件。",
      "本年度回复政府信息公开申请7件。",
      "因政府信息公开被提起诉讼案件合计7件。",
      "因政府信息公开被申请行政复议案件共7件。",
      "本年度受理政府信息公开申请7件。",
    );
    expect(topics(found)).toEqual([
      "收到政府信息公开申请",
      "行政复议",
      "行政诉讼",
      "办理政府信息公开申请",
      "上年结转的申请",
      "予以公开",
      "部分公开",
      "予以公开及部分公开",
      "不予公开",
      "无法提供",
      "不予处理",
      "其他处理",
      "结转下年度继续办理的申请",
      "行政复议结果维持",
      "行政复议结果纠正",
      "行政诉讼结果维持",
      "行政诉讼结果纠正",
      "制发行政规范性文件",
    ]);
  });

  it("a sum with one blank row is no figure: nothing is compared", () => {
    const r = report();
    r.requests.deniedProcessInfo.total = null;
    expect(stated(r, "不予公开7件。")).toEqual([]);
    expect(topics(stated(report(), "不予公开7件。"))).toEqual(["不予公开"]);
  });

  it("lawsuits with either group's cell blank are no figure", () => {
    for (const group of ["litigationDirect", "litigationAfterReview"] as const) {
      const r = report();
      r.reviewLitigation[group].total = null;
      r.reviewLitigation[group].upheld = null;
      expect(stated(r, "因政府信息公开被提起诉讼案件合计7件。", "因政府信息公开被起诉0件，维持7件。"), group).toEqual([]);
    }
  });

  it("table 二: a blank cell, or one of the 2019 edition's two columns blank, is no figure", () => {
    const r = report();
    r.activeDisclosure.normativeDocuments.made = null;
    expect(stated(r, "本机关制发行政规范性文件7件。")).toEqual([]);
    const r2019 = cleanReport("2019", { year: 2020 });
    Object.assign(r2019.activeDisclosure.normativeDocuments, { newlyMade: 3, newlyPublished: null });
    r2019.overview = [{ heading: "", text: "本机关制发规范性文件4件。" }];
    expect(validate(r2019).filter((f) => f.rule === "N-MISMATCH")).toEqual([]);
  });

  it("the 2019 edition: decisions of 行政许可 against 处理决定数量", () => {
    const r = cleanReport("2019", { year: 2020 });
    r.activeDisclosure.licensing.decisions = 3;
    r.overview = [{ heading: "", text: "全年作出行政许可决定5件。" }];
    expect(validate(r).filter((f) => f.rule === "N-MISMATCH").map((f) => [f.cells, f.message])).toEqual([
      [
        ["activeDisclosure.licensing.decisions", "overview"],
        "「一、总体情况」中写明作出行政许可决定 5 件（“全年作出行政许可决定5件。”），但表二「行政许可」的「处理决定数量」为 3。",
      ],
    ]);
  });

  it("the messages of 结转下年度, 其他处理 and the lawsuits' outcomes in full", () => {
    const r = report({ requests: { carriedForward: 1, otherOther: 2 }, review: { litigationDirect: { upheld: 1, corrected: 2, total: 3 } } });
    Object.assign(r.reviewLitigation.litigationAfterReview, { upheld: 4, corrected: 5, total: 9 });
    const messages = stated(r, "结转至次年的申请7件。", "其他处理7件。", "因政府信息公开被起诉0件，维持7件，纠正8件。").map((f) =>
      f.message.replace(/（“.*?”）/, ""),
    );
    expect(messages).toEqual([
      "「一、总体情况」中写明其他处理 7 件，但表三「（六）其他处理」各项的「总计」合计为 2。",
      "「一、总体情况」中写明结转下年度继续办理的申请 7 件，但表三「四、结转下年度继续办理」的「总计」为 1。",
      "「一、总体情况」中写明行政诉讼结果维持 7 件，但表四行政诉讼的「结果维持」合计为 5（未经复议直接起诉 1，复议后起诉 4）。",
      "「一、总体情况」中写明行政诉讼结果纠正 8 件，但表四行政诉讼的「结果纠正」合计为 7（未经复议直接起诉 2，复议后起诉 5）。",
    ]);
  });
});

describe("N-MISMATCH's reading of statements, clause by clause", () => {
  /** What the narrative states (figure and value), read from one part of 一 under `heading` in a report of `year`. */
  const read = (text: string, heading = "依申请公开情况", year = 2022) => {
    const r = cleanReport("2021", { year });
    r.intro = "";
    r.problems = "";
    r.otherMatters = [];
    r.overview = [{ heading, text }];
    return readStatements(r).map((s) => `${s.figure} ${s.value}`);
  };
  const quotes = (text: string) => {
    const r = cleanReport("2021", { year: 2022 });
    r.intro = "";
    r.problems = "";
    r.otherMatters = [];
    r.overview = [{ heading: "依申请公开情况", text }];
    return readStatements(r).map((s) => s.quote);
  };

  it("a sentence starting with 其中 is guarded only after a guarded sentence of the same paragraph", () => {
    expect(read("其中予以公开7件。")).toEqual(["granted 7"]);
    expect(read("本年度共收到信访件12件。\n其中予以公开7件。")).toEqual(["granted 7"]);
    expect(read("本年度共收到信访件12件。其中予以公开7件。")).toEqual([]);
    expect(read("本年度共收到信访件12件。予以公开7件。")).toEqual(["granted 7"]);
  });

  it("the topic of table 四 goes on into a sentence starting with 其中 of the same paragraph only", () => {
    expect(read("因政府信息公开被申请行政复议0件。其中维持7件。")).toEqual(["review 0", "reviewUpheld 7"]);
    expect(read("因政府信息公开被申请行政复议0件。\n其中维持7件。")).toEqual(["review 0"]);
    expect(read("因政府信息公开被申请行政复议0件。维持7件。")).toEqual(["review 0"]);
    // A sentence about disclosure naming neither 复议 nor 诉讼 keeps the topic carried.
    expect(read("因政府信息公开被申请行政复议0件。其中涉及公开维持7件。")).toEqual(["review 0", "reviewUpheld 7"]);
  });

  it("the topic is the last of 复议 and 诉讼 before the count, even at the very start of the sentence", () => {
    expect(read("复议维持7件，均涉及政府信息公开。")).toEqual(["reviewUpheld 7"]);
    expect(read("诉讼维持7件，均涉及政府信息公开。")).toEqual(["litigationUpheld 7"]);
    expect(read("本年度维持7件。")).toEqual([]);
  });

  it("reviews and lawsuits: their words end the clause before the count, and the sentence is about disclosure", () => {
    expect(read("政府信息公开行政复议决定书送达7件。")).toEqual([]);
    expect(read("政府信息公开行政诉讼判决书送达7件。")).toEqual([]);
    expect(read("政府信息公开行政复议情况：维持后撤回7件。")).toEqual([]);
    expect(read("政府信息公开行政复议情况：纠正后撤回7件。")).toEqual([]);
    expect(read("本年度被申请行政复议7件。", "其他")).toEqual([]);
    // A clause that is no outcome nor total of table 四 is read for table 三.
    expect(read("本年度因政府信息公开被申请行政复议0件，予以公开7件。")).toEqual(["review 0", "granted 7"]);
  });

  it("table 二: counted in 件, 个, 份 or 项 only; documents the agency reviews are not its own", () => {
    expect(read("本机关制发规章7条。", "主动公开情况")).toEqual([]);
    expect(read("本机关审核制发规范性文件7件。", "主动公开情况")).toEqual([]);
    expect(read("本机关制发规章 7件。", "主动公开情况")).toEqual(["regulations.made 7"]);
    expect(read("全年作出行政处罚决定并执行到位7件。", "主动公开情况")).toEqual([]);
  });

  it("table 二: 制定, 废止, 现行有效 going on after a count of documents, the words alone", () => {
    expect(read("本机关废止1件。", "主动公开情况")).toEqual([]);
    expect(read("本机关废止规章1件，制定2件。", "主动公开情况")).toEqual(["regulations.repealed 1", "regulations.made 2"]);
    expect(read("本机关废止规章1件，另制定2件。", "主动公开情况")).toEqual(["regulations.repealed 1"]);
    expect(read("本机关废止规章1件，制定后印发2件。", "主动公开情况")).toEqual(["regulations.repealed 1"]);
    expect(read("本机关制定规章2件，另废止1件。", "主动公开情况")).toEqual(["regulations.made 2"]);
    expect(read("本机关制定规章2件，废止后重新公布1件。", "主动公开情况")).toEqual(["regulations.made 2"]);
    expect(read("本机关制定规章2件，目前现行有效9件。", "主动公开情况")).toEqual(["regulations.made 2"]);
    expect(read("本机关制定规章2件，现行有效期内的9件。", "主动公开情况")).toEqual(["regulations.made 2"]);
    // A count of something else in between ends the documents' run.
    expect(read("本机关制定规章2件，收到政府信息公开申请3件，废止1件。", "主动公开情况")).toEqual(["regulations.made 2", "received 3"]);
  });

  it("requests received: the verb and the words naming requests, before or after the count", () => {
    expect(read("本年度收到7件申请。")).toEqual(["received 7"]);
    expect(read("本年度收到7件 政府信息公开申请。")).toEqual(["received 7"]);
    expect(read("本年度收到7件群众来信。")).toEqual([]);
    expect(read("本年度收到7件群众来信及政府信息公开申请。")).toEqual([]);
    expect(read("本年度收到后统一登记7件政府信息公开申请。")).toEqual([]);
    expect(read("本年度收到申请人来信7件。")).toEqual([]);
    expect(read("本年度收到政府信息公开申请后经过认真研究并依法按期作出答复的共7件。")).toEqual([]);
    expect(read("本年度收到申请7件并已结转下年度办理。")).toEqual(["received 7"]);
  });

  it("requests handled: the verb with words naming requests, or with 均/共/已 in a sentence about 申请", () => {
    expect(read("本年度办结7件政府信息公开申请。")).toEqual(["handled 7"]);
    expect(read("收到政府信息公开申请0件，答复群众7件。")).toEqual(["received 0"]);
    expect(read("本年度均已答复7件。")).toEqual([]);
    expect(read("本年度依法办结政府信息公开申请后均按时反馈申请人并做好台账登记的共7件。")).toEqual([]);
  });

  it("outcomes: two outcomes in one clause are none; 公开或部分公开 is both together", () => {
    expect(read("不予公开和不予处理7件。")).toEqual([]);
    expect(read("本年度收到申请中不予公开和不予处理的7件。")).toEqual([]);
    expect(read("依法公开或部分公开7件。")).toEqual(["grantedOrPartial 7"]);
    expect(read("予以公开一二件。")).toEqual([]);
  });

  it("carried over and forward, in their shorter wordings", () => {
    expect(read("申请7件结转下年度办理。")).toEqual(["carriedForward 7"]);
    expect(read("申请7件结转下年办理。")).toEqual(["carriedForward 7"]);
    expect(read("结转下年度的申请7件。")).toEqual(["carriedForward 7"]);
    expect(read("结转下年的申请7件。")).toEqual(["carriedForward 7"]);
    expect(read("结转2023年的申请7件。")).toEqual(["carriedForward 7"]);
    expect(read("下年继续办理的结转申请7件。")).toEqual(["carriedForward 7"]);
    expect(read("结转上年度的申请7件。")).toEqual(["carriedOver 7"]);
    expect(read("上年转入的结转申请7件。")).toEqual(["carriedOver 7"]);
    expect(read("依申请公开方面，无下年结转。")).toEqual(["carriedForward 0"]);
    expect(read("依申请公开方面，没有结转下年度的申请。")).toEqual(["carriedForward 0"]);
    expect(read("依申请公开方面，没有结转至下年的申请。")).toEqual(["carriedForward 0"]);
    expect(read("依申请公开方面，没有上年的结转。")).toEqual(["carriedOver 0"]);
    expect(read("依申请公开方面，没有上年结转。")).toEqual(["carriedOver 0"]);
  });

  it("the year of a count: the years before it, the years of carried phrases left out (for other figures too)", () => {
    expect(read("本年度予以公开7件，与2021年持平。")).toEqual(["granted 7"]);
    expect(read("2020年结转申请中予以公开7件。")).toEqual(["granted 7"]);
    expect(read("结转至2024年度的申请中予以公开7件。")).toEqual(["granted 7"]);
    expect(read("结转至2023年的申请中予以公开7件。")).toEqual(["granted 7"]);
  });

  it("quotes a sentence of 60 characters whole, and a part after ；, trimmed", () => {
    const sixty = `${"甲".repeat(50)}予以公开7件，乙乙。`;
    expect(sixty).toHaveLength(60);
    expect(quotes(sixty)).toEqual([sixty]);
    expect(quotes("收到申请3件； 予以公开7件。")).toEqual(["收到申请3件", "予以公开7件。"]);
  });

  it("cuts a long quote: the last 59 characters before the clause end when no comma fits, else from the first comma that does", () => {
    // No comma before the count: its clause ends 60 characters in, the quote is its last 59 (the space trimmed).
    const noComma = `丙 ${"甲".repeat(52)}予以公开7件，${"乙".repeat(10)}。`;
    expect(quotes(noComma)).toEqual([`${"甲".repeat(52)}予以公开7件…`]);
    // The clause ends 59 characters in: quoted from the start.
    const fits = `${"甲".repeat(20)}，${"甲".repeat(32)}予以公开7件，${"乙".repeat(10)}。`;
    expect(quotes(fits)).toEqual([`${"甲".repeat(20)}，${"甲".repeat(32)}予以公开7件…`]);
    // From the first comma leaving 59 characters or fewer, not a later one.
    const commas = `${"丙".repeat(10)}，${"甲".repeat(29)}，${"甲".repeat(23)}予以公开7件，${"乙".repeat(5)}。`;
    expect(quotes(commas)).toEqual([`${"甲".repeat(29)}，${"甲".repeat(23)}予以公开7件…`]);
    // After ；, a clause short enough is quoted from the ；.
    const afterSemicolon = `收到申请3件；${"甲".repeat(10)}， ${"甲".repeat(30)}予以公开7件，${"乙".repeat(30)}。`;
    expect(quotes(afterSemicolon)[1]).toBe(`${"甲".repeat(10)}， ${"甲".repeat(30)}予以公开7件…`);
  });
});
