import fs from "node:fs";
import path from "node:path";
import { Workbook } from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { exportDocx, exportHtml, exportMarkdown } from "../export";
import { seedReport } from "../export/testing";
import type { Report } from "../model";
import { cleanReport } from "../testing";
import { batchTotals, checkBatch, rulesText } from "./index";
import type { BatchFile, CheckEntry, CheckedReport, Importer } from "./index";
import { importReport } from "../import";
import { batchWorkbook } from "./workbook";

const text = (s: string) => new TextEncoder().encode(s);
const html = (name: string, report: Report): BatchFile => ({ name, data: text(exportHtml(report, { draft: false })) });
const markdown = (name: string, report: Report): BatchFile => ({ name, data: text(exportMarkdown(report, { draft: false })) });

function checked(entry: CheckEntry | undefined): CheckedReport {
  if (!entry?.ok) throw new Error(`not read: ${entry?.reason}`);
  return entry;
}

function unreadable(entry: CheckEntry | undefined): string {
  if (!entry || entry.ok) throw new Error(`${entry?.file} was read`);
  return entry.reason;
}

const SEED_AGENCY = "烟台市蓬莱区蓬莱阁街道办事处";

/** A clean report of an agency and year (no finding of its own). */
function agencyReport(name: string, edition: "2019" | "2021", year: number): Report {
  const report = cleanReport(edition, { year });
  report.agency = { name, level: "department" };
  report.title = `${name}${year}年政府信息公开工作年度报告`;
  return report;
}

