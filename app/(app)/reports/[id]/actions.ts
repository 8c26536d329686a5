"use server";

import { z } from "zod";
import { getServerSession } from "next-auth";
import { getDb } from "@/db/client";
import { getUserProfile } from "@/db/queries/users";
import { getReportForActor, saveReportContent } from "@/db/queries/reports";
import { authOptions } from "@/lib/auth/options";
import { scopeOf } from "@/lib/auth/guards";
import { parseInterchange } from "@/lib/report/interchange";
import { readStoredAcknowledgements } from "@/lib/stored-report";
import type { SaveResponse } from "@/components/report/useAutosave";

const MAX_CONTENT_CHARS = 2_000_000;

const saveSchema = z.object({
  baseVersion: z.number().int().positive(),
  payload: z
    .object({
      content: z.unknown(),
      acknowledgements: z
        .array(
          z.object({
            findingId: z.string().min(1).max(2000),
            by: z.string().max(100),
            reason: z.string().trim().min(1, "确认理由不能为空").max(2000, "确认理由不能超过 2000 字"),
            at: z.string().max(40).optional(),
          }),
        )
        .max(2000),
      tableNotes: z
        .object({
          activeDisclosure: z.string().max(5000, "表格说明不能超过 5000 字").optional(),
          requests: z.string().max(5000, "表格说明不能超过 5000 字").optional(),
          reviewLitigation: z.string().max(5000, "表格说明不能超过 5000 字").optional(),
        })
        .strict(),
    })
    .strict(),
});

/**
 * Autosave of the report editor. It never redirects (a redirect would leave the page and its unsaved
 * edits): an expired session or a refusal comes back as a message, and the edits stay in the browser.
 */
export async function saveReport(reportId: number, request: unknown): Promise<SaveResponse> {
  const session = await getServerSession(authOptions);
  const db = getDb();
  const user = session?.userId ? getUserProfile(db, session.userId) : undefined;
  if (!user) return { kind: "refused", message: "登录已过期，请重新登录后刷新本页，修改仍保存在本机浏览器中。" };
  if (user.role !== "clerk") return { kind: "refused", message: "只有经办人可以修改报告内容。" };
  const parsed = saveSchema.safeParse(request);
  if (!parsed.success) {
    return { kind: "refused", message: parsed.error.issues.map((issue) => issue.message).join("；") };
  }
  const scope = scopeOf(user);
  const stored = getReportForActor(db, scope, reportId);
  if (!stored || stored.agencyId !== user.agencyId) return { kind: "refused", message: "找不到该报告，或您无权修改。" };

  const contentText = JSON.stringify(parsed.data.payload.content);
  if (contentText.length > MAX_CONTENT_CHARS) return { kind: "refused", message: "报告内容过大，无法保存。" };
  const content = parseInterchange(contentText);
  if (!content.ok) {
    return { kind: "refused", message: content.errors.map((error) => error.message).slice(0, 5).join("；") };
  }
  if (content.report.year !== stored.year || content.report.edition !== stored.edition) {
    return { kind: "refused", message: "报告年度或格式版本与服务器上的报告不一致，未保存。" };
  }

  // Who acknowledged a warning is the server's to say: new acknowledgements are this user's.
  const previousAcks = readStoredAcknowledgements(stored.acknowledgements);
  const acknowledgements = parsed.data.payload.acknowledgements.map((ack) => {
    const kept = previousAcks.find((old) => old.findingId === ack.findingId && old.reason === ack.reason);
    return kept ?? { findingId: ack.findingId, reason: ack.reason, by: user.displayName, at: new Date().toISOString() };
  });

  const outcome = saveReportContent(db, scope, {
    reportId,
    baseVersion: parsed.data.baseVersion,
    content: content.report,
    acknowledgements,
    tableNotes: parsed.data.payload.tableNotes,
  });
  switch (outcome.kind) {
    case "saved":
      return { kind: "saved", version: outcome.version, savedAt: outcome.updatedAt.toISOString() };
    case "conflict":
      return { kind: "conflict", currentVersion: outcome.currentVersion };
    case "locked":
      return { kind: "refused", message: "该报告已提交审核或已批准，不能再修改。" };
    case "not-found":
      return { kind: "refused", message: "找不到该报告，或您无权修改。" };
  }
}
