import { parse } from "node-html-parser";
import type { HTMLElement } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { layoutOf } from "../index";
import { toGrid } from "./document";
import type { ExportCell } from "./document";
import { escapeHtml, exportHtml } from "./html";
import { distinctReport, expectTablesAt, seedReport as seed } from "./testing";

/** An HTML table on a full grid: every slot has the text of the cell covering it. */
function tableGrid(table: HTMLElement): { text: string }[][] {
  const rows: ExportCell[][] = table.querySelectorAll("tr").map((tr) =>
    tr.querySelectorAll("th, td").map((cell) => ({
      text: cell.innerHTML.replace(/<br>/g, "\n").replace(/&amp;/g, "&"),
      colSpan: Number(cell.getAttribute("colspan") ?? 1),
      rowSpan: Number(cell.getAttribute("rowspan") ?? 1),
      isHeader: cell.tagName === "TH",
      align: "center",
    })),
  );
  const columns = table.querySelectorAll("col").length;
  return toGrid(rows, columns).map((row) => row.map((slot) => ({ text: slot.cell.text })));
}

describe("HTML tables", () => {
  for (const [edition, otherApplicant] of [
    ["2019", true],
    ["2021", false],
  ] as const) {
    it(`puts every label and number of the ${edition} edition in its cell`, () => {
      const report = distinctReport(edition, { otherApplicant });
      const root = parse(exportHtml(report, { draft: false }));
      expectTablesAt(root.querySelectorAll("table").map(tableGrid), report);
    });
  }

  it("is semantic: caption, th with scope, spans, the corner note, the headings down their rows", () => {
    const report = distinctReport("2019");
    const root = parse(exportHtml(report, { draft: false }));
    const tables = root.querySelectorAll("table");
    expect(tables.map((t) => t.querySelector("caption")?.text)).toEqual([
      "主动公开政府信息情况",
      "收到和处理政府信息公开申请情况",
      "政府信息公开行政复议、行政诉讼情况",
    ]);
    for (const th of root.querySelectorAll("thead th")) {
      expect(["col", "colgroup"]).toContain(th.getAttribute("scope"));
    }
    const requests = tables[1];
    const corner = requests.querySelector("thead th")!;
    expect(corner.text).toBe("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    expect(corner.getAttribute("colspan")).toBe("3");
    expect(corner.getAttribute("rowspan")).toBe("3");
    const handled = requests.querySelectorAll("tbody th").find((th) => th.text === "三、本年度办理结果")!;
    const layout = layoutOf("2019");
    const headed = layout.requestRows.filter((r) => r.parent !== undefined).length;
    expect(handled.getAttribute("rowspan")).toBe(String(headed));
    expect(handled.getAttribute("scope")).toBe("rowgroup");
    const denied = requests.querySelectorAll("tbody th").find((th) => th.text === "（三）不予公开")!;
    expect(denied.getAttribute("rowspan")).toBe("8");
    expect(requests.querySelectorAll("tbody th").find((th) => th.text === "1.属于国家秘密")!.getAttribute("scope")).toBe(
      "row",
    );
    const applicant = requests.querySelectorAll("thead th").find((th) => th.text === "申请人情况")!;
    expect(applicant.getAttribute("colspan")).toBe("6");
    expect(applicant.getAttribute("scope")).toBe("colgroup");
    // Table 二: one tbody per 第二十条 group.
    expect(tables[0].querySelectorAll("tbody")).toHaveLength(5);
    // Tables scroll inside their wrapper on a phone.
    expect(tables.every((t) => t.parentNode?.classList.contains("table-wrap"))).toBe(true);
  });
});

describe("HTML page", () => {
  it("reproduces the seed: title, introduction, every narrative paragraph, tables, agency and date", () => {
    const report = seed();
    const root = parse(exportHtml(report, { draft: false }));
    expect(root.querySelector("h1")!.text).toBe(report.title);
    const paragraphs = root.querySelectorAll("p").map((p) => p.text);
    for (const p of report.intro!.split("\n\n")) expect(paragraphs).toContain(p);
    for (const item of report.overview!) expect(paragraphs).toContain(item.text);
    expect(root.querySelectorAll("h3").map((h) => h.text)).toEqual(
      report.overview!.map((item, i) => `（${"一二三四五六七"[i]}）${item.heading}`),
    );
    for (const p of report.problems!.split("\n\n")) expect(paragraphs).toContain(p);
    expect(paragraphs).toContain(report.otherMatters![0].text);
    expect(root.querySelectorAll("h2").map((h) => h.text)).toEqual([
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ]);
    expect(root.querySelector(".signature")!.innerHTML).toBe("烟台市蓬莱区蓬莱阁街道办事处<br>2021年1月21日");
    expectTablesAt(root.querySelectorAll("table").map(tableGrid), report);
    const total = root.querySelectorAll("tr").find((tr) => tr.querySelector("th")?.text === "（七）总计")!;
    expect(total.querySelectorAll("td").map((td) => td.text)).toEqual(["1", "0", "0", "0", "0", "0", "0", "1"]);
  });

  it("is self-contained, readable on a phone and printable", () => {
    const html = exportHtml(seed(), { draft: false });
    expect(html).not.toMatch(/<script|<link|\ssrc=|@import|url\(/i);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/\.table-wrap\{overflow-x:auto/);
    expect(html).toContain("@media print");
  });

  it("marks a draft iff the report is not approved", () => {
    const draft = parse(exportHtml(seed(), { draft: true }));
    expect(draft.querySelector(".draft")!.text).toBe("草稿");
    expect(draft.querySelector("title")!.text).toContain("草稿");
    expect(exportHtml(seed(), { draft: false })).not.toContain("草稿");
  });

  it("escapes every text: a narrative with <script> comes out inert", () => {
    const report = seed();
    const attack = `<script>alert("x")</script><img src=x onerror=alert(1)> & 'quoted'`;
    report.title = attack;
    report.agency.name = attack;
    report.intro = attack;
    report.overview = [{ heading: attack, text: `${attack}\n第二行` }];
    report.problems = attack;
    report.otherMatters = [{ heading: "", text: attack }];
    const html = exportHtml(report, { draft: true });
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quoted&#39;");
    const root = parse(html);
    expect(root.querySelectorAll("script, img")).toHaveLength(0);
    expect(root.querySelector("h1")!.text).toBe(attack);
    expect(root.querySelector("h3")!.text).toBe(`（一）${attack}`);
  });

  it("escapeHtml escapes the five characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
