/** Text and HTML read into paragraphs and rows: line breaks, pipes, tabs, wide spaces, merged cells, layout tables. */
import { describe, expect, it } from "vitest";
import { htmlToBlocks, joinPieces, textToBlocks } from "./blocks";

const para = (text: string) => ({ kind: "para", text });
const row = (...cells: string[]) => ({ kind: "row", cells });
const loose = (...cells: string[]) => ({ kind: "row", cells, loose: true });

describe("textToBlocks", () => {
  it("takes CRLF, CR and form feeds as line ends and drops blank lines", () => {
    expect(textToBlocks("甲\r\n乙\r丙\f丁\n\n  \n戊")).toEqual(["甲", "乙", "丙", "丁", "戊"].map(para));
  });

  it("pipes: Markdown rows with or without the outer pipes, separator and empty rows dropped, escaped pipes kept", () => {
    expect(textToBlocks("| 规章 | 1 | 2 |\n|:---|---:|--|\n| | |\n规章 | 3 | 4 |")).toEqual([row("规章", "1", "2"), row("规章", "3", "4")]);
    expect(textToBlocks("a \\| b | 1 |")).toEqual([row("a | b", "1")]);
    expect(textToBlocks("规章 | 1 | 2")).toEqual([row("规章", "1", "2")]);
    // One pipe inside a line, or pipes without spaces around them, is text.
    expect(textToBlocks("地址：某路1号 | 电话：123")).toEqual([para("地址：某路1号 | 电话：123")]);
    expect(textToBlocks("a|b|c")).toEqual([para("a|b|c")]);
  });

  it("a line is read trimmed: spaces around a row of pipes or a paragraph are not cells nor text", () => {
    expect(textToBlocks("  规章 | 1 |  \n  戊  ")).toEqual([row("规章", "1"), para("戊")]);
  });

  it("pipes: a separator is dashes only, with optional colons; one space-set pipe among three cells is enough", () => {
    expect(textToBlocks("| a-- | -- |")).toEqual([row("a--", "--")]);
    expect(textToBlocks("| --b | -- |")).toEqual([row("--b", "--")]);
    expect(textToBlocks("规章 | 1| 2")).toEqual([row("规章", "1", "2")]);
  });

  it("tabs: cells trimmed", () => {
    expect(textToBlocks("规章 \t 0\t1")).toEqual([row("规章", "0", "1")]);
  });

  it("tabs: a row when it has a cell with text", () => {
    expect(textToBlocks("规章\t\t0")).toEqual([row("规章", "", "0")]);
    expect(textToBlocks("规章\t")).toEqual([row("规章", "")]);
  });

  it("runs of two spaces or a full-width space: a row of cells up to 40 characters", () => {
    expect(textToBlocks("规章\u30000\u30001")).toEqual([loose("规章", "0", "1")]);
    expect(textToBlocks(`${"甲".repeat(40)}  乙`)).toEqual([loose("甲".repeat(40), "乙")]);
    expect(textToBlocks("规章\u3000\u30000 \u30001")).toEqual([loose("规章", "0", "1")]);
    expect(textToBlocks(`${"甲".repeat(41)}  乙`)).toEqual([para(`${"甲".repeat(41)}  乙`)]);
  });

  it("single spaces: a label and numbers, or the 信息内容 header row; not a sentence ending in 。 or ；", () => {
    expect(textToBlocks("行政处罚 5 6")).toEqual([loose("行政处罚", "5", "6")]);
    expect(textToBlocks("行政处罚 5")).toEqual([loose("行政处罚", "5")]);
    expect(textToBlocks("行政处罚\u2003\u20035 6")).toEqual([loose("行政处罚", "5", "6")]);
    expect(textToBlocks("合计（单位：件；含撤回） 5 6")).toEqual([loose("合计（单位：件；含撤回）", "5", "6")]);
    expect(textToBlocks("信息内容 本年制发件数 本年废止件数")).toEqual([loose("信息内容", "本年制发件数", "本年废止件数")]);
    expect(textToBlocks("行政处罚 5 6。")).toEqual([para("行政处罚 5 6。")]);
    expect(textToBlocks("行政处罚 5 6；")).toEqual([para("行政处罚 5 6；")]);
    expect(textToBlocks("行政处罚 5 多")).toEqual([para("行政处罚 5 多")]);
  });
});

