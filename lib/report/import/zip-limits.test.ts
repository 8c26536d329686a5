/**
 * Hostile DOCX uploads (zip bombs, lying directories, too many entries) are refused quickly, with a
 * Chinese message and without the memory they ask for; normal DOCX files import exactly as before.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInterchange } from "../interchange";
import { exportDocx } from "../export";
import { htmlToBlocks } from "./blocks";
import { docxToHtml } from "./decode";
import { importReport } from "./index";
import { readReport } from "./read-report";
import {
  checkDeclaredSizes,
  CORRUPT_DOCX_MESSAGE,
  MAX_COMPRESSION_RATIO,
  MAX_DECLARED_BYTES,
  MAX_PARTS_BYTES,
  MAX_ZIP_ENTRIES,
  RATIO_CHECKED_FROM_BYTES,
  inflateEntry,
  isDocxPart,
  readZipDirectory,
  safeDocxZip,
  type ZipEntry,
} from "./zip-limits";
import { crc32, deflated, patchDeclaredSize, readEntries, sampleDocx, writeZip, zeroEntry, type RawEntry } from "./zip-testing";

const MB = 1024 * 1024;

/** What the old code did: mammoth straight on the uploaded bytes. */
async function plainMammoth(data: Uint8Array): Promise<string> {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(data) },
    { convertImage: mammoth.images.imgElement(async () => ({ src: "" })), externalFileAccess: false },
  );
  return result.value;
}

async function seedDocx(): Promise<Uint8Array> {
  const parsed = parseInterchange(fs.readFileSync(path.join(__dirname, "../fixtures/seed-2020.json"), "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return exportDocx(parsed.report, { draft: false });
}

/** `count` entries of `kb` KB of zeros each, all sharing one deflated copy. */
function zeroFiles(prefix: string, ext: string, count: number, kb: number): RawEntry[] {
  const zeros = new Uint8Array(kb * 1024);
  const stored = deflateRawSync(zeros);
  const crc = crc32(zeros);
  return Array.from({ length: count }, (_, i) => ({ name: `${prefix}${i + 1}.${ext}`, stored, method: 8, size: zeros.length, crc32: crc }));
}

let seed: Uint8Array;
let seedEntries: RawEntry[];
/** The seed report with word/document.xml replaced by 512 MB of zeros deflated into ~0.5 MB. */
let bomb: Uint8Array;
/** The same bomb, its local header and central directory patched to declare 4 KB. */
let lyingBomb: Uint8Array;

beforeAll(async () => {
  seed = await seedDocx();
  seedEntries = readEntries(seed);
  bomb = writeZip(seedEntries.map((e) => (e.name === "word/document.xml" ? zeroEntry(e.name, 512) : e)));
  lyingBomb = patchDeclaredSize(bomb, "word/document.xml", 4096);
});

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

describe("zip bombs are refused before they are inflated", () => {
  it("the bomb is what it claims: ~0.5 MB declaring 512 MB", () => {
    expect(bomb.length).toBeLessThan(0.6 * MB);
    const directory = readZipDirectory(bomb);
    expect(directory.ok && directory.entries.find((e) => e.name === "word/document.xml")?.size).toBe(512 * MB);
  });

  it("a 0.5 MB DOCX that inflates to 512 MB: refused by its compression ratio, within 2 s", async () => {
    const { result, ms } = await timed(() => importReport({ kind: "docx", data: bomb }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/压缩比异常（约 \d+ 倍，正常的 Word 文档不超过 200 倍）/);
      expect(result.message).toContain("伪装成 Word 文档的压缩包");
    }
    expect(ms).toBeLessThan(2000);
  });

  it("the same bomb whose directory lies (4 KB declared): inflation stops after 4 KB, within 2 s", async () => {
    const { result, ms } = await timed(() => importReport({ kind: "docx", data: lyingBomb }));
    expect(result).toEqual({
      ok: false,
      message: "无法导入：文件已损坏或是伪装成 Word 文档的压缩包——其中的内容解压后超过了文件自己记录的 4 KB，已停止解压。",
    });
    expect(ms).toBeLessThan(2000);
  });

  describe("memory, measured in a child process", () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "zip-bomb-"));
      fs.writeFileSync(path.join(dir, "bomb.docx"), bomb);
      fs.writeFileSync(path.join(dir, "lying.docx"), lyingBomb);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    for (const file of ["bomb.docx", "lying.docx"]) {
      for (const mode of ["in", "off"] as const) {
        it(`${file} with ${mode === "in" ? "importReport" : "importReportOffThread"}: refused in < 2 s, < 300 MB more memory`, () => {
          const out = execFileSync(process.execPath, ["--import", "tsx", path.join(__dirname, "zip-bomb-child.ts"), path.join(dir, file), mode], {
            timeout: 60_000,
            encoding: "utf8",
          });
          const measured = JSON.parse(out) as { ok: boolean; message: string; ms: number; rssBefore: number; maxRss: number };
          expect(measured.ok).toBe(false);
          expect(measured.message).toContain("伪装成 Word 文档的压缩包");
          expect(measured.ms).toBeLessThan(2000);
          expect(measured.maxRss - measured.rssBefore).toBeLessThan(300 * MB);
        });
      }
    }
  });
});

