/** Test helpers: small PDF files written by hand (pages of text, or a content stream that inflates a lot). */
import { deflateSync } from "node:zlib";

/**
 * A valid PDF of `pages` pages, each with one line of Helvetica text (`text(i)`), or with `content` as
 * the (deflated) content stream of its first page.
 */
export function handMadePdf(pages: number, options: { text?: (page: number) => string; content?: Buffer } = {}): Uint8Array {
  const text = options.text ?? ((page: number) => `Page ${page}`);
  const objects: (string | Buffer)[] = [];
  // 1: catalog, 2: pages, 3: font, then a page and its content for each page.
  const kids = Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(" ");
  objects.push("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (let i = 0; i < pages; i++) {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    const stream =
      i === 0 && options.content ? deflateSync(options.content) : deflateSync(Buffer.from(`BT /F1 12 Tf 72 720 Td (${text(i + 1)}) Tj ET`));
    objects.push(Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from("\nendstream")]));
  }
  return writePdf(objects);
}

/**
 * A one-page PDF of Chinese text in a font that is not embedded, encoded in GBK (GBK-EUC-H, as older Chinese
 * PDFs are): `gbk` is the hex of the text's GBK bytes. pdfjs reads it only through its character maps.
 */
export function gbkPdf(gbk: string): Uint8Array {
  const content = Buffer.from(`BT /F1 12 Tf 72 720 Td <${gbk}> Tj ET`);
  return writePdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /GBK-EUC-H /DescendantFonts [6 0 R] >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from("\nendstream")]),
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >>",
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>",
  ]);
}

/** The objects (numbered from 1, the first the catalog) as a PDF file with its cross-reference table. */
function writePdf(objects: (string | Buffer)[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((o, i) => {
    offsets.push(length);
    const body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof o === "string" ? Buffer.from(o) : o, Buffer.from("\nendobj\n")]);
    parts.push(body);
    length += body.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    "startxref",
    String(length),
    "%%EOF",
    "",
  ].join("\n");
  parts.push(Buffer.from(xref));
  return new Uint8Array(Buffer.concat(parts));
}
