import type { ReportStatus, UserRole } from "@/db/schema";
import type { AgencyLevel } from "@/lib/report/model";
import type { AuditAction } from "@/db/queries/audit";

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

export const auditActionLabels: Record<AuditAction, string> = {
  login: "登录",
  "action-refused": "操作被拒绝",
  "password-changed": "修改密码",
  "signed-out-everywhere": "退出所有设备",
  "user-disabled": "停用用户",
  "user-enabled": "启用用户",
  "role-changed": "更改角色",
  "report-imported": "导入已发布报告",
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
