/**
 * A DOCX file is a ZIP archive, and a hostile one can be a "zip bomb": half a megabyte that inflates
 * to half a gigabyte. Before anything is inflated, the archive's central directory is read and checked
 * against the limits below; then only the parts mammoth reads (XML and relationships) are inflated,
 * each with a hard output cap of the size the directory declared for it, so a directory that lies
 * about sizes is caught after at most that many bytes. The parts are handed to mammoth re-packed in a
 * new archive whose entries are STORED (not compressed): mammoth inflates nothing itself. Other entries
 * (pictures, fonts, embedded objects) are kept as empty entries, since images are discarded anyway.
 *
 * Why the parts limit is far below the archive limit: mammoth (xmldom) needs roughly 100–260 times the
 * size of the XML in memory, so 10 MB of XML can already cost more than 1 GB.
 */
import { inflateRaw, type ZlibOptions } from "node:zlib";

const MB = 1024 * 1024;

/** Entries in the archive (a Word document has a few dozen; one with many pictures a few hundred). */
export const MAX_ZIP_ENTRIES = 2_000;
/** Sum of the uncompressed sizes the directory declares for all entries, pictures included. */
export const MAX_DECLARED_BYTES = 60 * MB;
/** Sum of the uncompressed sizes of the parts mammoth reads (document, styles, numbering, …). */
export const MAX_PARTS_BYTES = 10 * MB;
/** Uncompressed ÷ compressed size of one entry; Word's XML compresses 5–30 times, deflate at most ~1,030. */
export const MAX_COMPRESSION_RATIO = 200;
/** Entries smaller than this are not checked for their ratio (a tiny file may compress very well). */
export const RATIO_CHECKED_FROM_BYTES = 1 * MB;

export const CORRUPT_DOCX_MESSAGE = "无法打开 DOCX 文件：文件已损坏或不是 Word 文档。";
const DISGUISED = "文件可能已损坏，或是伪装成 Word 文档的压缩包";

export interface ZipEntry {
  name: string;
  /** The name as stored (UTF-8 when flag bit 11 is set, else the archive's code page). */
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc32: number;
  compressedSize: number;
  /** The uncompressed size the central directory declares (may be a lie). */
  size: number;
  localHeaderOffset: number;
}

export type ZipResult<T> = ({ ok: true } & T) | { ok: false; message: string };

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

function corrupt(): { ok: false; message: string } {
  return { ok: false, message: CORRUPT_DOCX_MESSAGE };
}

function formatSize(n: number): string {
  return n < MB ? `${Math.max(1, Math.ceil(n / 1024))} KB` : `${Math.round((n / MB) * 10) / 10} MB`;
}

/** The parts mammoth reads: XML, relationships, and its own embedded style map. */
export function isDocxPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name) || name === "mammoth/style-map";
}

