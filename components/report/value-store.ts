"use client";

import { useCallback, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";

/**
 * A value outside React state: only the components that read it re-render when it changes. The editor
 * keeps in it what changes on every keystroke (the computed report and its findings, the save state, a
 * message), so the large form around them does not re-render.
 */
export class ValueStore<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: T) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  get = () => this.value;

  set(next: T | ((current: T) => T)) {
    const value = typeof next === "function" ? (next as (current: T) => T)(this.value) : next;
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  }
}

function whole<T>(value: T): T {
  return value;
}

/**
 * The store's value, or the part of it that `select` picks: the component re-renders only when that part
 * changes (by Object.is), so each editor cell subscribes to its own path.
 */
export function useValueStore<T, S = T>(store: ValueStore<T>, select: (value: T) => S = whole as (value: T) => S): S {
  const read = () => select(store.get());
  return useSyncExternalStore(store.subscribe, read, read);
}

/**
 * Something on screen that follows a store without React: the first render shows `read()` (so the server's HTML
 * holds it) and React never changes it again; each later change is shown by `show` on the element directly.
 * What changes on every keystroke (a total, the findings count, a section's state) then costs no React render
 * and commit on the keystroke's way to the screen. `subscribe`, `read` and `show` must keep their identity
 * (useCallback, or a function outside the component) while what they do stays the same; a new `read` is shown at
 * once.
 */
export function useFollow<V, E extends HTMLElement = HTMLElement>(
  subscribe: (listener: () => void) => () => void,
  read: () => V,
  show: (element: E, value: V) => void,
): { ref: (element: E | null) => void; first: V } {
  const [first] = useState(read);
  const element = useRef<E | null>(null);
  const shown = useRef(first);
  useLayoutEffect(() => {
    const update = () => {
      const value = read();
      if (Object.is(value, shown.current) || !element.current) return;
      shown.current = value;
      show(element.current, value);
    };
    update();
    return subscribe(update);
  }, [subscribe, read, show]);
  const ref = useCallback((node: E | null) => {
    element.current = node;
  }, []);
  return { ref, first };
}

function showText(element: HTMLElement, text: string) {
  element.textContent = text;
}

/** Text that follows a store (useFollow): render `first` as the element's only child, and pass it `ref`. */
export function useLiveText<E extends HTMLElement = HTMLElement>(
  subscribe: (listener: () => void) => () => void,
  read: () => string,
): { ref: (element: E | null) => void; first: string } {
  return useFollow<string, E>(subscribe, read, showText);
}
