import Link from "next/link";
import { rollupTitleOf } from "@/lib/labels";
import { requireAbility } from "@/lib/auth/guards";
import { MAX_CHECK_BATCH_BYTES, MAX_CHECK_FILE_BYTES, MAX_CHECK_FILES } from "@/lib/county/check-source";
import { CheckReportsForm } from "@/components/county/CheckReportsForm";

export const metadata = { title: "检查已发布的报告 · 年报" };

const mb = (bytes: number) => bytes / 1024 / 1024;

/** 检查已发布的报告: a county admin checks many published reports at once; nothing is stored. */
export default async function CheckPublishedReportsPage() {
  const user = await requireAbility("checkPublishedReports");
  return (
    <div className="space-y-4">
      <div>
        <Link href="/county" className="text-brand-600 underline-offset-2 hover:underline">
          ← 返回{rollupTitleOf(user.agencyOfficeTier)}
        </Link>
        <h1 className="mt-2 text-xl font-semibold">检查已发布的报告</h1>
        <p className="max-w-4xl text-slate-600">
          一次选择多份已发布的政府信息公开工作年度报告（Word .docx、PDF、网页 .html/.htm、文本 .txt/.md），系统逐份读取并按填报时的全部规则检查，
          列出每份报告的机关、年度、格式版本、读取到的表格单元格、错误和提醒，可下载为 XLSX。检查只读取文件，不保存任何报告。
        </p>
        <p className="mt-1 text-sm text-slate-500">
          每次最多 {MAX_CHECK_FILES} 个文件、合计 {mb(MAX_CHECK_BATCH_BYTES)} MB，单个文件不超过 {mb(MAX_CHECK_FILE_BYTES)} MB（较大的 Word
          文件会先去掉图片再上传）。没有文字层的扫描件无法读取，会逐个说明。每次检查记入审计日志。
        </p>
      </div>
      <CheckReportsForm />
    </div>
  );
}
