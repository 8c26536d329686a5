/**
 * Reading what a clerk types or pastes into a number cell. One reader for the form and for pasted
 * blocks, so a value is accepted or refused the same way everywhere.
 */
import type { CellKind } from "./editions";
import type { Cell } from "./model";

export type CellInput = { ok: true; value: Cell } | { ok: false; reason: string };

const KIND_RULES: Record<CellKind, { pattern: RegExp; reason: string }> = {
  count: { pattern: /^\d+$/, reason: "只能填写不小于 0 的整数" },
  signed: { pattern: /^[+-]?\d+$/, reason: "只能填写整数（减少时前加“-”）" },
  amount: { pattern: /^\d+(\.\d+)?$/, reason: "只能填写不小于 0 的数字（单位：万元，可有小数）" },
};

/** Full-width digits and signs as typed with a Chinese input method, thousands separators, spaces. */
function normalize(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[＋]/g, "+")
    .replace(/[－—–−]/g, "-")
    .replace(/[．。]/g, ".")
    .replace(/[,，\s\u3000]/g, "");
}

export function readCellInput(text: string, kind: CellKind): CellInput {
  const normalized = normalize(text);
  if (normalized === "") return { ok: true, value: null };
  const rule = KIND_RULES[kind];
  if (!rule.pattern.test(normalized)) return { ok: false, reason: rule.reason };
  const value = Number(normalized);
  if (!Number.isSafeInteger(Math.trunc(value))) return { ok: false, reason: "数值过大" };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** Whether a partly typed value may still become valid (e.g. "-" or "3."), so typing is not blocked. */
export function isCellInputPrefix(text: string, kind: CellKind): boolean {
  const normalized = normalize(text);
  if (kind === "signed") return /^[+-]?\d*$/.test(normalized);
  if (kind === "amount") return /^\d*\.?\d*$/.test(normalized);
  return /^\d*$/.test(normalized);
}

/**
 * Why a cell's text holds no number of the cell's kind, or null when it holds one (or is blank). While the
 * clerk is still typing (`complete` false) a start that may become one ("-", "3.") is let be; once the
 * clerk leaves the cell it is refused too. The editor keeps a refused text on screen, marked, and counts
 * the cell as blank: what was typed never turns into another number.
 */
export function refusedCellText(text: string, kind: CellKind, complete: boolean): string | null {
  const input = readCellInput(text, kind);
  if (input.ok) return null;
  if (!complete && isCellInputPrefix(text, kind)) return null;
  return input.reason;
}

/** A pasted block from Excel or WPS: rows by line, cells by tab; a trailing line break is not a row. */
export function splitPastedBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => line.split("\t"));
}

export function formatCell(value: Cell | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}
