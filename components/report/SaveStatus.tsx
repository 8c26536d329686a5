"use client";

import { formatClock } from "@/lib/format";
import type { SaveState } from "./useAutosave";
import { useValueStore, type ValueStore } from "./value-store";


export function SaveStatus({
  stateStore,
  onReload,
  onKeepMine,
}: {
  stateStore: ValueStore<SaveState>;
  onReload: () => void;
  onKeepMine: (serverVersion: number) => void;
}) {
  const state = useValueStore(stateStore);
  switch (state.status) {
    case "saved":
      return (
        <span role="status" data-testid="save-status" className="text-emerald-700">
          {state.savedAt ? `已保存 ${formatClock(new Date(state.savedAt))}` : "已保存"}
        </span>
      );
    case "saving":
      return (
        <span role="status" data-testid="save-status" className="text-slate-600">
          保存中…
        </span>
      );
    case "unsaved":
      return (
        <span role="status" data-testid="save-status" className="text-amber-700">
          未保存
        </span>
      );
    case "offline":
      return (
        <span role="status" data-testid="save-status" className="text-red-700" title={state.message}>
          未保存（离线，已存于本机）
        </span>
      );
    case "refused":
      return (
        <span role="alert" data-testid="save-status" className="text-red-700">
          未保存：{state.message}
        </span>
      );
    case "conflict":
      return (
        <div role="alert" data-testid="save-conflict" className="flex flex-wrap items-center gap-2 rounded border border-red-300 bg-red-50 px-3 py-1.5 text-red-900">
          <span>此报告已在别处（其他人或另一个窗口）保存过新的版本，您的修改尚未保存。</span>
          <button type="button" onClick={onReload} className="rounded border border-red-400 bg-white px-2 py-0.5 hover:bg-red-100">
            载入最新版本（放弃我的修改）
          </button>
          <button
            type="button"
            onClick={() => onKeepMine(state.currentVersion)}
            className="rounded bg-red-700 px-2 py-0.5 text-white hover:bg-red-800"
          >
            保留我的修改（覆盖对方版本）
          </button>
        </div>
      );
  }
}
