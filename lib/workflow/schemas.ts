/**
 * Input schemas of the workflow and admin actions, shared by the forms (browser) and the server actions,
 * with Chinese messages that name the field.
 */
import { z } from "zod";
import "@/lib/zod-in-browser";
import type { UserRole } from "@/db/schema";
import { roleLabels } from "@/lib/labels";
import { isMonthDay } from "@/lib/dashboard/deadlines";

const reportId = z.coerce.number({ error: "报告编号无效" }).int("报告编号无效").positive("报告编号无效");
const version = z.coerce.number({ error: "版本号无效" }).int("版本号无效").positive("版本号无效");

export const submitSchema = z.object({ reportId });

export const returnSchema = z.object({
  reportId,
  version,
  comment: z.string().trim().max(2000, "退回意见不能超过 2000 字").optional().default(""),
});

export const approveSchema = z.object({ reportId, version });

export const reopenSchema = z.object({
  reportId,
  reason: z
    .string({ error: "请填写重新打开的原因" })
    .trim()
    .min(4, "重新打开的原因至少需要 4 个字")
    .max(1000, "重新打开的原因不能超过 1000 字"),
});

export const commentSchema = z.object({
  reportId,
  section: z.string({ error: "请选择意见所属的栏目" }).min(1, "请选择意见所属的栏目"),
  // The form sends null for a comment on the whole section.
  cell: z
    .string()
    .trim()
    .nullish()
    .transform((value) => (value ? value : null)),
  body: z
    .string({ error: "请填写意见内容" })
    .trim()
    .min(1, "请填写意见内容")
    .max(2000, "意见内容不能超过 2000 字"),
});

const commentId = z.coerce.number({ error: "意见编号无效" }).int("意见编号无效").positive("意见编号无效");

export const commentResolutionSchema = z.object({
  reportId,
  commentId,
  resolved: z.boolean({ error: "请说明是标记为已处理还是恢复为未处理" }),
});

export const commentDeletionSchema = z.object({ reportId, commentId });

/**
 * New agencies: departments, townships and streets (under a county), and people's governments one tier
 * down (a city under a province, a county under a city), which are offices of their own.
 */
export const newAgencyLevels = ["department", "township", "government"] as const;

export const agencySchema = z.object({
  name: z
    .string({ error: "请填写机关名称" })
    .trim()
    .min(2, "机关名称至少需要 2 个字")
    .max(100, "机关名称不能超过 100 个字"),
  level: z.enum(newAgencyLevels, { error: "请选择机关层级（部门、乡镇街道或下级人民政府）" }),
  /** The office to add it under; the admin's own office when not given. */
  parentId: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce.number({ error: "请选择上级机关" }).int("请选择上级机关").positive("请选择上级机关").optional(),
  ),
});

const password = z
  .string({ error: "请填写密码" })
  .min(8, "密码至少需要 8 个字符")
  .max(200, "密码不能超过 200 个字符");

export const userSchema = z.object({
  username: z
    .string({ error: "请填写用户名" })
    .trim()
    .min(3, "用户名至少需要 3 个字符")
    .max(64, "用户名不能超过 64 个字符")
    .regex(/^[A-Za-z0-9_.-]+$/, "用户名只能包含字母、数字、下划线、点和短横线"),
  displayName: z
    .string({ error: "请填写姓名" })
    .trim()
    .min(1, "请填写姓名")
    .max(50, "姓名不能超过 50 个字"),
  role: z.enum(Object.keys(roleLabels) as [UserRole, ...UserRole[]], { error: "请选择角色" }),
  agencyId: z.coerce.number({ error: "请选择所属机关" }).int("请选择所属机关").positive("请选择所属机关"),
  password,
});

export const resetPasswordSchema = z.object({
  userId: z.coerce.number({ error: "请选择用户" }).int("请选择用户").positive("请选择用户"),
  password,
});

export const userStandingSchema = z.object({
  userId: z.coerce.number({ error: "请选择用户" }).int("请选择用户").positive("请选择用户"),
  standing: z.enum(["disabled", "enabled"], { error: "请选择停用或启用" }),
});
export type UserStandingInput = z.output<typeof userStandingSchema>;

export const userRoleSchema = z.object({
  userId: z.coerce.number({ error: "请选择用户" }).int("请选择用户").positive("请选择用户"),
  role: z.enum(Object.keys(roleLabels) as [UserRole, ...UserRole[]], { error: "请选择角色" }),
});
export type UserRoleInput = z.output<typeof userRoleSchema>;

export const childrenDeadlineSchema = z.object({
  deadline: z
    .string()
    .trim()
    .refine((value) => value === "" || isMonthDay(value), "截止日期应为“月-日”格式，例如 02-20"),
});

export type SubmitInput = z.infer<typeof submitSchema>;
export type ReturnInput = z.output<typeof returnSchema>;
export type ApproveInput = z.infer<typeof approveSchema>;
export type ReopenInput = z.infer<typeof reopenSchema>;
export type CommentInput = z.output<typeof commentSchema>;
export type CommentResolutionInput = z.output<typeof commentResolutionSchema>;
export type CommentDeletionInput = z.output<typeof commentDeletionSchema>;
export type AgencyInput = z.output<typeof agencySchema>;
export type UserInput = z.infer<typeof userSchema>;
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
export type ChildrenDeadlineInput = z.infer<typeof childrenDeadlineSchema>;
