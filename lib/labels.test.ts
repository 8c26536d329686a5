import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS } from "@/lib/report/export";
import { auditDetailText, exportFormatLabels } from "./labels";

describe("auditDetailText", () => {
  it("names every download in words, a draft marked as such", () => {
    expect(auditDetailText("report-downloaded", "docx")).toBe("Word（DOCX）");
    expect(auditDetailText("report-downloaded", "html（草稿）")).toBe("网页（HTML），草稿");
    expect(auditDetailText("report-downloaded", "md（草稿）")).toBe("Markdown，草稿");
    expect(auditDetailText("report-downloaded", "county-xlsx")).toBe("全县汇总表（XLSX）");
    expect(auditDetailText("report-downloaded", "compare-docx")).toBe("与上年对比（Word）");
    expect(auditDetailText("report-downloaded", "compare-xlsx（草稿）")).toBe("与上年对比（Excel），草稿");
    for (const format of EXPORT_FORMATS) expect(auditDetailText("report-downloaded", format)).toBe(exportFormatLabels[format]);
  });

  it("words a refused sign-in's reason, and leaves details written in Chinese as they are", () => {
    expect(auditDetailText("login-failed", "throttled")).toBe("失败次数过多，已暂时锁定");
    expect(auditDetailText("login-failed", "disabled")).toBe("账号已停用");
    expect(auditDetailText("report-returned", "退回意见：表三（草稿）")).toBe("退回意见：表三（草稿）");
    expect(auditDetailText("report-submitted", "第 3 版")).toBe("第 3 版");
  });

  it("shows nothing for no detail, or for a created report's year", () => {
    expect(auditDetailText("login", null)).toBe("");
    expect(auditDetailText("report-created", "2025")).toBe("");
  });
});
