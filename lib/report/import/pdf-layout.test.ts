/**
 * The geometry of PDF pages, on pages written here as pdfjs gives them (text items in PDF space, y up;
 * drawing operators): rules found as stroked lines and as thin filled rectangles under a transform,
 * merged cells, text cut at a rule, tables joined over a page break, paragraphs, page furniture, and
 * tables without rules.
 */
import { describe, expect, it, vi } from "vitest";
import { htmlToBlocks } from "./blocks";
import type { PdfOp, PdfPageData, PdfTextItem } from "./pdf-extract";
import { fixRadicals, joinTables, layoutDocument, layoutPage, pageSegments, tableHtml } from "./pdf-layout";
import type { GridTable } from "./pdf-layout";

const HEIGHT = 842;
/** pdfjs's viewport at scale 1 for an A4 page: PDF space (y up) → page space (y down). */
const VIEWPORT = [1, 0, 0, -1, 0, HEIGHT];

/** A text item at (x, top) in page space (y down), `size` points high, one em per CJK character. */
function text(str: string, x: number, top: number, size = 10): PdfTextItem {
  const width = [...str].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size / 2), 0);
  return { str, transform: [size, 0, 0, size, x, HEIGHT - top - size * 0.85], width, height: size };
}

function page(items: PdfTextItem[], ops: PdfOp[] = []): PdfPageData {
  return { viewport: VIEWPORT, width: 595, height: HEIGHT, items, ops };
}

/** Stroked lines, in PDF space. */
function strokes(lines: [number, number, number, number][]): PdfOp[] {
  return lines.map(([x0, y0, x1, y1]) => ["constructPath", ["stroke", [0, x0, HEIGHT - y0, 1, x1, HEIGHT - y1]]] as PdfOp);
}

/** A grid of rules in page space: rows at `ys`, columns at `xs`, leaving out the given interior pieces. */
function grid(xs: number[], ys: number[], missing: { vertical?: [number, number][]; horizontal?: [number, number][] } = {}) {
  const lines: [number, number, number, number][] = [];
  ys.forEach((y, r) => {
    xs.slice(1).forEach((x, c) => {
      if (!missing.horizontal?.some(([mr, mc]) => mr === r && mc === c)) lines.push([xs[c], y, x, y]);
    });
  });
  xs.forEach((x, c) => {
    ys.slice(1).forEach((y, r) => {
      if (!missing.vertical?.some(([mr, mc]) => mr === r && mc === c)) lines.push([x, ys[r], x, y]);
    });
  });
  return strokes(lines);
}

function onlyTable(p: PdfPageData): GridTable {
  const tables = layoutPage(p).blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
  expect(tables).toHaveLength(1);
  return tables[0];
}

