/**
 * Autosave of the report editor: the clerk's edits over the version the editor started from. The
 * agency's name and level are the database's, never the browser's (the level decides which rules apply).
 */
import { applyPatch, type Operation } from "fast-json-patch";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { getReportForActor, saveReportContent } from "@/db/queries/reports";
import { readPublishedReport } from "@/lib/reports/published";
import type { UserProfile } from "@/db/queries/users";
import { actorScope, decide } from "@/lib/permissions";
import { reportFigures } from "@/lib/report/figures";
import { parseInterchangeValue } from "@/lib/report/interchange";
import { readStoredAcknowledgements } from "@/lib/stored-report";
import { EDITABLE_STATUSES } from "@/lib/workflow/transitions";
import { checkCounts, checkReadReport } from "@/lib/workflow/findings";
import { recordRefusal } from "@/lib/refusals";

export type SaveResponse =
  | { kind: "saved"; version: number; savedAt: string }
  /** A patch that does not apply to the stored version (it was made against something else): send the whole payload. */
  | { kind: "send-whole" }
  | { kind: "conflict"; currentVersion: number }
  | { kind: "refused"; message: string };

const MAX_CONTENT_CHARS = 2_000_000;

const payloadSchema = z
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
    .strict();

/** One change of a JSON patch (RFC 6902) over the payload: the editor sends what changed since its last save. */
const patchOperationSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("add"), path: z.string().max(500), value: z.unknown() }).strict(),
  z.object({ op: z.literal("replace"), path: z.string().max(500), value: z.unknown() }).strict(),
  z.object({ op: z.literal("remove"), path: z.string().max(500) }).strict(),
]);

/** A save: the whole payload, or a patch against the payload of the version it names (usually a few cells). */
export const saveSchema = z.union([
  z.object({ baseVersion: z.number().int().positive(), payload: payloadSchema }).strict(),
  z.object({ baseVersion: z.number().int().positive(), patch: z.array(patchOperationSchema).max(5000) }).strict(),
]);

type SavePayload = z.infer<typeof payloadSchema>;

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

  let payload: SavePayload;
  if ("patch" in parsed.data) {
    // A patch is made against the version it names: on any other, it is a conflict like a whole save's.
    if (stored.version !== parsed.data.baseVersion) return { kind: "conflict", currentVersion: stored.version };
    const patched = patchedPayload(stored, parsed.data.patch);
    if (!patched) return { kind: "send-whole" };
    const checked = payloadSchema.safeParse(patched);
    // The whole payload then says what is wrong with it, in the words a whole save gets.
    if (!checked.success) return { kind: "send-whole" };
    payload = checked.data;
  } else {
    payload = parsed.data.payload;
  }

  const contentText = JSON.stringify(payload.content);
  if (contentText.length > MAX_CONTENT_CHARS) return refuse("报告内容过大，无法保存。", false);
  const content = parseInterchangeValue(payload.content);
  if (!content.ok) return refuse(content.errors.map((error) => error.message).slice(0, 5).join("；"), false);
  if (content.report.year !== stored.year || content.report.edition !== stored.edition) {
    return refuse("报告年度或格式版本与服务器上的报告不一致，未保存。");
  }

  // Who acknowledged a warning is the server's to say: new acknowledgements are this user's.
  const previousAcks = readStoredAcknowledgements(stored.acknowledgements);
  const acknowledgements = payload.acknowledgements.map((ack) => {
    const kept = previousAcks.find((old) => old.findingId === ack.findingId && old.reason === ack.reason);
    return kept ?? { findingId: ack.findingId, reason: ack.reason, by: actor.displayName, at: new Date().toISOString() };
  });

  const report = { ...content.report, agency: { name: stored.agencyName, level: stored.agencyLevel } };
  // The overview pages show the check's counts from the row, never the content: counted here, as stored.
  const previous = await readPublishedReport(db, stored.agencyId, stored.year - 1);
  const outcome = await saveReportContent(db, scope, {
    stored,
    baseVersion: parsed.data.baseVersion,
    content: report,
    acknowledgements,
    tableNotes: payload.tableNotes,
    writableStatuses: EDITABLE_STATUSES,
    counts: checkCounts(checkReadReport(report, previous, acknowledgements)),
    figures: reportFigures(report),
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

/** The stored version's payload with the patch applied, or undefined when the patch does not apply to it. */
function patchedPayload(
  stored: { content: unknown; acknowledgements: unknown; tableNotes: unknown },
  patch: Operation[],
): unknown {
  const base = { content: stored.content, acknowledgements: stored.acknowledgements, tableNotes: stored.tableNotes };
  try {
    // Validated as it is applied: a path that is not there, or a wrong operation, throws and changes nothing.
    return applyPatch(structuredClone(base), patch, true, true).newDocument;
  } catch {
    return undefined;
  }
}