describe("the other limits", () => {
  const fillers = (count: number): RawEntry[] =>
    Array.from({ length: count }, (_, i) => ({ name: `word/media/filler${i + 1}.png`, stored: new Uint8Array(0), method: 0, size: 0, crc32: 0 }));

  it(`more than ${MAX_ZIP_ENTRIES} entries: refused; exactly ${MAX_ZIP_ENTRIES} reads as without the extra entries`, async () => {
    const over = writeZip([...seedEntries, ...fillers(MAX_ZIP_ENTRIES + 1 - seedEntries.length)]);
    expect(await importReport({ kind: "docx", data: over })).toEqual({
      ok: false,
      message: "无法导入：这个 DOCX 文件包含 2001 个部件，超过了 2000 个的上限。文件可能已损坏，或是伪装成 Word 文档的压缩包。",
    });
    const at = writeZip([...seedEntries, ...fillers(MAX_ZIP_ENTRIES - seedEntries.length)]);
    expect(await importReport({ kind: "docx", data: at })).toEqual(await importReport({ kind: "docx", data: seed }));
  });

  it(`declared total above ${MAX_DECLARED_BYTES / MB} MB (pictures of ordinary ratios): refused`, async () => {
    const data = writeZip([...seedEntries, ...zeroFiles("word/media/image", "png", 70, 900)]);
    const result = await importReport({ kind: "docx", data });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^无法导入：这个 DOCX 文件解压后约 6\d\.\d MB，超过了 60 MB 的上限/) });
  });

  it(`the parts mammoth reads above ${MAX_PARTS_BYTES / MB} MB: refused`, async () => {
    const data = writeZip([...seedEntries, ...zeroFiles("customXml/item", "xml", 12, 900)]);
    expect(await importReport({ kind: "docx", data })).toEqual({
      ok: false,
      message: expect.stringMatching(/^无法导入：这个 DOCX 文件的正文、样式等部分解压后约 10\.\d MB，超过了 10 MB 的上限。请删去与年度报告无关的内容后再试。$/),
    });
  });

  it(`one entry of an absurd ratio (> ${MAX_COMPRESSION_RATIO}), even a picture: refused`, async () => {
    const data = writeZip([...seedEntries, zeroEntry("word/media/image1.png", 2)]);
    const result = await importReport({ kind: "docx", data });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/压缩比异常/) });
  });

  it("a picture whose directory lies is never inflated: the document imports as without it", async () => {
    const data = patchDeclaredSize(writeZip([...seedEntries, zeroEntry("word/media/image1.png", 512)]), "word/media/image1.png", 4096);
    const { result, ms } = await timed(() => importReport({ kind: "docx", data }));
    expect(result).toEqual(await importReport({ kind: "docx", data: seed }));
    expect(ms).toBeLessThan(2000);
  });

  it("corrupt archives get the usual message", async () => {
    const doc = writeZip(seedEntries);
    const wrongOffset = Buffer.from(doc);
    wrongOffset.writeUInt32LE(0x7fffffff, wrongOffset.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 42);
    const unknownMethod = writeZip(seedEntries.map((e) => (e.name === "word/document.xml" ? { ...e, method: 9 as 8 } : e)));
    const storedTooShort = writeZip(seedEntries.map((e) => (e.name === "word/styles.xml" ? { ...e, method: 0 as const } : e)));
    const truncated = writeZip(seedEntries.map((e) => (e.name === "word/document.xml" ? { ...e, stored: e.stored.subarray(0, e.stored.length >> 1) } : e)));
    for (const data of [doc.subarray(0, doc.length - 30), new Uint8Array(wrongOffset), unknownMethod, storedTooShort, truncated]) {
      expect(await importReport({ kind: "docx", data })).toEqual({ ok: false, message: CORRUPT_DOCX_MESSAGE });
    }
  });
});