describe("checkBatch", () => {
  let docx: Uint8Array;
  beforeAll(async () => {
    docx = await exportDocx(seedReport(), { draft: false });
  });

  it("reads every kind the importer reads and checks each report, one entry per file in order", async () => {
    const seed = seedReport();
    const entries = await checkBatch([
      html("a.html", seed),
      { name: "b.docx", data: docx },
      markdown("c.md", seed),
      // Markdown is text: the same report from a .txt file.
      { name: "d.txt", data: text(exportMarkdown(seed, { draft: false })) },
      // The seed printed to PDF by Chromium (the importer's fixture).
      { name: "e.pdf", data: new Uint8Array(fs.readFileSync(path.join(__dirname, "../import/fixtures/pdf/seed-chromium.pdf"))) },
    ]);
    expect(entries.map((e) => e.file)).toEqual(["a.html", "b.docx", "c.md", "d.txt", "e.pdf"]);
    for (const e of entries.map(checked)) {
      expect(e).toMatchObject({ agency: SEED_AGENCY, year: 2020, edition: "2019", errors: 2, warnings: 0, unread: 0 });
      expect(e.editionName).toContain("2019");
      // Every printed cell of the seed is read: 19 in table 二 (规章 not printed), 23 × 8 in 三, 15 in 四.
      expect(e.tables).toEqual({
        activeDisclosure: { read: 19, printed: 19 },
        requests: { read: 184, printed: 184 },
        reviewLitigation: { read: 15, printed: 15 },
      });
      expect(e.cells).toEqual({ read: 218, printed: 218 });
      // The seed's published table 三 has a wrong （七）总计 in two columns.
      expect(e.byRule).toEqual([{ rule: "R3-HANDLED-SUM", severity: "error", count: 2 }]);
      expect(rulesText(e)).toBe("R3-HANDLED-SUM×2");
      expect(e.findings.map((f) => [f.rule, f.cells])).toEqual([
        ["R3-HANDLED-SUM", ["requests.totalHandled.naturalPerson"]],
        ["R3-HANDLED-SUM", ["requests.totalHandled.total"]],
      ]);
      expect(e.findings[0].place).toBe("「三、本年度办理结果（七）总计」的「自然人」");
      expect(e.findings[0].message).toMatch(/[\u4e00-\u9fff]/);
      expect(e.previousFile).toBeUndefined();
    }
  });

  it("gives a broken file its entry with the reason in Chinese, and goes on", async () => {
    const seed = seedReport();
    const entries = await checkBatch(
      [
        { name: "broken.docx", data: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]) },
        { name: "empty.html", data: new Uint8Array() },
        { name: "notes.txt", data: text("meeting notes, nothing else") },
        { name: "old.doc", data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) },
        { name: "big.html", data: text(`<p>${"很长".repeat(600)}</p>`) },
        html("good.html", seed),
      ],
      { maxBytes: 1000 },
    );
    expect(unreadable(entries[0])).toContain("DOCX 文件：文件已损坏");
    expect(unreadable(entries[1])).toBe("文件是空的，没有可读取的内容。");
    expect(unreadable(entries[2])).toContain("没有中文内容");
    expect(unreadable(entries[3])).toContain("旧版 Word（.doc）");
    expect(unreadable(entries[4])).toMatch(/^文件大小 4 KB，超过 1 KB 的上限，未读取。$/);
    // The good file is over 1 KB too: a limit applies to every file.
    expect(unreadable(entries[5])).toContain("超过");
    const again = await checkBatch([html("good.html", seed)]);
    expect(checked(again[0]).errors).toBe(2);
    expect(batchTotals(entries)).toMatchObject({ files: 6, checked: 0, unreadable: 6 });
  });

  it("catches an importer that throws", async () => {
    const [entry] = await checkBatch([html("a.html", seedReport())], {
      importer: async () => {
        throw new Error("boom");
      },
    });
    expect(unreadable(entry)).toBe("读取文件时出错：boom");
  });

  it("counts the cells the importer says the file prints and it read; blank cells are findings", async () => {
    const seed = seedReport();
    seed.requests.granted.naturalPerson = null;
    seed.reviewLitigation.review.upheld = null;
    const [entry] = (await checkBatch([html("blank.html", seed)])).map(checked);
    expect(entry.unread).toBe(2);
    // An empty cell is not a printed value.
    expect(entry.tables.requests).toEqual({ read: 183, printed: 183 });
    expect(entry.tables.reviewLitigation).toEqual({ read: 14, printed: 14 });
    expect(entry.cells).toEqual({ read: 216, printed: 216 });
    const blanks = entry.findings.filter((f) => f.rule === "CELL-BLANK");
    expect(blanks.map((f) => f.cells[0]).sort()).toEqual(["requests.granted.naturalPerson", "reviewLitigation.review.upheld"]);
    expect(blanks.every((f) => f.severity === "error")).toBe(true);

    // Printed but not read (a placeholder, a number it could not place): the importer's counts, summed.
    const importer: Importer = async (input) => {
      const result = await importReport(input);
      if (!result.ok) return result;
      return {
        ...result,
        tableCells: { activeDisclosure: { printed: 19, read: 17 }, requests: { printed: 184, read: 180 }, reviewLitigation: { printed: 0, read: 0 } },
      };
    };
    const [counted] = (await checkBatch([html("a.html", seedReport())], { importer })).map(checked);
    expect(counted.cells).toEqual({ read: 197, printed: 203 });
    expect(counted.tables.reviewLitigation).toEqual({ read: 0, printed: 0 });
  });

  it("counts findings that only inform (提示) apart from errors and warnings", async () => {
    const report = agencyReport("某市某区财政局", "2019", 2020);
    // 复议纠错率 10 / 30: a RATIO finding, which only informs.
    Object.assign(report.reviewLitigation.review, { upheld: 20, corrected: 10, other: 0, pending: 0, total: 30 });
    const [entry] = (await checkBatch([html("ratio.html", report)])).map(checked);
    expect(entry.byRule.find((r) => r.rule === "RATIO")).toMatchObject({ count: 1 });
    expect(entry.infos).toBe(1);
    expect(entry.errors + entry.warnings + entry.infos).toBe(entry.findings.length);
    const workbook = new Workbook();
    await workbook.xlsx.load((await batchWorkbook([entry])).buffer);
    const ratio: unknown[] = [];
    workbook.getWorksheet("问题")!.eachRow((row) => {
      if (row.getCell(5).value === "RATIO") ratio.push(row.getCell(4).value);
    });
    expect(ratio).toEqual(["提示"]);
    expect(workbook.getWorksheet("汇总")!.getCell("J2").value).toBe(1);
  });

  it("checks a report against the same agency's report of the year before, from the batch or from `previous`", async () => {
    const agency = "某市某区财政局";
    const last = agencyReport(agency, "2019", 2020);
    last.requests.carriedForward.naturalPerson = 3;
    last.requests.carriedForward.total = 3;
    last.requests.carriedOver.naturalPerson = 3;
    last.requests.carriedOver.total = 3;
    // 2021: carried over 0, though 2020 carried 3 forward.
    const current = agencyReport(agency, "2021", 2021);
    const other = agencyReport("某市某区教育局", "2021", 2021);

    const inBatch = await checkBatch([html("2021.html", current), markdown("2020.md", last), html("other.html", other)]);
    const [now, before, unrelated] = inBatch.map(checked);
    expect(now.previousFile).toBe("2020.md");
    const carry = (e: CheckedReport) => e.byRule.find((r) => r.rule === "X-CARRY");
    expect(carry(now)).toEqual({ rule: "X-CARRY", severity: "warning", count: 2 });
    expect(now.findings.filter((f) => f.rule === "X-CARRY").map((f) => f.cells[0])).toEqual([
      "requests.carriedOver.naturalPerson",
      "requests.carriedOver.total",
    ]);
    expect(before.previousFile).toBeUndefined();
    expect(unrelated.previousFile).toBeUndefined();
    expect(carry(unrelated)).toBeUndefined();

    const fromPrevious = await checkBatch([html("2021.html", current)], { previous: [markdown("prev/2020.md", last)] });
    expect(fromPrevious).toHaveLength(1);
    expect(checked(fromPrevious[0]).previousFile).toBe("prev/2020.md");
    expect(carry(checked(fromPrevious[0]))?.count).toBe(2);

    const progress: string[] = [];
    await checkBatch([html("2021.html", current)], {
      previous: [markdown("prev/2020.md", last)],
      onRead: (done, total, file) => progress.push(`${done}/${total} ${file}`),
    });
    expect(progress).toEqual(["1/2 2021.html", "2/2 prev/2020.md"]);
  });
});

