/** Parts shared verbatim by both editions. Each edition file assembles its own definition from these. */
import type {
  ActiveDisclosureGroup,
  Edition,
  RequestColumnDef,
  RequestRowDef,
  ReviewLitigationTable,
  SectionDef,
} from "./types";

export const SECTIONS: SectionDef[] = [
  { key: "overview", title: "一、总体情况", table: false },
  { key: "activeDisclosure", title: "二、主动公开政府信息情况", table: true },
  { key: "requests", title: "三、收到和处理政府信息公开申请情况", table: true },
  { key: "reviewLitigation", title: "四、政府信息公开行政复议、行政诉讼情况", table: true },
  { key: "problems", title: "五、存在的主要问题及改进情况", table: false },
  { key: "otherMatters", title: "六、其他需要报告的事项", table: false },
];

export const ROW_HEADER = "信息内容";

export const REQUESTS_CORNER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
export const APPLICANT_HEADER = "申请人情况";
export const ORGANIZATION_HEADER = "法人或其他组织";

const A = APPLICANT_HEADER;
const O = ORGANIZATION_HEADER;

export const REQUEST_COLUMNS: RequestColumnDef[] = [
  { key: "naturalPerson", label: "自然人", longLabel: "自然人", headerPath: [A] },
  { key: "commercial", label: "商业企业", longLabel: "商业企业", headerPath: [A, O] },
  { key: "research", label: "科研机构", longLabel: "科研机构", headerPath: [A, O] },
  { key: "publicInterest", label: "社会公益组织", longLabel: "社会公益组织", headerPath: [A, O] },
  { key: "legalService", label: "法律服务机构", longLabel: "法律服务机构", headerPath: [A, O] },
  { key: "otherOrg", label: "其他", longLabel: "法人或其他组织·其他", headerPath: [A, O] },
  { key: "otherApplicant", label: "其他", longLabel: "申请人情况·其他", headerPath: [A], optional: true },
  { key: "total", label: "总计", longLabel: "总计", headerPath: [], total: true },
];

const H = "handlingResultsHeading";

/** Rows before （六）其他处理. */
export const REQUEST_ROWS_HEAD: RequestRowDef[] = [
  { key: "newReceived", label: "一、本年新收政府信息公开申请数量", kind: "data", level: 0 },
  { key: "carriedOver", label: "二、上年结转政府信息公开申请数量", kind: "data", level: 0 },
  { key: H, label: "三、本年度办理结果", kind: "heading", level: 0 },
  { key: "granted", label: "（一）予以公开", kind: "data", level: 1, parent: H, handling: true },
  {
    key: "partiallyGranted",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    kind: "data",
    level: 1,
    parent: H,
    handling: true,
  },
  { key: "deniedHeading", label: "（三）不予公开", kind: "heading", level: 1, parent: H },
  ...item("deniedHeading", [
    ["deniedStateSecret", "1.属于国家秘密"],
    ["deniedLawForbidden", "2.其他法律行政法规禁止公开"],
    ["deniedThreeSafetyOneStability", "3.危及“三安全一稳定”"],
    ["deniedThirdParty", "4.保护第三方合法权益"],
    ["deniedInternalAffairs", "5.属于三类内部事务信息"],
    ["deniedProcessInfo", "6.属于四类过程性信息"],
    ["deniedEnforcementFile", "7.属于行政执法案卷"],
    ["deniedAdminQuery", "8.属于行政查询事项"],
  ]),
  { key: "unableHeading", label: "（四）无法提供", kind: "heading", level: 1, parent: H },
  ...item("unableHeading", [
    ["unableNoInfo", "1.本机关不掌握相关政府信息"],
    ["unableNeedsCreation", "2.没有现成信息需要另行制作"],
    ["unableUnclear", "3.补正后申请内容仍不明确"],
  ]),
  { key: "notProcessedHeading", label: "（五）不予处理", kind: "heading", level: 1, parent: H },
  ...item("notProcessedHeading", [
    ["notProcessedPetition", "1.信访举报投诉类申请"],
    ["notProcessedRepeat", "2.重复申请"],
    ["notProcessedPublication", "3.要求提供公开出版物"],
    ["notProcessedExcessive", "4.无正当理由大量反复申请"],
    ["notProcessedConfirm", "5.要求行政机关确认或重新出具已获取信息"],
  ]),
];

