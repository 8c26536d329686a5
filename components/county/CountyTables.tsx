import { ExportTableView } from "@/components/report/ExportTableView";
import { buildExportDocument } from "@/lib/report/export/document";
import type { Report } from "@/lib/report/model";
import type { Finding } from "@/lib/report/rules";

/**
 * Tables 二, 三 and 四 of a report (or of a county's sum) in the official layout, with the cells the
 * balance findings name marked.
 */
export function CountyTables({ report, findings, caption }: { report: Report; findings: Finding[]; caption: string }) {
  const doc = buildExportDocument(report, { draft: false });
  const marks = { cells: findings.flatMap((finding) => finding.cells), title: "合计与分项不一致", tone: "red" as const };
  const tables = doc.sections.flatMap((section) => {
    if (section.key !== "activeDisclosure" && section.key !== "requests" && section.key !== "reviewLitigation") return [];
    const table = section.blocks.find((block) => block.kind === "table");
    return [{ key: section.key, heading: section.heading, table: table?.kind === "table" ? table.table : undefined }];
  });
  return (
    <div className="space-y-4">
      {tables.map(({ key, heading, table }) => (
        <section key={key} aria-labelledby={`county-${key}`} className="rounded border border-slate-200 bg-white">
          <h3 id={`county-${key}`} className="border-b border-slate-200 px-3 py-1.5 font-semibold">
            {heading}
          </h3>
          <div className="px-3 py-2">
            {table ? (
              <ExportTableView table={table} caption={`${table.caption}（${caption}）`} marks={marks} />
            ) : (
              <p className="text-slate-500">没有适用的项目。</p>
            )}
          </div>
        </section>
      ))}
    </div>
  );
}
