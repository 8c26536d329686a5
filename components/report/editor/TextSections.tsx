"use client";

import { useFieldArray, useFormContext, useWatch, type FieldPathByValue } from "react-hook-form";
import { OVERVIEW_HEADINGS, otherMattersSuggestions } from "@/lib/report/editions";
import { suggestedIntro } from "@/lib/report/intro";
import { useEditor } from "./context";
import { fieldDomId } from "./store";
import type { Report } from "@/lib/report/model";
import type { EditorValues } from "./values";
import { previousPartText } from "@/lib/report/previous-narrative";
import { PreviousText } from "./PreviousText";
import { SentenceFindings } from "./FindingsPanel";

const input = "w-full rounded border border-slate-300 px-2 py-1.5 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 read-only:bg-slate-50";
const label = "mb-1 block font-medium text-slate-700";

function CharCount({ name }: { name: FieldPathByValue<EditorValues, string | undefined> }) {
  const value = useWatch<EditorValues, typeof name>({ name });
  return <span className="text-xs text-slate-500">{(value ?? "").length} 字</span>;
}

function TextField({ path, title, type = "text", placeholder }: { path: FieldPathByValue<Report, string | undefined>; title: string; type?: string; placeholder?: string }) {
  const { register } = useFormContext<EditorValues>();
  const { readOnly } = useEditor();
  return (
    <div>
      <label htmlFor={fieldDomId(path)} className={label}>
        {title}
      </label>
      <input
        id={fieldDomId(path)}
        type={type}
        readOnly={readOnly}
        placeholder={placeholder}
        className={input}
        {...register(`report.${path}`)}
      />
    </div>
  );
}

export function CoverSection() {
  const { register, getValues, setValue } = useFormContext<EditorValues>();
  const { readOnly } = useEditor();
  const year = getValues("report.year");
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <TextField path="agency.name" title="机关名称" />
        <div>
          <span className={label}>报告年度</span>
          <p className="rounded border border-slate-200 bg-slate-50 px-2 py-1.5">{year} 年</p>
        </div>
        <div className="md:col-span-2">
          <TextField path="title" title="报告标题" />
        </div>
        <TextField path="date" title="报告日期" type="date" />
        <div />
        <TextField path="website.name" title="发布网站名称" placeholder="如：蓬莱区人民政府门户网站" />
        <TextField path="website.url" title="发布网站网址" type="url" placeholder="http://" />
        <TextField path="contact.address" title="联系地址" />
        <TextField path="contact.phone" title="联系电话" type="tel" />
        <TextField path="contact.postcode" title="邮政编码" />
      </div>
      <div>
        <div className="mb-1 flex items-center justify-between gap-2">
          <label htmlFor={fieldDomId("intro")} className="font-medium text-slate-700">
            引言
          </label>
          <div className="flex items-center gap-3">
            <CharCount name="report.intro" />
            {!readOnly && (
              <button
                type="button"
                className="rounded border border-slate-300 bg-white px-2 py-0.5 text-slate-700 hover:bg-slate-50"
                onClick={() => {
                  const current = getValues("report.intro") ?? "";
                  if (current.trim() && !window.confirm("用建议文本替换当前引言？")) return;
                  setValue("report.intro", suggestedIntro(getValues("report")), { shouldDirty: true });
                }}
              >
                生成建议引言
              </button>
            )}
          </div>
        </div>
        <textarea id={fieldDomId("intro")} rows={6} readOnly={readOnly} className={input} {...register("report.intro")} />
        <SentenceFindings path="intro" />
        <p className="mt-1 text-xs text-slate-500">引言写明编制依据、全文发布的网站及网址、统计期限（1月1日至12月31日）和联系方式。</p>
      </div>
    </div>
  );
}

