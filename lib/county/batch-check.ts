/**
 * A county admin checks published reports in bulk (「检查已发布的报告」, issue #15): the same engine as
 * `npm run report -- check` (lib/report/batch-check), over files uploaded from the browser. Read-only:
 * no report is stored; the batch is one audit event.
 *
 * The browser sends the files one per request, so that no request holds more than one file (each under
 * the importer's 10 MB, the body limit the proxy passes on whole) and the server reads one file at a time
 * between other users' requests (DOCX in a worker thread, the event loop let through between stages:
 * importReportOffThread). Three steps:
 *
 * 1. startCheck: the permission, the batch limits (lib/county/check-source.ts) on the announced names and
 *    sizes, the audit event; returns a signed batch token (user, number of files, expiry) — nothing is
 *    kept on the server.
 * 2. checkUploadedFile: the permission again, the token, the file's own limits; reads and checks it.
 * 3. checkWorkbookDownload: the permission again; the entries the browser holds, as the XLSX workbook.
 */
import crypto from "node:crypto";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import type { UserProfile } from "@/db/queries/users";
import { getAuthSecret } from "@/lib/auth/secret";
import { checkBatchProblem, checkBatchSchema, checkFileProblem, MAX_CHECK_FILES } from "@/lib/county/check-source";
import { decideAccount } from "@/lib/permissions";
import { recordRefusal } from "@/lib/refusals";
import { EDITION_IDS } from "@/lib/report/editions";
import { RULES } from "@/lib/report/rules";
import type { RuleId, Severity } from "@/lib/report/rules";
import { clip } from "@/lib/report/clip";
import { checkReadFile, readPublishedFile } from "@/lib/report/batch-check";
import type { CheckEntry } from "@/lib/report/batch-check";
import { batchWorkbook, BATCH_WORKBOOK_ASCII_NAME, BATCH_WORKBOOK_NAME } from "@/lib/report/batch-check/workbook";
import { importReportOffThread } from "@/lib/report/import/off-thread";

export type CheckOutcome<T> = { ok: true; data: T } | { ok: false; status: 400 | 403; message: string };

/** A batch token lives this long: enough for 200 files on a slow line. */
export const CHECK_BATCH_TTL_MS = 2 * 60 * 60 * 1000;
export const CHECK_BATCH_EXPIRED = "本次检查已失效（超过 2 小时或已退出登录），请重新选择文件开始检查。";

const ATTEMPTED = "批量检查已发布的报告";

async function permitted(db: Executor, actor: UserProfile): Promise<CheckOutcome<never> | null> {
  const decision = decideAccount(actor, "checkPublishedReports");
  if (decision.ok) return null;
  await recordRefusal(db, actor, ATTEMPTED, decision.reason, null);
  return { ok: false, status: 403, message: decision.reason };
}

// ---------------------------------------------------------------------------------------------------
// The batch token: who may send how many files until when, signed with a key derived from the app's secret.

interface BatchClaims {
  /** user id */
  u: number;
  /** number of files */
  n: number;
  /** expiry, ms since epoch */
  e: number;
  /** random batch id (in the audit event) */
  b: string;
}

function signature(payload: string, secret: string): string {
  const key = crypto.createHmac("sha256", secret).update("nianbao county check batch").digest();
  return crypto.createHmac("sha256", key).update(payload).digest("base64url");
}

