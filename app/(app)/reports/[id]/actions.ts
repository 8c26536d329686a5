"use server";

import { getDb } from "@/lib/db";
import { getSignedIn, PASSWORD_CHANGE_FIRST } from "@/lib/auth/guards";
import { saveReport as saveReportService, type SaveResponse } from "@/lib/reports/save";

/**
 * Autosave of the report editor. It never redirects (a redirect would leave the page and its unsaved
 * edits): an expired session or a refusal comes back as a message, and the edits stay in the browser.
 */
export async function saveReport(reportId: number, request: unknown): Promise<SaveResponse> {
  const user = (await getSignedIn())?.user;
  if (!user) return { kind: "refused", message: "登录已过期，请重新登录后刷新本页，修改仍保存在本机浏览器中。" };
  if (user.mustChangePassword) return { kind: "refused", message: PASSWORD_CHANGE_FIRST };
  return saveReportService(getDb(), user, reportId, request);
}
