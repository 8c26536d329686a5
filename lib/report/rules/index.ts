/**
 * The rules of contract section 7, each written once: id, severity, and a check that emits findings
 * naming their cells by path and, in the Chinese message, by label with both numbers.
 *
 * validate() runs on every keystroke in the browser, so checks walk precomputed per-edition lists
 * (layout.ts) and build labels and messages only for the findings they emit.
 *
 * One file per family of rules, each rule a `RuleDef` constant; list.ts puts them in the order their
 * findings are listed (errors, then warnings, then info):
 *   table-sums.ts         R3-BALANCE, R3-HANDLED-SUM, R3-ROW-TOTAL, R4-TOTAL (errors)
 *   cells.ts              TABLE-MISSING, CELL-BLANK, CELL-INVALID (errors)
 *   required-text.ts      SECTION-EMPTY (error), META-MISSING, SECTION-BOILERPLATE (warnings)
 *   active-disclosure.ts  R2-PUBLISHED, R2-IN-FORCE, R2-LAST-YEAR (warnings)
 *   cross-checks.ts       X-CARRY, X-REGULATIONS (warnings)
 *   copied.ts             X-COPIED (warning)
 *   narrative.ts          N-MISMATCH, N-FEE (warnings); what they read in narrative/
 *   format.ts             F-EXTRA-COLUMN (warning)
 *   ratios.ts             RATIO (info), its thresholds as data
 * shared.ts holds the cell readers they share; summary.ts what findings add up to.
 */
export { RULES, ruleById } from "./list";
export { validate } from "./validate";
export { canSubmit, summarizeFindings, withoutComputedBlanks } from "./summary";
export type { FindingCounts, FindingPlace, FindingSummary } from "./summary";
export { RATIO_THRESHOLDS } from "./ratios";
export type { Acknowledgement, Finding, RuleDef, RuleId, Severity, ValidateOptions } from "./types";
