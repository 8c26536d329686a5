/**
 * A sitting: the saves one person made in one go. Autosave keeps a version every few seconds of typing,
 * so the history shows a sitting as one row, while every workflow step stays a row of its own.
 */

/** Saves further apart than this belong to different sittings. */
export const SITTING_GAP_MS = 30 * 60 * 1000;

export type SaveMark = {
  at: Date;
  /** Who saved; saves of an unknown author are never grouped. */
  authorId: number | null;
  version: number;
};

/**
 * Splits saves, newest first, into sittings (each newest first, in the same order): consecutive saves by
 * the same person, with no workflow step between them and less than `SITTING_GAP_MS` between one save and
 * the next. The first version (the report's creation) is a sitting of its own.
 *
 * A step at the same moment as a save counts as after it, as the history lists them: a step at `t` lies
 * between an older save at `o` and a newer one at `n` when `o <= t < n`.
 */
export function groupSittings<S extends SaveMark>(saves: readonly S[], steps: readonly Date[], gapMs = SITTING_GAP_MS): S[][] {
  const stepTimes = steps.map((step) => step.getTime());
  const sittings: S[][] = [];
  let current: S[] = [];
  for (const save of saves) {
    const newer = current[current.length - 1];
    if (newer && !sameSitting(save, newer, stepTimes, gapMs)) {
      sittings.push(current);
      current = [];
    }
    current.push(save);
  }
  if (current.length > 0) sittings.push(current);
  return sittings;
}

function sameSitting(older: SaveMark, newer: SaveMark, stepTimes: number[], gapMs: number): boolean {
  if (older.authorId === null || older.authorId !== newer.authorId) return false;
  if (older.version === 1) return false;
  const from = older.at.getTime();
  const to = newer.at.getTime();
  if (to - from >= gapMs) return false;
  return !stepTimes.some((step) => from <= step && step < to);
}
