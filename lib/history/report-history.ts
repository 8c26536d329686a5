/**
 * A report's history as the history page shows it: a page of saves, newest first, grouped by sitting
 * (one person's saves in one go), each row with what it changed against the version before it; the workflow
 * steps of the page's span between them, each a row of its own; and the differences between two chosen
 * versions (which may lie on other pages).
 */
import type { Executor } from "@/db/client";
import { getRevisionContent, listRevisions, listWorkflowEvents } from "@/db/queries/history";
import type { UserProfile } from "@/db/queries/users";
import { findReadableReport, type ReportHead } from "@/db/queries/workflow";
import { actorScope, decide } from "@/lib/permissions";
import type { Report } from "@/lib/report";
import { tryReadStoredReport } from "@/lib/stored-report";
import { describeDiff, diffReports, type ReportDiff } from "./diff";
import { groupSittings } from "./sittings";

export type TimelineItem =
  | {
      /** A sitting: one save, or consecutive saves by one person (lib/history/sittings.ts). */
      kind: "revision";
      /** When its last save was made. */
      at: Date;
      /** When its first save was made (`at` for a single save). */
      startedAt: Date;
      /** Its last version: the one it offers to compare. */
      version: number;
      firstVersion: number;
      /** How many saves it holds. */
      saves: number;
      author: string;
      /** What it changed against the version before its first save. */
      summary: string;
      id: number;
    }
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
export async function reportHistory(
  db: Executor,
  actor: UserProfile,
  reportId: number,
  query: { before?: number; from?: string; to?: string },
): Promise<ReportHistory | undefined> {
  const scope = actorScope(actor);
  const report = await findReadableReport(db, scope, reportId);
  if (!report || !decide(actor, report, "view").ok) return undefined;

  const page = await listRevisions(db, scope, reportId, { before: query.before });
  const withReport = <T extends { content: unknown }>(revision: T) => ({ ...revision, report: tryReadStoredReport(revision.content) });
  const revisions = page.revisions.map(withReport);
  const base = page.base ? withReport(page.base) : null;
  // The newest revision of each version (a version is kept once; older stores may hold duplicates).
  const byVersion = new Map<number, Report | undefined>();
  for (const revision of [...revisions, ...(base ? [base] : [])]) {
    if (!byVersion.has(revision.version)) byVersion.set(revision.version, revision.report);
  }
  const versions = [...byVersion.keys()];

  // Each page shows the workflow steps from its oldest save up to where the newer page begins.
  const oldestShown = page.olderThan !== null ? revisions[revisions.length - 1].createdAt : null;
  const events = (await listWorkflowEvents(db, scope, reportId)).filter(
    (event) =>
      event.action !== "report-created" &&
      !(oldestShown && event.at <= oldestShown) &&
      !(page.newerPageFrom && event.at > page.newerPageFrom),
  );

  const timeline: TimelineItem[] = [];
  const sittings = groupSittings(
    revisions.map((revision) => ({ ...revision, at: revision.createdAt })),
    events.map((event) => event.at),
  );
  let shown = 0;
  for (const sitting of sittings) {
    const last = sitting[0];
    const first = sitting[sitting.length - 1];
    shown += sitting.length;
    // What the whole sitting changed, against the version before its first save.
    const older = revisions[shown] ?? base;
    const summary = !last.report
      ? "内容无法读取"
      : older?.report
        ? describeDiff(diffReports(older.report, last.report))
        : !older
          ? "创建报告"
          : "";
    timeline.push({
      kind: "revision",
      at: last.createdAt,
      startedAt: first.createdAt,
      version: last.version,
      firstVersion: first.version,
      saves: sitting.length,
      author: last.authorName ?? "—",
      summary,
      id: last.id,
    });
  }
  for (const event of events) {
    timeline.push({ kind: "event", at: event.at, action: event.action, user: event.userName ?? "—", detail: event.detail, id: event.id });
  }
  timeline.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.kind === "event" ? -1 : 1));

  // Versions asked for that are not on this page are read on their own.
  const contentOf = async (version: number) =>
    byVersion.has(version) ? byVersion.get(version) : tryReadStoredReport(await getRevisionContent(db, scope, reportId, version));
  const asked = async (text: string | undefined) => {
    const version = /^\d+$/.test(text ?? "") ? Number(text) : undefined;
    return version !== undefined && (await contentOf(version)) !== undefined ? version : undefined;
  };
  const to = (await asked(query.to)) ?? versions[0];
  // By default, what the newest sitting changed: from the version before it.
  const newestSitting = sittings[0];
  const changedFrom = to === versions[0] && newestSitting ? newestSitting[newestSitting.length - 1].version : to;
  const from = (await asked(query.from)) ?? versions.find((v) => v < changedFrom) ?? to;
  const beforeContent = from !== undefined ? await contentOf(from) : undefined;
  const afterContent = to !== undefined ? await contentOf(to) : undefined;
  const diff = beforeContent && afterContent ? diffReports(beforeContent, afterContent) : null;
  return { report: report, timeline, olderThan: page.olderThan, from, to, diff };
}
