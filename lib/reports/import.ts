/**
 * Starting a year's report from an agency's published report of the year before.
 *
 * Preview reads the file and stores nothing. Confirm reads it again and, in one transaction, stores the
 * published report as what it is — the agency's imported past report of year Y, read-only, marked 导入
 * with who imported it and from which file (unless the agency already has a report of year Y) — and
 * creates the draft of year Y+1 carried forward from it. An imported report is never 已批准: it counts in
 * county figures only once a supervisor or county admin confirms it (the workflow's "confirm" step).
 * An existing Y+1 report is never overwritten. Only a clerk imports, and only their own agency's report.
 */
import { transaction, type Executor } from "@/db/client";
import { getAgency } from "@/db/queries/agencies";
import { createReport, findReportIdByYear, getPublishedReportContent } from "@/db/queries/reports";
import type { UserProfile } from "@/db/queries/users";
import { actionFailure, type ActionResult } from "@/lib/actions";
import { actorScope, decideAccount } from "@/lib/permissions";
import { startFromPrevious } from "@/lib/report/carry-forward";
import { getEdition } from "@/lib/report/editions";
import { reportFigures } from "@/lib/report/figures";
import { importReportOffThread } from "@/lib/report/import/off-thread";
import type { ImportKind, ImportTableKey, TableCellCounts, UnreadItem } from "@/lib/report/import";
import type { Agency, Report } from "@/lib/report/model";
import { FIRST_REPORT_YEAR } from "@/lib/reporting-year";
import { recordRefusal } from "@/lib/refusals";
import { countStoredReport } from "@/lib/workflow/findings";

export interface ImportSource {
  kind: ImportKind;
  data: string | Uint8Array;
  /** Shown in the audit trail and on the report; "粘贴的文字" for pasted text. */
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
  /** Warnings the clerk should see before confirming. */
  warnings: string[];
  /** Printed and read cells of each statistical table, as the reader counted them. */
  tableCells: TableCellCounts;
  /**
   * Set when not one table cell was read: confirming is refused (a report started from it would carry
   * nothing over), and this says which tables were not found and which layouts the reader reads.
   */
  noTableRead?: string;
}

export type ConfirmOutcome =
  | { kind: "created"; reportId: number; year: number; previousStored: boolean }
  | { kind: "exists"; reportId: number; year: number };

type Prepared =
  | { ok: false; failure: ActionResult<never> }
  | {
      ok: true;
      agency: Agency;
      imported: Report;
      unread: UnreadItem[];
      notes: string[];
      warnings: string[];
      tableCells: TableCellCounts;
      noTableRead?: string;
    };

const TABLE_NAMES: Record<ImportTableKey, string> = {
  activeDisclosure: "表二（主动公开政府信息情况）",
  requests: "表三（收到和处理政府信息公开申请情况）",
  reviewLitigation: "表四（政府信息公开行政复议、行政诉讼情况）",
};

/** What the reader reads, said to a clerk whose file gave no table cell. */
export const READABLE_LAYOUTS =
  "Word（.docx）或 PDF 中的表格；网页（.html）中的表格，包括网站发布页面的源代码；从网页复制的文字，每格一行或每行一排（以“|”、制表符或空格分隔）；Markdown 表格";

/** The refusal when not one statistical table cell was read, naming the tables not found. */
function noTableReadMessage(counts: TableCellCounts): string | undefined {
  const keys = Object.keys(TABLE_NAMES) as ImportTableKey[];
  if (keys.some((key) => counts[key].read > 0)) return undefined;
  const missing = keys.filter((key) => counts[key].printed === 0).map((key) => TABLE_NAMES[key]);
  const found = missing.length === keys.length ? "没有找到" + missing.join("、") : "表格中的数字一个也没有读出";
  return `${found}，不能据此开始新年度的报告。本系统能读取：${READABLE_LAYOUTS}。请换用本机关网站上的网页版或 Word 版，或复制包含表格的全文粘贴。`;
}

/** Whether a printed agency name names the user's agency (the printed one may be shorter or longer). */
function namesSameAgency(printed: string, agencyName: string): boolean {
  const normalise = (name: string) => name.replace(/\s+/g, "");
  const a = normalise(printed);
  const b = normalise(agencyName);
  return a === b || a.includes(b) || b.includes(a);
}

