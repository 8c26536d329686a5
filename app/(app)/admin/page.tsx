import { getDb } from "@/lib/db";
import { listCountyAgencies, listCountyUsers } from "@/db/queries/admin";
import { requireAbility } from "@/lib/auth/guards";
import { actorScope } from "@/lib/permissions";
import { agencyLevelLabels, roleLabels } from "@/lib/labels";
import { deadlineRule } from "@/lib/dashboard/deadlines";
import {
  CreateAgencyForm,
  CreateUserForm,
  ResetPasswordForm,
  TownshipDeadlineForm,
  UserRoleForm,
  UserStandingForm,
} from "@/components/admin/AdminForms";
import { cellClass, DataTable } from "@/components/ui/DataTable";

export const metadata = { title: "管理 · 年报" };

const td = cellClass;

export default async function AdminPage() {
  const user = await requireAbility("administer");
  const db = getDb();
  const scope = actorScope(user);
  const agencies = listCountyAgencies(db, scope);
  const users = listCountyUsers(db, scope);
  const county = agencies.find((agency) => agency.id === user.agencyId);
  const townshipDeadline = county?.townshipDeadline ?? null;
  const userOptions = users.map((member) => ({
    value: String(member.id),
    label: `${member.displayName}（${member.username}，${member.agencyName}）`,
  }));
  const usersPerAgency = new Map<number, number>();
  for (const member of users) usersPerAgency.set(member.agencyId, (usersPerAgency.get(member.agencyId) ?? 0) + 1);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-xl font-semibold">管理</h1>
        <p className="text-slate-600">{user.agencyName}：本县（区）的机关、用户和报送截止日期。</p>
      </div>

      <section aria-labelledby="agencies-heading" className="space-y-3">
        <h2 id="agencies-heading" className="text-lg font-semibold">
          机关（{agencies.length} 个）
        </h2>
        <DataTable testId="agency-list" columns={["机关名称", "层级", "年度报告截止日期", "用户数"]}>
          {agencies.map((agency) => (
            <tr key={agency.id} className="border-t border-slate-100">
              <td className={`${td} font-medium`}>
                {agency.name}
                {agency.id === user.agencyId && <span className="ml-2 text-sm font-normal text-slate-500">（本级）</span>}
              </td>
              <td className={td}>{agencyLevelLabels[agency.level]}</td>
              <td className={td}>{deadlineRule(agency.level, townshipDeadline)}</td>
              <td className={td}>{usersPerAgency.get(agency.id) ?? 0}</td>
            </tr>
          ))}
        </DataTable>
        <div className="grid gap-4 md:grid-cols-2">
          <CreateAgencyForm />
          <TownshipDeadlineForm current={townshipDeadline ?? ""} />
        </div>
      </section>

      <section aria-labelledby="users-heading" className="space-y-3">
        <h2 id="users-heading" className="text-lg font-semibold">
          用户（{users.length} 人）
        </h2>
        <DataTable testId="user-list" columns={["用户名", "姓名", "角色", "所属机关", "状态"]}>
          {users.map((member) => (
            <tr key={member.id} className="border-t border-slate-100">
              <td className={`${td} font-mono`}>{member.username}</td>
              <td className={td}>{member.displayName}</td>
              <td className={td}>{roleLabels[member.role]}</td>
              <td className={td}>{member.agencyName}</td>
              <td className={td}>{member.disabled ? <span className="text-red-700">已停用</span> : "正常"}</td>
            </tr>
          ))}
        </DataTable>
        <div className="grid gap-4 lg:grid-cols-2">
          <CreateUserForm agencies={agencies.map((agency) => ({ value: String(agency.id), label: agency.name }))} />
          <ResetPasswordForm users={userOptions} />
          <UserStandingForm users={userOptions.filter((option) => option.value !== String(user.id))} />
          <UserRoleForm users={userOptions.filter((option) => option.value !== String(user.id))} />
        </div>
      </section>
    </div>
  );
}
