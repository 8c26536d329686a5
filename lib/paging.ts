/**
 * The `before` cursor of a paged list from the address (an id the previous page ended at). Anything but a
 * positive whole number means the first, newest page, so a mangled link still shows something useful.
 */
export function readCursor(value: string | string[] | undefined): number | undefined {
  const number = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}
