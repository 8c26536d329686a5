import type { CellSeverity, EditorSnapshot, EditorStore } from "./store";

/**
 * The marks of the table cells on screen (red, amber and yellow for a cell's findings, red for text refused at
 * the cell), written straight onto the cells' elements and not rendered by React: one keystroke can change the
 * marks of a whole table (the first figure in an empty table makes every other cell of it blank), and
 * re-rendering every cell for it cost more than the rest of the keystroke together.
 *
 * Each cell's <td> registers itself on mount. On every snapshot the marks compare the cells' severities with
 * the last ones and touch only the cells whose severity changed: `data-severity` holds the severity,
 * `data-mark` what the cell shows (`refused` before any severity; the cell's classes style each value with
 * `data-[mark=…]:`), and a number cell is `aria-invalid` for a refusal, an error or a blank.
 */
export class CellMarks {
  private readonly cells = new Map<string, HTMLTableCellElement>();
  private severities: ReadonlyMap<string, CellSeverity>;

  constructor(private readonly store: EditorStore) {
    this.severities = store.get().severityByPath;
  }

  /** Starts following the store; returns the function that stops. */
  follow(): () => void {
    // A snapshot set between the construction and now (a restored draft) is applied at once.
    this.update(this.store.get());
    return this.store.subscribe(() => this.update(this.store.get()));
  }

  /** A cell's element on mount (marked at once from the current snapshot), or null on unmount. */
  register(path: string, td: HTMLTableCellElement | null): void {
    if (!td) {
      this.cells.delete(path);
      return;
    }
    this.cells.set(path, td);
    setSeverity(td, this.severities.get(path));
  }

  private update(snapshot: EditorSnapshot): void {
    const before = this.severities;
    const after = snapshot.severityByPath;
    if (before === after) return;
    this.severities = after;
    for (const [path, td] of this.cells) {
      const severity = after.get(path);
      if (severity !== before.get(path)) setSeverity(td, severity);
    }
  }
}

function setSeverity(td: HTMLTableCellElement, severity: CellSeverity | undefined): void {
  if (severity) td.dataset.severity = severity;
  else delete td.dataset.severity;
  applyMark(td);
}

/**
 * What a cell shows from its severity and its refusal (`data-refused`, set by the cell itself, which calls
 * this when its refusal changes or its input appears). A number cell (and its input while edited) is
 * `aria-invalid` for a refusal, an error or a blank. Attributes are written only when they change.
 */
export function applyMark(td: HTMLTableCellElement): void {
  const severity = td.dataset.severity as CellSeverity | undefined;
  const refused = td.dataset.refused !== undefined;
  const mark = refused ? "refused" : severity;
  if (td.dataset.mark !== mark) {
    if (mark) td.dataset.mark = mark;
    else delete td.dataset.mark;
  }
  if (td.dataset.row === undefined) return; // a total: marked, never invalid (nobody types it)
  const invalid = refused || severity === "error" || severity === "blank";
  setInvalid(td, invalid);
  const input = td.querySelector("input");
  if (input) setInvalid(input, invalid);
}

function setInvalid(element: HTMLElement, invalid: boolean): void {
  if (invalid === element.hasAttribute("aria-invalid")) return;
  if (invalid) element.setAttribute("aria-invalid", "true");
  else element.removeAttribute("aria-invalid");
}
