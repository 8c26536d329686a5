"use client";

import { useFormContext, type FieldPathByValue } from "react-hook-form";
import { useEditor } from "./context";
import type { EditorValues } from "./values";

/**
 * Last year's text of a narrative part, folded under its sub-heading so it does not crowd the page (a
 * <details>: opened by click, Enter or Space), with 「复制上年内容」 to start this year's text from it.
 * Nothing when last year's report has no text for the part.
 */
export function PreviousText({
  text,
  field,
  targetId,
}: {
  text: string | undefined;
  /** The form field the copy goes into. */
  field: FieldPathByValue<EditorValues, string | undefined>;
  /** The text box of that field, focused after the copy. */
  targetId: string;
}) {
  const { previous, readOnly } = useEditor();
  const { getValues, setValue } = useFormContext<EditorValues>();
  if (!text || !previous) return null;
  return (
    <details className="mt-2 rounded border border-slate-200 bg-slate-50 text-sm" data-testid="previous-text">
      <summary className="cursor-pointer select-none rounded px-2 py-1 text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600">
        查看 {previous.year} 年报告的这一部分
        <span className="ml-1 text-xs text-slate-500">（{text.length} 字）</span>
      </summary>
      <div className="space-y-2 border-t border-slate-200 px-3 py-2">
        <p className="max-h-64 overflow-y-auto whitespace-pre-wrap leading-6 text-slate-700">{text}</p>
        {!readOnly && (
          <button
            type="button"
            className="rounded border border-slate-300 bg-white px-2 py-0.5 text-slate-700 hover:bg-slate-100"
            onClick={() => {
              const current = getValues(field) ?? "";
              if (current.trim() && current !== text && !window.confirm("用上年内容替换这一部分的当前正文？")) return;
              setValue(field, text, { shouldDirty: true });
              document.getElementById(targetId)?.focus();
            }}
          >
            复制上年内容
          </button>
        )}
      </div>
    </details>
  );
}
