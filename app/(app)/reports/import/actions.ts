"use server";

import type { Executor } from "@/db/client";
import { getDb } from "@/lib/db";
import type { UserProfile } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/guards";
import { actionFailure, zodFailure, type ActionResult } from "@/lib/actions";
import { sniffKind } from "@/lib/report/import";
import { importSourceSchema } from "@/lib/reports/import-source";
import { confirmImport as confirmImportService, previewImport as previewImportService } from "@/lib/reports/import";
import type { ConfirmOutcome, ImportPreview, ImportSource } from "@/lib/reports/import";

/** FormData → what the importer reads, validated with zod. */
async function readSource(form: unknown): Promise<{ ok: true; source: ImportSource } | { ok: false; failure: ActionResult<never> }> {
  if (!(form instanceof FormData)) return { ok: false, failure: actionFailure("提交的内容有误。") };
  const parsed = importSourceSchema.safeParse({
    source: form.get("source"),
    file: form.get("file") ?? undefined,
    text: form.get("text") ?? undefined,
  });
  if (!parsed.success) return { ok: false, failure: zodFailure(parsed.error, "请检查要导入的文件或文字。") };
  if (parsed.data.source === "text") {
    return { ok: true, source: { kind: "text", data: parsed.data.text, fileName: "粘贴的文字" } };
  }
  const file = parsed.data.file;
  const data = new Uint8Array(await file.arrayBuffer());
  return { ok: true, source: { kind: sniffKind(data, file.name), data, fileName: file.name } };
}

/** The signed-in user (read fresh) → zod → the service, which checks the permission and the agency. */
async function withSource<T>(
  form: FormData,
  service: (db: Executor, user: UserProfile, source: ImportSource) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const user = await requireUser();
  const read = await readSource(form);
  if (!read.ok) return read.failure;
  return service(getDb(), user, read.source);
}

/** Step 1 「读取」: reads the file and shows what was taken and what was not. Stores nothing. */
export async function previewImport(form: FormData): Promise<ActionResult<ImportPreview>> {
  return withSource(form, previewImportService);
}

/** Step 2 「确认」: reads the same file again and creates the reports (see lib/reports/import.ts). */
export async function confirmImport(form: FormData): Promise<ActionResult<ConfirmOutcome>> {
  return withSource(form, confirmImportService);
}