describe("a normal DOCX imports exactly as before", () => {
  it("what mammoth gets is STORED: the parts inflated, pictures emptied", async () => {
    const sample = await sampleDocx();
    const safe = await safeDocxZip(sample);
    if (!safe.ok) throw new Error(safe.message);
    const directory = readZipDirectory(safe.zip);
    if (!directory.ok) throw new Error(directory.message);
    expect(directory.entries.map((e) => e.name)).toEqual(readEntries(sample).map((e) => e.name));
    expect(directory.entries.every((e) => e.method === 0 && e.compressedSize === e.size)).toBe(true);
    const media = directory.entries.filter((e) => e.name.startsWith("word/media/"));
    expect(media.length).toBeGreaterThan(0);
    expect(media.every((e) => e.size === 0)).toBe(true);
    const document = directory.entries.find((e) => e.name === "word/document.xml");
    expect(document?.size).toBe(readEntries(sample).find((e) => e.name === "word/document.xml")?.size);
  });

  it("a document with a table and a picture: the same HTML as mammoth on the original file", async () => {
    const sample = await sampleDocx();
    expect(await docxToHtml(sample)).toEqual({ ok: true, text: await plainMammoth(sample) });
  });

  it("an exported report: the same import result as the old pipeline", async () => {
    const old = readReport(htmlToBlocks(await plainMammoth(seed)));
    expect(old.ok).toBe(true);
    expect(await importReport({ kind: "docx", data: seed })).toEqual(old);
  });

  it("archives with ZIP64 fields or data descriptors (streaming writers) read the same", async () => {
    const html = await plainMammoth(seed);
    for (const variant of [{ zip64: true }, { descriptor: true }]) {
      const data = writeZip(
        seedEntries.map((e) => ({ ...e, ...variant })),
        { zip64End: variant.zip64 === true },
      );
      expect(await plainMammoth(data)).toBe(html); // the old code read them too
      expect(await docxToHtml(data)).toEqual({ ok: true, text: html });
    }
  });

  const wordFiles = path.join(__dirname, "../../../node_modules/mammoth/test/test-data");
  it.skipIf(!fs.existsSync(wordFiles))("documents written by Word (mammoth's own test files): the same HTML", async () => {
    const files = fs.readdirSync(wordFiles).filter((f) => f.endsWith(".docx"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const data = new Uint8Array(fs.readFileSync(path.join(wordFiles, file)));
      expect({ file, html: await docxToHtml(data) }).toEqual({ file, html: { ok: true, text: await plainMammoth(data) } });
    }
  });
});

describe("the directory, entry by entry", () => {
  it("the parts mammoth reads: XML and relationships (any case) and its style map; nothing else", () => {
    for (const name of ["word/document.xml", "word/_rels/document.xml.rels", "customXml/ITEM1.XML", "[Content_Types].xml", "mammoth/style-map"]) {
      expect(isDocxPart(name), name).toBe(true);
    }
    for (const name of ["word/media/image1.png", "word/document.xml.bak", "word/fonts/font1.odttf", "mammoth/style-map.bak", "style-map"]) {
      expect(isDocxPart(name), name).toBe(false);
    }
  });

  it("an archive ending with a comment is read as without it", () => {
    const zip = writeZip([deflated("word/document.xml", "<w:document/>"), deflated("word/styles.xml", "<w:styles/>")]);
    const comment = Buffer.from("written by a streaming writer");
    const withComment = Buffer.concat([Buffer.from(zip), comment]);
    withComment.writeUInt16LE(comment.length, zip.length - 2);
    const directory = readZipDirectory(new Uint8Array(withComment));
    expect(directory.ok && directory.entries.map((e) => [e.name, e.size])).toEqual([
      ["word/document.xml", 13],
      ["word/styles.xml", 11],
    ]);
  });

  it("an end record that does not fit its directory: corrupt", () => {
    const zip = () => Buffer.from(writeZip([deflated("word/document.xml", "<w:document/>"), deflated("word/styles.xml", "<w:styles/>")]));
    const end = (b: Buffer) => b.length - 22;
    const moreEntries = zip();
    moreEntries.writeUInt16LE(3, end(moreEntries) + 10);
    const dirPastEnd = zip();
    dirPastEnd.writeUInt32LE(dirPastEnd.readUInt32LE(end(dirPastEnd) + 16) + 23, end(dirPastEnd) + 16);
    const dirCut = zip();
    dirCut.writeUInt32LE(dirCut.readUInt32LE(end(dirCut) + 12) - 1, end(dirCut) + 12);
    const notCentral = zip();
    notCentral.writeUInt32LE(0, notCentral.readUInt32LE(end(notCentral) + 16));
    // Its entries all readable, but the directory said to run past the end of the file.
    const sizePastEnd = zip();
    sizePastEnd.writeUInt32LE(sizePastEnd.readUInt32LE(end(sizePastEnd) + 12) + 1000, end(sizePastEnd) + 12);
    for (const data of [moreEntries, dirPastEnd, dirCut, notCentral, sizePastEnd]) {
      expect(readZipDirectory(new Uint8Array(data))).toEqual({ ok: false, message: CORRUPT_DOCX_MESSAGE });
    }
    expect(readZipDirectory(new Uint8Array(zip()))).toMatchObject({ ok: true });
  });

  it("ZIP64 records that are missing or short: corrupt, not read from elsewhere", () => {
    const corruptResult = { ok: false, message: CORRUPT_DOCX_MESSAGE };
    const withEnd64 = () => Buffer.from(writeZip([deflated("word/document.xml", "<w:document/>")], { zip64End: true }));
    expect(readZipDirectory(new Uint8Array(withEnd64()))).toMatchObject({ ok: true });
    const noLocator = withEnd64();
    noLocator.writeUInt32LE(0, noLocator.length - 42);
    const end64Beyond = withEnd64();
    end64Beyond.writeBigUInt64LE(BigInt(end64Beyond.length), end64Beyond.length - 42 + 8);
    const zip64Entry = () => Buffer.from(writeZip([{ ...deflated("word/document.xml", "<w:document/>"), zip64: true }]));
    const extraAt = (b: Buffer) => b.readUInt32LE(b.length - 6) + 46 + b.readUInt16LE(b.readUInt32LE(b.length - 6) + 28);
    expect(readZipDirectory(new Uint8Array(zip64Entry()))).toMatchObject({ ok: true });
    const otherExtra = zip64Entry();
    otherExtra.writeUInt16LE(0x000a, extraAt(otherExtra));
    const shortExtra = zip64Entry();
    shortExtra.writeUInt16LE(8, extraAt(shortExtra) + 2);
    const noEnd64Signature = withEnd64();
    noEnd64Signature.writeUInt32LE(0, noEnd64Signature.length - 22 - 20 - 56);
    // An end record alone, saturated: no room before it for a locator.
    const endAlone = Buffer.alloc(22);
    endAlone.writeUInt32LE(0x06054b50, 0);
    endAlone.writeUInt16LE(0xffff, 10);
    for (const data of [noLocator, end64Beyond, otherExtra, shortExtra, noEnd64Signature, endAlone]) {
      expect(readZipDirectory(new Uint8Array(data))).toEqual(corruptResult);
    }
  });

  it("a ZIP64 end record is read when any one field of the plain one is saturated", () => {
    const entries = [deflated("word/document.xml", "<w:document/>"), deflated("word/styles.xml", "<w:styles/>")];
    const plain = readZipDirectory(writeZip(entries));
    expect(plain).toMatchObject({ ok: true, entries: [{ name: "word/document.xml" }, { name: "word/styles.xml" }] });
    for (const saturated of ["count", "size", "offset"]) {
      const b = Buffer.from(writeZip(entries, { zip64End: true }));
      const end = b.length - 22;
      const end64 = end - 20 - 56;
      // The other fields of the plain record hold their true values.
      if (saturated !== "count") b.writeUInt16LE(2, end + 10);
      if (saturated !== "size") b.writeUInt32LE(Number(b.readBigUInt64LE(end64 + 40)), end + 12);
      if (saturated !== "offset") b.writeUInt32LE(Number(b.readBigUInt64LE(end64 + 48)), end + 16);
      expect(readZipDirectory(new Uint8Array(b)), saturated).toEqual(plain);
    }
  });

  it("an entry's ZIP64 extra field holds only the fields that overflowed, in order", () => {
    const entry = () => Buffer.from(writeZip([{ ...deflated("word/document.xml", "<w:document>年度报告</w:document>"), zip64: true }]));
    const all = readZipDirectory(new Uint8Array(entry()));
    if (!all.ok) throw new Error(all.message);
    const [expected] = all.entries;
    expect(expected).toMatchObject({ size: 37, localHeaderOffset: 0 });
    const at = { compressedSize: 20, size: 24, localHeaderOffset: 42 } as const;
    for (const overflowed of ["size", "compressedSize", "localHeaderOffset"] as const) {
      const b = entry();
      const p = b.readUInt32LE(b.length - 6);
      const x = p + 46 + b.readUInt16LE(p + 28);
      for (const field of ["size", "compressedSize", "localHeaderOffset"] as const) {
        if (field !== overflowed) b.writeUInt32LE(expected[field], p + at[field]);
      }
      b.writeUInt16LE(8, x + 2);
      b.writeBigUInt64LE(BigInt(expected[overflowed]), x + 4);
      const directory = readZipDirectory(new Uint8Array(b));
      expect(directory.ok && directory.entries[0], overflowed).toEqual({ ...expected, nameBytes: expect.any(Uint8Array) });
    }
  });

  it("an archive with no entries reads as empty; bytes that are no archive are corrupt; the longest comment is searched, no further", () => {
    const corruptResult = { ok: false, message: CORRUPT_DOCX_MESSAGE };
    const empty = Buffer.alloc(22);
    empty.writeUInt32LE(0x06054b50, 0);
    expect(readZipDirectory(new Uint8Array(empty))).toEqual({ ok: true, entries: [] });
    expect(readZipDirectory(new TextEncoder().encode("这不是压缩包，是一段文字。".repeat(20)))).toEqual(corruptResult);
    const zip = Buffer.from(writeZip([deflated("word/document.xml", "<w:document/>")]));
    const comment = Buffer.alloc(0xffff, 0x20);
    const longest = Buffer.concat([zip, comment]);
    longest.writeUInt16LE(0xffff, zip.length - 2);
    expect(readZipDirectory(new Uint8Array(longest))).toMatchObject({ ok: true, entries: [{ name: "word/document.xml", size: 13 }] });
    const longer = Buffer.concat([longest, Buffer.from(" ")]);
    expect(readZipDirectory(new Uint8Array(longer))).toEqual(corruptResult);
  });

  it("an encrypted entry is refused as corrupt (Word never writes one); the same entry unencrypted inflates", async () => {
    const zip = writeZip([deflated("word/document.xml", "<w:document>年度报告</w:document>")]);
    const directory = readZipDirectory(zip);
    if (!directory.ok) throw new Error(directory.message);
    const [entry] = directory.entries;
    expect(await inflateEntry(zip, { ...entry, flags: entry.flags | 0x1 })).toEqual({ ok: false, message: CORRUPT_DOCX_MESSAGE });
    const inflated = await inflateEntry(zip, entry);
    expect(inflated.ok && new TextDecoder().decode(inflated.data)).toBe("<w:document>年度报告</w:document>");
  });

  it("an entry's data must match what the directory says: stored as declared, inflated to exactly its size, after its own header", async () => {
    const text = new TextEncoder().encode("<w:document>年度报告</w:document>");
    const stored = writeZip([{ name: "word/document.xml", stored: text, method: 0, size: text.length, crc32: crc32(text) }]);
    const storedDir = readZipDirectory(stored);
    if (!storedDir.ok) throw new Error(storedDir.message);
    expect(await inflateEntry(stored, storedDir.entries[0])).toEqual({ ok: true, data: text });
    const corruptResult = { ok: false, message: CORRUPT_DOCX_MESSAGE };
    // Declaring more than the part holds.
    const short = patchDeclaredSize(writeZip([deflated("word/document.xml", text)]), "word/document.xml", text.length + 10);
    const shortDir = readZipDirectory(short);
    expect(shortDir.ok && (await inflateEntry(short, shortDir.entries[0]))).toEqual(corruptResult);
    // The local header's signature broken, or the header past the end of the file.
    const zip = writeZip([deflated("word/document.xml", text)]);
    const directory = readZipDirectory(zip);
    if (!directory.ok) throw new Error(directory.message);
    const broken = Buffer.from(zip);
    broken.writeUInt32LE(0, 0);
    expect(await inflateEntry(new Uint8Array(broken), directory.entries[0])).toEqual(corruptResult);
    expect(await inflateEntry(zip, { ...directory.entries[0], localHeaderOffset: zip.length - 29 })).toEqual(corruptResult);
  });

  it("an entry's data may end the file; a STORED entry with a broken header or of another size is corrupt", async () => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    const empty: ZipEntry = {
      name: "word/document.xml",
      nameBytes: new Uint8Array(0),
      flags: 0,
      method: 0,
      time: 0,
      date: 0,
      crc32: 0,
      compressedSize: 0,
      size: 0,
      localHeaderOffset: 0,
    };
    expect(await inflateEntry(new Uint8Array(header), empty)).toEqual({ ok: true, data: new Uint8Array(0) });
    const text = new TextEncoder().encode("<w:document>年度报告</w:document>");
    const stored = writeZip([{ name: "word/document.xml", stored: text, method: 0, size: text.length, crc32: crc32(text) }]);
    const directory = readZipDirectory(stored);
    if (!directory.ok) throw new Error(directory.message);
    const broken = Buffer.from(stored);
    broken.writeUInt32LE(0, 0);
    const corruptResult = { ok: false, message: CORRUPT_DOCX_MESSAGE };
    expect(await inflateEntry(new Uint8Array(broken), directory.entries[0])).toEqual(corruptResult);
    expect(await inflateEntry(stored, { ...directory.entries[0], size: text.length + 1 })).toEqual(corruptResult);
    expect(await inflateEntry(stored, { ...directory.entries[0], size: text.length - 1 })).toEqual(corruptResult);
  });

  it("a part inflating to one byte more than declared is stopped; a size of exactly 1 MB is shown as 1 MB", async () => {
    const stopped = async (content: string, declared: number) => {
      const zip = patchDeclaredSize(writeZip([deflated("word/document.xml", content)]), "word/document.xml", declared);
      const directory = readZipDirectory(zip);
      if (!directory.ok) throw new Error(directory.message);
      return inflateEntry(zip, directory.entries[0]);
    };
    const text = "<w:document>年度报告</w:document>";
    expect(await stopped(text, new TextEncoder().encode(text).length - 1)).toEqual({
      ok: false,
      message: "无法导入：文件已损坏或是伪装成 Word 文档的压缩包——其中的内容解压后超过了文件自己记录的 1 KB，已停止解压。",
    });
    const large = Array.from({ length: 80_000 }, (_, i) => `<w:t>${(i * 2654435761) % 1_000_000_007}</w:t>`).join("");
    expect(large.length).toBeGreaterThan(MB);
    expect(await stopped(large, MB)).toEqual({
      ok: false,
      message: "无法导入：文件已损坏或是伪装成 Word 文档的压缩包——其中的内容解压后超过了文件自己记录的 1 MB，已停止解压。",
    });
  });

  it("the STORED copy's headers: made by ZIP 2.0, needing 1.0; its end record counts the entries on this disk and in all", async () => {
    const safe = await safeDocxZip(writeZip([deflated("word/document.xml", "<w:document/>"), deflated("word/styles.xml", "<w:styles/>")]));
    if (!safe.ok) throw new Error(safe.message);
    const b = Buffer.from(safe.zip);
    const end = b.length - 22;
    expect([b.readUInt16LE(end + 8), b.readUInt16LE(end + 10)]).toEqual([2, 2]);
    const central = b.readUInt32LE(end + 16);
    expect([b.readUInt16LE(central + 4), b.readUInt16LE(central + 6), b.readUInt16LE(4)]).toEqual([20, 10, 10]);
  });

  it("a part declaring 0 bytes that holds more: stopped, the size shown as 1 KB", async () => {
    const data = patchDeclaredSize(writeZip(seedEntries), "word/document.xml", 0);
    expect(await importReport({ kind: "docx", data })).toEqual({
      ok: false,
      message: "无法导入：文件已损坏或是伪装成 Word 文档的压缩包——其中的内容解压后超过了文件自己记录的 1 KB，已停止解压。",
    });
  });

  it("the STORED copy keeps each entry's name, date, time and checksum (0 for an emptied picture), and only the UTF-8 flag", async () => {
    const sample = await sampleDocx();
    const original = readZipDirectory(sample);
    const safe = await safeDocxZip(sample);
    if (!original.ok || !safe.ok) throw new Error("unreadable");
    const copy = readZipDirectory(safe.zip);
    if (!copy.ok) throw new Error(copy.message);
    const actual = readEntries(safe.zip);
    copy.entries.forEach((e, i) => {
      const o = original.entries[i];
      expect([e.name, e.date, e.time, e.flags & ~0x0800]).toEqual([o.name, o.date, o.time, 0]);
      expect(e.flags & 0x0800).toBe(o.flags & 0x0800);
      expect(e.crc32).toBe(e.size === 0 ? 0 : o.crc32);
      expect(e.crc32, e.name).toBe(e.size === 0 ? 0 : actual[i].crc32);
    });
    // A streaming writer's entries (UTF-8 names, sizes after the data): the copy keeps the UTF-8 flag alone.
    const streamed = await safeDocxZip(writeZip(seedEntries.map((e) => ({ ...e, descriptor: true }))));
    const streamedCopy = streamed.ok ? readZipDirectory(streamed.zip) : streamed;
    expect(streamedCopy.ok && streamedCopy.entries.map((e) => e.flags)).toEqual(seedEntries.map(() => 0x0800));
  });
});

