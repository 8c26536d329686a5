"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ValueStore } from "./value-store";
import type { SaveResponse } from "@/lib/reports/save";
import type { Operation } from "fast-json-patch";

/**
 * What an autosave sends: the whole payload, or (once the server has a version of this browser's) only what
 * changed since, as a JSON patch (RFC 6902) against that version.
 */
export type SaveRequest<T> = { baseVersion: number; payload: T } | { baseVersion: number; patch: Operation[] };

export type { SaveResponse };

export type SaveState =
  | { status: "saved"; savedAt: string | null }
  | { status: "saving" }
  | { status: "unsaved" }
  | { status: "offline"; message: string }
  | { status: "conflict"; currentVersion: number }
  | { status: "refused"; message: string };

/** What is kept in the browser until the server has it, so a reload or an outage loses nothing. */
export type StoredDraft<T> = { baseVersion: number; payload: T; changedAt: string };

export const SAVE_DELAY_MS = 800;
const RETRY_DELAY_MS = 3000;
const DRAFT_STORE_DELAY_MS = 250;

export function draftStorageKey(reportId: number): string {
  return `nianbao:draft:${reportId}`;
}

export function readStoredDraft<T>(reportId: number): StoredDraft<T> | null {
  try {
    const raw = window.localStorage.getItem(draftStorageKey(reportId));
    return raw ? (JSON.parse(raw) as StoredDraft<T>) : null;
  } catch {
    return null;
  }
}

export function clearStoredDraft(reportId: number): void {
  window.localStorage.removeItem(draftStorageKey(reportId));
}

/**
 * Autosave with one request in flight at a time: changes are kept in localStorage at once, sent within
 * SAVE_DELAY_MS of the last change (or at once on flush), and retried while the server cannot be reached.
 * Every save names the version it started from; a newer version on the server stops saving and asks.
 */
