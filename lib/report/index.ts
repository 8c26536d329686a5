/** The report engine: editions as data, the report model, rules, and the JSON interchange file. */
export * from "./editions";
export * from "./model";
export { layoutOf } from "./layout";
export type { EditionLayout, ActiveDisclosureRowLayout } from "./layout";
export { parseInterchange, writeInterchange, interchangeSchema } from "./interchange";
export type { InterchangeError, ParseResult } from "./interchange";
export { validate, summarizeFindings, canSubmit, findingSection, RULES, ruleById } from "./rules";
export type {
  Acknowledgement,
  Finding,
  FindingCounts,
  FindingPlace,
  FindingSummary,
  RuleDef,
  RuleId,
  Severity,
  ValidateOptions,
} from "./rules";