export function signBatch(claims: BatchClaims, secret = getAuthSecret()): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${signature(payload, secret)}`;
}

/** The claims of a token signed here, still valid, for this user; otherwise undefined. */
export function verifyBatch(token: string, userId: number, now = Date.now(), secret = getAuthSecret()): BatchClaims | undefined {
  const [payload, mac, ...rest] = token.split(".");
  if (!payload || !mac || rest.length > 0) return undefined;
  const expected = Buffer.from(signature(payload, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return undefined;
  let claims: BatchClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as BatchClaims;
  } catch {
    return undefined;
  }
  if (claims.u !== userId || !(claims.e > now) || !(claims.n >= 1 && claims.n <= MAX_CHECK_FILES)) return undefined;
  return claims;
}

// ---------------------------------------------------------------------------------------------------

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

export interface StartedCheck {
  token: string;
  /** Files the browser sends (the others get their line without being sent). */
  files: number;
}

/** Step 1: the permission, the batch limits on the announced files, one audit event, a token. */
export async function startCheck(db: Executor, actor: UserProfile, input: unknown, now = Date.now()): Promise<CheckOutcome<StartedCheck>> {
  const refused = await permitted(db, actor);
  if (refused) return refused;
  const parsed = checkBatchSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, message: parsed.error.issues[0]?.message ?? "提交的内容有误。" };
  const { files } = parsed.data;
  const problem = checkBatchProblem(files);
  if (problem) return { ok: false, status: 400, message: problem };
  const sent = files.filter((f) => !checkFileProblem(f));
  const batch = crypto.randomBytes(6).toString("hex");
  const bytes = sent.reduce((sum, f) => sum + f.size, 0);
  await recordAudit(db, {
    action: "reports-checked",
    userId: actor.id,
    username: actor.username,
    agencyId: actor.agencyId,
    detail: clip(
      `批次 ${batch}：${files.length} 个文件（读取 ${sent.length} 个，共 ${sizeText(bytes)}）：${files.map((f) => f.name).join("、")}`,
      1000,
    ),
  });
  if (sent.length === 0) return { ok: true, data: { token: "", files: 0 } };
  return { ok: true, data: { token: signBatch({ u: actor.id, n: sent.length, e: now + CHECK_BATCH_TTL_MS, b: batch }), files: sent.length } };
}

export interface UploadedFile {
  name: string;
  data: Uint8Array;
}

/** Step 2: one file of a started batch, read and checked; a file that cannot be read is an entry too. */
export async function checkUploadedFile(
  db: Executor,
  actor: UserProfile,
  input: { token: string; file: UploadedFile },
  now = Date.now(),
): Promise<CheckOutcome<CheckEntry>> {
  const refused = await permitted(db, actor);
  if (refused) return refused;
  if (!verifyBatch(input.token, actor.id, now)) return { ok: false, status: 400, message: CHECK_BATCH_EXPIRED };
  const { name, data } = input.file;
  const problem = checkFileProblem({ name, size: data.byteLength });
  if (problem) return { ok: true, data: { file: name, ok: false, reason: problem } };
  const read = await readPublishedFile({ name, data }, { importer: importReportOffThread });
  return { ok: true, data: checkReadFile(read) };
}

// ---------------------------------------------------------------------------------------------------
// Step 3: the entries back as a workbook. They are what the browser was given in step 2; read with limits.

const RULE_IDS = RULES.map((r) => r.id) as [RuleId, ...RuleId[]];
const text = (max: number) => z.string().max(max);
const count = z.number().int().min(0).max(1_000_000);
const cells = z.object({ read: count, printed: count });
const severity = z.custom<Severity>((v) => v === "error" || v === "warning" || v === "info", "严重程度有误");

const entrySchema = z.discriminatedUnion("ok", [
  z.object({
    file: text(500),
    ok: z.literal(true),
    agency: text(500),
    year: z.number().int().min(1900).max(2200),
    edition: z.enum(EDITION_IDS),
    editionName: text(200),
    cells,
    tables: z.object({ activeDisclosure: cells, requests: cells, reviewLitigation: cells }),
    unread: count,
    errors: count,
    warnings: count,
    infos: count,
    byRule: z.array(z.object({ rule: z.enum(RULE_IDS), severity, count })).max(RULE_IDS.length),
    findings: z
      .array(z.object({ rule: z.enum(RULE_IDS), severity, cells: z.array(text(200)).max(100), place: text(1000), message: text(4000) }))
      .max(2000),
    previousFile: text(500).optional(),
  }),
  z.object({ file: text(500), ok: z.literal(false), reason: text(4000) }),
]);

export const checkWorkbookSchema = z.object({ entries: z.array(entrySchema).min(1).max(MAX_CHECK_FILES) });

export interface CheckWorkbook {
  body: Uint8Array<ArrayBuffer>;
  fileName: string;
  asciiFileName: string;
}

export async function checkWorkbookDownload(db: Executor, actor: UserProfile, input: unknown): Promise<CheckOutcome<CheckWorkbook>> {
  const refused = await permitted(db, actor);
  if (refused) return refused;
  const parsed = checkWorkbookSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, message: "检查结果的内容有误，无法生成汇总表。请重新检查后再下载。" };
  return {
    ok: true,
    data: { body: await batchWorkbook(parsed.data.entries), fileName: BATCH_WORKBOOK_NAME, asciiFileName: BATCH_WORKBOOK_ASCII_NAME },
  };
}