describe("batchWorkbook", () => {
  it("writes a summary row per file and a row per finding", async () => {
    const seed = seedReport();
    const entries = await checkBatch([html("a.html", seed), { name: "broken.docx", data: new Uint8Array([1, 2, 3]) }]);
    const workbook = new Workbook();
    await workbook.xlsx.load((await batchWorkbook(entries)).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["汇总", "问题"]);
    const summary = workbook.getWorksheet("汇总")!;
    expect(summary.getRow(1).values).toEqual([
      undefined,
      "序号",
      "文件",
      "机关",
      "年度",
      "格式版本",
      "读取的单元格",
      "印出的单元格",
      "错误",
      "提醒",
      "提示",
      "问题（按规则）",
      "未能读取之处",
      "对照的上年报告",
      "说明",
    ]);
    expect(summary.getRow(2).values).toEqual([undefined, 1, "a.html", SEED_AGENCY, 2020, "2019年版", 218, 218, 2, 0, 0, "R3-HANDLED-SUM×2", 0, "", ""]);
    expect(summary.getCell("B3").value).toBe("broken.docx");
    expect(String(summary.getCell("N3").value)).toMatch(/^无法读取：/);
    expect(summary.getCell("B5").value).toBe("共 2 个文件：已检查 1 个，无法读取 1 个；错误 2 个，提醒 0 个。");
    const findings = workbook.getWorksheet("问题")!;
    expect(findings.rowCount).toBe(3);
    expect(findings.getRow(2).values).toEqual([
      undefined,
      "a.html",
      SEED_AGENCY,
      2020,
      "错误",
      "R3-HANDLED-SUM",
      "「三、本年度办理结果（七）总计」的「自然人」",
      "requests.totalHandled.naturalPerson",
      checked(entries[0]).findings[0].message,
    ]);
  });
});