describe("rules", () => {
  it("stroked lines and thin filled rectangles under a transform are rules; white ones and wide fills are not", () => {
    // Chromium: a flipped, scaled page transform, borders as rectangles 0.75 pt thick.
    const ops: PdfOp[] = [
      ["save", null],
      ["transform", [0.5, 0, 0, -0.5, 0, HEIGHT]],
      ["constructPath", ["fill", [0, 100, 100, 1, 300, 100, 1, 300, 101.5, 1, 100, 101.5, 4]]],
      ["setFillRGBColor", ["#ffffff"]],
      ["constructPath", ["fill", [0, 100, 200, 1, 300, 200, 1, 300, 201.5, 1, 100, 201.5, 4]]],
      ["setFillRGBColor", ["#d9d9d9"]],
      ["constructPath", ["fill", [0, 100, 300, 1, 300, 300, 1, 300, 340, 1, 100, 340, 4]]],
      ["restore", null],
      ["constructPath", ["stroke", [0, 10, 800, 1, 10, 700]]],
    ];
    const segments = pageSegments(page([], ops));
    expect(segments).toHaveLength(2);
    expect(segments[0]).toMatchObject({ horizontal: true, from: 50, to: 150 });
    expect(segments[0].at).toBeCloseTo(50.375);
    expect(segments[1]).toEqual({ horizontal: false, at: 10, from: 42, to: 142 });
  });

  it("how straight and how long a stroke, how thin a filled box, to be a rule", () => {
    const flat = (ops: PdfOp[]) => pageSegments({ viewport: [1, 0, 0, 1, 0, 0], width: 595, height: 842, items: [], ops });
    const stroke = (d: number[]): PdfOp => ["constructPath", ["stroke", d]];
    const fill = (d: number[]): PdfOp => ["constructPath", ["fill", d]];
    const box = (x: number, y: number, w: number, h: number) => fill([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4]);
    expect(
      flat([
        stroke([0, 10, 100, 1, 110, 100.5]), // half a point off level: a rule
        stroke([0, 10, 200, 1, 110, 200.6]), // more: none
        stroke([0, 10, 300, 1, 11, 300]), // a point long: none
        stroke([0, 10, 400, 1, 11.5, 400]),
        stroke([0, 100, 10, 1, 100.5, 110]),
        stroke([0, 200, 10, 1, 200.6, 110]),
        stroke([0, 300, 10, 1, 300, 11]),
        box(400, 10, 1, 50), // thin and tall: a vertical rule
        box(400, 100, 50, 2.5), // 2.5 points thick: still a rule
        box(400, 200, 50, 2.6), // thicker: a shaded box, none
        box(400, 300, 2, 2), // a dot: none
        box(500, 10, 1, 1),
        fill([0, 400, 600, 1, 450, 600, 1, 450, 600, 1, 450, 601, 1, 400, 601, 4]), // a corner given twice
        fill([0, 400, 700, 1, 450, 701, 1, 451, 702, 1, 401, 701, 4]), // skewed: none
      ]),
    ).toEqual([
      { horizontal: true, at: 100.25, from: 10, to: 110 },
      { horizontal: true, at: 400, from: 10, to: 11.5 },
      { horizontal: false, at: 100.25, from: 10, to: 110 },
      { horizontal: false, at: 400.5, from: 10, to: 60 },
      { horizontal: true, at: 101.25, from: 400, to: 450 },
      { horizontal: true, at: 600.5, from: 400, to: 450 },
    ]);
  });

  it("closed paths, curves, near-white and unreadable colours, forms and broken operators", () => {
    const ops: PdfOp[] = [
      // A box stroked with closePath: its closing side is a rule too.
      ["constructPath", ["closeStroke", [0, 100, 700, 1, 200, 700, 1, 200, 650, 1, 100, 650, 4]]],
      // A cubic and a quadratic curve are no rules, and break their path.
      ["constructPath", ["stroke", [0, 300, 700, 1, 400, 700, 2, 420, 690, 420, 660, 400, 650, 1, 300, 650]]],
      ["constructPath", ["stroke", [0, 500, 700, 3, 520, 650, 500, 600, 1, 550, 600]]],
      // Near white (every channel from F0) is not drawn; a shade under it is; a colour not in #rrggbb is.
      ["setStrokeRGBColor", ["#f0f0f0"]],
      ["constructPath", ["stroke", [0, 100, 500, 1, 200, 500]]],
      ["setStrokeRGBColor", ["#efffff"]],
      ["constructPath", ["stroke", [0, 100, 450, 1, 200, 450]]],
      ["setStrokeRGBColor", ["red"]],
      // A transform that is not six numbers is ignored.
      ["transform", [1, 0, 0, 1, "x", 0]],
      ["constructPath", ["stroke", [0, 100, 400, 1, 200, 400]]],
      // A form's matrix applies inside it only.
      ["paintFormXObjectBegin", [[1, 0, 0, 1, 0, -100]]],
      ["constructPath", ["stroke", [0, 100, 300, 1, 200, 300]]],
      ["paintFormXObjectEnd", null],
      ["constructPath", ["stroke", [0, 100, 250, 1, 200, 250]]],
      ["constructPath", [7, [0, 100, 240, 1, 200, 240]]],
      ["constructPath", ["stroke", "nope"]],
      ["constructPath", ["eoFill", [0, 300, 100, 1, 400, 100, 1, 400, 102, 1, 300, 102, 4]]],
      // A restore without a save keeps the state.
      ["restore", null],
      ["constructPath", ["fill", [0, 300, 50, 1, 400, 50, 1, 400, 52, 1, 300, 52, 4]]],
    ];
    expect(pageSegments(page([], ops))).toEqual([
      { horizontal: true, at: 142, from: 100, to: 200 },
      { horizontal: false, at: 200, from: 142, to: 192 },
      { horizontal: true, at: 192, from: 100, to: 200 },
      { horizontal: false, at: 100, from: 142, to: 192 },
      { horizontal: true, at: 142, from: 300, to: 400 },
      { horizontal: true, at: 192, from: 300, to: 400 },
      { horizontal: true, at: 242, from: 500, to: 550 },
      { horizontal: true, at: 392, from: 100, to: 200 },
      { horizontal: true, at: 442, from: 100, to: 200 },
      { horizontal: true, at: 642, from: 100, to: 200 },
      { horizontal: true, at: 592, from: 100, to: 200 },
      { horizontal: true, at: 741, from: 300, to: 400 },
      { horizontal: true, at: 791, from: 300, to: 400 },
    ]);
  });

  it("a table: cells from the rules, a cell without a rule between is merged, text in the cell its centre lies in", () => {
    // Three columns, three rows; the first row's last two cells merged (申请人情况 over 自然人 | 法人).
    const xs = [50, 150, 200, 250];
    const ys = [100, 120, 140, 160];
    const p = page(
      [text("说明", 60, 105), text("申请人情况", 175, 105, 8), text("自然人", 152, 125, 8), text("法人", 205, 125), text("一、本年新收", 55, 145), text("3", 172, 145), text("4", 222, 145)],
      grid(xs, ys, { vertical: [[0, 2]] }),
    );
    const table = onlyTable(p);
    const rows = htmlToBlocks(tableHtml(table)).map((b) => (b.kind === "row" ? b.cells : []));
    expect(rows).toEqual([
      ["说明", "申请人情况", ""],
      ["", "自然人", "法人"],
      ["一、本年新收", "3", "4"],
    ]);
  });

  it("two grids apart on one page are two tables, each with its own text", () => {
    const p = page(
      [text("甲", 60, 105), text("1", 160, 105), text("乙", 60, 305), text("2", 160, 305)],
      [...grid([50, 150, 250], [100, 120]), ...grid([50, 150, 250], [300, 320])],
    );
    const tables = layoutPage(p).blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
    expect(tables.map((t) => t.cells.map((c) => c.text))).toEqual([
      ["甲", "1"],
      ["乙", "2"],
    ]);
  });

  it("a border drawn twice a point apart is one rule", () => {
    const doubled = [...grid([50, 150, 250], [100, 120, 140]), ...strokes([[151, 100, 151, 140]])];
    const p = page([text("甲", 60, 105), text("1", 160, 105), text("乙", 60, 125), text("2", 160, 125)], doubled);
    const table = onlyTable(p);
    expect(table.xs).toHaveLength(3);
    expect(table.cells.map((c) => c.text)).toEqual(["甲", "1", "乙", "2"]);
  });

  it("a box around one block of text is no table: the text stays text", () => {
    const blocks = layoutPage(page([text("本机关全年主动公开信息。", 60, 110)], grid([50, 300], [100, 130]))).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(["line"]);
  });

  it("text run over a rule is cut at it; a cell's lines are joined (a number wrapped in a narrow cell without a space)", () => {
    const p = page([text("标签甲乙", 60, 105), text("12", 105, 125), text("34", 105, 137)], grid([50, 80, 120], [100, 120, 150]));
    const rows = htmlToBlocks(tableHtml(onlyTable(p))).map((b) => (b.kind === "row" ? b.cells : []));
    expect(rows).toEqual([
      ["标签", "甲乙"],
      ["", "1234"],
    ]);
  });

  it("a frame around the page, with a rule under its heading, is not a table: its text stays text", () => {
    const long = "本机关认真贯彻落实政府信息公开条例，主动公开各类政府信息。".repeat(6);
    const lines = [0, 1, 2, 3].map((i) => text(long.slice(i * 45, i * 45 + 45), 60, 100 + 15 * i));
    const blocks = layoutPage(page([text("某县某局", 60, 60), ...lines], grid([50, 545], [40, 80, 800]))).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(["line", "line", "line", "line", "line"]);
  });

  it("a table continued on the next page is one table when its columns line up", () => {
    const a: GridTable = { xs: [50, 150, 250], ys: [100, 120], cells: [{ row: 0, col: 0, rowSpan: 1, colSpan: 2, text: "表头" }] };
    const b: GridTable = { xs: [50, 100, 150, 250], ys: [60, 80], cells: [{ row: 0, col: 0, rowSpan: 1, colSpan: 1, text: "甲" }, { row: 0, col: 1, rowSpan: 1, colSpan: 1, text: "乙" }, { row: 0, col: 2, rowSpan: 1, colSpan: 1, text: "1" }] };
    const joined = joinTables(a, b)!;
    expect(joined.xs).toEqual([50, 100, 150, 250]);
    expect(htmlToBlocks(tableHtml(joined)).map((r) => (r.kind === "row" ? r.cells : []))).toEqual([
      ["表头", "", ""],
      ["甲", "乙", "1"],
    ]);
    expect(joinTables(a, { ...b, xs: [80, 120, 150, 300] })).toBeUndefined();
  });
});

