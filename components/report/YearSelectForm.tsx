/**
 * A plain GET form choosing the report year of an overview page (works without JavaScript); `keep` names
 * other search parameters the page keeps when the year changes (e.g. its sort).
 */
export function YearSelectForm({
  id,
  year,
  years,
  keep = {},
}: {
  id: string;
  year: number;
  years: number[];
  keep?: Record<string, string>;
}) {
  return (
    <form method="get" className="flex items-end gap-2">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor={id} className="mb-1 block text-slate-700">
          报告年度
        </label>
        <select id={id} name="year" defaultValue={year} className="rounded border border-slate-300 bg-white px-2 py-1.5">
          {years.map((option) => (
            <option key={option} value={option}>
              {option} 年
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
        查看
      </button>
    </form>
  );
}
