"use client";

import { agencyLevelLabels, roleLabels } from "@/lib/labels";
import type { OfficeTier } from "@/db/schema";
import {
  agencySchema,
  newAgencyLevels,
  resetPasswordSchema,
  childrenDeadlineSchema,
  userRoleSchema,
  userSchema,
  userStandingSchema,
} from "@/lib/workflow/schemas";
import {
  createAgencyAction,
  createUserAction,
  resetPasswordAction,
  setChildrenDeadlineAction,
  setUserStandingAction,
  changeUserRoleAction,
} from "@/app/(app)/admin/actions";
import { Field, FormFooter } from "./fields";
import { useActionForm } from "./useActionForm";

type Option = { value: string; label: string };

const card = "space-y-3 rounded border border-slate-200 bg-white px-4 py-3";

const newAgencyLevelLabels: Record<(typeof newAgencyLevels)[number], string> = {
  department: agencyLevelLabels.department,
  township: agencyLevelLabels.township,
  government: "下级人民政府（设政务公开办）",
};

/** `parents`: the offices the admin manages, its own first; with only its own, the choice is not shown. */
export function CreateAgencyForm({ parents, ownOfficeId }: { parents: Option[]; ownOfficeId: string }) {
  const { form, onSubmit, message } = useActionForm<{ name: string; level: string; parentId: string }>({
    schema: agencySchema,
    defaultValues: { name: "", level: "department", parentId: ownOfficeId },
    action: createAgencyAction,
    done: (values) => `已添加机关“${values.name.trim()}”。`,
  });
  return (
    <form onSubmit={onSubmit} aria-label="添加机关" className={card} noValidate>
      <h3 className="font-semibold">添加机关</h3>
      <Field form={form} name="name" label="机关名称" idPrefix="agency" />
      <Field
        form={form}
        name="level"
        label="机关层级"
        idPrefix="agency"
        options={newAgencyLevels.map((level) => ({ value: level, label: newAgencyLevelLabels[level] }))}
      />
      {parents.length > 1 && <Field form={form} name="parentId" label="上级机关" idPrefix="agency" options={parents} />}
      <FormFooter form={form} label="添加机关" message={message} />
    </form>
  );
}

type UserValues = { username: string; displayName: string; role: string; agencyId: string; password: string };

export function CreateUserForm({ agencies }: { agencies: Option[] }) {
  const { form, onSubmit, message } = useActionForm<UserValues>({
    schema: userSchema,
    defaultValues: { username: "", displayName: "", role: "clerk", agencyId: "", password: "" },
    action: createUserAction,
    done: (values) => `已添加用户 ${values.username.trim()}。`,
  });
  return (
    <form onSubmit={onSubmit} aria-label="添加用户" className={card} noValidate>
      <h3 className="font-semibold">添加用户</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field form={form} name="username" label="用户名（登录用，字母或数字）" idPrefix="user" />
        <Field form={form} name="displayName" label="姓名" idPrefix="user" />
        <Field
          form={form}
          name="role"
          label="角色"
          idPrefix="user"
          options={Object.entries(roleLabels).map(([value, label]) => ({ value, label }))}
        />
        <Field
          form={form}
          name="agencyId"
          label="所属机关"
          idPrefix="user"
          options={[{ value: "", label: "请选择机关" }, ...agencies]}
        />
        <Field form={form} name="password" label="初始密码（至少 8 个字符）" type="password" idPrefix="user" />
      </div>
      <FormFooter form={form} label="添加用户" message={message} />
    </form>
  );
}

export function ResetPasswordForm({ users }: { users: Option[] }) {
  const { form, onSubmit, message } = useActionForm<{ userId: string; password: string }>({
    schema: resetPasswordSchema,
    defaultValues: { userId: "", password: "" },
    action: resetPasswordAction,
    done: (values) => `已重置 ${users.find((user) => user.value === values.userId)?.label ?? ""} 的密码。`,
  });
  return (
    <form onSubmit={onSubmit} aria-label="重置密码" className={card} noValidate>
      <h3 className="font-semibold">重置密码</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          form={form}
          name="userId"
          label="用户"
          idPrefix="reset"
          options={[{ value: "", label: "请选择用户" }, ...users]}
        />
        <Field form={form} name="password" label="新密码（至少 8 个字符）" type="password" idPrefix="reset" />
      </div>
      <FormFooter form={form} label="重置密码" message={message} />
    </form>
  );
}

