"use client";

import { useSyncExternalStore } from "react";

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