describe("checkDeclaredSizes at its limits", () => {
  const entry = (name: string, size: number, compressedSize: number): ZipEntry => ({
    name,
    nameBytes: new TextEncoder().encode(name),
    flags: 0,
    method: 8,
    time: 0,
    date: 0,
    crc32: 0,
    compressedSize,
    size,
    localHeaderOffset: 0,
  });

  it("the ratio is checked from 1 MB on, and exactly 200 times passes", () => {
    expect(RATIO_CHECKED_FROM_BYTES).toBe(MB);
    expect(checkDeclaredSizes([entry("word/media/a.png", MB - 1, 1)])).toEqual({ ok: true });
    expect(checkDeclaredSizes([entry("word/media/a.png", MB, MB / 200)])).toEqual({ ok: true });
    expect(checkDeclaredSizes([entry("word/media/a.png", MB, MB / 256)])).toEqual({
      ok: false,
      message: "无法导入：这个 DOCX 文件中有内容的压缩比异常（约 256 倍，正常的 Word 文档不超过 200 倍），是伪装成 Word 文档的压缩包或已损坏。",
    });
    expect(checkDeclaredSizes([entry("word/media/a.png", MB, 0)])).toEqual({
      ok: false,
      message: "无法导入：这个 DOCX 文件中有内容的压缩比异常（压缩后为空，正常的 Word 文档不超过 200 倍），是伪装成 Word 文档的压缩包或已损坏。",
    });
  });

  it("exactly 60 MB in all and 10 MB of parts pass; one byte more is refused", () => {
    const pictures = (total: number) => [entry("word/media/a.png", total - 10 * MB, MB), entry("word/document.xml", 10 * MB, MB)];
    expect(checkDeclaredSizes(pictures(60 * MB))).toEqual({ ok: true });
    expect(checkDeclaredSizes(pictures(60 * MB + 1))).toEqual({
      ok: false,
      message: "无法导入：这个 DOCX 文件解压后约 60 MB，超过了 60 MB 的上限。文件可能已损坏，或是伪装成 Word 文档的压缩包。",
    });
    expect(checkDeclaredSizes([entry("word/document.xml", 10 * MB + 1, MB)])).toEqual({
      ok: false,
      message: "无法导入：这个 DOCX 文件的正文、样式等部分解压后约 10 MB，超过了 10 MB 的上限。请删去与年度报告无关的内容后再试。",
    });
    // Pictures do not count towards the parts.
    expect(checkDeclaredSizes([entry("word/media/a.png", 30 * MB, MB), entry("word/document.xml", 5 * MB, MB)])).toEqual({ ok: true });
  });
});