/** 一 and 六: text under sub-headings that can be added, renamed, removed and reordered. */
export function HeadedTextSection({ name }: { name: "overview" | "otherMatters" }) {
  const { control, register } = useFormContext<EditorValues>();
  const { readOnly, edition, previous } = useEditor();
  const { fields, append, remove, move } = useFieldArray({ control, name: `report.${name}` });
  const headings = useWatch({ control, name: `report.${name}` }) ?? [];
  const suggestions = name === "overview" ? OVERVIEW_HEADINGS : otherMattersSuggestions(edition.id);
  const hintOf = (heading: string) => suggestions.find((s) => s.heading === heading)?.hint;
  const missing = suggestions.filter((s) => !headings.some((h) => h?.heading === s.heading));
  return (
    <div className="space-y-4">
      {name === "otherMatters" && edition.id === "2021" && (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          提示：按2021年版格式，本部分应报告信息处理费收取情况（国办函〔2020〕109号），未收取的也应写明；通常还报告人大代表建议和政协提案办理结果公开情况、政务公开工作创新情况。
        </p>
      )}
      {fields.map((field, index) => {
        const textId = fieldDomId(`${name}.${index}.text`);
        const hint = hintOf(headings[index]?.heading ?? "");
        return (
          <fieldset key={field.id} className="rounded border border-slate-200 bg-white p-3">
            <legend className="px-1 text-xs text-slate-500">第 {index + 1} 部分</legend>
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor={`${textId}-heading`} className="sr-only">
                第 {index + 1} 部分小标题
              </label>
              <input
                id={`${textId}-heading`}
                readOnly={readOnly}
                placeholder="小标题（可空）"
                className={`${input} max-w-md flex-1 font-medium`}
                {...register(`report.${name}.${index}.heading`)}
              />
              {!readOnly && (
                <div className="flex gap-1 text-xs">
                  <button type="button" disabled={index === 0} onClick={() => move(index, index - 1)} className="rounded border border-slate-300 px-1.5 py-1 disabled:opacity-40" aria-label={`上移第 ${index + 1} 部分`}>
                    上移
                  </button>
                  <button type="button" disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} className="rounded border border-slate-300 px-1.5 py-1 disabled:opacity-40" aria-label={`下移第 ${index + 1} 部分`}>
                    下移
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      if (window.confirm("删除这一部分及其正文？")) remove(index);
                    }}
                    className="rounded border border-red-300 px-1.5 py-1 text-red-700"
                    aria-label={`删除第 ${index + 1} 部分`}
                  >
                    删除
                  </button>
                </div>
              )}
            </div>
            {hint && <p className="mt-1 text-xs text-slate-500">应写：{hint}</p>}
            <PreviousText text={previousPartText(previous?.[name], headings, index)} field={`report.${name}.${index}.text`} targetId={textId} />
            <label htmlFor={textId} className="sr-only">
              第 {index + 1} 部分正文
            </label>
            <textarea
              id={textId}
              rows={5}
              readOnly={readOnly}
              className={`${input} mt-2`}
              {...register(`report.${name}.${index}.text`)}
            />
            <SentenceFindings path={`${name}.${index}.text`} />
            <div className="text-right">
              <CharCount name={`report.${name}.${index}.text`} />
            </div>
          </fieldset>
        );
      })}
      {!readOnly && (
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={() => append({ heading: "", text: "" })} className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50">
            添加一部分
          </button>
          {missing.map((s) => (
            <button key={s.heading} type="button" onClick={() => append({ heading: s.heading, text: "" })} className="rounded border border-dashed border-slate-400 px-2 py-1 text-slate-700 hover:bg-slate-50">
              添加“{s.heading}”
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

export function ProblemsSection() {
  const { register } = useFormContext<EditorValues>();
  const { readOnly, previous } = useEditor();
  return (
    <div>
      <div className="mb-1 flex justify-between">
        <label htmlFor={fieldDomId("problems")} className={label}>
          存在的主要问题及改进情况
        </label>
        <CharCount name="report.problems" />
      </div>
      <p className="mb-2 text-xs text-slate-500">如实写明本年度工作存在的主要问题，以及已采取和下一步的改进措施。段落之间空一行。</p>
      <div className="mb-2">
        <PreviousText text={previous?.problems?.trim() ? previous.problems : undefined} field="report.problems" targetId={fieldDomId("problems")} />
      </div>
      <textarea id={fieldDomId("problems")} rows={14} readOnly={readOnly} className={input} {...register("report.problems")} />
      <SentenceFindings path="problems" />
    </div>
  );
}