/** What the deadline an office sets applies to, by the office's tier. */
const CHILDREN_DEADLINE_TEXT: Record<OfficeTier, { title: string; hint: string; saved: string }> = {
  county: {
    title: "乡镇、街道报送截止日期",
    hint: "各乡镇、街道将上一年度报告报送县（区）政务公开办的日期，每年相同，格式为“月-日”（如 02-20）。",
    saved: "乡镇、街道报送截止日期",
  },
  city: {
    title: "下级人民政府报送截止日期",
    hint: "各县（区）人民政府将本级上一年度报告报送市政务公开办的日期，每年相同，格式为“月-日”（如 03-15）；不设定则为法定的 3月31日。",
    saved: "下级人民政府报送截止日期",
  },
  province: {
    title: "下级人民政府报送截止日期",
    hint: "各市人民政府将本级上一年度报告报送省政务公开办的日期，每年相同，格式为“月-日”（如 03-15）；不设定则为法定的 3月31日。",
    saved: "下级人民政府报送截止日期",
  },
};

export function ChildrenDeadlineForm({ current, tier }: { current: string; tier: OfficeTier }) {
  const text = CHILDREN_DEADLINE_TEXT[tier];
  const { form, onSubmit, message } = useActionForm<{ deadline: string }>({
    schema: childrenDeadlineSchema,
    defaultValues: { deadline: current },
    action: setChildrenDeadlineAction,
    keepValues: true,
    done: (values) => (values.deadline.trim() ? `${text.saved}已设为 ${values.deadline.trim()}。` : "已清除截止日期。"),
  });
  return (
    <form onSubmit={onSubmit} aria-label={text.title} className={card} noValidate>
      <h3 className="font-semibold">{text.title}</h3>
      <p className="text-sm text-slate-600">{text.hint}</p>
      <Field form={form} name="deadline" label="截止日期（月-日）" idPrefix="deadline" />
      <FormFooter form={form} label="保存截止日期" message={message} />
    </form>
  );
}

export function UserStandingForm({ users }: { users: Option[] }) {
  const { form, onSubmit, message } = useActionForm<{ userId: string; standing: string }>({
    schema: userStandingSchema,
    defaultValues: { userId: "", standing: "disabled" },
    action: setUserStandingAction,
    done: (values) =>
      `已${values.standing === "disabled" ? "停用" : "启用"} ${users.find((user) => user.value === values.userId)?.label ?? ""}。`,
  });
  return (
    <form onSubmit={onSubmit} aria-label="停用或启用用户" className={card} noValidate>
      <h3 className="font-semibold">停用或启用用户</h3>
      <p className="text-sm text-slate-600">停用后该用户不能登录，已登录的设备立即退出；记录和报告保留。</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field form={form} name="userId" label="用户" idPrefix="standing" options={[{ value: "", label: "请选择用户" }, ...users]} />
        <Field
          form={form}
          name="standing"
          label="操作"
          idPrefix="standing"
          options={[
            { value: "disabled", label: "停用" },
            { value: "enabled", label: "启用" },
          ]}
        />
      </div>
      <FormFooter form={form} label="确定" message={message} />
    </form>
  );
}

export function UserRoleForm({ users }: { users: Option[] }) {
  const { form, onSubmit, message } = useActionForm<{ userId: string; role: string }>({
    schema: userRoleSchema,
    defaultValues: { userId: "", role: "clerk" },
    action: changeUserRoleAction,
    done: (values) => `已将 ${users.find((user) => user.value === values.userId)?.label ?? ""} 的角色改为${roleLabels[values.role as keyof typeof roleLabels] ?? ""}。`,
  });
  return (
    <form onSubmit={onSubmit} aria-label="更改角色" className={card} noValidate>
      <h3 className="font-semibold">更改角色</h3>
      <p className="text-sm text-slate-600">管理员只能设在政务公开办（县、市、省人民政府办公室）。更改后该用户需重新登录。</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field form={form} name="userId" label="用户" idPrefix="role" options={[{ value: "", label: "请选择用户" }, ...users]} />
        <Field
          form={form}
          name="role"
          label="新角色"
          idPrefix="role"
          options={Object.entries(roleLabels).map(([value, label]) => ({ value, label }))}
        />
      </div>
      <FormFooter form={form} label="更改角色" message={message} />
    </form>
  );
}