/** Reads the central directory (ZIP64 included) without inflating anything; checks the entry count. */
export function readZipDirectory(bytes: Uint8Array): ZipResult<{ entries: ZipEntry[] }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const u64 = (o: number) => Number(view.getBigUint64(o, true));

  // End of central directory: the last 22 bytes, or further back when there is a comment.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return corrupt();
  let count = u16(end + 10);
  let dirSize = u32(end + 12);
  let dirOffset = u32(end + 16);
  if (count === U16_MAX || dirSize === U32_MAX || dirOffset === U32_MAX) {
    const locator = end - 20;
    if (locator < 0 || u32(locator) !== SIG_END64_LOCATOR) return corrupt();
    const end64 = u64(locator + 8);
    if (end64 + 56 > locator || u32(end64) !== SIG_END64) return corrupt();
    count = u64(end64 + 32);
    dirSize = u64(end64 + 40);
    dirOffset = u64(end64 + 48);
  }
  if (count > MAX_ZIP_ENTRIES) {
    return { ok: false, message: `无法导入：这个 DOCX 文件包含 ${count} 个部件，超过了 ${MAX_ZIP_ENTRIES} 个的上限。${DISGUISED}。` };
  }
  if (dirOffset + dirSize > bytes.length || count * 46 > dirSize) return corrupt();

  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder("utf-8");
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > dirOffset + dirSize || u32(p) !== SIG_CENTRAL) return corrupt();
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const commentLength = u16(p + 32);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > dirOffset + dirSize) return corrupt();
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    let size = u32(p + 24);
    let compressedSize = u32(p + 20);
    let localHeaderOffset = u32(p + 42);
    // ZIP64: the fields that overflowed are in extra field 0x0001, in this order.
    if (size === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      let x = p + 46 + nameLength;
      const extraEnd = x + extraLength;
      let found = false;
      while (x + 4 <= extraEnd) {
        const id = u16(x);
        const length = u16(x + 2);
        if (id === 0x0001) {
          let f = x + 4;
          const field = () => {
            if (f + 8 > x + 4 + length) throw new RangeError("ZIP64 field missing");
            const value = u64(f);
            f += 8;
            return value;
          };
          try {
            if (size === U32_MAX) size = field();
            if (compressedSize === U32_MAX) compressedSize = field();
            if (localHeaderOffset === U32_MAX) localHeaderOffset = field();
          } catch {
            return corrupt();
          }
          found = true;
          break;
        }
        x += 4 + length;
      }
      if (!found) return corrupt();
    }
    entries.push({
      name: utf8.decode(nameBytes),
      nameBytes,
      flags: u16(p + 8),
      method: u16(p + 10),
      time: u16(p + 12),
      date: u16(p + 14),
      crc32: u32(p + 16),
      compressedSize,
      size,
      localHeaderOffset,
    });
    p = next;
  }
  return { ok: true, entries };
}

/** The limits that can be checked from the directory alone: total size, size of the parts, ratios. */
export function checkDeclaredSizes(entries: ZipEntry[]): ZipResult<object> {
  let declared = 0;
  let parts = 0;
  for (const e of entries) {
    declared += e.size;
    if (isDocxPart(e.name)) parts += e.size;
    if (e.size >= RATIO_CHECKED_FROM_BYTES && e.size > e.compressedSize * MAX_COMPRESSION_RATIO) {
      const ratio = e.compressedSize > 0 ? `约 ${Math.round(e.size / e.compressedSize)} 倍` : "压缩后为空";
      return {
        ok: false,
        message: `无法导入：这个 DOCX 文件中有内容的压缩比异常（${ratio}，正常的 Word 文档不超过 ${MAX_COMPRESSION_RATIO} 倍），是伪装成 Word 文档的压缩包或已损坏。`,
      };
    }
  }
  if (declared > MAX_DECLARED_BYTES) {
    return { ok: false, message: `无法导入：这个 DOCX 文件解压后约 ${formatSize(declared)}，超过了 ${MAX_DECLARED_BYTES / MB} MB 的上限。${DISGUISED}。` };
  }
  if (parts > MAX_PARTS_BYTES) {
    return {
      ok: false,
      message: `无法导入：这个 DOCX 文件的正文、样式等部分解压后约 ${formatSize(parts)}，超过了 ${MAX_PARTS_BYTES / MB} MB 的上限。请删去与年度报告无关的内容后再试。`,
    };
  }
  return { ok: true };
}

function inflateCapped(data: Uint8Array, maxOutputLength: number): Promise<Buffer> {
  const options: ZlibOptions = { maxOutputLength };
  return new Promise((resolve, reject) => inflateRaw(data, options, (error, result) => (error ? reject(error) : resolve(result))));
}

/** The bytes of an entry as stored in the archive, after its local header. */
function storedData(bytes: Uint8Array, e: ZipEntry): Uint8Array | undefined {
  const h = e.localHeaderOffset;
  if (h + 30 > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + h, 30);
  if (view.getUint32(0, true) !== SIG_LOCAL) return undefined;
  const start = h + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (start + e.compressedSize > bytes.length) return undefined;
  return bytes.subarray(start, start + e.compressedSize);
}

/**
 * Inflates one entry with a hard cap of its declared size (+1 byte, to tell "more than declared"
 * from "exactly as declared"). Never inflates more than that, whatever the compressed data holds.
 */
