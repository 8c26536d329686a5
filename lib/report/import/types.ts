/** Public types of the importer of published reports (text, HTML, DOCX → the interchange model). */
import type { Report } from "../model";

export type ImportKind = "text" | "html" | "docx" | "pdf";

export interface ImportInput {
  kind: ImportKind;
  /** Text or HTML as a string, or the file's bytes (any kind; text may be UTF-8 or GB18030). */
  data: string | Uint8Array;
}

/** A cell or section the importer could not read (or read only as blank / not applicable). */
export interface UnreadItem {
  /** A cell path (`requests.granted.naturalPerson`), a row path (`activeDisclosure.fees`) or a section/field key (`overview`, `contact.phone`). */
  where: string;
  /** Chinese label of the place, e.g. 「（一）予以公开」的「自然人」. */
  label: string;
  /** Chinese: why it was not read. */
  reason: string;
}

/** The three statistics tables, by their keys in the report. */
export type ImportTableKey = "activeDisclosure" | "requests" | "reviewLitigation";

/** How many cells of one statistics table the file prints, and how many of them were read. */
export interface TableCellCount {
  /**
   * Value cells the file prints in this table's rows: numbers and placeholders ("/", "—", "无"); empty
   * cells and labels are not counted. 0 means the table was not found in the file.
   */
  printed: number;
  /** Printed cells read as a number into the report (a placeholder or a number that could not be placed is not). */
  read: number;
}

/** Cells printed and read, per statistics table: `read` 0 in all three means no table cell was read. */
export type TableCellCounts = Record<ImportTableKey, TableCellCount>;

export type ImportResult =
  | { ok: true; report: Report; unread: UnreadItem[]; notes: string[]; tableCells: TableCellCounts }
  | { ok: false; message: string };

/**
 * The intermediate form every input is read into: paragraphs, and table rows as cell texts.
 * Tab-separated text lines become rows too, so one reader serves text, HTML and DOCX.
 */
export type Block = ParaBlock | RowBlock;

export interface ParaBlock {
  kind: "para";
  text: string;
}

export interface RowBlock {
  kind: "row";
  /** Cell texts; a cell covered by a merged cell is "". */
  cells: string[];
  /**
   * Set when the row comes from a real table whose rows all have the same width after expanding
   * colspan/rowspan (HTML, DOCX): the cells then stand in their grid columns, and `filled` repeats the
   * text of a merged cell in every grid slot it covers (used to read column headers).
   */
  grid?: {
    table: number;
    filled: string[];
    /**
     * For each grid column, the column where the cell over it starts when that cell starts in this row,
     * -1 when a cell of a row above covers it: a number spanning two columns is over both.
     */
    starts: number[];
  };
  /**
   * Text split at runs of spaces, not at tabs, or one cell per line without pipes: a blank cell leaves
   * no trace, so a row short of numbers cannot be placed. In a narrative section it is read as a paragraph.
   */
  loose?: boolean;
  /** Each cell is one printed cell (an HTML row off the grid): an empty cell after the label is a blank value. */
  exact?: boolean;
  /**
   * An HTML row off the grid with a slot that a cell of a row above covers: an empty cell after its
   * label may be that cell, not a blank value of its own, so it is placed only where the count tells.
   */
  covered?: boolean;
}