describe("text", () => {
  it("radicals named by a PDF writer for ideographs are the ideographs", () => {
    expect(fixRadicals("⼈⺠政府⻔户⽹站")).toBe("人民政府门户网站");
    expect(fixRadicals("（一）予以公开")).toBe("（一）予以公开");
  });

  it("lines run on while they reach the right margin; an indented line, a numbered line or a date starts a new paragraph; page numbers go", () => {
    const line = (s: string, x: number, top: number) => text(s, x, top);
    const full = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"; // 40 em
    const pages = [
      page([
        line(full, 50, 100),
        line("接着的一行。", 50, 115),
        line(full.slice(2), 70, 130),
        line("（一）主动公开情况", 50, 145),
        line(full, 50, 160),
        line("2021年1月21日", 50, 175),
        line("—3—", 280, 800),
      ]),
    ];
    const doc = layoutDocument(pages.map(layoutPage));
    expect(doc.map((b) => (b.kind === "para" ? b.text : b.kind))).toEqual([
      `${full}接着的一行。`,
      full.slice(2),
      "（一）主动公开情况",
      full,
      "2021年1月21日",
    ]);
  });
});

describe("tables without rules", () => {
  /** A row of numbers at `top`: a label, then values centred on `centres` ("" leaves the cell blank). */
  function row(label: string, values: string[], top: number, centres: number[]): PdfTextItem[] {
    return [text(label, 50, top), ...values.flatMap((v, i) => (v === "" ? [] : [text(v, centres[i] - (v.length * 5) / 2, top)]))];
  }
  const centres = [200, 240, 280, 320];

  it("numbers in the columns they stand in; a column blank in every row is found from the header word over it", () => {
    const items = [
      ...["结果维持", "结果纠正", "其他结果", "总计"].map((h, i) => text(h, centres[i] - 20, 100)),
      ...row("行政复议", ["1", "2", "", "3"], 120, centres),
      ...row("行政诉讼", ["4", "5", "", "9"], 140, centres),
    ];
    const blocks = layoutPage(page(items)).blocks;
    const rows = blocks.flatMap((b) => (b.kind === "rows" ? b.rows : []));
    expect(rows).toEqual([
      ["", "结果维持", "结果纠正", "其他结果", "总计"],
      ["行政复议", "1", "2", "", "3"],
      ["行政诉讼", "4", "5", "", "9"],
    ]);
  });

  it("a heading centred between two columns is not taken for a column; a row whose first number is missing keeps no numbers", () => {
    const items = [
      text("行政", 250, 95), // centred at 260, halfway between the columns at 240 and 280
      ...row("甲", ["1", "2", "3", "4"], 120, centres),
      ...row("乙", ["", "6", "7", "8"], 140, centres),
    ];
    const rows = layoutPage(page(items)).blocks.flatMap((b) => (b.kind === "rows" ? b.rows : []));
    expect(rows).toEqual([["", "", "", "行政", ""], ["甲", "1", "2", "3", "4"], ["乙"]]);
  });
});

describe("page furniture", () => {
  /** A page of body lines with `top` and `bottom` as its first and last lines. */
  const withEdges = (top: string, bottom: string, n = 1) =>
    page([text(top, 280, 30), text(`本机关第${n}页的正文内容。`, 50, 400), text(bottom, 280, 810)]);

  it("a page number as the first or last line goes, in any of its usual forms; a year or a longer number stays", () => {
    for (const number of ["3", "—3—", "- 3 -", "第3页", "第 3 页 共 7 页", "第3页，共7页", "3/7", "_12_", "·5·", "第12页", "第3页共12页", "12/3", "3/12"]) {
      const doc = layoutDocument([layoutPage(withEdges(number, number))]);
      expect(doc.map((b) => (b.kind === "para" ? b.text : b.kind))).toEqual(["本机关第1页的正文内容。"]);
    }
    for (const kept of ["2021", "第3页共7页注", "3/7/9", "12a", "注第3页"]) {
      const doc = layoutDocument([layoutPage(withEdges(kept, "正文后记"))]);
      expect(doc.map((b) => (b.kind === "para" ? b.text : "")).join("|")).toMatch(new RegExp(`^${kept}`));
    }
  });

  it("the same line at the top or bottom of most pages (numbers aside) goes, from three pages on", () => {
    const pages = (n: number) => Array.from({ length: n }, (_, i) => layoutPage(withEdges("某县人民政府门户网站", `第${i + 1}页 共${n}页 某县`, i + 1)));
    const textOf = (n: number) => layoutDocument(pages(n)).map((b) => (b.kind === "para" ? b.text : b.kind)).join("");
    expect(textOf(3)).toBe("本机关第1页的正文内容。本机关第2页的正文内容。本机关第3页的正文内容。");
    expect(textOf(2)).toContain("某县人民政府门户网站");
  });

  it("a line in the middle of the page is never running furniture", () => {
    const pages = [1, 2, 3].map((i) => layoutPage(page([text("某县某局", 50, 400), text(`第${i}段正文。`, 50, 430)])));
    const doc = layoutDocument(pages).map((b) => (b.kind === "para" ? b.text : b.kind)).join("");
    expect(doc.split("某县某局")).toHaveLength(4);
  });
});

describe("tables as HTML", () => {
  it("merged cells as rowspan and colspan; text escaped", () => {
    const table: GridTable = {
      xs: [0, 10, 20, 30],
      ys: [0, 10, 20],
      cells: [
        { row: 0, col: 0, rowSpan: 2, colSpan: 1, text: "A&B" },
        { row: 0, col: 1, rowSpan: 1, colSpan: 2, text: "<合计>" },
        { row: 1, col: 2, rowSpan: 1, colSpan: 1, text: "3" },
        { row: 1, col: 1, rowSpan: 1, colSpan: 1, text: "2" },
      ],
    };
    expect(tableHtml(table)).toBe('<table><tr><td rowspan="2">A&amp;B</td><td colspan="2">&lt;合计&gt;</td></tr><tr><td>2</td><td>3</td></tr></table>');
  });

  it("a continuation whose columns share too few boundaries, or whose right edge differs, is another table", () => {
    const a: GridTable = { xs: [50, 100, 150, 200, 250], ys: [100, 120], cells: [{ row: 0, col: 0, rowSpan: 1, colSpan: 4, text: "表头" }] };
    const few: GridTable = { xs: [50, 70, 90, 130, 170, 250], ys: [60, 80], cells: [{ row: 0, col: 0, rowSpan: 1, colSpan: 5, text: "甲" }] };
    expect(joinTables(a, few)).toBeUndefined();
    expect(joinTables(a, { ...a, xs: [50, 100, 150, 200, 260] })).toBeUndefined();
    // Three boundaries of five shared (60% of the fewer): one table.
    const enough: GridTable = { xs: [50, 100, 120, 170, 180, 250], ys: [60, 80], cells: [{ row: 0, col: 0, rowSpan: 1, colSpan: 5, text: "甲" }] };
    expect(joinTables(a, enough)?.xs).toEqual([50, 100, 120, 150, 170, 180, 200, 250]);
    const same = joinTables(a, { ...a, ys: [60, 90] })!;
    expect(same.ys).toEqual([100, 120, 150]);
    expect(same.cells.map((c) => c.row)).toEqual([0, 1]);
  });
});

