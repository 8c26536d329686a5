import Link from "next/link";

/**
 * The way back up from an office below the admin's own: each office from the admin's down to the one shown,
 * every one but the last a link to the same page for that office.
 */
export function OfficeLine({ line, href }: { line: { id: number; name: string }[]; href: (officeId: number, isOwn: boolean) => string }) {
  if (line.length < 2) return null;
  return (
    <nav aria-label="所在层级" className="text-sm text-slate-600">
      <ol className="flex flex-wrap items-center gap-1">
        {line.map((office, index) => (
          <li key={office.id} className="flex items-center gap-1">
            {index > 0 && <span aria-hidden="true">›</span>}
            {index < line.length - 1 ? (
              <Link href={href(office.id, index === 0)} className="text-brand-600 underline-offset-2 hover:underline">
                {office.name}
              </Link>
            ) : (
              <span aria-current="page" className="font-medium text-slate-800">
                {office.name}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
