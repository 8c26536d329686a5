import { describe, expect, it } from "vitest";
import { groupSittings, SITTING_GAP_MS } from "./sittings";

const minute = 60 * 1000;
const t0 = Date.UTC(2025, 2, 1, 1, 0);
const at = (minutes: number) => new Date(t0 + minutes * minute);

/** Saves, given oldest first as [minute, author], numbered from version 1, returned newest first. */
function saves(...marks: [number, number | null][]) {
  return marks.map(([minutes, authorId], index) => ({ at: at(minutes), authorId, version: index + 1 })).reverse();
}

const versions = (sittings: { version: number }[][]) => sittings.map((sitting) => sitting.map((save) => save.version));

describe("groupSittings", () => {
  it("groups one person's saves made less than half an hour apart, newest first", () => {
    const list = saves([0, 1], [60, 1], [62, 1], [70, 1], [99, 1]);
    expect(versions(groupSittings(list, []))).toEqual([[5, 4, 3, 2], [1]]);
  });

  it("measures the gap from one save to the next, not over the whole sitting", () => {
    const list = saves([0, 1], [10, 1], [35, 1], [60, 1], [85, 1], [110, 1]);
    expect(versions(groupSittings(list, []))).toEqual([[6, 5, 4, 3, 2], [1]]);
  });

  it("starts a new sitting after a gap of half an hour or more", () => {
    const list = saves([0, 1], [100, 1], [100 + SITTING_GAP_MS / minute, 1], [100 + SITTING_GAP_MS / minute + 29, 1]);
    expect(versions(groupSittings(list, []))).toEqual([[4, 3], [2], [1]]);
  });

  it("keeps another person's saves apart, and never groups saves of an unknown author", () => {
    const list = saves([0, 1], [10, 1], [11, 2], [12, 2], [13, 1], [14, null], [15, null]);
    expect(versions(groupSittings(list, []))).toEqual([[7], [6], [5], [4, 3], [2], [1]]);
  });

  it("keeps the first version, the report's creation, on its own", () => {
    expect(versions(groupSittings(saves([0, 1], [1, 1], [2, 1]), []))).toEqual([[3, 2], [1]]);
  });

  it("cuts a sitting at every workflow step between two saves", () => {
    const list = saves([0, 1], [10, 1], [11, 1], [12, 1], [13, 1]);
    // A step at the same moment as a save is listed after (above) it: between that save and the next.
    expect(versions(groupSittings(list, [at(11), at(12.5)]))).toEqual([[5], [4], [3, 2], [1]]);
    // Steps before the oldest or after the newest save cut nothing.
    expect(versions(groupSittings(list, [at(-5), at(13), at(20)]))).toEqual([[5, 4, 3, 2], [1]]);
  });

  it("returns nothing for no saves, and takes the gap as an option", () => {
    expect(groupSittings([], [])).toEqual([]);
    expect(versions(groupSittings(saves([0, 1], [5, 1], [9, 1], [20, 1]), [], 5 * minute))).toEqual([[4], [3, 2], [1]]);
  });
});