describe("lines", () => {
  it("Latin words and numbers in separate runs are joined with a space; CJK runs are not", () => {
    const lines = layoutDocument([layoutPage(page([text("Annual", 50, 100), text("report", 90, 100), text("本机关", 200, 100), text("网站", 232, 100)]))]);
    expect(lines).toEqual([{ kind: "para", text: "Annual report 本机关网站" }]);
    const close = layoutDocument([layoutPage(page([text("本机关", 50, 100), text("网站", 81, 100)]))]);
    expect(close).toEqual([{ kind: "para", text: "本机关网站" }]);
  });

  it("a paragraph's lines are joined with a space only between Latin letters or digits", () => {
    const cjk = "一二三四五六七八九十".repeat(3) + "一二三四五六";
    const doc = layoutDocument([layoutPage(page([text(cjk + "Open", 50, 100), text("Data平台上线。", 50, 115), text(cjk + "2021", 50, 140), text("年完成。", 50, 155)]))]);
    expect(doc.map((b) => (b.kind === "para" ? b.text : b.kind))).toEqual([`${cjk}Open Data平台上线。`, `${cjk}2021年完成。`]);
  });

  it("a line of another size starts a new paragraph", () => {
    const full = "一二三四五六七八九十".repeat(4);
    const doc = layoutDocument([layoutPage(page([text(full, 50, 100), text(full, 50, 115), text("小字的注释。", 50, 130, 8)]))]);
    expect(doc.map((b) => (b.kind === "para" ? b.text : b.kind))).toEqual([full + full, "小字的注释。"]);
  });

  it("a paragraph runs on to the next page from the page's last line", () => {
    const full = "一二三四五六七八九十".repeat(4);
    const first = page([text(full, 50, 100), text(full, 50, 115), text(full, 50, 130), text(full, 50, 760)]);
    const pages = [first, page([text("续完。", 50, 60), text(full, 50, 200)])];
    const doc = layoutDocument(pages.map(layoutPage)).map((b) => (b.kind === "para" ? b.text : b.kind));
    expect(doc).toEqual([full + full + full, `${full}续完。`, full]);
  });
});

describe("tables over pages and titles over lines", () => {
  const cellsOf = (top: number) => [text("甲", 60, top + 5), text("1", 160, top + 5)];

  it("a table continued at the top of the next page is one table; after text on that page it is another", () => {
    const first = page([text("表格如下：", 50, 600), ...cellsOf(780)], grid([50, 150, 250], [760, 780, 800]));
    const next = page(cellsOf(60), grid([50, 150, 250], [60, 80]));
    const joined = layoutDocument([first, next].map(layoutPage));
    expect(joined.filter((b) => b.kind === "table")).toHaveLength(1);
    const afterText = page([text("续表", 50, 40), ...cellsOf(60)], grid([50, 150, 250], [60, 80]));
    expect(layoutDocument([first, afterText].map(layoutPage)).filter((b) => b.kind === "table")).toHaveLength(2);
    const notLast = page([text("表格如下：", 50, 600), ...cellsOf(700), text("表后的说明文字。", 50, 790)], grid([50, 150, 250], [680, 700, 720]));
    expect(layoutDocument([notLast, next].map(layoutPage)).filter((b) => b.kind === "table")).toHaveLength(2);
  });

  it("a centred title broken over two lines is one paragraph", () => {
    const body = "一二三四五六七八九十".repeat(4);
    const doc = layoutDocument([
      layoutPage(page([text("某县人民政府办公室关于二〇二一年度政府信息公开工作年度报告的全文发布稿", 80, 60), text("（全文）", 235, 75), text(body, 50, 120), text(body, 50, 135)])),
    ]);
    expect(doc[0]).toEqual({ kind: "para", text: "某县人民政府办公室关于二〇二一年度政府信息公开工作年度报告的全文发布稿（全文）" });
  });
});

describe("text items", () => {
  const lineOf = (item: PdfTextItem) => {
    const blocks = layoutPage(page([item])).blocks;
    return blocks.length === 1 && blocks[0].kind === "line" ? blocks[0].line : undefined;
  };

  it("an item without a width is as wide as its characters (Chinese one em, others half); without a height, its scale is its size", () => {
    const item = { ...text("AB中", 100, 100), width: 0 };
    expect(lineOf(item)).toMatchObject({ x0: 100, x1: 120, size: 10 });
    const noHeight = { ...text("中文", 100, 100), height: 0, transform: [12, 0, 0, 12, 100, 700] };
    expect(lineOf(noHeight)).toMatchObject({ x0: 100, x1: 120, size: 12, y: HEIGHT - 700 });
  });

  it("the page's characters are counted without spaces", () => {
    expect(layoutPage(page([text("A B", 100, 100), text("中 文", 100, 200)])).chars).toBe(4);
  });

  it("items given right to left make one line left to right; baselines 0.4 of a size apart are one line, further apart two", () => {
    const line = layoutPage(page([text("公开", 120, 100), text("政府", 100, 100), text("信息", 140, 104)])).blocks;
    expect(line.map((b) => (b.kind === "line" ? b.line.text : b.kind))).toEqual(["政府公开信息"]);
    const two = layoutPage(page([text("政府", 100, 100), text("信息", 120, 104.5)])).blocks;
    expect(two.map((b) => (b.kind === "line" ? b.line.text : b.kind))).toEqual(["政府", "信息"]);
  });

  it("runs of spaces inside an item are one space; an item of spaces, or of no size, is no text", () => {
    expect(lineOf(text("Open   data", 100, 100))?.text).toBe("Open data");
    const nothing = layoutPage(page([text("   ", 100, 100), { ...text("中文", 100, 200), transform: [0, 0, 0, 10, 100, 600] }, { ...text("中文", 100, 300), transform: [10, 0, 0, 0, 100, 500] }]));
    expect(nothing).toMatchObject({ blocks: [], chars: 0 });
  });

  it("text printed top to bottom is kept, placed by its centre", () => {
    // Rotated a quarter turn: the item runs up the page from (100, 700).
    const up: PdfTextItem = { str: "合计", transform: [0, 10, -10, 0, 100, 700], width: 20, height: 10 };
    const line = lineOf(up);
    expect(line?.text).toBe("合计");
    expect(line?.runs[0].vertical).toBe(true);
    expect(line?.x0).toBeCloseTo(95);
    expect(line?.x1).toBeCloseTo(105);
    expect(line?.y).toBeCloseTo(HEIGHT - 710 + 3.5);
  });
});

