import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { decideAccount } from "@/lib/permissions";
import { ImportReportForm } from "@/components/import/ImportReportForm";
import { confirmImport, previewImport } from "./actions";

export const metadata = { title: "从往年报告开始 · 年报" };

export default async function ImportReportPage() {
  const user = await requireUser();
  return (
    <div className="space-y-4">
      <div>
        <Link href="/" className="text-brand-600 underline-offset-2 hover:underline">
          ← 返回年度报告列表
        </Link>
        <h1 className="mt-2 text-xl font-semibold">从上一年度已发布的报告开始填写</h1>
        <p className="max-w-3xl text-slate-600">
          导入 {user.agencyName} 上一年度已发布的政府信息公开工作年度报告（Word、PDF、网页或文本），系统读取其中的表格和文字，
          列出未能读取的内容；确认后创建下一年度的报告，并结转上年结转申请数、网站、联系方式等。
        </p>
      </div>
      {decideAccount(user, "importReport").ok ? (
        <ImportReportForm previewImport={previewImport} confirmImport={confirmImport} />
      ) : (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          只有经办人可以导入往年报告并开始填写新年度的报告。
        </p>
      )}
    </div>
  );
}
