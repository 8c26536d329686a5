/**
 * Reading a report by dotted path (`requests.newReceived.total`, `contact.phone`, `overview.0.text`):
 * the one path reader of the app. Pure; safe in the browser (the editor reads every computed cell with
 * it on each keystroke, so it allocates nothing but the split).
 */
import type { TableKey } from "./model";

/**
 * The value at `path` inside `source`, or undefined when a step of the path is missing or is not an
 * object. What a missing value means (blank, not applicable) is the caller's to say.
 */
export function readPath(source: unknown, path: string): unknown {
  let value: unknown = source;
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Whether a path's first segment names one of the three statistics tables. */
export function isTableKey(key: string): key is TableKey {
  return key === "activeDisclosure" || key === "requests" || key === "reviewLitigation";
}
