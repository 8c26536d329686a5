/**
 * A Word file is mostly its pictures. The importer reads only text and tables, so before uploading a
 * large .docx the browser drops word/media/* (the images); the server action then stays under its
 * request size limit.
 */
export async function withoutImages(file: File): Promise<File> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(await file.arrayBuffer());
  for (const name of Object.keys(zip.files)) if (name.startsWith("word/media/")) zip.remove(name);
  const blob = await zip.generateAsync({ type: "blob", compression: "DEFLATE" });
  return new File([blob], file.name, { type: file.type });
}
