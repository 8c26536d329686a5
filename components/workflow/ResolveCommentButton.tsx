"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { resolveCommentAction } from "@/app/(app)/reports/[id]/workflow-actions";

/** Marks a review comment as dealt with (or open again) and shows the page as it now is. */
export function ResolveCommentButton({ reportId, commentId, resolved }: { reportId: number; commentId: number; resolved: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await resolveCommentAction({ reportId, commentId, resolved: !resolved });
            if (!result.ok) {
              setError(result.formError ?? "操作未成功，请重试。");
              return;
            }
            router.refresh();
          })
        }
        className="rounded border border-amber-400 bg-white px-2 py-0.5 text-sm text-amber-900 hover:bg-amber-100 disabled:opacity-60"
      >
        {pending ? "正在保存…" : resolved ? "恢复为未处理" : "标记为已处理"}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
