"use client";

import { memo } from "react";
import type { FindingPlace } from "@/lib/report/rules";
import { useEditor } from "./context";
import { useValueStore } from "../value-store";
import { EDITOR_SECTIONS, type EditorSection, type SectionState } from "./sections";

const toneStyles: Record<SectionState["tone"], string> = {
  empty: "text-slate-600",
  progress: "text-amber-700",
  error: "text-red-700 font-medium",
  done: "text-emerald-700",
};

/**
 * One section's state; it re-renders only when its own label changes, not on every keystroke. A fixed,
 * contained box, so a new count is laid out and painted on its own.
 */
function SectionStateLabel({ section }: { section: FindingPlace }) {
  const { store } = useEditor();
  const label = useValueStore(store, (snapshot) => snapshot.sectionStates[section].label);
  const tone = useValueStore(store, (snapshot) => snapshot.sectionStates[section].tone);
  return (
    <span className={`inline-block h-4 w-[4.5rem] shrink-0 text-right text-xs [contain:strict] ${toneStyles[tone]}`} data-testid={`section-state-${section}`}>
      {label}
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
