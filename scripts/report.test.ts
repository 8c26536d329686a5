import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const fixture = path.join(root, "lib/report/fixtures/seed-2020.json");

const tsx = path.join(root, "node_modules/.bin/tsx");

/** Runs the CLI as `npx tsx scripts/report.ts …` would (the local tsx binary, without npx's lookup). */
function run(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, ["scripts/report.ts", ...args], { cwd: root, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

function tempFile(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-cli-"));
  const file = path.join(dir, "report.json");
  fs.writeFileSync(file, text);
  return file;
}

// Each case starts tsx processes; generous timeout for a busy machine.
describe("npm run report -- validate", { timeout: 60_000 }, () => {
  it("finds the seed's two R3-HANDLED-SUM errors and exits 1 (--json)", async () => {
    const { code, stdout } = await run("validate", fixture, "--json");
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.ok).toBe(false);
    expect(out.findings.map((f: { rule: string; cells: string[] }) => [f.rule, f.cells])).toEqual([
      ["R3-HANDLED-SUM", ["requests.totalHandled.naturalPerson"]],
      ["R3-HANDLED-SUM", ["requests.totalHandled.total"]],
    ]);
    expect(Object.keys(out.findings[0]).sort()).toEqual(["cells", "message", "rule", "severity"]);
  });

  it("prints Chinese findings, exits 0 for a clean file, and reads --previous", async () => {
    const data = JSON.parse(fs.readFileSync(fixture, "utf8"));
    data.requests.granted.naturalPerson = 1;
    data.requests.granted.total = 1;
    const clean = tempFile(JSON.stringify(data));
    const [text, withPrevious] = await Promise.all([
      run("validate", fixture),
      run("validate", clean, "--previous", fixture, "--json"),
    ]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("「三、本年度办理结果（七）总计」的「自然人」为 1，但（一）至（六）各项合计为 0。");
    expect(text.stdout).toContain("共 2 个错误，0 个提醒。");
    // Last year's report is the seed itself: the same narrative, so X-COPIED (warnings, exit 0) for 一, 五, 六.
    expect(withPrevious.code).toBe(0);
    const out = JSON.parse(withPrevious.stdout);
    expect(out.ok).toBe(true);
    expect(out.findings.map((f: { rule: string; cells: string[] }) => [f.rule, f.cells])).toEqual([
      ["X-COPIED", ["overview"]],
      ["X-COPIED", ["problems"]],
      ["X-COPIED", ["otherMatters"]],
    ]);
    expect(out.findings[1]).toEqual({
      rule: "X-COPIED",
      severity: "warning",
      cells: ["problems"],
      message: "「五、存在的主要问题及改进情况」与上一年度（2020年）报告的同一部分相似度为 100%（逐字比较，不计数字和年份）；请按本年度的实际情况撰写。",
    });
  });

  it("--json carries info findings (RATIO), which leave ok true and exit 0; the text names them 提示", async () => {
    const data = JSON.parse(fs.readFileSync(fixture, "utf8"));
    const requests = data.requests;
    Object.assign(requests.newReceived, { naturalPerson: 40, total: 40 });
    Object.assign(requests.granted, { naturalPerson: 10, total: 10 });
    Object.assign(requests.unableNoInfo, { naturalPerson: 30, total: 30 });
    Object.assign(requests.totalHandled, { naturalPerson: 40, total: 40 });
    data.overview = data.overview.map((part: { heading: string; text: string }) => ({ ...part, text: part.text.replace("1件", "40件") }));
    const file = tempFile(JSON.stringify(data));
    const [json, text] = await Promise.all([run("validate", file, "--json"), run("validate", file)]);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.ok).toBe(true);
    const infos = out.findings.filter((f: { severity: string }) => f.severity === "info");
    expect(infos.map((f: { rule: string; cells: string[] }) => [f.rule, f.cells[0]])).toEqual([
      ["RATIO", "requests.granted.total"],
      ["RATIO", "requests.unableNoInfo.total"],
    ]);
    expect(infos[0].message).toContain("实质公开率为 25%");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("提示 RATIO");
    expect(text.stdout).toContain("共 0 个错误，0 个提醒，2 个提示（仅供参考）。");
  });

  it("a report whose table 四 was never filled: one TABLE-MISSING, no CELL-BLANK", async () => {
    const data = JSON.parse(fs.readFileSync(fixture, "utf8"));
    data.requests.granted.naturalPerson = 1;
    data.requests.granted.total = 1;
    delete data.reviewLitigation;
    const { code, stdout } = await run("validate", tempFile(JSON.stringify(data)), "--json");
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      ok: false,
      findings: [
        {
          rule: "TABLE-MISSING",
          severity: "error",
          cells: ["reviewLitigation"],
          message: "表四未填写：「四、政府信息公开行政复议、行政诉讼情况」的所有单元格均为空白；没有行政复议、行政诉讼的，请全部填 0。",
        },
      ],
    });
  });

  it("exits 2 for a broken file, naming the place, and for a missing file", async () => {
    const data = JSON.parse(fs.readFileSync(fixture, "utf8"));
    data.requests.granted.naturalPerson = "一";
    const [notJson, textInCell, missing] = await Promise.all([
      run("validate", tempFile("{ broken")),
      run("validate", tempFile(JSON.stringify(data))),
      run("validate", path.join(os.tmpdir(), "no-such-report.json")),
    ]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain("不是有效的 JSON");
    expect(textInCell.code).toBe(2);
    expect(textInCell.stderr).toContain("requests.granted.naturalPerson（三、本年度办理结果（一）予以公开·自然人）应为数字");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("文件不存在");
  });
});
