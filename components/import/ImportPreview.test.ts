import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { importReport } from "@/lib/report/import";
import { ImportPreview } from "./ImportPreview";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../../lib/report/import/fixtures", name), "utf8");

describe("ImportPreview", () => {
  it("shows the tables as read and marks the cells that were not read", async () => {
    const result = await importReport({ kind: "text", data: fixture("text-2019-messy.txt") });
    if (!result.ok) throw new Error(result.message);
    const html = renderToStaticMarkup(createElement(ImportPreview, { report: result.report, unread: result.unread }));
    expect(html).toContain("某市某区市场监督管理局2020年政府信息公开工作年度报告");
    expect(html).toContain("二、主动公开政府信息情况");
    expect(html).toContain("+19");
    expect(html).toContain("25.1");
    // 13 cells printed as “/” or “—” (table 三 row of 8, table 四 group of 5) are marked.
    expect(html.match(/title="未能读取，留空"/g)).toHaveLength(13);
    expect(html).toContain("2021年1月25日");
  });

  it("says what is missing", async () => {
    const result = await importReport({ kind: "text", data: "某局2021年政府信息公开工作年度报告\n\n一、总体情况\n\n工作扎实。\n\n五、存在的主要问题及改进情况\n\n无。" });
    if (!result.ok) throw new Error(result.message);
    const html = renderToStaticMarkup(createElement(ImportPreview, { report: result.report, unread: result.unread }));
    expect(html).toContain("未能读取本部分");
    expect(html).toContain("未能读取");
  });
});
