/**
 * POST /api/county/check/file?name=FILE_NAME — one file of a started batch, its bytes as the body, the
 * batch token in the `x-check-batch` header → the file's entry (lib/report/batch-check): agency, year,
 * cells, findings, or why it could not be read. County admins only; 400 for a missing or expired token;
 * 413 for a body over the per-file limit (read no further).
 */
import { getDb } from "@/lib/db";
import { checkUploadedFile } from "@/lib/county/batch-check";
import { CHECK_SIGNED_OUT, MAX_CHECK_FILE_BYTES } from "@/lib/county/check-source";
import { jsonError, signedInUser } from "@/lib/http/route-responses";

export const dynamic = "force-dynamic";

const TOO_LARGE = `文件超过 ${MAX_CHECK_FILE_BYTES / 1024 / 1024} MB，未读取。`;

/** The body, or undefined when it is longer than `max` bytes (reading stops there). */
async function readBody(request: Request, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > max) return undefined;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = request.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    length += next.value.byteLength;
    if (length > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(next.value);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export async function POST(request: Request): Promise<Response> {
  const signedIn = await signedInUser(CHECK_SIGNED_OUT);
  if ("response" in signedIn) return signedIn.response;
  const name = new URL(request.url).searchParams.get("name")?.trim().slice(0, 500);
  if (!name) return jsonError(400, "缺少文件名。");
  const data = await readBody(request, MAX_CHECK_FILE_BYTES);
  if (!data) return jsonError(413, TOO_LARGE);
  const result = await checkUploadedFile(getDb(), signedIn.user, {
    token: request.headers.get("x-check-batch") ?? "",
    file: { name, data },
  });
  if (!result.ok) return jsonError(result.status, result.message);
  return Response.json(result.data, { headers: { "Cache-Control": "no-store" } });
}
