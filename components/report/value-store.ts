"use client";

import { useSyncExternalStore } from "react";

/**
 * A value outside React state: only the components that read it re-render when it changes. The editor
 * uses it for what changes on every keystroke, so the large form above does not re-render.
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

export function useValueStore<T>(store: ValueStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