describe("htmlToBlocks", () => {
  it("skips scripts and styles, breaks paragraphs at block elements and <br>, folds whitespace", () => {
    expect(htmlToBlocks("<style>p{}</style><script>var a = 1;</script><div>甲 \n\t 乙<br>丙&nbsp;丁</div><span>戊</span><p>己</p>")).toEqual([
      para("甲 乙"),
      para("丙 丁"),
      para("戊"),
      para("己"),
    ]);
  });

  it("each block element starts and ends a paragraph, whatever the case of its tag; inline text runs on", () => {
    const blockTags = ["p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6"];
    blockTags.push("li", "ul", "ol", "dl", "dt", "dd", "figure", "figcaption", "caption", "center", "form", "fieldset", "address", "body", "html");
    for (const t of blockTags) expect(htmlToBlocks(`甲<${t}>乙</${t}>丙`), t).toEqual([para("甲"), para("乙"), para("丙")]);
    expect(htmlToBlocks("甲<SPAN>乙</SPAN>丙<DIV>丁</DIV>戊")).toEqual([para("甲乙丙"), para("丁"), para("戊")]);
  });

  it("the content of scripts, styles, the head, templates, embedded objects and form controls is not text", () => {
    for (const t of ["script", "style", "noscript", "head", "template", "svg", "iframe", "object", "select", "button"]) {
      expect(htmlToBlocks(`甲<${t}>乙</${t}>丙`), t).toEqual([para("甲丙")]);
    }
  });

  it("folds carriage returns, tabs, newlines and no-break spaces into one space", () => {
    expect(htmlToBlocks("<p>甲\r乙\t丙\n丁&nbsp;&nbsp;戊 \r\n 己</p>")).toEqual([para("甲 乙 丙 丁 戊 己")]);
  });

  it("a page showing its report in a script: the script's HTML is read only when the page itself names no statistics table", () => {
    const scripted = (html: string) => `<p>某县某局</p><script>var c = "${html}"; document.write(c);</script><p>页脚</p>`;
    for (const word of ["本年新收", "上年结转", "第二十条", "结转下年度", "结果维持"]) {
      // The script's table read in its place, between the page's paragraphs.
      expect(htmlToBlocks(scripted(`<table><tr><td>${word}</td><td>1</td></tr></table>`)), word).toEqual([
        para("某县某局"),
        { kind: "row", cells: [word, "1"], grid: { table: 1, filled: [word, "1"], starts: [0, 1] } },
        para("页脚"),
      ]);
      expect(htmlToBlocks(scripted(`<p>${word}</p>`)), word).toEqual([para("某县某局"), para(word), para("页脚")]);
    }
    // Scripts holding HTML that names no table, or a page naming a table itself: the page as it stands.
    expect(htmlToBlocks(scripted("<p>欢迎访问</p>"))).toEqual([para("某县某局"), para("页脚")]);
    expect(htmlToBlocks(`<p>本年新收</p>${scripted("<p>结果维持</p>")}`)).toEqual([para("本年新收"), para("某县某局"), para("页脚")]);
    expect(htmlToBlocks(`<table><tr><td>上年结转</td></tr></table>${scripted("<p>结果维持</p>")}`)).toHaveLength(3);
  });

  it("the HTML of each script on the page is read where the script stands, a paragraph of its own", () => {
    const page =
      '<div>前<script>var a = "标题<b>一</b>";</script><script>var b = "<table><tr><td>本年新收</td><td>1</td></tr></table>";</script>后</div>';
    expect(htmlToBlocks(page).map((b) => (b.kind === "row" ? b.cells : b.text))).toEqual(["前", "标题一", ["本年新收", "1"], "后"]);
  });

  it("a table's rows from thead, tbody and tfoot; an empty table gives nothing", () => {
    const blocks = htmlToBlocks(
      "<table><thead><tr><th>项目</th><th>数量</th></tr></thead><tbody><tr><td>规章</td><td>1</td></tr></tbody><tfoot><tr><td>合计</td><td>1</td></tr></tfoot></table><table></table>",
    );
    expect(blocks.map((b) => (b.kind === "row" ? b.cells : b.text))).toEqual([
      ["项目", "数量"],
      ["规章", "1"],
      ["合计", "1"],
    ]);
  });

  it("a table's grid: merged cells fill every slot they cover; each slot knows the column its cell starts in, -1 when from a row above", () => {
    expect(htmlToBlocks('<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>1</td><th>2</th></tr></table>')).toEqual([
      { kind: "row", cells: ["A", "B", ""], grid: { table: 1, filled: ["A", "B", "B"], starts: [0, 1, 1] } },
      { kind: "row", cells: ["", "1", "2"], grid: { table: 1, filled: ["A", "1", "2"], starts: [-1, 1, 2] } },
    ]);
    // A row printing nothing under a cell merged down: its other slots are blank, each its own start.
    expect(htmlToBlocks('<table><tr><td>A</td><td>B</td><td rowspan="2">C</td></tr><tr></tr></table>')[1]).toEqual({
      kind: "row",
      cells: ["", "", ""],
      grid: { table: 1, filled: ["", "", "C"], starts: [0, 1, -1] },
    });
    // A cell merged down past the last row adds no row; a span that is not a whole number counts as 1.
    expect(htmlToBlocks('<table><tr><td>A</td><td rowspan="3">B</td></tr><tr><td>1</td></tr></table>')).toEqual([
      { kind: "row", cells: ["A", "B"], grid: { table: 1, filled: ["A", "B"], starts: [0, 1] } },
      { kind: "row", cells: ["1", ""], grid: { table: 1, filled: ["1", "B"], starts: [0, -1] } },
    ]);
    expect(htmlToBlocks('<table><tr><td colspan="1.5">A</td><td>B</td></tr><tr><td>1</td><td>2</td></tr></table>')[0]).toMatchObject({ cells: ["A", "B"] });
  });

  it("rows come from the table's own tr, thead, tbody and tfoot, the text between them ignored", () => {
    const blocks = htmlToBlocks("<table>\n<tbody>\n<tr><td>a</td></tr>\n</tbody>\n<thead> <tr><td>h</td></tr> </thead>\n<tfoot> <tr><td>f</td></tr> </tfoot></table>");
    expect(blocks.map((b) => (b.kind === "row" ? b.cells : b.text))).toEqual([["a"], ["h"], ["f"]]);
    // Old pages wrap rows in a form inside the table.
    expect(htmlToBlocks("<table><form><tr><td>规章</td><td>1</td></tr></form></table>")[0]).toMatchObject({ cells: ["规章", "1"] });
  });

  it("tables are numbered in page order, an empty one not counted; the text around a table is its own paragraphs", () => {
    const blocks = htmlToBlocks("甲<table><tr><td>1</td></tr></table>乙<table></table><table><tr><td>2</td></tr></table>");
    expect(blocks).toEqual([
      para("甲"),
      { kind: "row", cells: ["1"], grid: { table: 1, filled: ["1"], starts: [0] } },
      para("乙"),
      { kind: "row", cells: ["2"], grid: { table: 2, filled: ["2"], starts: [0] } },
    ]);
  });

  it("a layout table (one holding a table) is read as content: each cell its own paragraph, the table inside it a table", () => {
    expect(htmlToBlocks("前<table><tr><td>甲</td><td>乙<table><tr><td>丙</td></tr></table></td></tr></table>后")).toEqual([
      para("前"),
      para("甲"),
      para("乙"),
      { kind: "row", cells: ["丙"], grid: { table: 1, filled: ["丙"], starts: [0] } },
      para("后"),
    ]);
  });

  it("a long cell in a table of two columns is still a row", () => {
    const long = "字".repeat(101);
    expect(htmlToBlocks(`<table><tr><td>${long}</td><td>1</td></tr></table>`)[0]).toMatchObject({ kind: "row", cells: [long, "1"] });
  });

  it("rows of different widths: a slot covered from above before the label is left out, a cell over two columns is one cell", () => {
    const blocks = htmlToBlocks('<table><tr><td rowspan="2">项目</td><td>甲</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr><tr><td colspan="2">丙</td></tr></table>');
    expect(blocks).toEqual([
      { kind: "row", cells: ["项目", "甲", "1"], exact: true },
      { kind: "row", cells: ["乙", "2"], exact: true },
      { kind: "row", cells: ["丙"], exact: true },
    ]);
    // The covered slot last in the row is dropped from its cells, and the row still says it is covered.
    expect(htmlToBlocks('<table><tr><td>规章</td><td>5</td><td rowspan="2">9</td></tr><tr><td>文件</td><td>2</td></tr><tr><td>其他</td></tr></table>')[1]).toEqual({
      kind: "row",
      cells: ["文件", "2"],
      covered: true,
    });
  });

  it("a covered slot stays an empty cell only after the row's own label: not after an empty cell, nor when it is the label merged down", () => {
    const rows = (html: string) => htmlToBlocks(`<table>${html}<tr><td>其他</td></tr></table>`).slice(0, -1);
    expect(rows('<tr><td>规章</td><td rowspan="2">说明</td><td>1</td></tr><tr><td>文件</td><td>2</td></tr>')[1]).toEqual({
      kind: "row",
      cells: ["文件", "", "2"],
      covered: true,
    });
    expect(rows('<tr><td>规章</td><td rowspan="2">9</td><td>1</td><td>1</td></tr><tr><td>文件</td><td></td><td>2</td></tr>')[1]).toEqual({
      kind: "row",
      cells: ["文件", "", "", "2"],
      covered: true,
    });
    // A row without a label: the covered slot after its first number is still a place.
    expect(rows('<tr><td>规章</td><td rowspan="2">9</td><td>1</td></tr><tr><td>2</td></tr>')[1]).toEqual({ kind: "row", cells: ["2"], covered: true });
    // A row printing no cell under a cell merged down.
    expect(rows('<tr><td>规章</td><td rowspan="2">9</td><td>1</td></tr><tr></tr>')[1]).toEqual({ kind: "row", cells: [], covered: true });
  });

  it("a one-column layout needs every row in one cell: a long note over a table of two columns is its row", () => {
    const long = "字".repeat(101);
    expect(htmlToBlocks(`<table><tr><td>${long}</td></tr><tr><td>规章</td><td>1</td></tr></table>`)).toEqual([
      { kind: "row", cells: [long], exact: true },
      { kind: "row", cells: ["规章", "1"], exact: true },
    ]);
    expect(htmlToBlocks(`<table><tr><td>${long}</td></tr><tr><td>规章</td></tr></table>`)).toEqual([para(long), para("规章")]);
    expect(htmlToBlocks("<table><tr></tr><tr><td>规章</td></tr></table>")).toEqual([
      { kind: "row", cells: [], exact: true },
      { kind: "row", cells: ["规章"], exact: true },
    ]);
  });

  it("a cell's text: the whitespace between cells is not a cell, a span over 100 counts as 1, a script in a cell is not read", () => {
    expect(htmlToBlocks("<table>\n<tr>\n<td>规章</td>\n<td>1</td>\n</tr></table>")[0]).toMatchObject({ cells: ["规章", "1"] });
    expect(htmlToBlocks('<table><tr><td>规章</td><td colspan="101">1</td></tr></table>')[0]).toMatchObject({ grid: { filled: ["规章", "1"] } });
    expect(htmlToBlocks('<table><tr><td>本年新收<script>var a = "<p>广告</p>";</script></td><td>1</td></tr></table>')[0]).toMatchObject({
      cells: ["本年新收", "1"],
    });
  });

  it("a paragraph is trimmed; a script inside the HTML a script writes is not read again", () => {
    expect(htmlToBlocks("<p>本年新收</p><div> 甲 </div>")).toEqual([para("本年新收"), para("甲")]);
    expect(htmlToBlocks(`<p>前</p><script>var a = "<p>本年新收</p><script>var b = '<p>内</p>';<\\/script>";</script>`)).toEqual([para("前"), para("本年新收")]);
  });

  it("header cells of a layout table are each their own paragraph too", () => {
    expect(htmlToBlocks("<table><tr><th>甲</th><th>乙<table><tr><td>丙</td></tr></table></th></tr></table>").slice(0, 2)).toEqual([para("甲"), para("乙")]);
  });

  it("a cell's paragraphs are joined without a space, except between Latin letters or digits", () => {
    const blocks = htmlToBlocks("<table><tr><td><p>规范性</p><p>文件</p></td><td><p>12</p><p>3</p></td></tr></table>");
    expect(blocks[0]).toMatchObject({ kind: "row", cells: ["规范性文件", "12 3"] });
    expect(joinPieces(["ab", " ", "cd", "中", "1"])).toBe("ab cd中1");
    expect(joinPieces(["中 ", "文", "ab", "中c"])).toBe("中文ab中c");
  });

  it("spans out of range (0, not a number, over 100) count as 1", () => {
    const blocks = htmlToBlocks(
      '<table><tr><td colspan="0">a</td><td colspan="x">b</td><td colspan="101">c</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>',
    );
    expect(blocks.map((b) => (b.kind === "row" ? b.cells : b.text))).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
    const wide = htmlToBlocks('<table><tr><td colspan="100">a</td></tr><tr><td colspan="99">x</td><td>1</td></tr></table>');
    expect(wide[0]).toMatchObject({ kind: "row", cells: ["a", ...Array(99).fill("")], grid: { filled: Array(100).fill("a") } });
  });

  it("rows of different widths keep their own cells: a slot covered from above after the label is an empty cell", () => {
    const blocks = htmlToBlocks(
      '<table><tr><td>规章</td><td rowspan="2">9</td><td>1</td></tr><tr><td>文件</td><td>2</td></tr><tr><td>其他</td></tr></table>',
    );
    expect(blocks).toEqual([
      { kind: "row", cells: ["规章", "9", "1"], exact: true },
      { kind: "row", cells: ["文件", "", "2"], covered: true },
      { kind: "row", cells: ["其他"], exact: true },
    ]);
  });

  it("a one-column table with a cell over 100 characters is layout, read as paragraphs; 100 characters are a row", () => {
    const long = "字".repeat(101);
    expect(htmlToBlocks(`<table><tr><td>${long}</td></tr></table>`)).toEqual([para(long)]);
    expect(htmlToBlocks(`<table><tr><td>${"字".repeat(100)}</td></tr></table>`)[0]).toMatchObject({ kind: "row", cells: ["字".repeat(100)] });
  });
});
