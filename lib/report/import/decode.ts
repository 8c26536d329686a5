/**
 * From a file to blocks: decoding bytes (UTF-8 or GB18030), telling the kind of a file by its name or
 * content, and DOCX → HTML through mammoth (after the zip-bomb checks of zip-limits.ts). PDF is read
 * by pdf.ts.
 */
import mammoth from "mammoth";
import { looksLikePdf } from "./pdf";
import type { ImportKind } from "./types";
import { CORRUPT_DOCX_MESSAGE, safeDocxZip } from "./zip-limits";

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The kind of a file: a PDF by its content (whatever its name), others by their extension first, else by content. */
export function sniffKind(data: string | Uint8Array, fileName?: string): ImportKind {
  if (typeof data !== "string" && looksLikePdf(data)) return "pdf";
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === "pdf") return "pdf";
  if (ext === "docx") return "docx";
  if (ext === "html" || ext === "htm" || ext === "xhtml") return "html";
  if (ext === "txt" || ext === "md" || ext === "text") return "text";
  // Stryker disable next-line ConditionalExpression,StringLiteral: text never starts with the ZIP bytes (a character is never equal to a number), so the type test changes nothing at run time
  if (typeof data !== "string" && startsWith(data, ZIP_MAGIC)) return "docx";
  const head = (typeof data === "string" ? data.slice(0, 2000) : new TextDecoder().decode(data.slice(0, 2000))).toLowerCase();
  if (/<(?:!doctype html|html|body|table|p|div)[\s>]/.test(head)) return "html";
  return "text";
}

/** Bytes as text: UTF-8 (with or without BOM), else GB18030 (which covers GBK/GB2312). */
export function decodeText(data: string | Uint8Array): Decoded {
  if (typeof data === "string") return checkText(data.replace(/^\ufeff/, ""));
  if (startsWith(data, ZIP_MAGIC)) return { ok: false, message: "这是一个压缩包或 Word（DOCX）文件，不是文本。请按 DOCX 文件上传。" };
  if (startsWith(data, OLE_MAGIC)) {
    return { ok: false, message: "这是旧版 Word（.doc）或其他 Office 文件，无法直接读取。请在 Word 或 WPS 中另存为 .docx 后再导入。" };
  }
  if (looksLikePdf(data)) return { ok: false, message: "这是 PDF 文件，不是文本。请按 PDF 文件上传。" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    try {
      text = new TextDecoder("gb18030", { fatal: true }).decode(data);
    } catch {
      return { ok: false, message: "文件不是可读的文本（既不是 UTF-8 也不是 GBK 编码），可能已损坏或是其他格式的文件。" };
    }
  }
  return checkText(text.replace(/^\ufeff/, ""));
}

function checkText(text: string): Decoded {
  if (text.trim() === "") return { ok: false, message: "文件是空的，没有可读取的内容。" };
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (controls > Math.max(8, text.length / 50)) {
    return { ok: false, message: "文件不是可读的文本，可能已损坏或是其他格式的文件。" };
  }
  return { ok: true, text };
}

/**
 * The DOCX checks before mammoth: the file is a ZIP archive within the limits of zip-limits.ts, and
 * what mammoth gets is the hostile-safe STORED copy of its parts.
 */
export async function prepareDocx(data: string | Uint8Array): Promise<{ ok: true; zip: Uint8Array } | { ok: false; message: string }> {
  if (typeof data === "string") {
    return { ok: false, message: "DOCX 文件应以二进制内容提供，收到的是文本。" };
  }
  if (!startsWith(data, ZIP_MAGIC)) {
    if (startsWith(data, OLE_MAGIC)) {
      return { ok: false, message: "这是旧版 Word（.doc）文件，无法直接读取。请在 Word 或 WPS 中另存为 .docx 后再导入。" };
    }
    return { ok: false, message: CORRUPT_DOCX_MESSAGE };
  }
  return safeDocxZip(data);
}

/** The options mammoth is run with, here and in the worker of off-thread.ts: images dropped, no file access. */
export async function mammothHtml(zip: Uint8Array): Promise<Decoded> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength) },
      // Stryker disable next-line BooleanLiteral: equivalent while convertImage never reads an image (mammoth 1.13 reads external files only for images); kept false for safety
      { convertImage: mammoth.images.imgElement(async () => ({ src: "" })), externalFileAccess: false },
    );
    return { ok: true, text: result.value };
  } catch {
    return { ok: false, message: CORRUPT_DOCX_MESSAGE };
  }
}

/** DOCX → HTML (images dropped), refusing zip bombs before anything is inflated. */
export async function docxToHtml(data: string | Uint8Array): Promise<Decoded> {
  const prepared = await prepareDocx(data);
  if (!prepared.ok) return prepared;
  return mammothHtml(prepared.zip);
}