export function useAutosave<T>({
  reportId,
  initialVersion,
  initialSavedAt,
  save,
  enabled,
}: {
  reportId: number;
  initialVersion: number;
  initialSavedAt: string | null;
  save: (request: SaveRequest<T>) => Promise<SaveResponse>;
  enabled: boolean;
}) {
  // Kept outside React state: the save indicator alone re-renders, not the form around it.
  const [stateStore] = useState(() => new ValueStore<SaveState>({ status: "saved", savedAt: initialSavedAt }));
  const setState = useCallback((next: SaveState | ((current: SaveState) => SaveState)) => stateStore.set(next), [stateStore]);
  const version = useRef(initialVersion);
  const pending = useRef<T | null>(null);
  const inFlight = useRef(false);
  const inFlightDone = useRef<Promise<void> | null>(null);
  const blocked = useRef(false);
  /** The payload of the version the server last stored from this browser: later saves send what changed since. */
  const lastSaved = useRef<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const draftToStore = useRef<StoredDraft<T> | null>(null);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const storeDraft = useCallback(() => {
    if (draftTimer.current) clearTimeout(draftTimer.current);
    draftTimer.current = null;
    const draft = draftToStore.current;
    draftToStore.current = null;
    if (!draft) return;
    try {
      window.localStorage.setItem(draftStorageKey(reportId), JSON.stringify(draft));
    } catch {
      // Storage full or disabled: the server save still runs.
    }
  }, [reportId]);

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const flush = useCallback(async (): Promise<void> => {
    clearTimer();
    storeDraft();
    // A save under way: wait for it, then send what came after it (callers such as submit rely on this).
    if (inFlight.current && inFlightDone.current) {
      await inFlightDone.current;
      return flush();
    }
    if (inFlight.current || blocked.current || pending.current === null) return;
    const payload = pending.current;
    pending.current = null;
    inFlight.current = true;
    setState({ status: "saving" });
    let response: SaveResponse;
    let settle = () => {};
    inFlightDone.current = new Promise<void>((resolve) => (settle = resolve));
    try {
      const base = lastSaved.current;
      // Loaded when first needed, so the editor's first load does not carry it.
      const patch = base === null ? null : (await import("fast-json-patch")).compare(base as object, payload as object);
      response = await save(patch === null ? { baseVersion: version.current, payload } : { baseVersion: version.current, patch });
      if (response.kind === "send-whole") {
        lastSaved.current = null;
        response = await save({ baseVersion: version.current, payload });
      }
    } catch {
      // The server could not be reached: keep the edit and try again.
      pending.current ??= payload;
      inFlight.current = false;
      settle();
      setState({ status: "offline", message: "无法连接服务器，修改已保存在本机浏览器中，恢复连接后自动提交。" });
      timer.current = setTimeout(() => void flush(), RETRY_DELAY_MS);
      return;
    }
    inFlight.current = false;
    settle();
    if (response.kind === "saved") {
      version.current = response.version;
      lastSaved.current = payload;
      if (pending.current === null) {
        // Another tab of the same report may have stored its own edits meanwhile: remove only ours.
        if (JSON.stringify(readStoredDraft<T>(reportId)?.payload) === JSON.stringify(payload)) clearStoredDraft(reportId);
        setState({ status: "saved", savedAt: response.savedAt });
      } else {
        // Edits made during the save: kept in the browser against the new version, which flush stores first.
        draftToStore.current = { baseVersion: version.current, payload: pending.current, changedAt: new Date().toISOString() };
        void flush();
      }
      return;
    }
    pending.current ??= payload;
    // Whatever comes next is sent whole: the server's version is not this browser's any more.
    lastSaved.current = null;
    if (response.kind === "conflict") {
      // Nothing more is sent until the clerk decides: saving on would overwrite the other version.
      blocked.current = true;
      setState({ status: "conflict", currentVersion: response.currentVersion });
    } else if (response.kind === "refused") {
      // The next change is tried again: the refusal may be fixed by it (or by signing in again).
      setState({ status: "refused", message: response.message });
    }
  }, [reportId, save, setState, storeDraft]);

  const schedule = useCallback(
    (payload: T) => {
      if (!enabled) return;
      pending.current = payload;
      // Written a moment later, off the keystroke's path to the screen, and at once when the page is hidden
      // or a save starts. The timer is not restarted by further keys, so fast typing is stored too.
      draftToStore.current = { baseVersion: version.current, payload, changedAt: new Date().toISOString() };
      if (!draftTimer.current) draftTimer.current = setTimeout(storeDraft, DRAFT_STORE_DELAY_MS);
      if (!blocked.current && !inFlight.current) {
        setState((current) => (current.status === "refused" || current.status === "unsaved" ? current : { status: "unsaved" }));
      }
      clearTimer();
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [enabled, flush, setState, storeDraft],
  );

  /** Give up the conflict by overwriting the server's version with the edits in this browser. */
  const keepMine = useCallback(
    (serverVersion: number) => {
      version.current = serverVersion;
      lastSaved.current = null;
      blocked.current = false;
      void flush();
    },
    [flush],
  );

  /** Start again from a given server version, e.g. after a draft kept in this browser was restored. */
  const resumeFrom = useCallback(
    (payload: T, baseVersion: number) => {
      version.current = baseVersion;
      lastSaved.current = null;
      schedule(payload);
    },
    [schedule],
  );

  useEffect(() => {
    const flushNow = () => void flush();
    const onHide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (pending.current !== null || inFlight.current) {
        void flush();
        event.preventDefault();
      }
    };
    window.addEventListener("online", flushNow);
    window.addEventListener("pagehide", flushNow);
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("visibilitychange", onHide);
    return () => {
      window.removeEventListener("online", flushNow);
      window.removeEventListener("pagehide", flushNow);
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("visibilitychange", onHide);
      // Leaving the editor inside the app: send what is pending instead of dropping it.
      void flush();
    };
  }, [flush]);

  return { stateStore, schedule, flush, keepMine, resumeFrom };
}
