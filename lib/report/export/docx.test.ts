import { beforeAll, describe, expect, it } from "vitest";
import { getEdition, layoutOf } from "../index";
import type { Report } from "../index";
import { exportDocx, titleLines } from "./docx";
import { distinctReport, expectTablesAt, readDocx, rowTexts, seedReport as seed } from "./testing";
import type { DocxContent } from "./testing";

describe("DOCX tables: every label and number in its cell", () => {
  for (const [edition, otherApplicant] of [
    ["2019", true],
    ["2019", false],
    ["2021", false],
    ["2021", true],
  ] as const) {
    it(`${edition} edition${otherApplicant ? " with the 其他 applicant column" : ""}`, async () => {
      const report = distinctReport(edition, { otherApplicant });
      const docx = await readDocx(await exportDocx(report, { draft: false }));
      expectTablesAt(docx.tables, report);
    });
  }

  it("merges the headings down the rows they head, and the corner note over the header rows", async () => {
    const report = distinctReport("2021");
    const [, requests, review] = (await readDocx(await exportDocx(report, { draft: false }))).tables;
    const layout = layoutOf("2021");
    const first = layout.requestRows.findIndex((r) => r.key === "granted");
    const last = layout.requestRows.findIndex((r) => r.key === "totalHandled");
    expect(requests[3 + first][0]).toEqual({ text: "三、本年度办理结果", origin: true });
    for (let k = first + 1; k <= last; k++) expect(requests[3 + k][0].origin).toBe(false);
    expect(requests[3 + last + 1][0]).toEqual({ text: "四、结转下年度继续办理", origin: true });
    const other = layout.requestRows.findIndex((r) => r.key === "otherOverdueCorrection");
    expect(requests[3 + other][1]).toEqual({ text: "（六）其他处理", origin: true });
    expect(requests[3 + other + 2][1].origin).toBe(false);
    expect(requests[1][0].origin).toBe(false);
    expect(requests[0][1].origin).toBe(false);
    // 行政复议's five result headers run down two header rows.
    expect(review[1][0]).toEqual({ text: "结果维持", origin: true });
    expect(review[2][0]).toEqual({ text: "结果维持", origin: false });
  });

  it("prints blank cells empty and leaves absent table 二 rows and groups out", async () => {
    const report = distinctReport("2019");
    delete report.activeDisclosure.regulations;
    delete report.activeDisclosure.procurement;
    report.activeDisclosure.licensing.decisions = null;
    report.requests.granted.commercial = null;
    report.reviewLitigation.review.pending = null;
    const docx = await readDocx(await exportDocx(report, { draft: false }));
    expectTablesAt(docx.tables, report);
    const all = docx.tables.flat(2).map((s) => s.text);
    expect(all).not.toContain("规章");
    expect(all).not.toContain("第二十条第（九）项");
    expect(all).not.toContain("政府集中采购");
  });

  it("prints 本年增/减 with its sign", async () => {
    const report = distinctReport("2019");
    report.activeDisclosure.licensing.change = 19;
    report.activeDisclosure.otherServices.change = -417;
    const [ad] = (await readDocx(await exportDocx(report, { draft: false }))).tables;
    const row = (label: string) => rowTexts(ad.find((r) => r[0].text === label)!);
    expect(row("行政许可")[2]).toBe("+19");
    expect(row("其他对外管理服务事项")[2]).toBe("-417");
  });
});

describe("DOCX of the seed report", () => {
  let report: Report;
  let docx: DocxContent;
  beforeAll(async () => {
    report = seed();
    docx = await readDocx(await exportDocx(report, { draft: false }));
  });

  it("reproduces its tables, the （七）总计 of 1 and the extra 其他 column included", () => {
    expectTablesAt(docx.tables, report);
    const requests = docx.tables[1];
    const total = requests.find((row) => row[1].text === "（七）总计")!;
    expect(rowTexts(total).slice(3)).toEqual(["1", "0", "0", "0", "0", "0", "0", "1"]);
    expect(rowTexts(requests[1])).toContain("其他");
    expect(docx.tables[0].flat().map((s) => s.text)).not.toContain("规章");
  });

  it("has the title, the introduction, every narrative paragraph, the headings, agency and date", () => {
    const text = docx.paragraphs;
    expect(text[0].replace("\n", "")).toBe(report.title);
    expect(text).toContain(report.intro!.split("\n\n")[0]);
    expect(text).toContain("现将我街道2020年信息公开工作情况报告如下：");
    for (const section of getEdition("2019").sections) expect(text).toContain(section.title);
    report.overview!.forEach((item, i) => {
      const numeral = "一二三四五六七"[i];
      expect(text).toContain(`（${numeral}）${item.heading}。${item.text}`);
    });
    for (const p of report.problems!.split("\n\n")) expect(text).toContain(p);
    expect(text).toContain(report.otherMatters![0].text);
    expect(text.slice(-2)).toEqual(["烟台市蓬莱区蓬莱阁街道办事处", "2021年1月21日"]);
    // Order: title, introduction, 一 … 六.
    const order = ["一、总体情况", "二、主动公开政府信息情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"];
    const positions = order.map((t) => text.indexOf(t));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("is A4 with the 公文 margins, fonts, and page numbers in the footer", () => {
    expect(docx.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = docx.document.match(/<w:pgMar [^>]*>/)![0];
    expect(margin).toContain('w:top="2098"');
    expect(margin).toContain('w:bottom="1984"');
    expect(margin).toContain('w:left="1587"');
    expect(margin).toContain('w:right="1474"');
    for (const font of ["仿宋", "黑体", "方正小标宋简体", "宋体"]) expect(docx.styles).toContain(`w:eastAsia="${font}"`);
    expect(docx.styles).toContain('<w:sz w:val="32"/>');
    expect(docx.styles).toContain('<w:sz w:val="21"/>');
    expect(docx.footer).toMatch(/PAGE/);
  });

  it("is not marked as a draft when approved", () => {
    expect(docx.header).not.toContain("草稿");
    expect(docx.document).not.toContain("草稿");
  });
});

describe("DOCX draft marking", () => {
  it("carries 「草稿」 in the header of a report that is not approved", async () => {
    const docx = await readDocx(await exportDocx(seed(), { draft: true }));
    expect(docx.header).toContain("草稿");
  });
});

describe("titleLines", () => {
  it("breaks a long title before the year so the agency name stays whole", () => {
    expect(titleLines("烟台市蓬莱区蓬莱阁街道2020年政府信息公开工作年度报告", 2020)).toEqual([
      "烟台市蓬莱区蓬莱阁街道",
      "2020年政府信息公开工作年度报告",
    ]);
    expect(titleLines("某局2020年政府信息公开工作年度报告", 2020)).toEqual(["某局2020年政府信息公开工作年度报告"]);
  });
});