describe("paragraph edges", () => {
  const full = "一二三四五六七八九十".repeat(4); // 40 em: from the margin at 50 to 450
  const paras = (items: PdfTextItem[]) => layoutDocument([layoutPage(page(items))]).map((b) => (b.kind === "para" ? b.text : b.kind));

  it("a first line indented two characters starts a paragraph after a full line; the left margin is the leftmost of the commonest starts", () => {
    const indented = full.slice(2); // 38 em from 70 also reaches 450
    expect(paras([text(indented, 70, 100), text(full, 50, 115), text(indented, 70, 130), text("结束。", 50, 145)])).toEqual([indented + full, `${indented}结束。`]);
    // Started 0.6 of a character in, a line is still at the margin; one character in it is not.
    expect(paras([text(full, 50, 100), text(full, 50, 115), text("接着。", 56, 130)])).toEqual([`${full + full}接着。`]);
    expect(paras([text(full, 50, 100), text(full, 50, 115), text("另起。", 60, 130)])).toEqual([full + full, "另起。"]);
  });

  it("a line ending two and a half characters short of the margin is full; a long web address does not move the margin", () => {
    const short = full.slice(3); // 37 em from 55: ends at 425
    expect(paras([text(full, 50, 100), text(full, 50, 115), text(short, 55, 130), text("接着。", 50, 145)])).toEqual([`${full + full + short}接着。`]);
    const url = "http://www.example.gov.cn/zwgk/xxgkndbg/2021/t20220120_123456.html?from=annual-report-page1"; // ends past 450
    expect(paras([text(full, 50, 100), text(url, 50, 115), text(full, 50, 130), text("接着。", 50, 145)])).toEqual([`${full}${url}${full}接着。`]);
  });

  it("a gap of more than 2.2 lines' height, or 1.3 times the page's usual spacing, ends a paragraph", () => {
    // Spaced 15 apart: a gap of 21 runs on, one of 23 does not.
    const tight = [100, 115, 130, 145, 160, 181].map((top) => text(full, 50, top));
    expect(paras([...tight, text("另起。", 50, 204)])).toEqual([full.repeat(6), "另起。"]);
    // Spaced 20 apart: a gap of 25 runs on, one of 27 does not.
    const loose = [100, 120, 140, 160, 185].map((top) => text(full, 50, top));
    expect(paras([...loose, text("另起。", 50, 212)])).toEqual([full.repeat(5), "另起。"]);
  });

  it("a centred line under a full body line, or a signature under a signature, is its own paragraph; a title 34 characters wide runs on", () => {
    expect(paras([text(full, 50, 100), text(full, 50, 115), text("政府信息公开工作年度报告", 190, 130)])).toEqual([full + full, "政府信息公开工作年度报告"]);
    const body = [text(full, 50, 200), text(full, 50, 215)];
    expect(paras([text("某县人民政府办公室", 360, 100), text("信息公开科", 380, 115), ...body])).toEqual(["某县人民政府办公室", "信息公开科", full + full]);
    const title = "某县人民政府办公室关于二〇二一年度政府信息公开工作年度报告的全文发布"; // 34 em: 86 to 426
    expect(paras([text(title, 86, 60), text("（全文）", 236, 75), ...body])).toEqual([`${title}（全文）`, full + full]);
  });

  it("a paragraph does not run over a page without text", () => {
    const first = page([text(full, 50, 100), text(full, 50, 760)]);
    const doc = layoutDocument([first, page([]), page([text("续完。", 50, 60)])].map(layoutPage));
    expect(doc.map((b) => (b.kind === "para" ? b.text : b.kind))).toEqual([full + full, "续完。"]);
  });
});

describe("lines from items", () => {
  const texts = (items: PdfTextItem[]) => layoutPage(page(items)).blocks.map((b) => (b.kind === "line" ? b.line.text : b.kind));

  it("items in any order make the same lines, each left to right however its baselines differ", () => {
    expect(texts([text("政府", 100, 100), text("信息", 100, 115), text("公开", 120, 100)])).toEqual(["政府公开", "信息"]);
    expect(texts([text("公开", 120, 100), text("政府", 100, 103)])).toEqual(["政府公开"]);
  });

  it("baselines are one line within 0.4 of the smaller size", () => {
    // 5 points apart: within 0.4 of 20, not of 10.
    expect(texts([{ ...text("大", 100, 100, 20), transform: [20, 0, 0, 20, 100, 700] }, { ...text("小", 130, 100), transform: [10, 0, 0, 10, 130, 695] }])).toEqual(["大", "小"]);
  });

  it("a line spans its items, sits at their mean baseline, and is as big as its biggest", () => {
    const line = layoutPage(page([text("公开", 100, 100, 12), text("信息", 130, 101)])).blocks[0];
    expect(line.kind === "line" && line.line).toMatchObject({ text: "公开信息", x0: 100, x1: 150, size: 12 });
    expect(line.kind === "line" && line.line.y).toBeCloseTo((110.2 + 109.5) / 2);
  });

  it("a space between Latin items only where they stand apart; a character's width apart, Chinese items are still one word", () => {
    expect(texts([text("Gov", 100, 100), text("ernment", 115, 100)])).toEqual(["Government"]);
    expect(texts([text("2021年", 100, 100), text("Open", 138, 100)])).toEqual(["2021年Open"]);
    expect(texts([text("Open", 100, 100), text("数据2021", 123, 100)])).toEqual(["Open数据2021"]);
    expect(texts([text("本机关", 50, 100), text("网站", 90, 100)])).toEqual(["本机关网站"]);
  });
});

