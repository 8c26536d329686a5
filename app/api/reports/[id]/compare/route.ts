/**
 * GET /api/reports/{id}/compare?format=docx|xlsx — 与上年对比 of a report as a download
 * (lib/history/compare-files.ts).
 *
 * 401 without a session; 400 for a format other than docx or xlsx; 404 for a report the user may not view
 * (another agency's report finds nothing; audited); 409 with the reason when the agency has no published
 * report of the year before. Every download is recorded in the audit log.
 */
import { getDb } from "@/lib/db";
import { jsonError, signedInUser } from "@/lib/http/route-responses";
import { COMPARE_FORMATS, compareDownload, isCompareFormat } from "@/lib/history/compare-files";
import { contentDisposition } from "@/lib/report/export";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const signedIn = await signedInUser("请先登录后再下载。");
  if ("response" in signedIn) return signedIn.response;
  const { user } = signedIn;

  const format = new URL(request.url).searchParams.get("format");
  if (!isCompareFormat(format)) return jsonError(400, `不支持的格式，请选择 ${COMPARE_FORMATS.join("、")}。`);

  const { id } = await context.params;
  if (!/^\d{1,15}$/.test(id)) return jsonError(404, "找不到该报告，或您无权查看。");
  const download = await compareDownload(getDb(), user, { reportId: Number(id), format });
  if (!download.ok) return jsonError(download.status, download.message);
  return new Response(download.body, {
    status: 200,
    headers: {
      "Content-Type": download.contentType,
      "Content-Disposition": contentDisposition(download.fileName, download.asciiFileName),
      "Content-Length": String(download.body.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
