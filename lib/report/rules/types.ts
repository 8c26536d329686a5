/** The types of the rules: what a rule is, what it is given, and the findings it emits. */
import type { EditionLayout } from "../layout";
import type { Report } from "../model";

/** error blocks submission; warning must be fixed or acknowledged with a reason; info only informs. */
export type Severity = "error" | "warning" | "info";

export type RuleId =
  | "R3-BALANCE"
  | "R3-HANDLED-SUM"
  | "R3-ROW-TOTAL"
  | "R4-TOTAL"
  | "CELL-BLANK"
  | "CELL-INVALID"
  | "SECTION-EMPTY"
  | "R2-PUBLISHED"
  | "R2-IN-FORCE"
  | "R2-LAST-YEAR"
  | "X-CARRY"
  | "X-REGULATIONS"
  | "N-MISMATCH"
  | "F-EXTRA-COLUMN"
  | "META-MISSING"
  | "TABLE-MISSING"
  | "SECTION-BOILERPLATE"
  | "X-COPIED"
  | "N-FEE"
  | "RATIO";

/** A warning acknowledged by a user, with the reason. Targets a finding by its id. */
export interface Acknowledgement {
  findingId: string;
  by: string;
  reason: string;
  /** ISO timestamp */
  at?: string;
}

export interface Finding {
  /** Stable key: `${rule}:${cells.join(",")}` */
  id: string;
  rule: RuleId;
  severity: Severity;
  /** Cell paths (`requests.totalHandled.naturalPerson`) or text field keys (`intro`, `contact.phone`). */
  cells: string[];
  message: string;
  /** Set on warnings only, when an acknowledgement with a reason targets this finding. */
  acknowledgement?: { by: string; reason: string; at?: string };
}

export interface ValidateOptions {
  /** The agency's report of the previous year (for R2-IN-FORCE, R2-LAST-YEAR, X-CARRY, X-COPIED). */
  previous?: Report;
  acknowledgements?: Acknowledgement[];
  /** Run only these rules (e.g. the balance rules of a roll-up's many reports); every rule when absent. */
  only?: ReadonlySet<RuleId>;
}

/** What every rule's check is given: the report, last year's, and the lists it walks (built once per run). */
export interface RuleContext {
  report: Report;
  previous?: Report;
  layout: EditionLayout;
  /** Table 三 columns present in this report, total last. */
  columns: string[];
  /** Applicant columns present (otherApplicant included when present), no total. */
  applicantColumns: string[];
  /** Tables 三 / 四 of which every cell is blank: one TABLE-MISSING each, and no CELL-BLANK. */
  missingTables: ReadonlySet<MissableTable>;
}

/** The tables that are reported missing as a whole when every cell is blank. */
export type MissableTable = "requests" | "reviewLitigation";

/** Reports one finding of the running rule: the cells it names and its Chinese message. */
export type Emit = (cells: string[], message: string) => void;

export interface RuleDef {
  id: RuleId;
  severity: Severity;
  /** What the rule checks, in Chinese (for help texts). */
  description: string;
  check(ctx: RuleContext, emit: Emit): void;
}