describe("tables and the text around them", () => {
  const rowsOf = (p: PdfPageData) => htmlToBlocks(tableHtml(onlyTable(p))).map((b) => (b.kind === "row" ? b.cells : []));

  it("text beside, above and below a table stays text", () => {
    const p = page(
      [text("左侧", 20, 105), text("右侧", 320, 125), text("表上", 150, 85), text("表下", 150, 150), text("甲", 110, 105), text("1", 210, 125)],
      grid([100, 200, 300], [100, 120, 140]),
    );
    const blocks = layoutPage(p).blocks;
    // A line is placed by its top (a size above its baseline): the line just above the table comes before it.
    expect(blocks.map((b) => (b.kind === "line" ? b.line.text : b.kind))).toEqual(["表上", "table", "左侧", "右侧", "表下"]);
    expect(onlyTable(p).cells.map((c) => c.text)).toEqual(["甲", "", "", "1"]);
  });

  it("rules one way only, as under a heading, make no table", () => {
    const blocks = layoutPage(page([text("标题", 60, 100), text("正文", 60, 130)], strokes([[50, 115, 300, 115], [50, 145, 300, 145]]))).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(["line", "line"]);
  });

  it("a label merged over two rows is one cell with a rowspan; missing rules that leave no rectangle merge nothing", () => {
    const p = page(
      [text("申请人", 55, 115), text("自然人", 105, 105), text("1", 160, 105), text("法人", 105, 125), text("2", 160, 125)],
      grid([50, 100, 150, 200], [100, 120, 140], { horizontal: [[1, 0]] }),
    );
    expect(tableHtml(onlyTable(p))).toBe('<table><tr><td rowspan="2">申请人</td><td>自然人</td><td>1</td></tr><tr><td>法人</td><td>2</td></tr></table>');
    // Neither the rule right of the first cell nor the one under it: an L, so four cells.
    const l = onlyTable(page([text("甲", 60, 105)], grid([50, 100, 150], [100, 120, 140], { vertical: [[0, 1]], horizontal: [[1, 0]] })));
    expect(l.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 1, 1],
      [0, 1, 1, 1],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
    ]);
  });

  it("a cell's lines are joined with a space only between Latin letters", () => {
    const p = page(
      [
        ...[["PDF", "文件"], ["文件", "PDF"], ["Open", "data"], ["A类", "Open"], ["Open", "数据PDF"]].flatMap(([a, b], i) => [text(a, 55 + 50 * i, 102), text(b, 55 + 50 * i, 110)]),
      ],
      grid([50, 100, 150, 200, 250, 300], [100, 120]),
    );
    expect(rowsOf(p)).toEqual([["PDF文件", "文件PDF", "Open data", "A类Open", "Open数据PDF"]]);
  });

  it("text across two rules is cut at both, sharing its width by characters (Latin half a Chinese one), without spaces at the cuts", () => {
    const p = page([text("甲乙丙", 60, 105), text("ABCD中文", 60, 125), text("Open data", 55, 145)], grid([50, 70, 80, 110, 140], [100, 120, 140, 160]));
    expect(onlyTable(p).cells.map((c) => c.text)).toEqual(["甲", "乙", "丙", "", "AB", "CD", "中文", "", "Ope", "n", "data", ""]);
  });
});

describe("rules drawn in pieces", () => {
  it("a border drawn cell by cell, bottom piece first, is one rule; a second line two points off is averaged with it as one", () => {
    // Verticals: at 150 in two pieces (bottom first) with a second line at 152 between them; at 200 bottom piece first.
    const ops = [
      ...strokes([
        [150, 120, 150, 140],
        [152, 100, 152, 140],
        [150, 100, 150, 120],
        [200, 120, 200, 140],
        [200, 100, 200, 120],
      ]),
      ...grid([50, 250], [100, 120, 140]),
    ];
    const items = [text("甲", 60, 105), text("乙", 160, 105), text("丙", 210, 105), text("丁", 60, 125), text("戊", 160, 125), text("己", 210, 125)];
    const table = onlyTable(page(items, ops));
    expect(table.xs).toHaveLength(4);
    expect(table.xs[1]).toBeCloseTo(151);
    expect(table.cells.map((c) => c.text)).toEqual(["甲", "乙", "丙", "丁", "戊", "己"]);
  });

  it("two grids side by side at the same height are two tables", () => {
    const p = page([text("甲", 60, 105), text("乙", 180, 105)], [...grid([50, 100, 150], [100, 120]), ...grid([170, 220, 270], [100, 120])]);
    const tables = layoutPage(p).blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
    expect(tables.map((t) => t.xs)).toEqual([
      [50, 100, 150],
      [170, 220, 270],
    ]);
  });
});

describe("documents with tables", () => {
  const cellsOf = (top: number) => [text("甲", 60, top + 5), text("1", 160, top + 5)];
  const tableCount = (pages: PdfPageData[]) => layoutDocument(pages.map(layoutPage)).filter((b) => b.kind === "table").length;
  const endsPage = page([text("表格如下：", 50, 600), ...cellsOf(780)], grid([50, 150, 250], [760, 780, 800]));
  const startsPage = page(cellsOf(60), grid([50, 150, 250], [60, 80]));

  it("a table over three pages is one table; not over a page without text, nor when its columns do not line up", () => {
    const middle = page(cellsOf(40), grid([50, 150, 250], [40, 800]));
    expect(tableCount([endsPage, middle, startsPage])).toBe(1);
    expect(tableCount([endsPage, page([]), startsPage])).toBe(2);
    expect(tableCount([endsPage, page(cellsOf(60), grid([50, 150, 300], [60, 80]))])).toBe(2);
  });

  it("a table without rules stands between paragraphs", () => {
    const centres = [200, 240];
    const items = [
      text("说明文字。", 50, 60),
      ...[["结果维持", "总计"]].flatMap((hs) => hs.map((h, i) => text(h, centres[i] - 20, 100))),
      text("行政复议", 50, 120),
      text("1", 197.5, 120),
      text("3", 237.5, 120),
      text("行政诉讼", 50, 140),
      text("4", 197.5, 140),
      text("9", 237.5, 140),
      text("其后的文字。", 50, 200),
    ];
    const doc = layoutDocument([layoutPage(page(items))]);
    expect(doc.map((b) => (b.kind === "para" ? b.text : b.kind === "rows" ? b.rows.length : b.kind))).toEqual(["说明文字。", 3, "其后的文字。"]);
  });

  it("boundaries that cannot be lined up cell for cell are not joined", () => {
    const a: GridTable = { xs: [50, 100, 250], ys: [100, 120], cells: [{ row: 0, col: 0, rowSpan: 1, colSpan: 2, text: "表头" }] };
    const narrow: GridTable = {
      xs: [50, 97.6, 102.4, 250],
      ys: [60, 80],
      cells: [0, 1, 2].map((col) => ({ row: 0, col, rowSpan: 1, colSpan: 1, text: "" })),
    };
    expect(joinTables(a, narrow)).toBeUndefined();
  });
});

describe("running lines", () => {
  it("a running header with a year in it goes; a title at the top of the first page only stays", () => {
    const pages = [1, 2, 3].map((i) => layoutPage(page([...(i === 1 ? [text("年度报告", 250, 50)] : []), text("某县2021年度政府信息公开", 200, 30), text(`第${i}部分正文。`, 50, 400)])));
    expect(layoutDocument(pages).map((b) => (b.kind === "para" ? b.text : b.kind)).join("")).toBe("年度报告第1部分正文。第2部分正文。第3部分正文。");
  });
});

