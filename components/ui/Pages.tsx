import Link from "next/link";

const link = "text-brand-600 underline-offset-2 hover:underline";

/** 上一页 / 第 n / m 页 / 下一页 of a list; nothing when it fits on one page. */
export function Pages({ label, page, pageCount, href }: { label: string; page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center gap-4 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} className={link}>
          上一页
        </Link>
      )}
      <span>
        第 {page} / {pageCount} 页
      </span>
      {page < pageCount && (
        <Link href={href(page + 1)} className={link}>
          下一页
        </Link>
      )}
    </nav>
  );
}
