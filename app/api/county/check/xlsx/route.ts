/**
 * POST /api/county/check/xlsx — the entries of a checked batch (as /api/county/check/file gave them),
 * JSON `{ entries }`, back as the XLSX workbook (汇总 and 问题 sheets). County admins only; 400 for
 * entries that are not what the check gives. Nothing is stored.
 */
import { getDb } from "@/lib/db";
import { checkWorkbookDownload } from "@/lib/county/batch-check";
import { XLSX_CONTENT_TYPE } from "@/lib/county/workbook";
import { contentDisposition } from "@/lib/report/export";
import { CHECK_SIGNED_OUT } from "@/lib/county/check-source";
import { jsonBody, jsonError, signedInUser } from "@/lib/http/route-responses";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const signedIn = await signedInUser(CHECK_SIGNED_OUT);
  if ("response" in signedIn) return signedIn.response;
  const result = await checkWorkbookDownload(getDb(), signedIn.user, await jsonBody(request));
  if (!result.ok) return jsonError(result.status, result.message);
  const { body, fileName, asciiFileName } = result.data;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": contentDisposition(fileName, asciiFileName),
      "Content-Length": String(body.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