describe("rules in more shapes", () => {
  const flat = (ops: PdfOp[], viewport = [1, 0, 0, 1, 0, 0]) => pageSegments({ viewport, width: 595, height: 842, items: [], ops });
  const fill = (d: number[]): PdfOp => ["constructPath", ["fill", d]];
  const box = (x: number, y: number, w: number, h: number) => fill([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4]);

  it("a rotated page under a rotating transform: rules where the page shows them", () => {
    // The viewport swaps x and y (a page rotated a quarter turn) and moves by (10, 20); the transform turns a
    // quarter the other way and moves by (300, 50): together (x, y) → (x + 60, 320 − y).
    const ops: PdfOp[] = [
      ["transform", [0, 1, -1, 0, 300, 50]],
      ["constructPath", ["stroke", [0, 10, 100, 1, 110, 100]]],
      ["constructPath", ["stroke", [0, 10, 100, 1, 10, 150]]],
    ];
    expect(flat(ops, [0, 1, 1, 0, 10, 20])).toEqual([
      { horizontal: true, at: 220, from: 70, to: 170 },
      { horizontal: false, at: 70, from: 170, to: 220 },
    ]);
  });

  it("a transform or a form matrix that is not six numbers is ignored; an unknown path operator ends the path", () => {
    const ops: PdfOp[] = [
      ["transform", [2, 0, 0, 2, 0]],
      ["paintFormXObjectBegin", [null]],
      ["paintFormXObjectBegin", [[2, 0, 0, 2]]],
      ["constructPath", ["stroke", [0, 10, 100, 1, 110, 100, 9, 1, 110, 300]]],
    ];
    expect(flat(ops)).toEqual([{ horizontal: true, at: 100, from: 10, to: 110 }]);
  });

  it("after a closed path a line goes on from its start", () => {
    const ops: PdfOp[] = [["constructPath", ["stroke", [0, 10, 100, 1, 110, 100, 1, 110, 150, 4, 1, 10, 300]]]];
    expect(flat(ops).filter((s) => !s.horizontal && s.at === 10)).toEqual([{ horizontal: false, at: 10, from: 100, to: 300 }]);
  });

  it("a filled shape is a rule only as a thin box of four corners, closed or not, with its sides level", () => {
    expect(
      flat([
        fill([0, 100, 100, 1, 200, 100, 1, 200, 102]), // three corners: none
        fill([0, 100, 200, 1, 150, 200, 1, 200, 200, 1, 200, 202, 1, 150, 202, 1, 100, 202, 4]), // six points: none
        fill([0, 100, 300, 1, 200, 300, 1, 200, 302, 1, 100, 302]), // four corners, not closed: a rule
        fill([0, 100, 400, 1, 150, 400, 1, 152, 402, 1, 102, 402, 4]), // leaning: none
        fill([0, 100, 500, 1, 150, 500, 1, 150, 501, 1, 100, 502, 4]), // a side not level: none
        box(300, 100, 1, 0.5), // specks: none
        box(300, 200, 0.5, 1),
        box(300, 300, 10, 40), // a shaded box taller than wide: none
        box(300, 400, 2.5, 50), // 2.5 points wide: a vertical rule
      ]),
    ).toEqual([
      { horizontal: true, at: 301, from: 100, to: 200 },
      { horizontal: false, at: 301.25, from: 400, to: 450 },
    ]);
  });

  it("a colour with more than six digits, or none at all, is drawn", () => {
    const ops: PdfOp[] = [
      ["setStrokeRGBColor", ["#ffffff80"]],
      ["constructPath", ["stroke", [0, 10, 100, 1, 110, 100]]],
      ["setStrokeRGBColor", []],
      ["constructPath", ["stroke", [0, 10, 200, 1, 110, 200]]],
    ];
    expect(flat(ops).map((s) => s.at)).toEqual([100, 200]);
  });

  it("every way of painting a path is read as stroking, filling or both (from a freshly loaded module)", async () => {
    vi.resetModules();
    const fresh = await import("./pdf-layout");
    const segments = (paint: string) =>
      fresh.pageSegments({ viewport: [1, 0, 0, 1, 0, 0], width: 595, height: 842, items: [], ops: [["constructPath", [paint, [0, 100, 100, 1, 200, 100, 1, 200, 102, 1, 100, 102, 4]]]] });
    const read = (paint: string) => {
      const s = segments(paint);
      return [s.some((r) => r.at === 100 || r.at === 102) ? "stroke" : "", s.some((r) => r.at === 101) ? "fill" : ""].join(" ").trim();
    };
    expect(["stroke", "closeStroke", "fill", "eoFill", "fillStroke", "eoFillStroke", "closeFillStroke", "closeEOFillStroke"].map(read)).toEqual([
      "stroke",
      "stroke",
      "fill",
      "fill",
      "stroke fill",
      "stroke fill",
      "stroke fill",
      "stroke fill",
    ]);
    // The radicals table, from its first line to its last.
    expect(fresh.fixRadicals("⺂⺫⻑⻬⻳")).toBe("乛罒長齐龟");
  });
});

describe("text placement", () => {
  it("a character sitting low in its cell is placed by the middle of its glyphs, not its baseline", () => {
    const table = onlyTable(page([text("甲", 60, 111), text("乙", 60, 131)], grid([50, 150], [100, 120, 140])));
    expect(table.cells.map((c) => c.text)).toEqual(["甲", "乙"]);
  });

  it("an item's height is its size when it has one; upside-down text is placed by its centre", () => {
    const blocks = layoutPage(page([{ ...text("中文", 100, 100), height: 12 }])).blocks;
    expect(blocks[0].kind === "line" && blocks[0].line.size).toBe(12);
    const down = layoutPage(page([{ str: "倒置", transform: [-10, 0, 0, -10, 300, 500], width: 20, height: 10 }])).blocks;
    expect(down[0].kind === "line" && down[0].line).toMatchObject({ x0: 280, x1: 300, runs: [{ vertical: true }] });
  });
});

describe("more paragraph edges", () => {
  const full = "一二三四五六七八九十".repeat(4);
  const paras = (items: PdfTextItem[]) => layoutDocument([layoutPage(page(items))]).map((b) => (b.kind === "para" ? b.text : b.kind));

  it("a paragraph's lines are joined with a space only where both sides of the break are Latin letters or digits", () => {
    const cjk = full.slice(4);
    expect(paras([text(`${cjk}共2件`, 50, 100), text("10项办结。", 50, 115)])).toEqual([`${cjk}共2件10项办结。`]);
    expect(paras([text(`${cjk}2021`, 50, 200), text("年度共3项。", 50, 215)])).toEqual([`${cjk}2021年度共3项。`]);
  });

  it("a note standing out left of the margin does not move the margin", () => {
    expect(paras([text("注：", 30, 60), text(full, 50, 100), text(full, 50, 115), text("接着。", 50, 130)])).toEqual(["注：", `${full + full}接着。`]);
  });

  it("a line neither at the margin nor centred under a wide title starts a paragraph", () => {
    const title = "某县人民政府办公室关于二〇二一年度政府信息公开工作年度报告的全文发布";
    expect(paras([text(title, 86, 60), text("某某某", 380, 75), text(full, 50, 200), text(full, 50, 215)])).toEqual([title, "某某某", full + full]);
  });
});

