/**
 * Tolerant label matching and what the importer collects on the way (unread places and notes).
 * Labels are compared by key (brackets, punctuation and spaces folded), then as a cut-short prefix,
 * then by edit distance, never by position alone.
 */
import type { EditionId } from "../editions";
import { labelText } from "../model";
import type { UnreadItem } from "./types";
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
  return result();
}

/** Collects what could not be read and what was done to the numbers, in Chinese. */
export class Findings {
  unread: UnreadItem[] = [];
  notes: string[] = [];
  constructor(public edition: EditionId) {}

  /** A cell, row or section the importer did not take. */
  unreadAt(where: string, reason: string, label?: string) {
    this.unread.push({ where, label: label ?? this.label(where), reason });
  }

  note(text: string) {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  label(where: string): string {
    const text = labelText(this.edition, where);
    return text === where ? (SECTION_LABELS[where] ?? where) : text.replace(/^「([^「」]*)」$/, "$1");
  }
}

const SECTION_LABELS: Record<string, string> = {
  activeDisclosure: "二、主动公开政府信息情况",
  requests: "三、收到和处理政府信息公开申请情况",
  reviewLitigation: "四、政府信息公开行政复议、行政诉讼情况",
};

/** 「label」 as quoted in messages. */
export function q(text: string): string {
  return `「${text}」`;
}
