"use client";

import { useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { ActionResult } from "@/lib/actions";
import type { ConfirmOutcome, ImportPreview as PreviewData } from "@/lib/reports/import";
import { ImportPreview } from "./ImportPreview";
import { withoutImages } from "./shrink-docx";
import { IMPORT_FILE_TOO_LARGE, importFileProblem, MAX_IMPORT_FILE_BYTES } from "@/lib/reports/import-source";

type Values = { source: "file" | "text"; file?: FileList; text: string };

const ACCEPT =
  ".docx,.pdf,.html,.htm,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/html,text/plain";
/** A .docx larger than the server reads is sent without its pictures (see shrink-docx.ts). */
const MAX_DOCX_BYTES = 30 * 1024 * 1024;

export function ImportReportForm({
  previewImport,
  confirmImport,
}: {
  previewImport: (form: FormData) => Promise<ActionResult<PreviewData>>;
  confirmImport: (form: FormData) => Promise<ActionResult<ConfirmOutcome>>;
}) {
  const router = useRouter();
  const [preview, setPreview] = useState<PreviewData | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [existing, setExisting] = useState<{ id: number; year: number } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const sent = useRef<FormData | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ defaultValues: { source: "file", text: "" } });
  const source = watch("source");

  /** The form to send; undefined (with the field error set) when the file is too large even without pictures. */
  async function toFormData(values: Values): Promise<FormData | undefined> {
    const form = new FormData();
    form.set("source", values.source);
    let file = values.source === "file" ? values.file?.[0] : undefined;
    if (file && file.size > MAX_IMPORT_FILE_BYTES && /\.docx$/i.test(file.name)) {
      try {
        file = await withoutImages(file);
      } catch {
        setError("file", { message: "无法打开该 Word 文件：文件已损坏或不是 .docx 文档。" });
        return undefined;
      }
    }
    if (file && file.size > MAX_IMPORT_FILE_BYTES) {
      setError("file", { message: IMPORT_FILE_TOO_LARGE });
      return undefined;
    }
    if (file) form.set("file", file);
    if (values.source === "text") form.set("text", values.text);
    return form;
  }

  function showFailure(result: Extract<ActionResult<unknown>, { ok: false }>) {
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (field === "file" || field === "text") setError(field, { message: messages[0] });
    }
    setFormError(result.formError ?? "未能读取该文件。");
  }

  async function onRead(values: Values) {
    setFormError(null);
    setExisting(null);
    setPreview(null);
    const form = await toFormData(values);
    if (!form) return;
    const result = await previewImport(form);
    if (!result.ok) {
      showFailure(result);
      return;
    }
    sent.current = form;
    setPreview(result.data);
  }

  async function onConfirm() {
    if (!sent.current) return;
    setFormError(null);
    setConfirming(true);
    try {
      const result = await confirmImport(sent.current);
      if (!result.ok) {
        showFailure(result);
        return;
      }
      if (result.data.kind === "exists") {
        setExisting({ id: result.data.reportId, year: result.data.year });
        return;
      }
      router.push(`/reports/${result.data.reportId}`);
    } finally {
      setConfirming(false);
    }
  }

  function restart() {
    sent.current = null;
    setPreview(null);
    setExisting(null);
    setFormError(null);
  }

  const nextExisting = existing ?? (preview?.existingNext ? { id: preview.existingNext.id, year: preview.nextYear } : null);

  return (
    <div className="space-y-6">
      <ol className="flex gap-6 text-slate-600" aria-label="步骤">
        <li className={preview ? "" : "font-semibold text-brand-700"} aria-current={preview ? undefined : "step"}>
          1. 读取
        </li>
        <li className={preview ? "font-semibold text-brand-700" : ""} aria-current={preview ? "step" : undefined}>
          2. 确认
        </li>
      </ol>

      {!preview && (
        <form onSubmit={handleSubmit(onRead)} noValidate className="space-y-4 rounded border border-slate-200 bg-white p-4" aria-label="读取往年报告">
          <fieldset className="space-y-2">
            <legend className="mb-1 font-medium text-slate-700">上一年度已发布的报告</legend>
            <label className="mr-6 inline-flex items-center gap-2">
              <input type="radio" value="file" {...register("source")} />
              上传文件（Word .docx、PDF、网页 .html、文本 .txt）
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="radio" value="text" {...register("source")} />
              粘贴全文
            </label>
          </fieldset>

          {source === "file" ? (
            <div>
              <label htmlFor="import-file" className="mb-1 block text-slate-700">
                报告文件
              </label>
              <input
                id="import-file"
                type="file"
                accept={ACCEPT}
                className="block w-full text-slate-700 file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-slate-700 hover:file:bg-slate-50"
                aria-invalid={errors.file ? true : undefined}
                aria-describedby="import-file-hint"
                {...register("file", {
                  validate: (files, values) => {
                    if (values.source !== "file") return true;
                    const file = files?.[0];
                    if (file && /\.docx$/i.test(file.name) && file.size > MAX_IMPORT_FILE_BYTES) {
                      // A large .docx is sent without its pictures (see onRead): it has its own, higher limit.
                      return file.size <= MAX_DOCX_BYTES || IMPORT_FILE_TOO_LARGE;
                    }
                    return importFileProblem(file) ?? true;
                  },
                })}
              />
              <p id="import-file-hint" className="mt-1 text-slate-500">
                旧版 Word（.doc）请先另存为 .docx。PDF 须带文字层：扫描件（图片）无法读取，请使用 Word 或网页版本，或复制文字后选择“粘贴全文”。
              </p>
              {errors.file && <p className="mt-1 text-red-700">{errors.file.message}</p>}
            </div>
          ) : (
            <div>
              <label htmlFor="import-text" className="mb-1 block text-slate-700">
                报告全文（从网页或 Word 中复制，表格可连同表头一起粘贴）
              </label>
              <textarea
                id="import-text"
                rows={14}
                className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm"
                aria-invalid={errors.text ? true : undefined}
                {...register("text", {
                  validate: (text, values) => values.source !== "text" || text.trim() !== "" || "请粘贴报告全文",
                })}
              />
              {errors.text && <p className="mt-1 text-red-700">{errors.text.message}</p>}
            </div>
          )}

          <FormError message={formError} />
          <button
            type="submit"
            disabled={isSubmitting}
            className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {isSubmitting ? "正在读取…" : "读取"}
          </button>
        </form>
      )}

      {preview && (
        <div className="space-y-4">
          <section aria-labelledby="import-summary" className="rounded border border-slate-200 bg-white p-4">
            <h2 id="import-summary" className="mb-2 font-semibold">
              读取结果
            </h2>
            <p>
              {preview.report.year} 年度报告，{preview.report.edition} 年版格式（{preview.editionName}）。
            </p>
            {preview.noTableRead && (
              <p role="alert" data-testid="import-no-table" className="mt-2 rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900">
                {preview.noTableRead}
              </p>
            )}
            {preview.warnings.map((w) => (
              <p key={w} role="alert" className="mt-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
                {w}
              </p>
            ))}
            {preview.notes.length > 0 && (
              <ul className="mt-2 list-disc space-y-0.5 pl-5 text-slate-700">
                {preview.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="import-unread" className="rounded border border-amber-200 bg-white">
            <h2 id="import-unread" className="border-b border-amber-200 bg-amber-50 px-4 py-2 font-semibold text-amber-900">
              未能读取的内容（{preview.unread.length} 处）
            </h2>
            {preview.unread.length === 0 ? (
              <p className="px-4 py-3 text-slate-700">全部内容均已读取。</p>
            ) : (
              <table className="w-full border-collapse text-sm" data-testid="import-unread">
                <thead className="bg-slate-50 text-left text-slate-600">
                  <tr>
                    <th scope="col" className="px-4 py-1.5 font-medium">位置</th>
                    <th scope="col" className="px-4 py-1.5 font-medium">原因</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.unread.map((u, i) => (
                    <tr key={i} className="border-t border-slate-100 align-top">
                      <td className="px-4 py-1.5">{u.label}</td>
                      <td className="px-4 py-1.5 text-slate-700">{u.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <ImportPreview report={preview.report} unread={preview.unread} />

          <section aria-labelledby="import-confirm" className="space-y-3 rounded border border-slate-200 bg-white p-4">
            <h2 id="import-confirm" className="font-semibold">
              确认
            </h2>
            {preview.noTableRead ? (
              <div className="space-y-2">
                <p className="text-red-900">不能据此开始新年度的报告：原因见上方“读取结果”。</p>
                <RestartButton onClick={restart} />
              </div>
            ) : nextExisting ? (
              <p role="status">
                本机关已有 {nextExisting.year} 年度报告，不会覆盖。{" "}
                <Link href={`/reports/${nextExisting.id}`} className="text-brand-600 underline-offset-2 hover:underline">
                  打开 {nextExisting.year} 年报告
                </Link>
              </p>
            ) : (
              <>
                <ul className="list-disc space-y-0.5 pl-5 text-slate-700">
                  <li>
                    创建 {preview.nextYear} 年度报告（草稿），结转上年数据：上年结转申请数、网站和联系方式、总体情况的小标题
                    {preview.report.edition === "2019" && preview.nextYear < 2021 ? "、上一年项目数量" : ""}。
                  </li>
                  <li>
                    {preview.existingPrevious
                      ? `本机关已有 ${preview.report.year} 年度报告，保留不变。`
                      : `导入的 ${preview.report.year} 年度报告作为本机关已发布的报告保存（标为“导入”，只读），供结转和跨年度核对；经审核人或管理员确认后才计入全县汇总。`}
                  </li>
                </ul>
                <FormError message={formError} />
                <div className="flex flex-wrap gap-2">
                  <button
                    type="button"
                    onClick={onConfirm}
                    disabled={confirming}
                    className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
                  >
                    {confirming ? "正在创建…" : `确认，开始填写 ${preview.nextYear} 年度报告`}
                  </button>
                  <RestartButton onClick={restart} />
                </div>
              </>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
      {message}
    </p>
  );
}

function RestartButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50">
      重新选择文件
    </button>
  );
}
