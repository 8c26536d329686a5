"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions";
import { deleteCommentAction, resolveCommentAction } from "@/app/(app)/reports/[id]/workflow-actions";

/** Runs a comment action, then shows the page as it now is; a refusal is shown next to the button. */
function useCommentAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      setError(null);
      const result = await action();
      if (!result.ok) {
        setError(result.formError ?? "操作未成功，请重试。");
        return;
      }
      router.refresh();
    });
  const errorText = error && (
    <span role="alert" className="text-sm text-red-700">
      {error}
    </span>
  );
  return { pending, run, errorText };
}

const buttonStyle =
  "rounded border border-amber-400 bg-white px-2 py-0.5 text-sm text-amber-900 hover:bg-amber-100 disabled:opacity-60";

/** Marks a review comment as dealt with, or open again. */
export function ResolveCommentButton({ reportId, commentId, resolved }: { reportId: number; commentId: number; resolved: boolean }) {
  const { pending, run, errorText } = useCommentAction();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => run(() => resolveCommentAction({ reportId, commentId, resolved: !resolved }))}
        className={buttonStyle}
      >
        {pending ? "正在保存…" : resolved ? "恢复为未处理" : "标记为已处理"}
      </button>
      {errorText}
    </span>
  );
}

/** Takes back the supervisor's own comment, after a second click to confirm. */
export function DeleteCommentButton({ reportId, commentId }: { reportId: number; commentId: number }) {
  const { pending, run, errorText } = useCommentAction();
  const [confirming, setConfirming] = useState(false);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {confirming ? (
        <>
          <button
            type="button"
            disabled={pending}
            onClick={() => run(() => deleteCommentAction({ reportId, commentId }))}
            className="rounded bg-red-700 px-2 py-0.5 text-sm text-white hover:bg-red-800 disabled:opacity-60"
          >
            {pending ? "正在删除…" : "确认删除"}
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={buttonStyle}>
            取消
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className={buttonStyle}>
          删除
        </button>
      )}
      {errorText}
    </span>
  );
}
