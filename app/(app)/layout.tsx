import { requireUser } from "@/lib/auth/guards";
import { roleLabels } from "@/lib/labels";
import { AppHeader } from "@/components/layout/AppHeader";
import { AppNav } from "@/components/layout/AppNav";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <AppHeader agencyName={user.agencyName} displayName={user.displayName} roleLabel={roleLabels[user.role]} />
      <AppNav role={user.role} />
      <main className="mx-auto max-w-[96rem] px-4 py-6">{children}</main>
    </>
  );
}
