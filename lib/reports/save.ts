/**
 * Autosave of the report editor: the clerk's edits over the version the editor started from. The
 * agency's name and level are the database's, never the browser's (the level decides which rules apply).
 */
import { z } from "zod";
import type { Executor } from "@/db/client";
import { getPublishedReportContent, getReportForActor, saveReportContent } from "@/db/queries/reports";
import type { UserProfile } from "@/db/queries/users";
import { actorScope, decide } from "@/lib/permissions";
import { parseInterchangeValue } from "@/lib/report/interchange";
import { readStoredAcknowledgements } from "@/lib/stored-report";
import { EDITABLE_STATUSES } from "@/lib/workflow/transitions";
import { countStoredReport } from "@/lib/workflow/findings";
import { recordRefusal } from "@/lib/refusals";
import { getAgency } from "@/db/queries/agencies";

export type SaveResponse =
  | { kind: "saved"; version: number; savedAt: string }
  | { kind: "conflict"; currentVersion: number }
  | { kind: "refused"; message: string };

const MAX_CONTENT_CHARS = 2_000_000;

export const saveSchema = z.object({
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

const NOT_FOUND = "找不到该报告，或您无权修改。";

export async function saveReport(db: Executor, actor: UserProfile, reportId: number, request: unknown): Promise<SaveResponse> {
  const refuse = async (message: string, audited = true): Promise<SaveResponse> => {
    if (audited) await recordRefusal(db, actor, "修改报告", message, null, reportId);
    return { kind: "refused", message };
  };
  const parsed = saveSchema.safeParse(request);
  if (!parsed.success) return refuse(parsed.error.issues.map((issue) => issue.message).join("；"), false);
  const scope = actorScope(actor);
  const stored = await getReportForActor(db, scope, reportId);
  if (!stored) return refuse(NOT_FOUND);
  const permitted = decide(actor, stored, "edit");
  if (!permitted.ok) return refuse(permitted.reason);

  const contentText = JSON.stringify(parsed.data.payload.content);
  if (contentText.length > MAX_CONTENT_CHARS) return refuse("报告内容过大，无法保存。", false);
  const content = parseInterchangeValue(parsed.data.payload.content);
  if (!content.ok) return refuse(content.errors.map((error) => error.message).slice(0, 5).join("；"), false);
  if (content.report.year !== stored.year || content.report.edition !== stored.edition) {
    return refuse("报告年度或格式版本与服务器上的报告不一致，未保存。");
  }
  const agency = await getAgency(db, stored.agencyId);
  if (!agency) return refuse(NOT_FOUND);

  // Who acknowledged a warning is the server's to say: new acknowledgements are this user's.
  const previousAcks = readStoredAcknowledgements(stored.acknowledgements);
  const acknowledgements = parsed.data.payload.acknowledgements.map((ack) => {
    const kept = previousAcks.find((old) => old.findingId === ack.findingId && old.reason === ack.reason);
    return kept ?? { findingId: ack.findingId, reason: ack.reason, by: actor.displayName, at: new Date().toISOString() };
  });

  const report = { ...content.report, agency: { name: agency.name, level: agency.level } };
  // The overview pages show the check's counts from the row, never the content: counted here, as stored.
  const previous = await getPublishedReportContent(db, stored.agencyId, stored.year - 1);
  const outcome = await saveReportContent(db, scope, {
    reportId,
    baseVersion: parsed.data.baseVersion,
    content: report,
    acknowledgements,
    tableNotes: parsed.data.payload.tableNotes,
    writableStatuses: EDITABLE_STATUSES,
    counts: countStoredReport(report, previous, acknowledgements),
  });
  switch (outcome.kind) {
    case "saved":
    case "unchanged":
      return { kind: "saved", version: outcome.version, savedAt: outcome.updatedAt.toISOString() };
    case "conflict":
      return { kind: "conflict", currentVersion: outcome.currentVersion };
    case "locked":
      return refuse("该报告已提交审核或已批准，不能再修改。");
    case "not-found":
      return refuse(NOT_FOUND);
  }
}
