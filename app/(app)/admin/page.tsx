import { getDb } from "@/lib/db";
import { listManagedAgencies, listManagedUsers } from "@/db/queries/admin";
import { requireAbility } from "@/lib/auth/guards";
import { actorScope } from "@/lib/permissions";
import { agencyLevelLabels, officeTierLabels, roleLabels } from "@/lib/labels";
import { deadlineRule } from "@/lib/dashboard/deadlines";
import {
  CreateAgencyForm,
  CreateUserForm,
  ResetPasswordForm,
  ChildrenDeadlineForm,
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
  const agencies = await listManagedAgencies(db, scope);
  const users = await listManagedUsers(db, scope);
  const office = agencies.find((agency) => agency.id === user.agencyId);
  const officeTier = office?.officeTier ?? "county";
  const agencyNames = new Map(agencies.map((agency) => [agency.id, agency.name]));
  const offices = agencies.filter((agency) => agency.officeTier !== null);
  const hasChildOffices = offices.length > 1;
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
        <p className="text-slate-600">
          {user.agencyName}：本级{hasChildOffices ? "及下级政务公开办" : ""}所管理的机关、用户和报送截止日期。
        </p>
      </div>

      <section aria-labelledby="agencies-heading" className="space-y-3">
        <h2 id="agencies-heading" className="text-lg font-semibold">
          机关（{agencies.length} 个）
        </h2>
        <DataTable testId="agency-list" columns={["机关名称", "上级机关", "层级", "年度报告截止日期", "用户数"]}>
          {agencies.map((agency) => (
            <tr key={agency.id} className="border-t border-slate-100">
              <td className={`${td} font-medium`}>
                {agency.name}
                {agency.id === user.agencyId && <span className="ml-2 text-sm font-normal text-slate-500">（本级）</span>}
              </td>
              <td className={td}>{agency.parentId === null ? "—" : (agencyNames.get(agency.parentId) ?? "上级政务公开办")}</td>
              <td className={td}>
                {agencyLevelLabels[agency.level]}
                {agency.officeTier && `（${officeTierLabels[agency.officeTier]}级政务公开办）`}
              </td>
              <td className={td}>{deadlineRule(agency.level, agency.parentDeadline)}</td>
              <td className={td}>{usersPerAgency.get(agency.id) ?? 0}</td>
            </tr>
          ))}
        </DataTable>
        <div className="grid gap-4 md:grid-cols-2">
          <CreateAgencyForm
            parents={offices.map((agency) => ({ value: String(agency.id), label: agency.name }))}
            ownOfficeId={String(user.agencyId)}
          />
          <ChildrenDeadlineForm current={office?.childrenDeadline ?? ""} tier={officeTier} />
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
