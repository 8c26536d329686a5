import type { AgencyLevel, ReportStatus, UserRole } from "@/db/schema";

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
};

export const agencyLevelLabels: Record<AgencyLevel, string> = {
  department: "部门",
  government: "人民政府",
  township: "乡镇、街道",
};
