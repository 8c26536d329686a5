import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseInterchange } from "../interchange";
import { runImport } from "../../../scripts/report-import";

const seedPath = path.join(__dirname, "../../../../shared/seeds/000_332374fea032217b.txt");
let out: string;
let err: string;

beforeEach(() => {
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => {
    err += parts.join(" ") + "\n";
  });
});
afterEach(() => vi.restoreAllMocks());

describe("npm run report -- import FILE", () => {
  it("prints the interchange JSON on stdout and what it could not read on stderr; exit 0", async () => {
    expect(await runImport([seedPath])).toBe(0);
    const parsed = parseInterchange(out);
    expect(parsed.ok).toBe(true);
    const fixture = parseInterchange(fs.readFileSync(path.join(__dirname, "../fixtures/seed-2020.json"), "utf8"));
    expect(parsed.ok && fixture.ok && parsed.report).toEqual(fixture.ok && fixture.report);
    expect(err).toContain("未能读取的内容：无。");
    expect(err).toContain("2019年版");
  });

  it("lists each cell it could not read", async () => {
    expect(await runImport([path.join(__dirname, "fixtures/text-2021-template-drift.txt")])).toBe(0);
    expect(err).toContain("未能读取的内容（共 3 处）：");
    expect(err).toContain("「一、本年新收政府信息公开申请数量」的「总计」（requests.newReceived.total）：单元格为空或未印出");
  });

  it("tells the kind by content when the name has no extension", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-cli-"));
    try {
      const file = path.join(dir, "report");
      fs.copyFileSync(path.join(__dirname, "fixtures/html-2021-grid.html"), file);
      expect(await runImport([file])).toBe(0);
      expect(JSON.parse(out).agency.name).toBe("某市交通运输局");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("exit 2 with a Chinese message for a file that is not a report, a missing file, or no file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-cli-"));
    try {
      const junk = path.join(dir, "junk.docx");
      fs.writeFileSync(junk, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]));
      expect(await runImport([junk])).toBe(2);
      expect(err).toContain("无法打开 DOCX 文件");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(await runImport(["/nonexistent/report.txt"])).toBe(2);
    expect(err).toContain("文件不存在");
    expect(await runImport([])).toBe(2);
    expect(err).toContain("请给出一个要导入的文件");
    expect(out).toBe("");
  });
});
