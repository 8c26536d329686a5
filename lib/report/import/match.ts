/**
 * Tolerant label matching, and the importer's log of what it collects on the way (unread places and
 * notes).
 * Labels are compared by key (brackets, punctuation and spaces folded), then as a cut-short prefix,
 * then by edit distance, never by position alone.
 */
import type { EditionId } from "../editions";
import { labelText } from "../model";
import type { ImportTableKey, UnreadItem } from "./types";
import { matchKey, similarity, stripNumbering } from "./text";

export interface LabelCandidate<K extends string = string> {
  key: K;
  /** Keys (matchKey of the label without its numbering), the official one first, then aliases. */
  cores: string[];
}

export interface LabelMatch<K extends string = string> {
  key: K;
  /** exact: the label (possibly with the headings above it) ends with the official label; alias: with an alias;
   *  prefix: the label is cut short; fuzzy: a few characters differ (typo). */
  how: "exact" | "alias" | "prefix" | "fuzzy";
}

export function candidate<K extends string>(key: K, label: string, ...aliases: string[]): LabelCandidate<K> {
  return { key, cores: [label, ...aliases].map((l) => matchKey(stripNumbering(l))) };
}

/**
 * The candidate a printed label names. `label` may carry the headings printed before it
 * (三、本年度办理结果（一）予以公开); `own` is the row's own label cell, used for cut-short and typo
 * matching. `exactOnly` accepts only full labels (for a row without numbers, which may be a fragment).
 */
export function matchLabel<K extends string>(
  label: string,
  candidates: LabelCandidate<K>[],
  options: { own?: string; exactOnly?: boolean } = {},
): LabelMatch<K> | undefined {
  const full = matchKey(label);
  if (full === "") return undefined;
  const state: { best?: { key: K; how: LabelMatch["how"]; score: number } } = {};
  const consider = (key: K, how: LabelMatch["how"], score: number) => {
    if (!state.best || score > state.best.score) state.best = { key, how, score };
  };
  const result = (): LabelMatch<K> | undefined => state.best && { key: state.best.key, how: state.best.how };
  for (const c of candidates) {
    c.cores.forEach((core, i) => {
      if (core !== "" && full.endsWith(core)) consider(c.key, i === 0 ? "exact" : "alias", 10 + core.length);
    });
  }
  if (state.best || options.exactOnly) return result();
  const own = matchKey(stripNumbering(options.own ?? label));
  if (own.length >= 2) {
    const prefixed = candidates.filter((c) => c.cores[0].startsWith(own) && (own.length >= 3 || own.length / c.cores[0].length >= 0.5));
    if (prefixed.length === 1) return { key: prefixed[0].key, how: "prefix" };
  }
  for (const c of candidates) {
    const core = c.cores[0];
    if (core.length < 4) continue;
    const tail = full.slice(-core.length);
    const score = Math.max(similarity(own, core), similarity(tail, core));
    if (score >= 0.75) consider(c.key, "fuzzy", score);
  }
  return result() ?? withoutAnnotation(label, candidates, options);
}

/** A label with a note in brackets after it (规章（设区的市、自治州人民政府应提供相关数据）) names the row the label names. */
function withoutAnnotation<K extends string>(
  label: string,
  candidates: LabelCandidate<K>[],
  options: { own?: string; exactOnly?: boolean },
): LabelMatch<K> | undefined {
  const bare = label.replace(/\s*[（(][^（）()]*[）)]\s*$/, "");
  if (bare === label || matchKey(stripNumbering(bare)).length < 2) return undefined;
  const own = options.own?.replace(/\s*[（(][^（）()]*[）)]\s*$/, "");
  const m = matchLabel(bare, candidates, { ...options, own });
  return m && { key: m.key, how: m.how === "exact" ? "alias" : m.how };
}

/**
 * The importer's log: the places it could not read (`unread`) and notes on what it did to the
 * numbers (`notes`), both in Chinese. Not the engine's findings (rules/): those check a report,
 * this tells what reading a published file left out or changed.
 */
export class ImportLog {
  unread: UnreadItem[] = [];
  notes: string[] = [];
  /** Printed cells read as a number, per table. */
  cellsRead: Record<ImportTableKey, number> = { activeDisclosure: 0, requests: 0, reviewLitigation: 0 };
  constructor(public edition: EditionId) {}

  /** A printed cell was read as a number (`path`: table.row.cell). */
  cellRead(path: string) {
    const table = path.split(".")[0];
    if (table in this.cellsRead) this.cellsRead[table as ImportTableKey]++;
  }

  /** A cell, row or section the importer did not take. */
  unreadAt(where: string, reason: string, label?: string) {
    this.unread.push({ where, label: label ?? this.label(where), reason });
  }

  note(text: string) {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  /**
   * The Chinese label of a path, unquoted when it is one label (三、收到和处理政府信息公开申请情况,
   * 联系电话), quoted when it names a row and a column; the path itself when it has no label. Section
   * keys are named by the edition's section titles (labelText).
   */
  label(where: string): string {
    return labelText(this.edition, where).replace(/^「([^「」]*)」$/, "$1");
  }
}

/** 「label」 as quoted in messages. */
export function quoted(text: string): string {
  return `「${text}」`;
}
