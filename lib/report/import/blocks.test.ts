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

  it("a cell's paragraphs are joined without a space, except between Latin letters or digits", () => {
    const blocks = htmlToBlocks("<table><tr><td><p>规范性</p><p>文件</p></td><td><p>12</p><p>3</p></td></tr></table>");
    expect(blocks[0]).toMatchObject({ kind: "row", cells: ["规范性文件", "12 3"] });
    expect(joinPieces(["ab", " ", "cd", "中", "1"])).toBe("ab cd中1");
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
