"use client";

import { memo, startTransition, useCallback, useEffect, useState } from "react";
import { useFormContext } from "react-hook-form";
import type { Finding, FindingPlace } from "@/lib/report/rules";
import { useLiveText, useValueStore } from "../value-store";
import { useEditor } from "./context";
import { PAUSE_MS } from "./cell-marks";
import { EDITOR_SECTIONS, type FindingsBySection } from "./sections";
import type { EditorValues } from "./values";

function AcknowledgeForm({ finding, onDone }: { finding: Finding; onDone: () => void }) {
  const { getValues, setValue } = useFormContext<EditorValues>();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inputId = `ack-${finding.id}`;
  return (
    <div className="mt-1 flex flex-wrap items-start gap-1">
      <label htmlFor={inputId} className="sr-only">
        确认理由
      </label>
      <input
        id={inputId}
        autoFocus
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        placeholder="说明为什么这样填是正确的"
        className="min-w-0 flex-1 rounded border border-slate-300 px-1.5 py-0.5"
        aria-invalid={error ? true : undefined}
      />
      <button
        type="button"
        className="rounded bg-brand-600 px-2 py-0.5 text-white"
        onClick={() => {
          if (!reason.trim()) {
            setError("请填写确认理由。");
            return;
          }
          const others = getValues("acknowledgements").filter((ack) => ack.findingId !== finding.id);
          setValue("acknowledgements", [...others, { findingId: finding.id, by: "", reason: reason.trim(), at: new Date().toISOString() }], {
            shouldDirty: true,
          });
          onDone();
        }}
      >
        确认
      </button>
      <button type="button" className="rounded border border-slate-300 px-2 py-0.5" onClick={onDone}>
        取消
      </button>
      {error && <p className="w-full text-red-700">{error}</p>}
    </div>
  );
}

type FindingItemProps = { finding: Finding; onFocusFinding: (finding: Finding) => void };

/** Validation makes new finding objects on every keystroke; an item is redrawn only when what it shows changed. */
function sameFinding(before: FindingItemProps, after: FindingItemProps): boolean {
  const a = before.finding;
  const b = after.finding;
  return (
    before.onFocusFinding === after.onFocusFinding &&
    a.id === b.id &&
    a.severity === b.severity &&
    a.message === b.message &&
    a.acknowledgement?.reason === b.acknowledgement?.reason &&
    a.acknowledgement?.by === b.acknowledgement?.by
  );
}

const FindingItem = memo(function FindingItem({ finding, onFocusFinding }: FindingItemProps) {
  const { readOnly } = useEditor();
  const { getValues, setValue } = useFormContext<EditorValues>();
  const [acknowledging, setAcknowledging] = useState(false);
  const isError = finding.severity === "error";
  const isInfo = finding.severity === "info"; // only informs: no acknowledgement
  return (
    <li className={`border-l-4 px-2 py-1.5 ${isError ? "border-red-500 bg-red-50/50" : isInfo ? "border-sky-400 bg-sky-50/50" : finding.acknowledgement ? "border-slate-300 bg-slate-50" : "border-amber-400 bg-amber-50/50"}`}>
      <button type="button" onClick={() => onFocusFinding(finding)} className="text-left hover:underline" data-rule={finding.rule}>
        <span className={`mr-1 text-xs font-semibold ${isError ? "text-red-700" : isInfo ? "text-sky-800" : "text-amber-700"}`}>{isError ? "错误" : isInfo ? "提示" : "提醒"}</span>
        {finding.message}
      </button>
      {finding.acknowledgement ? (
        <p className="mt-1 text-xs text-slate-600">
          已确认：{finding.acknowledgement.reason}
          {finding.acknowledgement.by && `（${finding.acknowledgement.by}）`}
          {!readOnly && (
            <button
              type="button"
              className="ml-2 text-brand-600 underline"
              onClick={() =>
                setValue(
                  "acknowledgements",
                  getValues("acknowledgements").filter((ack) => ack.findingId !== finding.id),
                  { shouldDirty: true },
                )
              }
            >
              撤销确认
            </button>
          )}
        </p>
      ) : (
        !isError &&
        !isInfo &&
        !readOnly &&
        (acknowledging ? (
          <AcknowledgeForm finding={finding} onDone={() => setAcknowledging(false)} />
        ) : (
          <button type="button" onClick={() => setAcknowledging(true)} className="mt-1 text-xs text-brand-600 underline">
            确认无误并说明理由
          </button>
        ))
      )}
    </li>
  );
}, sameFinding);

/**
 * The findings about sentences typed in one text box (`intro`, `overview.1.text`), shown under it: where the
 * clerk reads and corrects the sentence. Redrawn only when what they say changes.
 */
export function SentenceFindings({ path }: { path: string }) {
  const { store } = useEditor();
  const key = useValueStore(store, (snapshot) => snapshot.sentenceFindings.get(path)?.key ?? "");
  if (!key) return null;
  const findings = store.get().sentenceFindings.get(path)?.findings ?? [];
  return (
    <ul className="mt-1 space-y-1" data-testid="sentence-findings">
      {findings.map((finding) => (
        <li
          key={finding.id}
          data-rule={finding.rule}
          className={`border-l-4 px-2 py-1 ${finding.severity === "error" ? "border-red-500 bg-red-50/50" : finding.acknowledgement ? "border-slate-300 bg-slate-50 text-slate-600" : "border-amber-400 bg-amber-50/50"}`}
        >
          <span className={`mr-1 text-xs font-semibold ${finding.severity === "error" ? "text-red-700" : "text-amber-700"}`}>
            {finding.severity === "error" ? "错误" : finding.severity === "info" ? "提示" : finding.acknowledgement ? "提醒（已确认）" : "提醒"}
          </span>
          {finding.message}
        </li>
      ))}
    </ul>
  );
}

