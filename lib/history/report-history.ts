/**
 * A report's history as the history page shows it: a page of saves, newest first, each with what it
 * changed against the save before it, the workflow steps of the page's span between them, and the
 * differences between two chosen versions (which may lie on other pages).
 */
import type { Executor } from "@/db/client";
import { getRevisionContent, listRevisions, listWorkflowEvents } from "@/db/queries/history";
import type { UserProfile } from "@/db/queries/users";
import { findReadableReport, type ReportHead } from "@/db/queries/workflow";
import { actorScope, decide } from "@/lib/permissions";
import type { Report } from "@/lib/report";
import { tryReadStoredReport } from "@/lib/stored-report";
import { describeDiff, diffReports, type ReportDiff } from "./diff";

export type TimelineItem =
  | { kind: "revision"; at: Date; version: number; author: string; summary: string; id: number }
  | { kind: "event"; at: Date; action: string; user: string; detail: string | null; id: number };

export type ReportHistory = {
  report: ReportHead;
  timeline: TimelineItem[];
  /** The cursor of the next, older page; null on the oldest. */
  olderThan: number | null;
  /** The two versions compared, and their differences (null when either cannot be read). */
  from: number | undefined;
  to: number | undefined;
  diff: ReportDiff | null;
};

/** The history page of a report the actor may view, or undefined (another agency's report is not found). */
export function reportHistory(
  db: Executor,
  actor: UserProfile,
  reportId: number,
  query: { before?: number; from?: string; to?: string },
): ReportHistory | undefined {
  const scope = actorScope(actor);
  const report = findReadableReport(db, scope, reportId);
  if (!report || !decide(actor, report, "view").ok) return undefined;

  const page = listRevisions(db, scope, reportId, { before: query.before });
  const withReport = <T extends { content: unknown }>(revision: T) => ({ ...revision, report: tryReadStoredReport(revision.content) });
  const revisions = page.revisions.map(withReport);
  const base = page.base ? withReport(page.base) : null;
  // The newest revision of each version (a version is kept once; older stores may hold duplicates).
  const byVersion = new Map<number, Report | undefined>();
  for (const revision of [...revisions, ...(base ? [base] : [])]) {
    if (!byVersion.has(revision.version)) byVersion.set(revision.version, revision.report);
  }
  const versions = [...byVersion.keys()];

  const timeline: TimelineItem[] = [];
  revisions.forEach((revision, index) => {
    const older = (revisions[index + 1] ?? base)?.report;
    const summary = !revision.report
      ? "内容无法读取"
      : older
        ? describeDiff(diffReports(older, revision.report))
        : index === revisions.length - 1 && !base
          ? "创建报告"
          : "";
    timeline.push({
      kind: "revision",
      at: revision.createdAt,
      version: revision.version,
      author: revision.authorName ?? "—",
      summary,
      id: revision.id,
    });
  });
  // Each page shows the workflow steps from its oldest save up to where the newer page begins.
  const oldestShown = page.olderThan !== null ? revisions[revisions.length - 1].createdAt : null;
  for (const event of listWorkflowEvents(db, scope, reportId)) {
    if (event.action === "report-created") continue;
    if (oldestShown && event.at <= oldestShown) continue;
    if (page.newerPageFrom && event.at > page.newerPageFrom) continue;
    timeline.push({ kind: "event", at: event.at, action: event.action, user: event.userName ?? "—", detail: event.detail, id: event.id });
  }
  timeline.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.kind === "event" ? -1 : 1));

  // Versions asked for that are not on this page are read on their own.
  const contentOf = (version: number) =>
    byVersion.has(version) ? byVersion.get(version) : tryReadStoredReport(getRevisionContent(db, scope, reportId, version));
  const asked = (text: string | undefined) => {
    const version = /^\d+$/.test(text ?? "") ? Number(text) : undefined;
    return version !== undefined && contentOf(version) !== undefined ? version : undefined;
  };
  const to = asked(query.to) ?? versions[0];
  const from = asked(query.from) ?? versions.find((v) => v < to) ?? to;
  const beforeContent = from !== undefined ? contentOf(from) : undefined;
  const afterContent = to !== undefined ? contentOf(to) : undefined;
  const diff = beforeContent && afterContent ? diffReports(beforeContent, afterContent) : null;
  return { report, timeline, olderThan: page.olderThan, from, to, diff };
}
