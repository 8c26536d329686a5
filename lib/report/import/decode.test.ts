/** Telling a file's kind, decoding its bytes, and refusing what is not a DOCX before mammoth runs. */
import { describe, expect, it } from "vitest";
import { decodeText, docxToHtml, prepareDocx, sniffKind } from "./decode";
import { deflated, writeZip } from "./zip-testing";

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

describe("sniffKind", () => {
  it("knows a PDF by its content, whatever its name", () => {
    expect(sniffKind(utf8("%PDF-1.7\n..."), "report.txt")).toBe("pdf");
    expect(sniffKind("%PDF-1.7", "report.txt")).toBe("text");
    expect(sniffKind(utf8("text"), "REPORT.PDF")).toBe("pdf");
  });

  it("goes by the extension first", () => {
    expect(sniffKind(utf8("<html>"), "a.docx")).toBe("docx");
    for (const name of ["a.html", "a.htm", "a.xhtml"]) expect(sniffKind(utf8("plain"), name)).toBe("html");
    for (const name of ["a.txt", "a.md", "a.text"]) expect(sniffKind(utf8("<html><body>"), name)).toBe("text");
    expect(sniffKind(bytes(...ZIP, 0, 0), "a.txt")).toBe("text");
    // The last extension counts: a report saved as .docx then renamed .txt is text.
    expect(sniffKind(utf8("<html><body>"), "report.docx.txt")).toBe("text");
  });

  it("else by content: a ZIP is a DOCX, HTML tags make HTML, anything else is text", () => {
    expect(sniffKind(bytes(...ZIP, 0, 0), "report")).toBe("docx");
    expect(sniffKind(bytes(0x50, 0x4b, 0x03, 0x05), "report")).toBe("text");
    for (const head of ["<!DOCTYPE html>", "<HTML lang=zh>", "<body>", "\n<table>", "<p>x", "<div class=a>"]) {
      expect(sniffKind(head), head).toBe("html");
      expect(sniffKind(utf8(head), "x.dat"), head).toBe("html");
    }
    expect(sniffKind("<pre>一、总体情况")).toBe("text");
    expect(sniffKind("<para>")).toBe("text");
    expect(sniffKind(`${"x".repeat(2000)}<html>`)).toBe("text");
    expect(sniffKind(utf8(`${"x".repeat(2000)}<html>`), "x.dat")).toBe("text");
    expect(sniffKind("一、总体情况")).toBe("text");
  });
});

describe("decodeText", () => {
  it("reads UTF-8 with or without a byte-order mark, and text given as a string", () => {
    expect(decodeText(utf8("一、总体情况"))).toEqual({ ok: true, text: "一、总体情况" });
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8("总体")))).toEqual({ ok: true, text: "总体" });
    expect(decodeText("\ufeff总体")).toEqual({ ok: true, text: "总体" });
    // Only a mark at the start is dropped.
    expect(decodeText("总\ufeff体")).toEqual({ ok: true, text: "总\ufeff体" });
  });

  it("reads GBK when the bytes are not UTF-8", () => {
    // 总体 in GBK
    expect(decodeText(bytes(0xd7, 0xdc, 0xcc, 0xe5))).toEqual({ ok: true, text: "总体" });
    // GB18030's own byte-order mark (84 31 95 33) is dropped too; one further on is kept.
    expect(decodeText(bytes(0x84, 0x31, 0x95, 0x33, 0xd7, 0xdc, 0xcc, 0xe5))).toEqual({ ok: true, text: "总体" });
    expect(decodeText(bytes(0xd7, 0xdc, 0x84, 0x31, 0x95, 0x33, 0xcc, 0xe5))).toEqual({ ok: true, text: "总\ufeff体" });
  });

  it("names a ZIP, an old Word file and a PDF given as text", () => {
    expect(decodeText(bytes(...ZIP, 1, 2))).toEqual({ ok: false, message: "这是一个压缩包或 Word（DOCX）文件，不是文本。请按 DOCX 文件上传。" });
    expect(decodeText(bytes(...OLE, 1, 2))).toEqual({
      ok: false,
      message: "这是旧版 Word（.doc）或其他 Office 文件，无法直接读取。请在 Word 或 WPS 中另存为 .docx 后再导入。",
    });
    expect(decodeText(utf8("%PDF-1.4"))).toEqual({ ok: false, message: "这是 PDF 文件，不是文本。请按 PDF 文件上传。" });
  });

  it("refuses an empty file and one full of control characters", () => {
    expect(decodeText(utf8("  \n "))).toEqual({ ok: false, message: "文件是空的，没有可读取的内容。" });
    expect(decodeText("")).toEqual({ ok: false, message: "文件是空的，没有可读取的内容。" });
    const broken = { ok: false, message: "文件不是可读的文本，可能已损坏或是其他格式的文件。" };
    expect(decodeText("a\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e")).toEqual(broken);
    // Up to eight, or one in fifty characters, is let be (a stray character in a long text).
    expect(decodeText("a\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008")).toMatchObject({ ok: true });
    expect(decodeText(`${"字".repeat(500)}${"\u0001".repeat(10)}`)).toMatchObject({ ok: true });
    expect(decodeText(`${"字".repeat(500)}${"\ufffd".repeat(11)}`)).toEqual(broken);
    expect(decodeText(`${"字".repeat(100)}\t\n\r${"\u001f".repeat(9)}`)).toEqual(broken);
  });

  it("refuses bytes that are neither UTF-8 nor GBK", () => {
    expect(decodeText(bytes(0x81, 0x30, 0x81))).toEqual({
      ok: false,
      message: "文件不是可读的文本（既不是 UTF-8 也不是 GBK 编码），可能已损坏或是其他格式的文件。",
    });
  });
});

describe("prepareDocx and docxToHtml", () => {
  it("refuses text, an old Word file and anything that is not a ZIP, in Chinese", async () => {
    expect(await prepareDocx("PK")).toEqual({ ok: false, message: "DOCX 文件应以二进制内容提供，收到的是文本。" });
    expect(await prepareDocx(bytes(...OLE, 0))).toEqual({
      ok: false,
      message: "这是旧版 Word（.doc）文件，无法直接读取。请在 Word 或 WPS 中另存为 .docx 后再导入。",
    });
    expect(await prepareDocx(bytes(1, 2, 3, 4))).toEqual({ ok: false, message: "无法打开 DOCX 文件：文件已损坏或不是 Word 文档。" });
    expect(await docxToHtml(bytes(1, 2, 3, 4))).toEqual({ ok: false, message: "无法打开 DOCX 文件：文件已损坏或不是 Word 文档。" });
    expect(await docxToHtml(bytes(...ZIP, 0, 0, 0))).toMatchObject({ ok: false });
  });

  it("a sound archive that is not a Word document (no document part): the usual message, not a crash", async () => {
    const notWord = writeZip([deflated("notes.xml", "<notes>年度报告</notes>")]);
    expect(await prepareDocx(notWord)).toMatchObject({ ok: true });
    expect(await docxToHtml(notWord)).toEqual({ ok: false, message: "无法打开 DOCX 文件：文件已损坏或不是 Word 文档。" });
  });
});
