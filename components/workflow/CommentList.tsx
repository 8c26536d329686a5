import type { ReportComment } from "@/db/queries/comments";
import { formatDateTime } from "@/lib/format";
import { roleLabels } from "@/lib/labels";
// Module paths, not the "@/lib/report" index: this runs in the browser, which needs no interchange parser.
import { labelText } from "@/lib/report/model";
import type { EditionId } from "@/lib/report/editions";
import { commentSectionTitle } from "@/lib/workflow/cells";

/** A comment as it travels to the browser (the date as ISO text). */
export type CommentView = Omit<ReportComment, "createdAt"> & { createdAt: string };

export function toCommentViews(comments: ReportComment[]): CommentView[] {
  return comments.map((comment) => ({ ...comment, createdAt: comment.createdAt.toISOString() }));
}

/**
 * Review comments of one section (or, without `section`, of the whole report grouped by section),
 * each with the cell it points at, its author and time. Renders nothing when there are none.
 */
export function CommentList({
  comments,
  edition,
  section,
  heading = "审核意见",
}: {
  comments: CommentView[];
  edition: EditionId;
  /** A section key (general, front, overview, activeDisclosure, requests, reviewLitigation, problems, otherMatters). */
  section?: string;
  heading?: string;
}) {
  const shown = section === undefined ? comments : comments.filter((comment) => comment.section === section);
  if (shown.length === 0) return null;
  return (
    <section
      aria-label={heading}
      data-testid={`comments-${section ?? "all"}`}
      className="rounded border border-amber-300 bg-amber-50 px-4 py-3"
    >
      <h3 className="mb-2 font-semibold text-amber-900">
        {heading}
        <span className="ml-2 text-sm font-normal text-amber-800">{shown.length} 条</span>
      </h3>
      <ol className="space-y-2">
        {shown.map((comment) => (
          <li key={comment.id} className="rounded bg-white px-3 py-2 ring-1 ring-amber-200">
            <div className="flex flex-wrap items-baseline gap-x-2 text-sm text-slate-600">
              {section === undefined && (
                <span className="font-medium text-slate-800">{commentSectionTitle(edition, comment.section)}</span>
              )}
              {comment.cell && (
                <span className="rounded bg-amber-100 px-1.5 text-amber-900">{labelText(edition, comment.cell)}</span>
              )}
              <span>
                {comment.authorName}（{roleLabels[comment.authorRole]}）
              </span>
              <time dateTime={comment.createdAt}>{formatDateTime(new Date(comment.createdAt))}</time>
            </div>
            <p className="mt-1 whitespace-pre-wrap">{comment.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
