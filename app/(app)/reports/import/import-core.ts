/**
 * Starting a year's report from an imported published report of the year before: the parts of the
 * server actions that touch the database, taking (db, user, input) so they can be tested on a
 * temporary database. No next/* imports here.
 *
 * Preview reads the file and stores nothing. Confirm reads it again and, in one transaction, stores
 * the imported report as the agency's (approved, published) report of year Y when there is none, and
 * creates the draft of year Y+1 carried forward from it. An existing Y+1 report is never overwritten.
 */
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { getAgency } from "@/db/queries/agencies";
import { createReport, findReportIdByYear } from "@/db/queries/reports";
import type { ActorScope } from "@/db/queries/scope";
import type { UserProfile } from "@/db/queries/users";
import { auditEvents } from "@/db/schema";
import { actionFailure, type ActionResult } from "@/lib/actions";
import { startFromPrevious } from "@/lib/report/carry-forward";
import { getEdition } from "@/lib/report/editions";
import { importReport } from "@/lib/report/import";
import type { ImportKind, UnreadItem } from "@/lib/report/import";
import type { Agency, Report } from "@/lib/report/model";
import { FIRST_REPORT_YEAR } from "@/lib/reporting-year";

export interface ImportSource {
  kind: ImportKind;
  data: string | Uint8Array;
  /** Shown in the audit trail; "粘贴的文字" for pasted text. */
  fileName: string;
}

export interface ImportPreview {
  /** The report as read from the file. */
  report: Report;
  editionName: string;
  unread: UnreadItem[];
  notes: string[];
  /** Year of the report that confirming creates (the imported year + 1). */
  nextYear: number;
  /** Set when the agency already has a report of the next year: confirming is refused, link to it. */
  existingNext?: { id: number };
  /** Set when the agency already has a report of the imported year: it is kept as it is. */
  existingPrevious?: { id: number };
  /** Warnings the clerk should see before confirming (another agency's name, …). */
  warnings: string[];
}

export type ConfirmOutcome =
  | { kind: "created"; reportId: number; year: number; previousStored: boolean }
  | { kind: "exists"; reportId: number; year: number };

function scopeOf(user: UserProfile): ActorScope {
  return { userId: user.id, agencyId: user.agencyId, role: user.role };
}

type Prepared =
  | { ok: false; failure: ActionResult<never> }
  | { ok: true; agency: Agency; imported: Report; unread: UnreadItem[]; notes: string[]; warnings: string[] };

/** Role and agency re-checked on every call, the file read; nothing is stored. */
async function prepare(db: Executor, user: UserProfile, source: ImportSource): Promise<Prepared> {
  if (user.role !== "clerk") return { ok: false, failure: actionFailure("只有经办人可以导入往年报告。") };
  const row = getAgency(db, user.agencyId);
  if (!row) return { ok: false, failure: actionFailure("找不到您所在的机关。") };
  const agency: Agency = { name: row.name, level: row.level };
  const result = await importReport({ kind: source.kind, data: source.data });
  if (!result.ok) return { ok: false, failure: actionFailure(result.message) };
  const imported = result.report;
  const nextYear = imported.year + 1;
  const thisYear = new Date().getFullYear();
  if (nextYear > thisYear) {
    return {
      ok: false,
      failure: actionFailure(`导入的是 ${imported.year} 年度报告，据此应开始 ${nextYear} 年度报告，但该年度尚未到来。`),
    };
  }
  if (nextYear < FIRST_REPORT_YEAR) {
    return { ok: false, failure: actionFailure(`导入的是 ${imported.year} 年度报告，本系统从 ${FIRST_REPORT_YEAR} 年度报告开始填写。`) };
  }
  const warnings: string[] = [];
  const printed = imported.agency.name;
  if (printed && printed !== agency.name && !agency.name.includes(printed) && !printed.includes(agency.name)) {
    warnings.push(`文件中的机关名称「${printed}」与您所在的机关「${agency.name}」不同，请确认这是本机关的报告。`);
  }
  // The stored report is the agency's own: its name and level are the agency's, the printed title stays.
  return { ok: true, agency, imported: { ...imported, agency }, unread: result.unread, notes: result.notes, warnings };
}

export async function previewImportCore(db: Executor, user: UserProfile, source: ImportSource): Promise<ActionResult<ImportPreview>> {
  const prepared = await prepare(db, user, source);
  if (!prepared.ok) return prepared.failure;
  const { imported } = prepared;
  const nextYear = imported.year + 1;
  const nextId = findReportIdByYear(db, user.agencyId, nextYear);
  const previousId = findReportIdByYear(db, user.agencyId, imported.year);
  return {
    ok: true,
    data: {
      report: imported,
      editionName: getEdition(imported.edition).name,
      unread: prepared.unread,
      notes: prepared.notes,
      nextYear,
      ...(nextId !== undefined ? { existingNext: { id: nextId } } : {}),
      ...(previousId !== undefined ? { existingPrevious: { id: previousId } } : {}),
      warnings: prepared.warnings,
    },
  };
}

export async function confirmImportCore(db: Executor, user: UserProfile, source: ImportSource): Promise<ActionResult<ConfirmOutcome>> {
  const prepared = await prepare(db, user, source);
  if (!prepared.ok) return prepared.failure;
  const { imported, agency } = prepared;
  const scope = scopeOf(user);
  const nextYear = imported.year + 1;
  const fileName = source.fileName.slice(0, 200);
  const outcome = db.transaction((tx): ConfirmOutcome => {
    const existing = findReportIdByYear(tx, scope.agencyId, nextYear);
    if (existing !== undefined) return { kind: "exists", reportId: existing, year: nextYear };
    const previous = createReport(tx, scope, {
      year: imported.year,
      edition: imported.edition,
      content: imported,
      status: "approved",
    });
    if (previous.created) {
      setCreationDetail(tx, previous.id, `${imported.year}（由导入的已发布报告创建，文件：${fileName}）`);
    }
    const next = startFromPrevious(imported, nextYear, agency);
    const created = createReport(tx, scope, { year: nextYear, edition: next.edition, content: next });
    setCreationDetail(tx, created.id, `${nextYear}（由导入的 ${imported.year} 年度报告结转，文件：${fileName}）`);
    return { kind: "created", reportId: created.id, year: nextYear, previousStored: previous.created };
  });
  return { ok: true, data: outcome };
}

/** The audit event of a report's creation says where it came from. */
function setCreationDetail(db: Executor, reportId: number, detail: string) {
  db.update(auditEvents)
    .set({ detail })
    .where(and(eq(auditEvents.reportId, reportId), eq(auditEvents.action, "report-created")))
    .run();
}
