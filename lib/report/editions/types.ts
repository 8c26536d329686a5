/**
 * The shape of an edition of the national report format (国办公开办函). An edition is data: every label,
 * key and table layout lives in one object per edition, and renderers, forms, rules and importers read
 * it instead of branching on the edition id.
 */

export const EDITION_IDS = ["2019", "2021"] as const;
export type EditionId = (typeof EDITION_IDS)[number];

export type SectionKey =
  | "overview"
  | "activeDisclosure"
  | "requests"
  | "reviewLitigation"
  | "problems"
  | "otherMatters";

export interface SectionDef {
  key: SectionKey;
  /** Verbatim, e.g. 一、总体情况 */
  title: string;
  /** true for the three statistics tables (二, 三, 四) */
  table: boolean;
}

/** count: integer ≥ 0 · signed: integer, may be negative (本年增/减) · amount: decimal ≥ 0 in 万元 */
export type CellKind = "count" | "signed" | "amount";

export interface ColumnDef {
  key: string;
  /** Verbatim column header. */
  label: string;
  kind: CellKind;
}

export interface RowDef {
  key: string;
  label: string;
}

/** Table 二: one group per 第二十条 item; each group has a header row 信息内容 | columns… */
export interface ActiveDisclosureGroup {
  /** e.g. 第二十条第（一）项 */
  label: string;
  columns: ColumnDef[];
  rows: RowDef[];
}

export interface ActiveDisclosureTable {
  title: string;
  /** Header of the row-label column of every group: 信息内容 */
  rowHeader: string;
  groups: ActiveDisclosureGroup[];
}

export type RequestColumnKey =
  | "naturalPerson"
  | "commercial"
  | "research"
  | "publicInterest"
  | "legalService"
  | "otherOrg"
  | "otherApplicant"
  | "total";

export interface RequestColumnDef {
  key: RequestColumnKey;
  /** Verbatim header text as printed in its header cell (e.g. 其他). */
  label: string;
  /** Unambiguous label for messages (e.g. 法人或其他组织·其他). */
  longLabel: string;
  /** Header groups above this column, outermost first: [] for 总计, ["申请人情况"], ["申请人情况","法人或其他组织"]. */
  headerPath: string[];
  /** true only for the non-standard otherApplicant column kept from some local templates. */
  optional?: boolean;
  /** true for the 总计 column (sum of the applicant columns). */
  total?: boolean;
}

export type RequestRowKind = "heading" | "data" | "total";

export interface RequestRowDef {
  /**
   * Data and total rows: the key used in the model and interchange file. Heading rows: a key ending in
   * "Heading" that never appears in a report (headings hold no cells).
   */
  key: string;
  /** Verbatim label. */
  label: string;
  kind: RequestRowKind;
  /** 0 for 一、二、三、四; 1 for （一）…（七）; 2 for 1. 2. 3. items */
  level: 0 | 1 | 2;
  /** Key of the heading row this row sits under (for merged row headers). */
  parent?: string;
  /** true for the rows summed into （七）总计 (granted … last （六） row). */
  handling?: boolean;
}

export interface RequestsTable {
  title: string;
  /** Verbatim corner note of the table. */
  cornerNote: string;
  /** 申请人情况 */
  applicantHeader: string;
  /** 法人或其他组织 */
  organizationHeader: string;
  /** All columns in print order, including the optional otherApplicant column. */
  columns: RequestColumnDef[];
  /** All rows in print order, heading rows included. */
  rows: RequestRowDef[];
}

export type ReviewGroupKey = "review" | "litigationDirect" | "litigationAfterReview";
export type ReviewCellKey = "upheld" | "corrected" | "other" | "pending" | "total";

export interface ReviewGroupDef {
  key: ReviewGroupKey;
  /** Verbatim top header: 行政复议 or 行政诉讼 */
  label: string;
  /** Second-level header for the two 行政诉讼 groups: 未经复议直接起诉 / 复议后起诉 */
  subLabel?: string;
  /** For messages: 行政复议 · 行政诉讼·未经复议直接起诉 · 行政诉讼·复议后起诉 */
  longLabel: string;
}

export interface ReviewCellDef {
  key: ReviewCellKey;
  label: string;
  total?: boolean;
}

export interface ReviewLitigationTable {
  title: string;
  groups: ReviewGroupDef[];
  cells: ReviewCellDef[];
}

export interface Edition {
  id: EditionId;
  /** e.g. 国办公开办函〔2019〕60号 */
  name: string;
  /** Short description, e.g. 2019年版（试行） */
  description: string;
  /** First report year the edition is used for. */
  firstYear: number;
  sections: SectionDef[];
  activeDisclosure: ActiveDisclosureTable;
  requests: RequestsTable;
  reviewLitigation: ReviewLitigationTable;
}
