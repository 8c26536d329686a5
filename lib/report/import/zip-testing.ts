/**
 * Test helpers for hostile DOCX files: ZIP archives written byte by byte here (independently of
 * zip-limits.ts, so the tests do not trust the code they test), zip bombs, and patching the sizes an
 * archive declares.
 */
import { constants, deflateRawSync, inflateRawSync } from "node:zlib";
import { Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";

const MB = 1024 * 1024;

export interface RawEntry {
  name: string;
  /** The bytes as stored in the archive (deflated when method is 8). */
  stored: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size to declare. */
  size: number;
  crc32: number;
  /** Sizes and offset in ZIP64 extra fields, as some writers do even for small files. */
  zip64?: boolean;
  /** Sizes after the data (flag bit 3), zeros in the local header, as streaming writers do. */
  descriptor?: boolean;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function deflated(name: string, content: Uint8Array | string): RawEntry {
  const data = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return { name, stored: deflateRawSync(data), method: 8, size: data.length, crc32: crc32(data) };
}

/**
 * Deflated zeros: `megabytes` MB of them in about 1 KB per MB. One megabyte is compressed once and its
 * (byte-aligned, non-final) output repeated, then closed with an empty final block.
 */
export function zeroBomb(megabytes: number): Uint8Array {
  const oneMb = deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array<Buffer>(megabytes).fill(oneMb), Buffer.from([0x03, 0x00])]);
}

/** An entry of `megabytes` MB of zeros that declares its true size (CRC left 0: nobody checks it first). */
export function zeroEntry(name: string, megabytes: number): RawEntry {
  return { name, stored: zeroBomb(megabytes), method: 8, size: megabytes * MB, crc32: 0 };
}

/** A ZIP archive of `entries`; `zip64End` adds a ZIP64 end of central directory that the plain one defers to. */
export function writeZip(entries: RawEntry[], { zip64End = false } = {}): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const flags = 0x0800 | (e.descriptor ? 0x0008 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    let localExtra = Buffer.alloc(0);
    if (!e.descriptor) {
      local.writeUInt32LE(e.crc32, 14);
      if (e.zip64) {
        local.writeUInt32LE(0xffffffff, 18);
        local.writeUInt32LE(0xffffffff, 22);
        localExtra = Buffer.alloc(20);
        localExtra.writeUInt16LE(0x0001, 0);
        localExtra.writeUInt16LE(16, 2);
        localExtra.writeBigUInt64LE(BigInt(e.size), 4);
        localExtra.writeBigUInt64LE(BigInt(e.stored.length), 12);
      } else {
        local.writeUInt32LE(e.stored.length, 18);
        local.writeUInt32LE(e.size, 22);
      }
    }
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const parts = [local, name, localExtra, Buffer.from(e.stored)];
    if (e.descriptor) {
      const d = Buffer.alloc(16);
      d.writeUInt32LE(0x08074b50, 0);
      d.writeUInt32LE(e.crc32, 4);
      d.writeUInt32LE(e.stored.length, 8);
      d.writeUInt32LE(e.size, 12);
      parts.push(d);
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(e.zip64 ? 45 : 20, 4);
    c.writeUInt16LE(e.zip64 ? 45 : 20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(e.crc32, 16);
    let centralExtra = Buffer.alloc(0);
    if (e.zip64) {
      c.writeUInt32LE(0xffffffff, 20);
      c.writeUInt32LE(0xffffffff, 24);
      c.writeUInt32LE(0xffffffff, 42);
      centralExtra = Buffer.alloc(28);
      centralExtra.writeUInt16LE(0x0001, 0);
      centralExtra.writeUInt16LE(24, 2);
      centralExtra.writeBigUInt64LE(BigInt(e.size), 4);
      centralExtra.writeBigUInt64LE(BigInt(e.stored.length), 12);
      centralExtra.writeBigUInt64LE(BigInt(offset), 20);
    } else {
      c.writeUInt32LE(e.stored.length, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt32LE(offset, 42);
    }
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(centralExtra.length, 30);
    central.push(c, name, centralExtra);
    for (const part of parts) {
      chunks.push(part);
      offset += part.length;
    }
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  if (!zip64End) {
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(dir.length, 12);
    end.writeUInt32LE(offset, 16);
    return new Uint8Array(Buffer.concat([...chunks, dir, end]));
  }
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(entries.length), 24);
  end64.writeBigUInt64LE(BigInt(entries.length), 32);
  end64.writeBigUInt64LE(BigInt(dir.length), 40);
  end64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + dir.length), 8);
  locator.writeUInt32LE(1, 16);
  return new Uint8Array(Buffer.concat([...chunks, dir, end64, locator, end]));
}

/** Every entry of a (plain, non-ZIP64) archive, re-deflated as RawEntry, in order. */
export function readEntries(zip: Uint8Array): RawEntry[] {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = b.readUInt16LE(end + 10);
  let p = b.readUInt32LE(end + 16);
  const out: RawEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = b.readUInt16LE(p + 10);
    const compressed = b.readUInt32LE(p + 20);
    const nameLength = b.readUInt16LE(p + 28);
    const name = b.toString("utf8", p + 46, p + 46 + nameLength);
    const local = b.readUInt32LE(p + 42);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const stored = b.subarray(start, start + compressed);
    const data = method === 8 ? inflateRawSync(stored) : stored;
    out.push(deflated(name, new Uint8Array(data)));
    p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return out;
}

/**
 * The archive with the uncompressed size of entry `name` patched to `size` in both its local header
 * and the central directory (plain archives only): a directory that lies.
 */
export function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const b = Buffer.from(zip);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = b.readUInt32LE(end + 16);
  for (let i = 0; i < b.readUInt16LE(end + 10); i++) {
    const nameLength = b.readUInt16LE(p + 28);
    if (b.toString("utf8", p + 46, p + 46 + nameLength) === name) {
      b.writeUInt32LE(size, p + 24);
      b.writeUInt32LE(size, b.readUInt32LE(p + 42) + 22);
      return new Uint8Array(b);
    }
    p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  throw new Error(`no entry ${name}`);
}

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** A small Word document written by the `docx` package: headings, a table, and a picture. */
export async function sampleDocx(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: "某局2020年政府信息公开工作年度报告", bold: true })] }),
          new Paragraph("一、总体情况"),
          new Paragraph({ children: [new ImageRun({ type: "png", data: TINY_PNG, transformation: { width: 10, height: 10 } })] }),
          new Table({ rows: [new TableRow({ children: [cell("信息内容"), cell("本年制发件数")] }), new TableRow({ children: [cell("规章"), cell("3")] })] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
