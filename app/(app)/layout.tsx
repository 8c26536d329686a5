import { requireUser } from "@/lib/auth/guards";
import { roleLabels, rollupTitleOf } from "@/lib/labels";
import { accountPermissions } from "@/lib/permissions";
import { AppHeader } from "@/components/layout/AppHeader";
import { AppNav } from "@/components/layout/AppNav";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  // Each page checks again, and sends a user who must change their password to /account first.
  const user = await requireUser({ allowPendingPasswordChange: true });
  return (
    <>
      <AppHeader agencyName={user.agencyName} displayName={user.displayName} roleLabel={roleLabels[user.role]} />
      {!user.mustChangePassword && <AppNav permissions={accountPermissions(user)} rollupTitle={rollupTitleOf(user.agencyOfficeTier)} />}
      <main className="mx-auto max-w-[96rem] px-4 py-6">{children}</main>
    </>
  );
}
