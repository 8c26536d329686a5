/**
 * What changed between two versions of a report: table cells (old → new, named by their Chinese labels)
 * and the text fields, with a character diff of narrative text for showing insertions and deletions.
 */
import { labelText, type Report } from "@/lib/report";
import { cellValue, tableGrids, textValue, TEXT_FIELD_KEYS, type CellValue } from "@/lib/workflow/cells";

export type CellChange = { path: string; label: string; before: CellValue; after: CellValue };

export type TextSegment = { kind: "same" | "added" | "removed"; text: string };

export type TextChange = { key: string; label: string; before: string; after: string };

export type ReportDiff = { cells: CellChange[]; texts: TextChange[] };

export function diffReports(before: Report, after: Report): ReportDiff {
  const cells: CellChange[] = [];
  for (const grid of tableGrids(after, before)) {
    for (const row of grid.rows) {
      for (const { path } of row.cells) {
        const old = cellValue(before, path);
        const now = cellValue(after, path);
        if (old !== now) cells.push({ path, label: labelText(after.edition, path), before: old, after: now });
      }
    }
  }
  const texts: TextChange[] = [];
  for (const key of TEXT_FIELD_KEYS) {
    const old = textValue(before, key);
    const now = textValue(after, key);
    if (old !== now) texts.push({ key, label: labelText(after.edition, key), before: old, after: now });
  }
  return { cells, texts };
}

/** Above this many character comparisons a changed middle is shown as replaced whole. */
const MAX_DIFF_WORK = 4_000_000;

/**
 * A character diff (longest common subsequence after trimming the common start and end), merged into
 * runs. Chinese has no word breaks, so characters are the natural unit.
 */
export function diffText(before: string, after: string): TextSegment[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const segments: TextSegment[] = [];
  const push = (kind: TextSegment["kind"], text: string) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last?.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  push("same", before.slice(0, start));
  const a = before.slice(start, endBefore);
  const b = after.slice(start, endAfter);
  if (a.length * b.length > MAX_DIFF_WORK) {
    push("removed", a);
    push("added", b);
  } else {
    for (const step of lcsSteps(a, b)) push(step.kind, step.text);
  }
  push("same", before.slice(endBefore));
  return cleanupSemantic(segments);
}

/**
 * Fold short unchanged runs caught between changes into the changes (the rule of diff-match-patch's
 * semantic cleanup: an unchanged run no longer than the changes on either side), so that
 * “按期” → “在法定期限内” reads as one replacement, not as four scattered edits. Repeated until stable.
 */
function cleanupSemantic(segments: TextSegment[]): TextSegment[] {
  let current = segments;
  for (let changed = true; changed; ) {
    changed = false;
    const out: TextSegment[] = [];
    let removed = "";
    let added = "";
    const flush = () => {
      if (removed) out.push({ kind: "removed", text: removed });
      if (added) out.push({ kind: "added", text: added });
      removed = added = "";
    };
    for (let i = 0; i < current.length; i++) {
      const segment = current[i];
      if (segment.kind === "removed") removed += segment.text;
      else if (segment.kind === "added") added += segment.text;
      else {
        const after = changesAround(current, i + 1);
        const before = Math.max(removed.length, added.length);
        const foldable = before > 0 && after > 0 && segment.text.length <= Math.min(before, after);
        if (foldable) {
          removed += segment.text;
          added += segment.text;
          changed = true;
        } else {
          flush();
          out.push(segment);
        }
      }
    }
    flush();
    current = out;
  }
  return current;
}

/** The longer side (removed or added) of the changes starting at `from`, up to the next unchanged run. */
function changesAround(segments: TextSegment[], from: number): number {
  let removed = 0;
  let added = 0;
  for (let i = from; i < segments.length && segments[i].kind !== "same"; i++) {
    if (segments[i].kind === "removed") removed += segments[i].text.length;
    else added += segments[i].text.length;
  }
  return Math.max(removed, added);
}

function lcsSteps(a: string, b: string): TextSegment[] {
  const n = a.length;
  const m = b.length;
  // lengths[i * (m + 1) + j] = LCS length of a[i..] and b[j..]
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * (m + 1) + j + 1] + 1
          : Math.max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1]);
    }
  }
  const steps: TextSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      steps.push({ kind: "same", text: a[i] });
      i++;
      j++;
    } else if (lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1]) {
      steps.push({ kind: "removed", text: a[i++] });
    } else {
      steps.push({ kind: "added", text: b[j++] });
    }
  }
  if (i < n) steps.push({ kind: "removed", text: a.slice(i) });
  if (j < m) steps.push({ kind: "added", text: b.slice(j) });
  return steps;
}

/** One line of what a revision changed, e.g. 修改了 3 个单元格；「引言」「一、总体情况」. */
export function describeDiff(diff: ReportDiff): string {
  const parts: string[] = [];
  if (diff.cells.length > 0) parts.push(`修改了 ${diff.cells.length} 个单元格`);
  if (diff.texts.length > 0) parts.push(`修改了${diff.texts.map((text) => text.label).join("")}`);
  return parts.length > 0 ? parts.join("；") : "内容未变";
}
