import { requireUser } from "@/lib/auth/guards";
import { roleLabels } from "@/lib/labels";
import { ChangePasswordForm, SignOutEverywhereButton } from "@/components/account/AccountForms";

export const metadata = { title: "账号与密码 · 年报" };

export default async function AccountPage() {
  const user = await requireUser({ allowPendingPasswordChange: true });
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold">账号与密码</h1>
        <p className="text-slate-600">
          {user.displayName}（{user.username}），{user.agencyName}，{roleLabels[user.role]}
        </p>
      </div>
      {user.mustChangePassword && (
        <p role="alert" data-testid="must-change-password" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          请先设置新密码再继续使用：这是示例账号或管理员刚重置过的密码，其他人可能知道它。
        </p>
      )}
      <ChangePasswordForm mustChange={user.mustChangePassword} />
      <section aria-labelledby="sessions-heading" className="space-y-2 rounded border border-slate-200 bg-white px-4 py-3">
        <h2 id="sessions-heading" className="font-semibold">
          退出所有设备
        </h2>
        <p className="text-slate-600">
          在别的电脑上登录后忘了退出，或怀疑密码被他人知道时使用：所有设备（包括本机）上的登录立即失效，需要重新登录。
        </p>
        <SignOutEverywhereButton />
      </section>
    </div>
  );
}
