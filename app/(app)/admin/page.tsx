import { getDb } from "@/db/client";
import { listCountyAgencies, listCountyUsers } from "@/db/queries/admin";
import { requireRole, scopeOf } from "@/lib/auth/guards";
import { agencyLevelLabels, roleLabels } from "@/lib/labels";
import { deadlineRule } from "@/lib/workflow/deadlines";
import {
  CreateAgencyForm,
  CreateUserForm,
  ResetPasswordForm,
  TownshipDeadlineForm,
} from "@/components/admin/AdminForms";

export const metadata = { title: "管理 · 年报" };

const th = "px-3 py-2 font-medium";
const td = "px-3 py-2";

export default async function AdminPage() {
  const user = await requireRole("admin");
  const db = getDb();
  const scope = scopeOf(user);
  const agencies = listCountyAgencies(db, scope);
  const users = listCountyUsers(db, scope);
  const county = agencies.find((agency) => agency.id === user.agencyId);
  const townshipDeadline = county?.townshipDeadline ?? null;
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
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full border-collapse" data-testid="agency-list">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className={th}>机关名称</th>
                <th scope="col" className={th}>层级</th>
                <th scope="col" className={th}>年度报告截止日期</th>
                <th scope="col" className={th}>用户数</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <CreateAgencyForm />
          <TownshipDeadlineForm current={townshipDeadline ?? ""} />
        </div>
      </section>

      <section aria-labelledby="users-heading" className="space-y-3">
        <h2 id="users-heading" className="text-lg font-semibold">
          用户（{users.length} 人）
        </h2>
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full border-collapse" data-testid="user-list">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className={th}>用户名</th>
                <th scope="col" className={th}>姓名</th>
                <th scope="col" className={th}>角色</th>
                <th scope="col" className={th}>所属机关</th>
              </tr>
            </thead>
            <tbody>
              {users.map((member) => (
                <tr key={member.id} className="border-t border-slate-100">
                  <td className={`${td} font-mono`}>{member.username}</td>
                  <td className={td}>{member.displayName}</td>
                  <td className={td}>{roleLabels[member.role]}</td>
                  <td className={td}>{member.agencyName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <CreateUserForm agencies={agencies.map((agency) => ({ value: String(agency.id), label: agency.name }))} />
          <ResetPasswordForm
            users={users.map((member) => ({
              value: String(member.id),
              label: `${member.displayName}（${member.username}，${member.agencyName}）`,
            }))}
          />
        </div>
      </section>
    </div>
  );
}
