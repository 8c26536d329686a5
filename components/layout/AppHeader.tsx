import Link from "next/link";
import { SignOutButton } from "./SignOutButton";

export function AppHeader({
  agencyName,
  displayName,
  roleLabel,
}: {
  agencyName: string;
  displayName: string;
  roleLabel: string;
}) {
  return (
    <header className="bg-brand-700 text-white">
      <div className="mx-auto flex max-w-[96rem] items-center justify-between gap-4 px-4 py-2">
        <Link href="/" className="font-serif text-lg font-bold tracking-wide">
          年报
          <span className="ml-2 hidden text-sm font-normal text-white/80 sm:inline">政府信息公开工作年度报告</span>
        </Link>
        <div className="flex items-center gap-3" data-testid="current-user">
          <span className="hidden md:inline">{agencyName}</span>
          <span>
            {displayName}
            <span className="ml-1 rounded bg-white/15 px-1.5 py-0.5 text-xs">{roleLabel}</span>
          </span>
          <Link href="/account" className="rounded px-2 py-1 text-white underline-offset-2 hover:underline">
            账号与密码
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
