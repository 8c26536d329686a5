"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { UserRole } from "@/db/schema";

const LINKS: { href: string; label: string; roles: UserRole[] }[] = [
  { href: "/", label: "报告", roles: ["clerk", "supervisor", "admin"] },
  { href: "/dashboard", label: "进度总览", roles: ["supervisor", "admin"] },
  { href: "/county", label: "全县汇总", roles: ["admin"] },
  { href: "/admin", label: "管理", roles: ["admin"] },
  { href: "/audit", label: "审计日志", roles: ["admin"] },
];

/** The sections of the app the signed-in role may open (the pages check the role again). */
export function AppNav({ role }: { role: UserRole }) {
  const pathname = usePathname();
  const links = LINKS.filter((link) => link.roles.includes(role));
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
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