/** （六）其他处理 of the 2019 edition: a single row. */
export const OTHER_HANDLING_2019: RequestRowDef[] = [
  { key: "otherHandling", label: "（六）其他处理", kind: "data", level: 1, parent: H, handling: true },
];

/** （六）其他处理 of the 2021 edition: a heading with three rows. */
export const OTHER_HANDLING_2021: RequestRowDef[] = [
  { key: "otherHandlingHeading", label: "（六）其他处理", kind: "heading", level: 1, parent: H },
  ...item("otherHandlingHeading", [
    ["otherOverdueCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"],
    ["otherOverdueFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"],
    ["otherOther", "3.其他"],
  ]),
];

/** Rows after （六）其他处理. */
export const REQUEST_ROWS_TAIL: RequestRowDef[] = [
  { key: "totalHandled", label: "（七）总计", kind: "total", level: 1, parent: H },
  { key: "carriedForward", label: "四、结转下年度继续办理", kind: "data", level: 0 },
];

function item(parent: string, rows: [string, string][]): RequestRowDef[] {
  return rows.map(([key, label]) => ({ key, label, kind: "data", level: 2, parent, handling: true }));
}

export const REVIEW_LITIGATION: ReviewLitigationTable = {
  title: SECTIONS[3].title,
  groups: [
    { key: "review", label: "行政复议", longLabel: "行政复议" },
    {
      key: "litigationDirect",
      label: "行政诉讼",
      subLabel: "未经复议直接起诉",
      longLabel: "行政诉讼·未经复议直接起诉",
    },
    {
      key: "litigationAfterReview",
      label: "行政诉讼",
      subLabel: "复议后起诉",
      longLabel: "行政诉讼·复议后起诉",
    },
  ],
  cells: [
    { key: "upheld", label: "结果维持" },
    { key: "corrected", label: "结果纠正" },
    { key: "other", label: "其他结果" },
    { key: "pending", label: "尚未审结" },
    { key: "total", label: "总计", total: true },
  ],
};

/** The five standard sub-headings of 一、总体情况, each with a short hint for the writer. */
export const OVERVIEW_HEADINGS: { heading: string; hint: string }[] = [
  { heading: "主动公开情况", hint: "主动公开的信息数量、栏目与渠道，公开目录编制和更新，重点领域信息公开。" },
  { heading: "依申请公开情况", hint: "收到和办理申请的数量、答复是否及时规范，办理机制和流程的完善。" },
  { heading: "政府信息管理情况", hint: "信息发布审核、保密审查、动态更新，规范性文件清理，公开属性认定。" },
  { heading: "政府信息公开平台建设情况", hint: "政府网站、政务新媒体、公开专栏、查阅场所等平台的建设和运行。" },
  {
    heading: "监督保障情况",
    hint: "组织领导、制度建设、培训；各级人民政府写明工作考核、社会评议和责任追究结果情况。",
  },
];

/** Suggested topics of 六、其他需要报告的事项 under the 2021 edition, each with a short hint. */
export const OTHER_MATTERS_SUGGESTIONS_2021: { heading: string; hint: string }[] = [
  {
    heading: "信息处理费收取情况",
    hint: "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况；未收取的写明。",
  },
  { heading: "人大代表建议和政协提案办理结果公开情况", hint: "本年度承办建议提案的数量及办理结果公开情况。" },
  { heading: "政务公开工作创新情况", hint: "本年度政务公开工作的创新做法和成效。" },
];

/** An edition from what sets it apart: its table 二 groups and its （六）其他处理 rows. */
export function defineEdition(
  meta: Pick<Edition, "id" | "name" | "description" | "firstYear">,
  activeDisclosureGroups: ActiveDisclosureGroup[],
  otherHandlingRows: RequestRowDef[],
): Edition {
  return {
    ...meta,
    sections: SECTIONS,
    activeDisclosure: { title: SECTIONS[1].title, rowHeader: ROW_HEADER, groups: activeDisclosureGroups },
    requests: {
      title: SECTIONS[2].title,
      cornerNote: REQUESTS_CORNER_NOTE,
      applicantHeader: APPLICANT_HEADER,
      organizationHeader: ORGANIZATION_HEADER,
      columns: REQUEST_COLUMNS,
      rows: [...REQUEST_ROWS_HEAD, ...otherHandlingRows, ...REQUEST_ROWS_TAIL],
    },
    reviewLitigation: REVIEW_LITIGATION,
  };
}
