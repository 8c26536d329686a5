"use client";

import { useEffect, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import type { Report } from "@/lib/report";
import { commentSectionTitle, sectionCellOptions } from "@/lib/workflow/cells";
import { addCommentAction } from "@/app/(app)/reports/[id]/workflow-actions";
import { applyServerErrors } from "@/components/ui/form-errors";

type CommentValues = { cell: string; body: string };

const EMPTY: CommentValues = { cell: "", body: "" };

/**
 * A supervisor's comment on one section of a report under review, optionally pointing at one of the
 * section's cells: chosen at the cell (「对此单元格提意见」, which sets `target`) or by its Chinese label here.
 */
export function CommentForm({
  reportId,
  section,
  report,
  target,
  onTargetTaken,
}: {
  reportId: number;
  /** general, front, overview, activeDisclosure, requests, reviewLitigation, problems or otherMatters */
  section: string;
  /** The report as shown, for the section's cells. */
  report: Report;
  /** A cell the supervisor chose to comment on at the cell: chosen here and the text focused, then `onTargetTaken`. */
  target?: { cell: string } | null;
  onTargetTaken?: () => void;
}) {
  const router = useRouter();
  const cells = useMemo(() => sectionCellOptions(report, section), [report, section]);
  const [done, setDone] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CommentValues>({ defaultValues: EMPTY });
  useEffect(() => {
    if (!target) return;
    setDone(null);
    setValue("cell", target.cell);
    setFocus("body");
    onTargetTaken?.();
  }, [target, setValue, setFocus, onTargetTaken]);
  const title = commentSectionTitle(report.edition, section);
  const id = (name: string) => `comment-${section}-${name}`;

  async function onSubmit(values: CommentValues) {
    setDone(null);
    const result = await addCommentAction({ reportId, section, cell: values.cell || null, body: values.body });
    if (!result.ok) {
      applyServerErrors(result, setError, ["cell", "body"]);
      return;
    }
    // With values: a bare reset() makes the form library call reset() on the enclosing <form>, the report
    // editor's, which would blank every number on screen.
    reset(EMPTY);
    setDone("意见已添加。");
    router.refresh();
  }

  return (
    // Not a <form>: it sits inside the report editor's form, and forms cannot nest.
    <div
      role="form"
      aria-label={`对“${title}”填写审核意见`}
      className="space-y-2 rounded border border-slate-200 bg-white px-4 py-3"
    >
      <h3 className="font-semibold">填写审核意见</h3>
      {cells.length > 0 && (
        <div>
          <label htmlFor={id("cell")} className="mb-1 block text-slate-700">
            针对的单元格（可选）
          </label>
          <select id={id("cell")} className="w-full rounded border border-slate-300 bg-white px-2 py-1.5" {...register("cell")}>
            <option value="">整个栏目：{title}</option>
            {cells.map((cell) => (
              <option key={cell.path} value={cell.path}>
                {cell.label}
              </option>
            ))}
          </select>
          {errors.cell && <p className="mt-1 text-red-700">{errors.cell.message}</p>}
        </div>
      )}
      <div>
        <label htmlFor={id("body")} className="mb-1 block text-slate-700">
          意见内容
        </label>
        <textarea
          id={id("body")}
          rows={3}
          aria-invalid={errors.body ? true : undefined}
          className="w-full rounded border border-slate-300 px-2 py-1.5"
          {...register("body", { validate: (value) => value.trim().length > 0 || "请填写意见内容" })}
        />
        {errors.body && <p className="mt-1 text-red-700">{errors.body.message}</p>}
      </div>
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={handleSubmit(onSubmit)}
          disabled={isSubmitting}
          className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {isSubmitting ? "正在提交…" : "添加意见"}
        </button>
        {errors.root && (
          <p role="alert" className="text-red-700">
            {errors.root.message}
          </p>
        )}
        {done && (
          <p role="status" className="text-emerald-700">
            {done}
          </p>
        )}
      </div>
    </div>
  );
}
