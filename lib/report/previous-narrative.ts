/**
 * Last year's text of a part of a narrative section (一、总体情况, 六、其他需要报告的事项), shown beside this
 * year's part while writing it. Parts are matched by sub-heading, which carries over from last year's report.
 */
import type { NarrativeSection } from "./model";

/** A sub-heading without spaces and without its numbering: 「（一）主动公开情况」 matches 「主动公开情况」. */
export function headingKey(heading: string | undefined): string {
  return (heading ?? "")
    .replace(/\s+/g, "")
    .replace(/^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．])/, "");
}

/**
 * Last year's text for this year's part `index`: the part of last year with the same sub-heading (the n-th
 * of several with that sub-heading, parts without one included, for the n-th here). Undefined when there is
 * none or its text is blank.
 */
export function previousPartText(
  previous: readonly NarrativeSection[] | undefined,
  current: readonly ({ heading?: string } | undefined)[],
  index: number,
): string | undefined {
  if (!previous || index < 0 || index >= current.length) return undefined;
  const key = headingKey(current[index]?.heading);
  const rank = current.slice(0, index).filter((part) => headingKey(part?.heading) === key).length;
  const match = previous.filter((part) => headingKey(part.heading) === key)[rank];
  return match?.text.trim() ? match.text : undefined;
}