describe("more grids", () => {
  it("a label merged over the second and third rows keeps its rowspan", () => {
    const p = page(
      [text("类别", 55, 85), text("申请人", 55, 115), text("自然人", 105, 105), text("法人", 105, 125)],
      grid([50, 100, 150], [80, 100, 120, 140], { horizontal: [[2, 0]] }),
    );
    expect(tableHtml(onlyTable(p))).toBe('<table><tr><td>类别</td><td></td></tr><tr><td rowspan="2">申请人</td><td>自然人</td></tr><tr><td>法人</td></tr></table>');
  });

  it("a box with a tick on its side is no table: its text stays text", () => {
    const blocks = layoutPage(page([text("本机关全年主动公开信息。", 60, 110)], [...grid([50, 300], [100, 130]), ...strokes([[50, 115, 55, 115]])])).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(["line"]);
  });
});

describe("two and a half points", () => {
  it("a border drawn twice 2.5 points apart is still one rule; a continuation whose edges are 2.5 points off still joins", () => {
    const doubled = [...grid([50, 150, 250], [100, 120, 140]), ...strokes([[152.5, 100, 152.5, 140]])];
    const table = onlyTable(page([text("甲", 60, 105), text("1", 160, 105), text("乙", 60, 125), text("2", 160, 125)], doubled));
    expect(table.xs).toHaveLength(3);
    const a: GridTable = { xs: [50, 150, 250], ys: [100, 120], cells: [{ row: 0, col: 0, rowSpan: 1, colSpan: 2, text: "表头" }] };
    expect(joinTables(a, { ...a, xs: [52.5, 150, 252.5] })?.ys).toEqual([100, 120, 140]);
  });
});

describe("vertical text in a table", () => {
  it("text printed top to bottom across a column rule goes whole to the cell its centre lies in", () => {
    // Centred at x 102, two points right of the rule at 100, its box (a size wide) crosses it.
    const up: PdfTextItem = { str: "合计", transform: [0, 10, -10, 0, 102, HEIGHT - 130], width: 20, height: 10 };
    expect(onlyTable(page([up, text("甲", 60, 115)], grid([50, 100, 150], [100, 140]))).cells.map((c) => c.text)).toEqual(["甲", "合计"]);
  });
});

describe("odd paths and slanted text", () => {
  const flat = (ops: PdfOp[]) => pageSegments({ viewport: [1, 0, 0, 1, 0, 0], width: 595, height: 842, items: [], ops });

  it("a path that starts without a move has no closing side; a path operator without its points draws nothing", () => {
    const ops: PdfOp[] = [
      ["constructPath", ["stroke", [1, 10, 100, 1, 110, 100, 1, 110, 200, 4, 1, 10, 300]]],
      ["constructPath", ["stroke"]],
    ];
    expect(flat(ops)).toEqual([
      { horizontal: true, at: 100, from: 10, to: 110 },
      { horizontal: false, at: 110, from: 100, to: 200 },
    ]);
  });

  it("text running steeply down the page is placed by its centre, as text printed top to bottom", () => {
    // About 80 degrees below the horizontal: a little to the right, much further down.
    const steep: PdfTextItem = { str: "合计", transform: [1.74, -9.85, 9.85, 1.74, 300, 500], width: 20, height: 10 };
    const blocks = layoutPage(page([steep])).blocks;
    expect(blocks[0].kind === "line" && blocks[0].line.runs[0].vertical).toBe(true);
  });
});

describe("edges of the measures", () => {
  const full = "一二三四五六七八九十".repeat(4);
  const paras = (items: PdfTextItem[]) => layoutDocument([layoutPage(page(items))]).map((b) => (b.kind === "para" ? b.text : b.kind));
  const flat = (ops: PdfOp[], viewport: number[]) => pageSegments({ viewport, width: 595, height: 842, items: [], ops });
  const line: PdfOp = ["constructPath", ["stroke", [0, 10, 100, 1, 110, 100]]];

  it("a turned or stretched drawing under a turned page: rules where the page shows them", () => {
    // A page as usual, a drawing with x and y swapped: (x, y) → (y, 842 − x).
    expect(flat([["transform", [0, 1, 1, 0, 0, 0]], line], [1, 0, 0, -1, 0, 842])).toEqual([{ horizontal: false, at: 100, from: 732, to: 832 }]);
    // A page with x and y swapped, moved by (10, 20); a drawing stretched 2 by 3 and moved by (5, 7): (x, y) → (3y + 17, 2x + 25).
    expect(flat([["transform", [2, 0, 0, 3, 5, 7]], line], [0, 1, 1, 0, 10, 20])).toEqual([{ horizontal: false, at: 317, from: 45, to: 245 }]);
  });

  it("two lines ending two points apart set the right margin, however far a web address reaches", () => {
    const url = "http://www.example.gov.cn/zwgk/xxgkndbg/2021/t20220120_123456.html?from=annual-report-page1";
    expect(paras([text(full, 50, 100), text(full, 48, 115), text(url, 50, 130), text("接着。", 50, 145)])).toEqual([`${full + full + url}接着。`]);
  });

  it("a line in type up to 15% of the larger size away runs on", () => {
    const big = (top: number) => text(full, 50, top, 10.3);
    expect(paras([big(100), big(115), text("接着。", 50, 130, 12)])).toEqual([`${full + full}接着。`]);
  });

  it("items 0.15 of a size apart are one word; Chinese items 1.5 sizes apart are still one phrase", () => {
    const texts = (items: PdfTextItem[]) => layoutPage(page(items)).blocks.map((b) => (b.kind === "line" ? b.line.text : b.kind));
    expect(texts([text("Open", 100, 100), text("data", 121.5, 100)])).toEqual(["Opendata"]);
    expect(texts([text("本机关", 50, 100), text("网站", 95, 100)])).toEqual(["本机关网站"]);
  });

  it("a cell of 150 characters is still a table's", () => {
    const rows = [0, 1, 2, 3, 4].map((i) => text(full.slice(0, 30), 55, 125 + 15 * i));
    const table = onlyTable(page([text("说明", 55, 105), ...rows], grid([50, 400], [100, 120, 220])));
    expect(table.cells.map((c) => c.text.length)).toEqual([2, 150]);
  });
});

describe("double borders", () => {
  it("a double top border whose outer line touches only the inner one is one rule, between the two", () => {
    // The column rules start two points under the inner line; the outer line is 2.4 points above it.
    const lines: [number, number, number, number][] = [
      ...[50, 150, 250].map((x): [number, number, number, number] => [x, 102, x, 140]),
      ...[97.6, 100, 120, 140].map((y): [number, number, number, number] => [50, y, 250, y]),
    ];
    const table = onlyTable(page([text("甲", 60, 105), text("1", 160, 105), text("乙", 60, 125), text("2", 160, 125)], strokes(lines)));
    expect(table.ys[0]).toBeCloseTo(98.8);
    expect(table.cells.map((c) => c.text)).toEqual(["甲", "1", "乙", "2"]);
  });
});
