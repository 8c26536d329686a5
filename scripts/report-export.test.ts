import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runExport } from "./report-export";

const seed = path.join(__dirname, "../lib/report/fixtures/seed-2020.json");
const NAME = "烟台市蓬莱区蓬莱阁街道办事处2020年政府信息公开工作年度报告";

describe("report export command", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-export-"));
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it("writes each format under its official name into a folder given as --out", async () => {
    for (const format of ["docx", "html", "md"]) {
      expect(await runExport([seed, "--format", format, "--out", dir])).toBe(0);
      expect(fs.statSync(path.join(dir, `${NAME}.${format}`)).size).toBeGreaterThan(1000);
    }
    expect(fs.readFileSync(path.join(dir, `${NAME}.docx`)).subarray(0, 2).toString()).toBe("PK");
  });

  it("writes to a named file, marks a draft on request", async () => {
    const out = path.join(dir, "draft.html");
    expect(await runExport([seed, "--format=html", `--out=${out}`, "--draft"])).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toContain('<p class="draft" role="note">草稿</p>');
  });

  it("answers 2 for bad arguments and unreadable or invalid input", async () => {
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, '{"format": "gov-info-disclosure-annual-report"}');
    expect(await runExport([seed])).toBe(2);
    expect(await runExport([seed, "--format", "pdf"])).toBe(2);
    expect(await runExport(["--format", "md"])).toBe(2);
    expect(await runExport([seed, "--format", "md", "--colour"])).toBe(2);
    expect(await runExport([path.join(dir, "missing.json"), "--format", "md"])).toBe(2);
    expect(await runExport([bad, "--format", "md"])).toBe(2);
    expect(vi.mocked(console.error).mock.calls.flat().join("\n")).toMatch(/不支持的导出格式「pdf」[\s\S]*文件不存在/);
  });

  it("answers 1 when the output cannot be written", async () => {
    expect(await runExport([seed, "--format", "md", "--out", path.join(dir, "no/such/dir/x.md")])).toBe(1);
  });
});
