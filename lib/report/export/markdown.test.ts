import { describe, expect, it } from "vitest";
import { escapeMarkdown, exportMarkdown } from "./markdown";
import { distinctReport, seedReport as seed } from "./testing";

/** The pipe tables of a Markdown text, each as rows of cells (separator rows left out). */
function pipeTables(md: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of md.split("\n")) {
    if (!line.startsWith("|")) {
      current = undefined;
      continue;
    }
    if (!current) tables.push((current = []));
    if (/^\|( --- \|)+$/.test(line)) continue;
    current.push(line.slice(2, -2).split(" | "));
  }
  return tables;
}

describe("Markdown", () => {
  it("flattens merged headers into readable labels and keeps every number in its column", () => {
    const report = distinctReport("2019", { otherApplicant: true });
    const tables = pipeTables(exportMarkdown(report, { draft: false }));
    // Table 二: one small table per 第二十条 group (5), then 三 and 四.
    expect(tables).toHaveLength(7);
    const requests = tables[5];
    expect(requests[0]).toEqual([
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      "申请人情况·自然人",
      "法人或其他组织·商业企业",
      "法人或其他组织·科研机构",
      "法人或其他组织·社会公益组织",
      "法人或其他组织·法律服务机构",
      "法人或其他组织·其他",
      "申请人情况·其他",
      "总计",
    ]);
    const denied = requests.find((row) => row[0] === "三、本年度办理结果·（三）不予公开·1.属于国家秘密")!;
    const values = report.requests.deniedStateSecret;
    expect(denied.slice(1)).toEqual(
      ["naturalPerson", "commercial", "research", "publicInterest", "legalService", "otherOrg", "otherApplicant", "total"].map(
        (k) => String(values[k]),
      ),
    );
    for (const row of requests) expect(row).toHaveLength(9);
    const review = tables[6];
    expect(review[0][0]).toBe("行政复议·结果维持");
    expect(review[0][5]).toBe("未经复议直接起诉·结果维持");
    expect(review[0][14]).toBe("复议后起诉·总计");
    expect(review[1][14]).toBe(String(report.reviewLitigation.litigationAfterReview.total));
  });

  it("prints each table 二 group under its 第二十条 label with its own header; a single column spans no blanks", () => {
    const md = exportMarkdown(distinctReport("2021"), { draft: false });
    expect(md).toContain("**第二十条第（五）项**\n\n| 信息内容 | 本年处理决定数量 |\n| --- | --- |\n| 行政许可 | ");
    expect(md).toContain("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |");
  });

  it("reproduces the seed: headings, paragraphs, （七）总计 1, agency and date; draft marked", () => {
    const report = seed();
    const md = exportMarkdown(report, { draft: true });
    expect(md.startsWith("> **草稿**\n\n# 烟台市蓬莱区蓬莱阁街道2020年政府信息公开工作年度报告\n")).toBe(true);
    expect(md).toContain("### （一）主动公开情况");
    for (const item of report.overview!) expect(md).toContain(`\n${item.text}\n`);
    expect(md).toContain("| 三、本年度办理结果·（七）总计 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |");
    expect(md.trimEnd().endsWith("烟台市蓬莱区蓬莱阁街道办事处  \n2021年1月21日")).toBe(true);
    expect(exportMarkdown(report, { draft: false })).not.toContain("草稿");
  });

  it("escapes markup in text and pipes in cells", () => {
    expect(escapeMarkdown("<script>a|b</script> *x* # y")).toBe("\\<script\\>a\\|b\\</script\\> \\*x\\* # y");
    expect(escapeMarkdown("# 标题")).toBe("\\# 标题");
    expect(escapeMarkdown("1. 列表")).toBe("1\\. 列表");
    const report = seed();
    report.problems = "<script>alert(1)</script>";
    expect(exportMarkdown(report, { draft: false })).toContain("\\<script\\>alert(1)\\</script\\>");
  });
});