async function refuse(db: Executor, user: UserProfile, reason: string): Promise<Prepared> {
  await recordRefusal(db, user, "导入往年报告", reason, null);
  return { ok: false, failure: actionFailure(reason) };
}

/** Role and agency re-checked on every call, the file read; nothing but a refusal's audit event is stored. */
async function prepare(db: Executor, user: UserProfile, source: ImportSource): Promise<Prepared> {
  const permitted = decideAccount(user, "importReport");
  if (!permitted.ok) return refuse(db, user, permitted.reason);
  const row = await getAgency(db, user.agencyId);
  if (!row) return { ok: false, failure: actionFailure("找不到您所在的机关。") };
  const agency: Agency = { name: row.name, level: row.level };
  // Word files are read in a worker thread, so a large one does not stall other users.
  const result = await importReportOffThread({ kind: source.kind, data: source.data });
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
  const printed = imported.agency.name.trim();
  if (printed && !namesSameAgency(printed, agency.name)) {
    return refuse(
      db,
      user,
      `文件中的机关名称「${printed}」与您所在的机关「${agency.name}」不同。经办人只能导入本机关的报告；其他机关的报告请由该机关的经办人导入。`,
    );
  }
  const warnings = printed
    ? []
    : [`文件中没有找到机关名称，请确认这是「${agency.name}」的报告。`];
  // The stored report is the agency's own: its name and level are the agency's, the printed title stays.
  return {
    ok: true,
    agency,
    imported: { ...imported, agency },
    unread: result.unread,
    notes: result.notes,
    warnings,
    tableCells: result.tableCells,
    noTableRead: noTableReadMessage(result.tableCells),
  };
}

export async function previewImport(db: Executor, user: UserProfile, source: ImportSource): Promise<ActionResult<ImportPreview>> {
  const prepared = await prepare(db, user, source);
  if (!prepared.ok) return prepared.failure;
  const { imported } = prepared;
  const nextYear = imported.year + 1;
  const nextId = await findReportIdByYear(db, user.agencyId, nextYear);
  const previousId = await findReportIdByYear(db, user.agencyId, imported.year);
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
      tableCells: prepared.tableCells,
      ...(prepared.noTableRead ? { noTableRead: prepared.noTableRead } : {}),
    },
  };
}

export async function confirmImport(db: Executor, user: UserProfile, source: ImportSource): Promise<ActionResult<ConfirmOutcome>> {
  const prepared = await prepare(db, user, source);
  if (!prepared.ok) return prepared.failure;
  if (prepared.noTableRead) return actionFailure(prepared.noTableRead);
  const { imported, agency } = prepared;
  const scope = actorScope(user);
  const nextYear = imported.year + 1;
  const fileName = source.fileName.slice(0, 200);
  const outcome = await transaction(db, async (tx): Promise<ConfirmOutcome> => {
    const existing = await findReportIdByYear(tx, scope.agencyId, nextYear);
    if (existing !== undefined) return { kind: "exists", reportId: existing, year: nextYear };
    const previous = await createReport(tx, scope, {
      year: imported.year,
      edition: imported.edition,
      content: imported,
      imported: { fileName },
      auditDetail: `${imported.year}（导入的已发布报告，文件：${fileName}；待审核人或管理员确认）`,
      counts: countStoredReport(imported, await getPublishedReportContent(tx, scope.agencyId, imported.year - 1), []),
      figures: reportFigures(imported),
    });
    const next = startFromPrevious(imported, nextYear, agency);
    const created = await createReport(tx, scope, {
      year: nextYear,
      edition: next.edition,
      content: next,
      auditDetail: `${nextYear}（由导入的 ${imported.year} 年度报告结转，文件：${fileName}）`,
      // Checked against the agency's published report of the imported year: the one just stored, or one it had.
      counts: countStoredReport(next, await getPublishedReportContent(tx, scope.agencyId, imported.year), []),
      figures: reportFigures(next),
    });
    return { kind: "created", reportId: created.id, year: nextYear, previousStored: previous.created };
  });
  return { ok: true, data: outcome };
}