export async function inflateEntry(bytes: Uint8Array, e: ZipEntry): Promise<ZipResult<{ data: Uint8Array }>> {
  if (e.flags & 0x1) return corrupt(); // encrypted entries: Word never writes them
  const raw = storedData(bytes, e);
  if (!raw) return corrupt();
  if (e.method === 0) return raw.length === e.size ? { ok: true, data: raw } : corrupt();
  if (e.method !== 8) return corrupt();
  let data: Buffer;
  try {
    data = await inflateCapped(raw, e.size + 1);
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return lying(e);
    return corrupt();
  }
  if (data.length > e.size) return lying(e);
  return data.length === e.size ? { ok: true, data } : corrupt();
}

function lying(e: ZipEntry): { ok: false; message: string } {
  return {
    ok: false,
    message: `无法导入：文件已损坏或是伪装成 Word 文档的压缩包——其中的内容解压后超过了文件自己记录的 ${formatSize(e.size)}，已停止解压。`,
  };
}

/** A ZIP archive of STORED entries (no compression, no data descriptors). */
export function writeStoredZip(items: { entry: ZipEntry; data: Uint8Array }[]): Uint8Array {
  let total = 22;
  for (const { entry, data } of items) total += 30 + 46 + 2 * entry.nameBytes.length + data.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const localOffsets: number[] = [];
  let p = 0;
  const header = (sig: number, e: ZipEntry, length: number, at: number, isCentral: boolean) => {
    let o = at;
    view.setUint32(o, sig, true);
    o += 4;
    if (isCentral) {
      view.setUint16(o, 20, true); // version made by
      o += 2;
    }
    view.setUint16(o, 10, true); // version needed: stored
    view.setUint16(o + 2, e.flags & 0x0800, true); // keep only "name is UTF-8"
    view.setUint16(o + 4, 0, true); // method: stored
    view.setUint16(o + 6, e.time, true);
    view.setUint16(o + 8, e.date, true);
    view.setUint32(o + 10, length === 0 ? 0 : e.crc32, true);
    view.setUint32(o + 14, length, true);
    view.setUint32(o + 18, length, true);
    view.setUint16(o + 22, e.nameBytes.length, true);
    view.setUint16(o + 24, 0, true); // extra field length
    return o + 26;
  };
  for (const { entry, data } of items) {
    localOffsets.push(p);
    p = header(SIG_LOCAL, entry, data.length, p, false);
    out.set(entry.nameBytes, p);
    p += entry.nameBytes.length;
    out.set(data, p);
    p += data.length;
  }
  const dirOffset = p;
  items.forEach(({ entry, data }, i) => {
    p = header(SIG_CENTRAL, entry, data.length, p, true);
    // comment length, disk, internal and external attributes: zero; then the local header's offset
    p += 10;
    view.setUint32(p, localOffsets[i], true);
    p += 4;
    out.set(entry.nameBytes, p);
    p += entry.nameBytes.length;
  });
  view.setUint32(p, SIG_END, true);
  view.setUint16(p + 8, items.length, true);
  view.setUint16(p + 10, items.length, true);
  view.setUint32(p + 12, p - dirOffset, true);
  view.setUint32(p + 16, dirOffset, true);
  return out;
}

/**
 * A hostile-safe copy of a DOCX archive for mammoth: the directory checked against the limits, the
 * parts mammoth reads inflated under hard caps, everything re-packed STORED. Never throws.
 */
export async function safeDocxZip(bytes: Uint8Array): Promise<ZipResult<{ zip: Uint8Array }>> {
  try {
    const directory = readZipDirectory(bytes);
    if (!directory.ok) return directory;
    const declared = checkDeclaredSizes(directory.entries);
    if (!declared.ok) return declared;
    const items: { entry: ZipEntry; data: Uint8Array }[] = [];
    for (const entry of directory.entries) {
      if (!isDocxPart(entry.name)) {
        items.push({ entry, data: new Uint8Array(0) });
        continue;
      }
      const inflated = await inflateEntry(bytes, entry);
      if (!inflated.ok) return inflated;
      items.push({ entry, data: inflated.data });
    }
    return { ok: true, zip: writeStoredZip(items) };
  } catch {
    return corrupt();
  }
}
