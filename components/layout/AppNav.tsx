"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { AccountAbility } from "@/lib/permissions";

const LINKS: { href: string; label: string | null; ability: AccountAbility | null }[] = [
  { href: "/", label: "报告", ability: null },
  { href: "/dashboard", label: "进度总览", ability: "viewDashboard" },
  // Named by the admin's office: 全县汇总, 全市汇总 or 全省汇总.
  { href: "/county", label: null, ability: "viewCountyFigures" },
  { href: "/admin", label: "管理", ability: "administer" },
  { href: "/audit", label: "审计日志", ability: "viewAudit" },
];

/** The sections of the app the signed-in user may open, as the permission module says (pages check again). */
export function AppNav({ permissions, rollupTitle }: { permissions: Record<AccountAbility, boolean>; rollupTitle: string }) {
  const pathname = usePathname();
  const links = LINKS.filter((link) => link.ability === null || permissions[link.ability]);
  if (links.length < 2) return null;
  return (
    <nav aria-label="主导航" className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-[96rem] gap-1 px-4">
        {links.map((link) => {
          const current = link.href === "/" ? pathname === "/" || pathname.startsWith("/reports") : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 ${
                  current ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
                }`}
              >
                {link.label ?? rollupTitle}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
