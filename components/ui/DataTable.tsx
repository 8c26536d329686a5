import type { ReactNode } from "react";

export type Column =
  | string
  | {
      label: ReactNode;
      align?: "right" | "center";
      hidden?: boolean;
      nowrap?: boolean;
      /** For a column the table can be sorted by: how it is sorted now (aria-sort). */
      sort?: "ascending" | "descending" | "none";
    };

/** Cell padding of the data tables; rows add their own alignment and colours. */
export const cellClass = "px-3 py-2";

const alignClass = { right: "text-right", center: "text-center" } as const;

/**
 * The bordered, horizontally scrollable table of the overview, admin, audit and history pages: a
 * header row of column labels (a hidden label is read by screen readers only), the rows as children.
 */
export function DataTable({
  testId,
  columns,
  caption,
  children,
}: {
  testId: string;
  columns: Column[];
  caption?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full border-collapse" data-testid={testId}>
        {caption}
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {columns.map((column, index) => {
              const { label, align, hidden, nowrap, sort } = typeof column === "string" ? { label: column } : column;
              return (
                <th
                  key={index}
                  scope="col"
                  aria-sort={sort}
                  className={`${cellClass} font-medium ${align ? alignClass[align] : ""} ${nowrap ? "whitespace-nowrap" : ""}`}
                >
                  {hidden ? <span className="sr-only">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
