/** The HTML a page writes from a script: string literals holding tags, unescaped as JavaScript would. */
import { describe, expect, it } from "vitest";
import { htmlInScript, unescapeJs } from "./script-html";

describe("htmlInScript", () => {
  it("joins the literals holding tags, in order, in any of the three quotes", () => {
    const source = `var a = "<p>一、总体情况<\\/p>" + '<div>二</div>' + \`<table><tr><td>1</td></tr></table>\`; var b = "plain";`;
    expect(htmlInScript(source)).toEqual(["<p>一、总体情况</p><div>二</div><table><tr><td>1</td></tr></table>"]);
  });

  it("finds nothing in a script without tags, and knows a tag from a word starting alike", () => {
    expect(htmlInScript(`var a = "abc"; var b = '<pre>x</pre>'; var c = "<param>";`)).toEqual([]);
    expect(htmlInScript("")).toEqual([]);
    for (const tag of ["p", "div", "table", "tbody", "tr", "td", "th", "span", "br", "h1", "h6", "strong", "b", "P", "/TD"]) {
      expect(htmlInScript(`x = "<${tag}>";`), tag).toEqual([`<${tag}>`]);
    }
    expect(htmlInScript(`x = "<h7>";`)).toEqual([]);
  });

  it("reads an escaped quote inside a literal, and a literal over a continued line", () => {
    expect(htmlInScript(`x = "<p style=\\"a\\">引号</p>";`)).toEqual(['<p style="a">引号</p>']);
    expect(htmlInScript(`x = '<p>It\\'s</p>';`)).toEqual(["<p>It's</p>"]);
    expect(htmlInScript('x = "<p>a\\\nb</p>";')).toEqual(["<p>ab</p>"]);
    expect(htmlInScript('x = "<p>a\nb</p>";')).toEqual([]);
    expect(htmlInScript("x = `<p>a\nb</p>`;")).toEqual(["<p>a\nb</p>"]);
    // Escapes in single quotes and backquotes too: a continued line, an escaped backquote.
    expect(htmlInScript("x = '<p>a\\\nb</p>';")).toEqual(["<p>ab</p>"]);
    expect(htmlInScript("x = `<p>a\\\nb</p>`;")).toEqual(["<p>ab</p>"]);
    expect(htmlInScript("x = `<p>\\`引\\`</p>`;")).toEqual(["<p>`引`</p>"]);
  });
});

describe("unescapeJs", () => {
  it("reads the escapes of a JavaScript string", () => {
    expect(unescapeJs("\\u4e00\\u{4E8C}\\x41")).toBe("一二A");
    expect(unescapeJs("a\\nb\\rc\\td")).toBe("a\nb\rc\td");
    expect(unescapeJs("\\b\\f\\v\\0")).toBe("");
    expect(unescapeJs("a\\\nb\\\r\nc")).toBe("abc");
    expect(unescapeJs("\\/\\\\\\'\\\"\\q")).toBe("/\\'\"q");
    expect(unescapeJs("\\u4e0")).toBe("u4e0");
    expect(unescapeJs("\\x4")).toBe("x4");
    expect(unescapeJs("\\u{1F600}")).toBe("😀");
  });
});
