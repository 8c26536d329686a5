import type { ExportTable } from "@/lib/report/export/document";

/** Cells of a table to mark, with the reason shown on them. */
export interface TableMarks {
  cells: string[];
  title: string;
  /** Shown in a marked cell that is empty. */
  emptyText?: string;
  tone: "amber" | "red";
}

const MARK_TONES: Record<TableMarks["tone"], string> = {
  amber: "bg-amber-100 text-amber-900",
  red: "bg-red-50 font-semibold text-red-800",
};

/**
 * One table of the export model (lib/report/export/document.ts) drawn as printed, with its merged
 * header cells. Used by the import preview and the county figures page.
 */
export function ExportTableView({ table, caption, marks }: { table: ExportTable; caption: string; marks?: TableMarks }) {
  const rows = [...table.head, ...table.bodies.flat()];
  const marked = new Set(marks?.cells);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => {
                const mark = cell.path !== undefined && marked.has(cell.path) ? marks : undefined;
                const Tag = cell.isHeader ? "th" : "td";
                return (
                  <Tag
                    key={c}
                    colSpan={cell.colSpan}
                    rowSpan={cell.rowSpan}
                    scope={cell.scope}
                    title={mark?.title}
                    className={[
                      "border border-slate-300 px-1.5 py-0.5",
                      cell.isHeader ? "bg-slate-100 font-normal text-slate-700" : "tabular-nums",
                      cell.align === "left" ? "text-left" : "text-center",
                      mark ? MARK_TONES[mark.tone] : "",
                    ].join(" ")}
                  >
                    {mark && cell.text === "" ? (mark.emptyText ?? "") : cell.text}
                  </Tag>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
