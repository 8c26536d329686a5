"use client";

import { memo, useCallback } from "react";
import type { FindingPlace } from "@/lib/report/rules";
import { useEditor } from "./context";
import { useFollow } from "../value-store";
import { EDITOR_SECTIONS, type EditorSection, type SectionState } from "./sections";

/** A state's colour by its tone (`data-tone`, written with the label). */
const toneStyles = [
  "data-[tone=empty]:text-slate-600",
  "data-[tone=progress]:text-amber-700",
  "data-[tone=error]:font-medium data-[tone=error]:text-red-700",
  "data-[tone=done]:text-emerald-700",
].join(" ");

/** Every snapshot has new state objects: only a label or tone that differs is written. */
function showState(element: HTMLElement, state: SectionState) {
  if (element.textContent !== state.label) element.textContent = state.label;
  if (element.dataset.tone !== state.tone) element.dataset.tone = state.tone;
}

/**
 * One section's state, written into the page when it changes (useFollow: no React render on the keystroke
 * that changed it). A fixed, contained box, so a new count is laid out and painted on its own.
 */
function SectionStateLabel({ section }: { section: FindingPlace }) {
  const { store } = useEditor();
  const read = useCallback(() => store.get().sectionStates[section], [store, section]);
  const state = useFollow(store.subscribe, read, showState);
  return (
    // The flex item is the outer box: Chromium lays a flex item out with its container, so the contained box
    // inside it is what a new label dirties.
    <span className="shrink-0">
      <span
        ref={state.ref}
        data-tone={state.first.tone}
        className={`block h-4 w-[4.5rem] text-right text-xs [contain:strict] ${toneStyles}`}
        data-testid={`section-state-${section}`}
      >
        {state.first.label}
      </span>
    </span>
  );
}

export const SectionNav = memo(function SectionNav({
  current,
  onSelect,
}: {
  current: EditorSection;
  onSelect: (section: EditorSection) => void;
}) {
  return (
    <nav aria-label="报告栏目" className="rounded border border-slate-200 bg-white">
      <ol>
        {EDITOR_SECTIONS.map((section) => {
          const active = section.key === current;
          return (
            <li key={section.key}>
              <button
                type="button"
                onClick={() => onSelect(section.key)}
                aria-current={active ? "step" : undefined}
                className={`flex w-full items-center justify-between gap-2 border-l-4 px-3 py-2 text-left ${active ? "border-brand-600 bg-brand-50 font-medium" : "border-transparent hover:bg-slate-50"}`}
              >
                <span>{section.title}</span>
                {section.key !== "check" && <SectionStateLabel section={section.key} />}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
});
