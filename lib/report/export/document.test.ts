import { describe, expect, it } from "vitest";
import { emptyReport } from "../index";
import {
  buildExportDocument,
  chineseNumeral,
  exportFileName,
  formatDate,
  formatValue,
  paragraphs,
  toGrid,
} from "./document";
import type { ExportCell } from "./document";

describe("export model", () => {
  it("names the file {机关名称}{年份}年政府信息公开工作年度报告", () => {
    const report = { agency: { name: "烟台市蓬莱区蓬莱阁街道办事处" }, year: 2020 };
    expect(exportFileName(report, "docx")).toBe("烟台市蓬莱区蓬莱阁街道办事处2020年政府信息公开工作年度报告.docx");
    expect(exportFileName(report, "html")).toBe("烟台市蓬莱区蓬莱阁街道办事处2020年政府信息公开工作年度报告.html");
    expect(exportFileName(report, "md")).toBe("烟台市蓬莱区蓬莱阁街道办事处2020年政府信息公开工作年度报告.md");
    expect(exportFileName({ agency: { name: "A/B:局" }, year: 2021 }, "docx")).toBe(
      "A_B_局2021年政府信息公开工作年度报告.docx",
    );
  });

  it("splits text into paragraphs on blank lines, keeping single line breaks", () => {
    expect(paragraphs("一\n\n二\r\n \r\n三\n四\n\n\n")).toEqual(["一", "二", "三\n四"]);
    expect(paragraphs(undefined)).toEqual([]);
    expect(paragraphs("  \n ")).toEqual([]);
  });

  it("numbers sub-headings （一）…（十二） and leaves items without a heading unnumbered", () => {
    expect([1, 9, 10, 11, 20, 21, 99, 100].map(chineseNumeral)).toEqual([
      "一",
      "九",
      "十",
      "十一",
      "二十",
      "二十一",
      "九十九",
      "100",
    ]);
    const report = emptyReport("2021", 2022, { name: "某局" });
    report.otherMatters = [
      { heading: "信息处理费收取情况", text: "未收取。" },
      { heading: "", text: "其他说明。" },
      { heading: "政务公开工作创新情况", text: "" },
    ];
    const doc = buildExportDocument(report, { draft: false });
    expect(doc.sections[5].blocks).toEqual([
      { kind: "subsection", heading: "（一）信息处理费收取情况", paragraphs: ["未收取。"] },
      { kind: "paragraph", text: "其他说明。" },
      { kind: "subsection", heading: "（二）政务公开工作创新情况", paragraphs: [] },
    ]);
    expect(doc.title).toBe("某局2022年政府信息公开工作年度报告");
    expect(doc.date).toBe("");
  });

  it("prints dates and values as published", () => {
    expect(formatDate("2021-01-05")).toBe("2021年1月5日");
    expect(formatValue(19, "signed")).toBe("+19");
    expect(formatValue(-417, "signed")).toBe("-417");
    expect(formatValue(0, "signed")).toBe("0");
    expect(formatValue(25.1, "amount")).toBe("25.1");
    expect(formatValue(null, "count")).toBe("");
  });

  it("lays spans out on a full grid", () => {
    const cell = (text: string, colSpan = 1, rowSpan = 1): ExportCell => ({
      text,
      colSpan,
      rowSpan,
      isHeader: false,
      align: "center",
    });
    const grid = toGrid([[cell("a", 2, 2), cell("b")], [cell("c")]], 3);
    expect(grid.map((row) => row.map((s) => `${s.cell.text}${s.origin ? "" : "'"}`))).toEqual([
      ["a", "a'", "b"],
      ["a'", "a'", "c"],
    ]);
  });
});
