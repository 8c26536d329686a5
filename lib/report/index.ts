/**
 * The report engine: editions as data, the report model and its layout, and the rules. Safe in the
 * browser and light: it does not include the JSON interchange file's reader and writer, which carry the
 * zod schema; import those from "@/lib/report/interchange" (the importer and exports have their own
 * paths too: "@/lib/report/import", "@/lib/report/export").
 */
export * from "./editions";
export * from "./model";
export { layoutOf } from "./layout";
export type { EditionLayout, ActiveDisclosureRowLayout } from "./layout";
export { validate, summarizeFindings, canSubmit, withoutComputedBlanks, RULES, ruleById } from "./rules";
export { findingPlace } from "./places";
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
