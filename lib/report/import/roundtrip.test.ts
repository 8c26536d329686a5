/**
 * DOCX files (built here with the `docx` package, as Word would write them) and round trips through
 * the exporters: export, then import, gives back the same numbers.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { parseInterchange } from "../interchange";
import type { EditionId, Report } from "../index";
import { exportDocx, exportHtml, exportMarkdown } from "../export";
import { distinctReport } from "../export/testing";
import { balancedReportArb } from "../testing";
import { importReport } from "./index";

function seedFixture(): Report {
  const parsed = parseInterchange(fs.readFileSync(path.join(__dirname, "../fixtures/seed-2020.json"), "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.report;
}

type Spec = string | { text: string; colSpan?: number; rowSpan?: number };

function table(rows: Spec[][]): Table {
  return new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map((c) => {
            const spec = typeof c === "string" ? { text: c } : c;
            const lines = spec.text.split("\n");
            return new TableCell({
              columnSpan: spec.colSpan,
              rowSpan: spec.rowSpan,
              children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })),
            });
          }),
        }),
    ),
  });
}

const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });

describe("DOCX", () => {
  it("imports a report written in Word: merged cells, a label over two lines in one cell, +19, 元", async () => {
    const zeros = (n: number) => Array<string>(n).fill("0");
    const requestsRows: Spec[][] = [
      [{ text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colSpan: 3, rowSpan: 3 }, { text: "申请人情况", colSpan: 6 }, { text: "总计", rowSpan: 3 }],
      [{ text: "自然人", rowSpan: 2 }, { text: "法人或其他组织", colSpan: 5 }],
      ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
      [{ text: "一、本年新收政府信息公开申请数量", colSpan: 3 }, "4", "1", "0", "0", "0", "0", "5"],
      [{ text: "二、上年结转政府信息公开申请数量", colSpan: 3 }, ...zeros(7)],
      [{ text: "三、本年度办理结果", rowSpan: 21 }, { text: "（一）予以公开", colSpan: 2 }, "3", "1", "0", "0", "0", "0", "4"],
      [{ text: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", colSpan: 2 }, ...zeros(7)],
      [{ text: "（三）不予公开", rowSpan: 8 }, "1.属于国家秘密", ...zeros(7)],
      ...["2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"].map((l) => [l, ...zeros(7)]),
      [{ text: "（四）无法提供", rowSpan: 3 }, "1.本机关不掌握相关政府信息", "1", "0", "0", "0", "0", "0", "1"],
      ["2.没有现成信息需要另行制作", ...zeros(7)],
      ["3.补正后申请内容仍不明确", ...zeros(7)],
      [{ text: "（五）不予处理", rowSpan: 5 }, "1.信访举报投诉类申请", ...zeros(7)],
      ["2.重复申请", ...zeros(7)],
      ["3.要求提供公开出版物", ...zeros(7)],
      ["4.无正当理由大量反复申请", ...zeros(7)],
      ["5.要求行政机关确认或\n重新出具已获取信息", ...zeros(7)],
      [{ text: "（六）其他处理", colSpan: 2 }, ...zeros(7)],
      [{ text: "（七）总计", colSpan: 2 }, "4", "1", "0", "0", "0", "0", "5"],
      [{ text: "四、结转下年度继续办理", colSpan: 3 }, ...zeros(7)],
    ];
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "某县卫生健康局2020年政府信息公开工作年度报告", bold: true })] }),
            p("本报告在“某县人民政府网站”（http://www.mouxian.gov.cn）公开。如有疑问请联系（地址：某县健康路2号，电话：0111-2223333，邮编：111000）。"),
            p("一、总体情况", true),
            p("（一）主动公开情况。全年公开信息45条。"),
            p("二、主动公开政府信息情况", true),
            table([
              [{ text: "第二十条第（一）项", colSpan: 4 }],
              ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
              ["规范性文件", "1", "1", "6"],
              [{ text: "第二十条第（五）项", colSpan: 4 }],
              ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
              ["行政许可", "80", "+19", "2100"],
              [{ text: "第二十条第（九）项", colSpan: 4 }],
              ["信息内容", "采购项目数量", { text: "采购总金额", colSpan: 2 }],
              ["政府集中采购", "2", { text: "251000元", colSpan: 2 }],
            ]),
            p("三、收到和处理政府信息公开申请情况", true),
            table(requestsRows),
            p("四、政府信息公开行政复议、行政诉讼情况", true),
            table([
              [{ text: "行政复议", colSpan: 5 }, { text: "行政诉讼", colSpan: 10 }],
              [
                { text: "结果维持", rowSpan: 2 }, { text: "结果纠正", rowSpan: 2 }, { text: "其他结果", rowSpan: 2 }, { text: "尚未审结", rowSpan: 2 }, { text: "总计", rowSpan: 2 },
                { text: "未经复议直接起诉", colSpan: 5 }, { text: "复议后起诉", colSpan: 5 },
              ],
              ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
              ["1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "1", "0", "0", "1"],
            ]),
            p("五、存在的主要问题及改进情况", true),
            p("信息更新不够及时。"),
            p("六、其他需要报告的事项", true),
            p("无。"),
            new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun("某县卫生健康局")] }),
            new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun("2021年1月20日")] }),
          ],
        },
      ],
    });
    const result = await importReport({ kind: "docx", data: new Uint8Array(await Packer.toBuffer(doc)) });
    if (!result.ok) throw new Error(result.message);
    const { report } = result;
    expect(report).toMatchObject({
      edition: "2019",
      year: 2020,
      agency: { name: "某县卫生健康局", level: "department" },
      date: "2021-01-20",
      website: { name: "某县人民政府网站", url: "http://www.mouxian.gov.cn" },
      contact: { address: "某县健康路2号", phone: "0111-2223333", postcode: "111000" },
      overview: [{ heading: "主动公开情况", text: "全年公开信息45条。" }],
      problems: "信息更新不够及时。",
      otherMatters: [{ heading: "", text: "无。" }],
    });
    expect(report.activeDisclosure).toEqual({
      normativeDocuments: { newlyMade: 1, newlyPublished: 1, totalPublished: 6 },
      licensing: { lastYearItems: 80, change: 19, decisions: 2100 },
      procurement: { projects: 2, amount: 25.1 },
    });
    expect(report.requests.newReceived).toEqual({
      naturalPerson: 4, commercial: 1, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total: 5,
    });
    expect(report.requests.unableNoInfo).toMatchObject({ naturalPerson: 1, total: 1 });
    expect(report.requests.notProcessedConfirm.total).toBe(0);
    expect(report.requests.totalHandled).toMatchObject({ naturalPerson: 4, commercial: 1, total: 5 });
    expect(report.reviewLitigation).toEqual({
      review: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      litigationAfterReview: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
    });
    expect(result.unread).toEqual([]);
  });
});

describe("export, then import: the same report back", () => {
  it.each(["html", "docx", "md"] as const)("the seed report through %s", async (format) => {
    const report = seedFixture();
    const back = await roundTrip(report, format);
    expect(back).toEqual(report);
  });

  for (const edition of ["2019", "2021"] as EditionId[]) {
    for (const otherApplicant of [false, true]) {
      it.each(["html", "docx", "md"] as const)(
        `every cell a different number, ${edition} edition${otherApplicant ? " with the 其他 column" : ""}, through %s`,
        async (format) => {
          const report = distinctReport(edition, { otherApplicant });
          const back = await roundTrip(report, format);
          expect(numbers(back)).toEqual(numbers(report));
          expect(back.edition).toBe(edition);
        },
      );
    }
  }

  it("any balanced report, any edition, absent rows and decimals included (HTML and Markdown)", async () => {
    await fc.assert(
      fc.asyncProperty(balancedReportArb(), fc.constantFrom("html" as const, "md" as const), async (report, format) => {
        const back = await roundTrip(report, format);
        expect(numbers(back)).toEqual(numbers(report));
      }),
      { numRuns: 25 },
    );
  });

  it("any balanced report through DOCX", async () => {
    await fc.assert(
      fc.asyncProperty(balancedReportArb(), async (report) => {
        const back = await roundTrip(report, "docx");
        expect(numbers(back)).toEqual(numbers(report));
      }),
      { numRuns: 5 },
    );
  });
});

async function roundTrip(report: Report, format: "html" | "docx" | "md"): Promise<Report> {
  const options = { draft: false };
  const result =
    format === "docx"
      ? await importReport({ kind: "docx", data: await exportDocx(report, options) })
      : await importReport({ kind: format === "html" ? "html" : "text", data: format === "html" ? exportHtml(report, options) : exportMarkdown(report, options) });
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

/** The three tables of a report (table 二 with only its present rows). */
function numbers(report: Report) {
  return { activeDisclosure: report.activeDisclosure, requests: report.requests, reviewLitigation: report.reviewLitigation };
}
