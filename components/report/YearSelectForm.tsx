/** A plain GET form choosing the report year of an overview page (works without JavaScript). */
export function YearSelectForm({ id, year, years }: { id: string; year: number; years: number[] }) {
  return (
    <form method="get" className="flex items-end gap-2">
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
