import type { OfficeTier, ReportStatus, UserRole } from "@/db/schema";
import type { AgencyLevel } from "@/lib/report/model";
import type { AuditAction } from "@/db/queries/audit";
import type { ExportFormat } from "@/lib/report/export/document";

export const roleLabels: Record<UserRole, string> = {
  clerk: "经办人",
  supervisor: "审核人",
  admin: "管理员",
};

export const statusLabels: Record<ReportStatus, string> = {
  draft: "草稿",
  submitted: "待审核",
  returned: "已退回",
  approved: "已批准",
  imported: "导入（待确认）",
};

export const agencyLevelLabels: Record<AgencyLevel, string> = {
  department: "部门",
  government: "人民政府",
  township: "乡镇、街道",
};

/** The tier of government an office serves, as it is named in Chinese. */
export const officeTierLabels: Record<OfficeTier, string> = {
  province: "省",
  city: "市",
  county: "县（区）",
};

/** The title of an office's roll-up of the approved reports below it: 全县汇总, 全市汇总, 全省汇总. */
export const rollupTitles: Record<OfficeTier, string> = {
  province: "全省汇总",
  city: "全市汇总",
  county: "全县汇总",
};

/** The roll-up title for an actor's office; 汇总 for anyone without one (who has no roll-up to see). */
export function rollupTitleOf(tier: OfficeTier | null): string {
  return tier ? rollupTitles[tier] : "汇总";
}

export const auditActionLabels: Record<AuditAction, string> = {
  login: "登录",
  "action-refused": "操作被拒绝",
  "password-changed": "修改密码",
  "signed-out-everywhere": "退出所有设备",
  "user-disabled": "停用用户",
  "user-enabled": "启用用户",
  "role-changed": "更改角色",
  "report-imported": "导入已发布报告",
  "reports-checked": "批量检查已发布的报告",
  "login-failed": "登录失败",
  "report-created": "创建报告",
  "report-submitted": "提交审核",
  "report-returned": "退回修改",
  "report-approved": "批准",
  "report-reopened": "重新打开",
  "report-downloaded": "下载报告",
  "agency-created": "添加机关",
  "comment-resolved": "审核意见标记为已处理",
  "comment-reopened": "审核意见恢复为未处理",
  "comment-deleted": "删除审核意见",
  "user-created": "添加用户",
  "password-reset": "重置密码",
  "deadline-set": "设置截止日期",
  "request-refused": "拒绝跨站请求",
};

/** The editor's first page (title, date, website, contact, introduction), also where comments on it are filed. */
export const FRONT_SECTION_TITLE = "封面与引言";

/** Each export format as the download links name it. */
export const exportFormatLabels: Record<ExportFormat, string> = {
  docx: "Word（DOCX）",
  html: "网页（HTML）",
  md: "Markdown",
};

/** Details the audit log stores as codes, in words. */
const AUDIT_DETAIL_WORDS: Record<string, string> = {
  ...exportFormatLabels,
  "county-xlsx": "全县汇总表（XLSX）",
  "compare-docx": "与上年对比（Word）",
  "compare-xlsx": "与上年对比（Excel）",
  throttled: "失败次数过多，已暂时锁定",
  disabled: "账号已停用",
};

/**
 * The audit log's 说明 of an event: a code (a download's format, a refused sign-in's reason) in words, a
 * draft download marked as such, any other detail as written. A created report's detail is its year,
 * which the report column already shows.
 */
export function auditDetailText(action: string, detail: string | null): string {
  if (!detail || action === "report-created") return "";
  const draft = /^(.+)（草稿）$/.exec(detail);
  if (draft && AUDIT_DETAIL_WORDS[draft[1]]) return `${AUDIT_DETAIL_WORDS[draft[1]]}，草稿`;
  return AUDIT_DETAIL_WORDS[detail] ?? detail;
}
