"use client";

import { useMemo } from "react";
import { useEditor } from "./context";
import { useEditorSnapshot } from "./store";
import { EDITOR_SECTIONS, sectionStates, type EditorSection, type SectionState } from "./sections";

const toneStyles: Record<SectionState["tone"], string> = {
  empty: "text-slate-600",
  progress: "text-amber-700",
  error: "text-red-700 font-medium",
  done: "text-emerald-700",
};

export function SectionNav({ current, onSelect }: { current: EditorSection; onSelect: (section: EditorSection) => void }) {
  const { store } = useEditor();
  const report = useEditorSnapshot(store, (snapshot) => snapshot.report);
  const findings = useEditorSnapshot(store, (snapshot) => snapshot.findings);
  const states = useMemo(() => sectionStates(report, findings), [report, findings]);
  return (
    <nav aria-label="报告栏目" className="rounded border border-slate-200 bg-white">
      <ol>
        {EDITOR_SECTIONS.map((section) => {
          const state = section.key === "check" ? null : states[section.key];
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
                {state && (
                  <span className={`shrink-0 text-xs ${toneStyles[state.tone]}`} data-testid={`section-state-${section.key}`}>
                    {state.label}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
