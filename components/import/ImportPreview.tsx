"use client";

import { buildExportDocument } from "@/lib/report/export/document";
import type { ExportBlock } from "@/lib/report/export/document";
import { ExportTableView, type TableMarks } from "@/components/report/ExportTableView";
import type { Report } from "@/lib/report/model";
import type { UnreadItem } from "@/lib/report/import";

/** What was read from the file: the details, the three tables as printed, the narrative sections. */
export function ImportPreview({ report, unread }: { report: Report; unread: UnreadItem[] }) {
  const doc = buildExportDocument(report, { draft: false });
  const unreadCells: TableMarks = { cells: unread.map((u) => u.where), title: "未能读取，留空", emptyText: "？", tone: "amber" };
  const missingSections = new Set(unread.filter((u) => !u.where.includes(".") && u.reason.startsWith("未找到")).map((u) => u.where));
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 rounded border border-slate-200 bg-white p-4">
        <Detail term="标题" value={report.title} />
        <Detail term="机关（文件中）" value={report.agency.name} />
        <Detail term="报告日期" value={doc.date} />
        <Detail term="发布网站" value={[report.website?.name, report.website?.url].filter(Boolean).join(" ")} />
        <Detail
          term="联系方式"
          value={[
            report.contact?.address && `地址：${report.contact.address}`,
            report.contact?.phone && `电话：${report.contact.phone}`,
            report.contact?.postcode && `邮编：${report.contact.postcode}`,
          ]
            .filter(Boolean)
            .join("，")}
        />
      </dl>
      {doc.intro.length > 0 && <Narrative title="引言" paragraphs={doc.intro} />}
      {doc.sections.map((section) => (
        <section key={section.key} aria-labelledby={`preview-${section.key}`} className="rounded border border-slate-200 bg-white">
          <h3 id={`preview-${section.key}`} className="border-b border-slate-200 px-4 py-2 font-semibold">
            {section.heading}
          </h3>
          <div className="space-y-2 px-4 py-3">
            {section.blocks.length === 0 || missingSections.has(section.key) ? (
              <p className="text-amber-800">未能读取本部分。</p>
            ) : null}
            {section.blocks.map((block, i) => (
              <Block key={i} block={block} unreadCells={unreadCells} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function Detail({ term, value }: { term: string; value?: string }) {
  return (
    <>
      <dt className="text-slate-600">{term}</dt>
      <dd className={value ? "text-slate-900" : "text-amber-800"}>{value || "未能读取"}</dd>
    </>
  );
}

function Narrative({ title, paragraphs }: { title: string; paragraphs: string[] }) {
  return (
    <section className="rounded border border-slate-200 bg-white px-4 py-3">
      <h3 className="mb-1 font-semibold">{title}</h3>
      <Paragraphs paragraphs={paragraphs} />
    </section>
  );
}

function Paragraphs({ paragraphs }: { paragraphs: string[] }) {
  const [first, ...rest] = paragraphs;
  if (first === undefined) return null;
  return (
    <div className="space-y-1 text-slate-800">
      <p className="line-clamp-3">{first}</p>
      {rest.length > 0 && (
        <details>
          <summary className="cursor-pointer text-brand-600">另有 {rest.length} 段</summary>
          <div className="mt-1 space-y-1">
            {rest.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </details>
      )}
    </div>
  );
}

function Block({ block, unreadCells }: { block: ExportBlock; unreadCells: TableMarks }) {
  if (block.kind === "paragraph") return <Paragraphs paragraphs={[block.text]} />;
  if (block.kind === "subsection") {
    return (
      <div>
        <h4 className="font-medium">{block.heading}</h4>
        <Paragraphs paragraphs={block.paragraphs} />
      </div>
    );
  }
  return <ExportTableView table={block.table} caption={`${block.table.caption}（导入结果）`} marks={unreadCells} />;
}

/** Cells to mark in a drawn table (e.g. not read, or not adding up), with the reason as their title. */
