/** Every rule, in the order validate() runs them and lists their findings. */
import { publishedNotBelowNew, inForceFromLastYear, lastYearItemsFromLastYear } from "./active-disclosure";
import { cellBlank, cellInvalid } from "./cells";
import { carriedOverFromLastYear, townshipRegulations } from "./cross-checks";
import { extraApplicantColumn } from "./format";
import { narrativeNumbers } from "./narrative";
import { frontMatterMissing, sectionEmpty } from "./required-text";
import { requestsBalance, requestsHandledSum, requestsRowTotal, reviewLitigationTotal } from "./table-sums";
import type { RuleDef, RuleId } from "./types";

export const RULES: RuleDef[] = [
  requestsBalance, // R3-BALANCE
  requestsHandledSum, // R3-HANDLED-SUM
  requestsRowTotal, // R3-ROW-TOTAL
  reviewLitigationTotal, // R4-TOTAL
  cellBlank, // CELL-BLANK
  cellInvalid, // CELL-INVALID
  sectionEmpty, // SECTION-EMPTY
  publishedNotBelowNew, // R2-PUBLISHED
  inForceFromLastYear, // R2-IN-FORCE
  lastYearItemsFromLastYear, // R2-LAST-YEAR
  carriedOverFromLastYear, // X-CARRY
  townshipRegulations, // X-REGULATIONS
  narrativeNumbers, // N-MISMATCH
  extraApplicantColumn, // F-EXTRA-COLUMN
  frontMatterMissing, // META-MISSING
];

const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: RuleId): RuleDef | undefined {
  return RULE_BY_ID.get(id);
}