/** 「错误 2 项，提醒 1 项」: the count of the findings of one section (or all), as the panel's heading shows it. */
function findingsCount(bySection: FindingsBySection, only: string | undefined): string {
  let shown = 0;
  let errors = 0;
  let infos = 0;
  for (const [section, findings] of bySection) {
    if (only && section !== only) continue;
    shown += findings.length;
    for (const finding of findings) {
      if (finding.severity === "error") errors++;
      else if (finding.severity === "info") infos++;
    }
  }
  if (shown === 0) return "未发现问题";
  return `错误 ${errors} 项，提醒 ${shown - errors - infos} 项${infos > 0 ? `，提示 ${infos} 项（仅供参考）` : ""}`;
}

/**
 * Every finding of the report, by section; a click takes the clerk to the cell. The count is written into the
 * page with the keystroke (no React render on its way to the screen); the list follows when the keys pause, in
 * a transition: the cell, its totals and the count reach the screen first, and rebuilding the list does not
 * hold them up.
 */
export function FindingsPanel({ onFocusFinding, only }: { onFocusFinding: (finding: Finding) => void; only?: string }) {
  const { store } = useEditor();
  const readCount = useCallback(() => findingsCount(store.get().findingsBySection, only), [store, only]);
  const count = useLiveText(store.subscribe, readCount);
  const [listed, setListed] = useState(() => store.get().findingsBySection);
  useEffect(() => {
    // As the other cells' marks, the list follows once the keys pause, the last snapshot only: rebuilt on
    // every key, its render landed in the next key's way to the screen.
    let pending: ReturnType<typeof setTimeout> | null = null;
    const show = () => {
      pending = null;
      const next = store.get().findingsBySection;
      startTransition(() => setListed(next));
    };
    show();
    const unsubscribe = store.subscribe(() => {
      if (pending !== null) clearTimeout(pending);
      pending = setTimeout(show, PAUSE_MS);
    });
    return () => {
      unsubscribe();
      if (pending !== null) clearTimeout(pending);
    };
  }, [store]);
  return (
    <section aria-labelledby="findings-heading" className="rounded border border-slate-200 bg-white [contain:content]" data-testid="findings-panel">
      <h2 id="findings-heading" className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 font-semibold">
        <span className="shrink-0">检查结果</span>
        {/* The count changes with every keystroke: in a box whose size does not depend on its text (size
            containment, and not itself a flex item, which Chromium always lays out with its container) it is laid
            out and painted alone instead of the whole page. Two lines where the panel is narrow. */}
        <span className="min-w-0 flex-1">
          <span ref={count.ref} className="flex h-8 w-full items-center text-xs font-normal text-slate-600 [contain:strict] sm:h-4" aria-live="polite">
            {count.first}
          </span>
        </span>
      </h2>
      <FindingsList bySection={listed} only={only} onFocusFinding={onFocusFinding} />
    </section>
  );
}

const FindingsList = memo(function FindingsList({
  bySection,
  only,
  onFocusFinding,
}: {
  bySection: FindingsBySection;
  only: string | undefined;
  onFocusFinding: (finding: Finding) => void;
}) {
  const sections = EDITOR_SECTIONS.filter((section) => section.key !== "check" && (!only || section.key === only));
  if (!sections.some((section) => bySection.has(section.key as FindingPlace))) return null;
  return (
    // Off screen (below a long table being typed into) the list is neither laid out nor painted and keeps its
    // last size: a keystroke changes it, and that cost more than the rest of the frame. It stays in the
    // accessibility tree.
    <div className="max-h-[60vh] overflow-y-auto p-2 [contain-intrinsic-size:auto_12rem] [content-visibility:auto]">
      {sections.map((section) => {
        const items = bySection.get(section.key as FindingPlace);
        if (!items) return null;
        const blanks = items.filter((finding) => finding.rule === "CELL-BLANK");
        return (
          <div key={section.key} className="mb-2">
            {!only && <h3 className="mb-1 text-xs font-semibold text-slate-600">{section.title}</h3>}
            <ul className="space-y-1">
              {items
                .filter((finding) => finding.rule !== "CELL-BLANK")
                .map((finding) => (
                  <FindingItem key={finding.id} finding={finding} onFocusFinding={onFocusFinding} />
                ))}
              {blanks.length > 0 && (
                <li className="border-l-4 border-yellow-400 bg-yellow-50/60 px-2 py-1.5">
                  <button type="button" onClick={() => onFocusFinding(blanks[0])} className="text-left hover:underline" data-rule="CELL-BLANK">
                    <span className="mr-1 text-xs font-semibold text-red-700">错误</span>
                    {blanks.length === 1 ? blanks[0].message : `有 ${blanks.length} 个单元格未填写（浅黄色），第一个：${blanks[0].message}`}
                  </button>
                </li>
              )}
            </ul>
          </div>
        );
      })}
    </div>
  );
});
