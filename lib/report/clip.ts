/** A text cut to at most `max` characters, marked with "…" where it was cut (for messages and logs). */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
