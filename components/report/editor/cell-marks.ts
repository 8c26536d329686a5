import type { CellSeverity, EditorSnapshot, EditorStore } from "./store";

type Mark = CellSeverity | "refused";

/** How long the keys must pause before the cells other than the edited one are marked. */
export const PAUSE_MS = 150;

/** A cell on screen and what was last written onto it. */
type Entry = {
  td: HTMLTableCellElement;
  /** A number cell (a total is marked, never invalid: nobody types it). */
  typed: boolean;
  severity: CellSeverity | undefined;
  refused: boolean;
  /** The editor input while the cell is edited. */
  input: HTMLInputElement | null;
  mark: Mark | undefined;
  invalid: boolean;
};

/**
 * The marks of the table cells on screen (red, amber and yellow for a cell's findings, red for text refused at
 * the cell), written straight onto the cells' elements and not rendered by React: one keystroke can change the
 * marks of a whole table (the first figure in an empty table makes every other cell of it blank), and
 * re-rendering every cell for it cost more than the rest of the keystroke together.
 *
 * Each cell's <td> registers itself on mount. On every snapshot the marks compare the cells' severities with
 * the last ones and touch only the cells whose severity changed: `data-mark` is what the cell shows (`refused`
 * before any severity; the cell's classes style each value with `data-[mark=…]:`), and a number cell (and its
 * editor input) is `aria-invalid` for a refusal, an error or a blank. What was written is kept here, so an
 * update reads nothing back from the page.
 *
 * The cell being edited is told at once, with the keystroke, whether it is invalid (`aria-invalid` on it and
 * its input, for a screen reader); the marks everyone sees come once the keys pause (PAUSE_MS after the last
 * snapshot), the edited cell's too: its input covers it meanwhile, and restyling the cell would repaint the
 * table around the input on every key. The first figure in an empty table turns every other cell yellow and
 * the next key may turn them back: restyling and repainting a whole table costs more than the rest of a
 * keystroke together, and done on every key it landed in the frame of the next one. Snapshots that come while
 * the keys go on are marked once, the last.
 */
export class CellMarks {
  private readonly cells = new Map<string, Entry>();
  private severities: ReadonlyMap<string, CellSeverity>;
  private pending: ReturnType<typeof setTimeout> | null = null;
  /** The cell whose editor input is shown, and its path. */
  private edited: { path: string; entry: Entry } | null = null;

  constructor(private readonly store: EditorStore) {
    this.severities = store.get().severityByPath;
  }

  /** Starts following the store; returns the function that stops. */
  follow(): () => void {
    // A snapshot set between the construction and now (a restored draft) is applied at once.
    this.update(this.store.get());
    const unsubscribe = this.store.subscribe(() => this.update(this.store.get()));
    return () => {
      unsubscribe();
      if (this.pending !== null) clearTimeout(this.pending);
      this.pending = null;
    };
  }

  /**
   * A cell's element on mount, or null on unmount. The element comes rendered with the mark of the snapshot
   * it was rendered from (`data-mark`, `aria-invalid`), which is brought up to date at once.
   */
  register(path: string, td: HTMLTableCellElement | null): void {
    if (!td) {
      if (this.edited?.entry === this.cells.get(path)) this.edited = null;
      this.cells.delete(path);
      return;
    }
    const mark = (td.getAttribute("data-mark") ?? undefined) as Mark | undefined;
    const entry: Entry = {
      td,
      typed: td.hasAttribute("data-row"),
      severity: this.severities.get(path),
      refused: false,
      input: null,
      mark,
      invalid: td.hasAttribute("aria-invalid"),
    };
    this.cells.set(path, entry);
    apply(entry);
  }

  /** A number cell's text is refused, or no longer. */
  setRefused(path: string, refused: boolean): void {
    const entry = this.cells.get(path);
    if (!entry || entry.refused === refused) return;
    entry.refused = refused;
    apply(entry);
  }

  /** The editor input shown in a cell (it takes the cell's aria-invalid), or null when it goes. */
  setInput(path: string, input: HTMLInputElement | null): void {
    const entry = this.cells.get(path);
    if (!entry) return;
    entry.input = input;
    if (input) {
      this.edited = { path, entry };
      setInvalid(input, entry.invalid);
    } else if (this.edited?.entry === entry) {
      this.edited = null;
      // What the input covered is shown now.
      this.mark(path, entry);
    }
  }

  private update(snapshot: EditorSnapshot): void {
    const after = snapshot.severityByPath;
    if (this.severities === after) return;
    this.severities = after;
    if (this.edited) tellInvalid(this.edited.entry, this.severities.get(this.edited.path));
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = null;
      for (const [path, entry] of this.cells) this.mark(path, entry);
    }, PAUSE_MS);
  }

  private mark(path: string, entry: Entry): void {
    const severity = this.severities.get(path);
    if (severity === entry.severity) return;
    entry.severity = severity;
    apply(entry);
  }
}

/** Whether a number cell with this severity (or refused) is invalid. */
function isInvalid(entry: Entry, severity: CellSeverity | undefined): boolean {
  return entry.typed && (entry.refused || severity === "error" || severity === "blank");
}

/** Writes whether the cell (and its input) is invalid, if that changed. */
function tellInvalid(entry: Entry, severity: CellSeverity | undefined): void {
  const invalid = isInvalid(entry, severity);
  if (invalid === entry.invalid) return;
  entry.invalid = invalid;
  setInvalid(entry.td, invalid);
  if (entry.input) setInvalid(entry.input, invalid);
}

function apply(entry: Entry): void {
  const mark: Mark | undefined = entry.refused ? "refused" : entry.severity;
  if (mark !== entry.mark) {
    entry.mark = mark;
    if (mark) entry.td.setAttribute("data-mark", mark);
    else entry.td.removeAttribute("data-mark");
  }
  tellInvalid(entry, entry.severity);
}

function setInvalid(element: HTMLElement, invalid: boolean): void {
  if (invalid) element.setAttribute("aria-invalid", "true");
  else element.removeAttribute("aria-invalid");
}
