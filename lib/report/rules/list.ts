/** Every rule, in the order validate() runs them and lists their findings. */
import { publishedNotBelowNew, inForceFromLastYear, lastYearItemsFromLastYear } from "./active-disclosure";
import { cellBlank, cellInvalid, tableMissing } from "./cells";
import { copiedFromLastYear } from "./copied";
import { carriedOverFromLastYear, townshipRegulations } from "./cross-checks";
import { extraApplicantColumn } from "./format";
import { informationFee, narrativeNumbers } from "./narrative";
import { riskRatios } from "./ratios";
import { frontMatterMissing, problemsBoilerplate, sectionEmpty } from "./required-text";
import { requestsBalance, requestsHandledSum, requestsRowTotal, reviewLitigationTotal } from "./table-sums";
import type { RuleDef, RuleId } from "./types";

// Errors first, then warnings, then info; the rules of contract section 7 in its order within each.
export const RULES: RuleDef[] = [
  requestsBalance, // R3-BALANCE
  requestsHandledSum, // R3-HANDLED-SUM
  requestsRowTotal, // R3-ROW-TOTAL
  reviewLitigationTotal, // R4-TOTAL
  cellBlank, // CELL-BLANK
  cellInvalid, // CELL-INVALID
  sectionEmpty, // SECTION-EMPTY
  tableMissing, // TABLE-MISSING
  publishedNotBelowNew, // R2-PUBLISHED
  inForceFromLastYear, // R2-IN-FORCE
  lastYearItemsFromLastYear, // R2-LAST-YEAR
  carriedOverFromLastYear, // X-CARRY
  townshipRegulations, // X-REGULATIONS
  narrativeNumbers, // N-MISMATCH
  extraApplicantColumn, // F-EXTRA-COLUMN
  frontMatterMissing, // META-MISSING
  problemsBoilerplate, // SECTION-BOILERPLATE
  copiedFromLastYear, // X-COPIED
  informationFee, // N-FEE
  riskRatios, // RATIO
];

const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: RuleId): RuleDef | undefined {
  return RULE_BY_ID.get(id);
}
