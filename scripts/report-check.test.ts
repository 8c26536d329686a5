import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook } from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { exportDocx, exportHtml, exportMarkdown } from "@/lib/report/export";
import { seedReport } from "@/lib/report/export/testing";
import type { Report } from "@/lib/report";
import { cleanReport } from "@/lib/report/testing";

const root = path.resolve(__dirname, "..");
const tsx = path.join(root, "node_modules/.bin/tsx");

function run(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, ["scripts/report.ts", "check", ...args], { cwd: root, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

const AGENCY = "烟台市蓬莱区蓬莱阁街道办事处";

function agencyReport(name: string, edition: "2019" | "2021", year: number): Report {
  const report = cleanReport(edition, { year });
  report.agency = { name, level: "department" };
  report.title = `${name}${year}年政府信息公开工作年度报告`;
  return report;
}

// Each case starts a tsx process; generous timeout for a busy machine.
describe("npm run report -- check", { timeout: 60_000 }, () => {
  let dir: string;
  let previous: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-check-"));
    const seed = seedReport();
    fs.writeFileSync(path.join(dir, "a.html"), exportHtml(seed, { draft: false }));
    fs.writeFileSync(path.join(dir, "b.docx"), await exportDocx(seed, { draft: false }));
    fs.mkdirSync(path.join(dir, "more"));
    fs.writeFileSync(path.join(dir, "more", "c.md"), exportMarkdown(seed, { draft: false }));
    fs.writeFileSync(path.join(dir, "more", "broken.docx"), "not a zip");
    // Not report files: left out of a folder.
    fs.writeFileSync(path.join(dir, "notes.json"), "{}");
    fs.writeFileSync(path.join(dir, ".hidden.html"), "<p>x</p>");
    fs.writeFileSync(path.join(dir, "~$b.docx"), "lock");

    previous = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-check-previous-"));
    const last = agencyReport("某市某区财政局", "2019", 2020);
    last.requests.carriedForward.naturalPerson = 3;
    last.requests.carriedForward.total = 3;
    last.requests.carriedOver.naturalPerson = 3;
    last.requests.carriedOver.total = 3;
    fs.writeFileSync(path.join(previous, "2020.html"), exportHtml(last, { draft: false }));
  });

  it("prints one line per report file of the folders, the broken one with its reason, and exits 2", async () => {
    const { code, stdout, stderr } = await run(dir);
    expect(code).toBe(2);
    const lines = stdout.trim().split("\n");
    expect(lines).toEqual([
      `${path.join(dir, "a.html")}  ${AGENCY}  2020年度  2019年版  读取单元格 218/218  错误 2  提醒 0  R3-HANDLED-SUM×2`,
      `${path.join(dir, "b.docx")}  ${AGENCY}  2020年度  2019年版  读取单元格 218/218  错误 2  提醒 0  R3-HANDLED-SUM×2`,
      `${path.join(dir, "more", "broken.docx")}  无法读取：无法打开 DOCX 文件：文件已损坏或不是 Word 文档。`,
      `${path.join(dir, "more", "c.md")}  ${AGENCY}  2020年度  2019年版  读取单元格 218/218  错误 2  提醒 0  R3-HANDLED-SUM×2`,
      "共 4 个文件：已检查 3 个，无法读取 1 个；错误 6 个，提醒 0 个。",
    ]);
    // Not a terminal: no progress line.
    expect(stderr).toBe("");
  });

  it("--json prints one object per file; --xlsx writes the summary and the findings", async () => {
    const xlsx = path.join(dir, "..", `${path.basename(dir)}.xlsx`);
    const { code, stdout, stderr } = await run(path.join(dir, "a.html"), path.join(dir, "more"), "--json", "--xlsx", xlsx);
    expect(code).toBe(2);
    const entries = stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(entries.map((e) => [e.file, e.ok])).toEqual([
      [path.join(dir, "a.html"), true],
      [path.join(dir, "more", "broken.docx"), false],
      [path.join(dir, "more", "c.md"), true],
    ]);
    expect(entries[0]).toMatchObject({
      agency: AGENCY,
      year: 2020,
      edition: "2019",
      cells: { read: 218, printed: 218 },
      errors: 2,
      warnings: 0,
      byRule: [{ rule: "R3-HANDLED-SUM", severity: "error", count: 2 }],
    });
    expect(entries[0].findings[0]).toMatchObject({ rule: "R3-HANDLED-SUM", cells: ["requests.totalHandled.naturalPerson"] });
    expect(entries[1].reason).toContain("文件已损坏");
    expect(stderr).toContain("共 3 个文件：已检查 2 个，无法读取 1 个");
    expect(stderr).toContain(`已写入 ${xlsx}`);

    const workbook = new Workbook();
    await workbook.xlsx.readFile(xlsx);
    const summary = workbook.getWorksheet("汇总")!;
    expect([2, 3, 4].map((r) => summary.getCell(r, 2).value)).toEqual(entries.map((e) => e.file));
    expect(summary.getRow(2).values).toEqual([undefined, 1, entries[0].file, AGENCY, 2020, "2019年版", 218, 218, 2, 0, 0, "R3-HANDLED-SUM×2", 0, "", ""]);
    expect(String(summary.getCell(3, 14).value)).toContain("无法读取：无法打开 DOCX 文件");
    const findings = workbook.getWorksheet("问题")!;
    // Two findings for each of the two reports read.
    expect(findings.rowCount).toBe(5);
    expect([1, 2, 3, 4, 5].map((c) => findings.getCell(2, c).value)).toEqual([entries[0].file, AGENCY, 2020, "错误", "R3-HANDLED-SUM"]);
  });

  it("checks against last year's report from --previous-dir, exits 0 without errors and 1 with", async () => {
    const current = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-check-current-"));
    fs.writeFileSync(path.join(current, "2021.html"), exportHtml(agencyReport("某市某区财政局", "2021", 2021), { draft: false }));
    const [alone, withPrevious] = await Promise.all([
      run(current, "--json"),
      run(current, "--previous-dir", previous, "--json"),
    ]);
    expect(alone.code).toBe(0);
    const before = JSON.parse(alone.stdout);
    expect(before.previousFile).toBeUndefined();
    expect(before.byRule.map((r: { rule: string }) => r.rule)).not.toContain("X-CARRY");
    expect(withPrevious.code).toBe(0);
    const after = JSON.parse(withPrevious.stdout);
    expect(after.previousFile).toBe(path.join(previous, "2020.html"));
    expect(after.byRule).toContainEqual({ rule: "X-CARRY", severity: "warning", count: 2 });
    // Only the files asked for are listed.
    expect(withPrevious.stdout.trim().split("\n")).toHaveLength(1);

    const seedOnly = await run(path.join(dir, "a.html"));
    expect(seedOnly.code).toBe(1);
  });

  it("refuses usage mistakes and a folder without report files with exit 2", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-check-empty-"));
    const [none, unknown, noValue, nothing, missing] = await Promise.all([
      run(),
      run(dir, "--csv"),
      run(dir, "--xlsx"),
      run(empty),
      run(path.join(empty, "no-such.html")),
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("请给出要检查的文件或文件夹。");
    expect(unknown.stderr).toContain("不认识的选项 --csv。");
    expect(noValue.stderr).toContain("选项 --xlsx 需要一个值。");
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain("没有可检查的报告文件");
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain("no-such.html  无法读取：文件或文件夹不存在。");
  });
});
