"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions";

type StartValues = { year: string };

export function StartReportForm({
  years,
  defaultYear,
  startReport,
}: {
  years: number[];
  defaultYear: number;
  startReport: (input: { year: string }) => Promise<ActionResult<{ id: number; created: boolean }>>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { isSubmitting },
  } = useForm<StartValues>({ defaultValues: { year: String(defaultYear) } });

  async function onSubmit(values: StartValues) {
    setError(null);
    const result = await startReport(values);
    if (!result.ok) {
      setError(result.fieldErrors?.year?.[0] ?? result.formError ?? "无法开始该年度报告。");
      return;
    }
    router.push(`/reports/${result.data.id}`);
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="start-year" className="mb-1 block text-slate-700">
          报告年度
        </label>
        <select
          id="start-year"
          className="rounded border border-slate-300 bg-white px-2 py-1.5"
          {...register("year")}
        >
          {years.map((year) => (
            <option key={year} value={year}>
              {year} 年
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        disabled={isSubmitting}
        className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {isSubmitting ? "正在创建…" : "开始填写该年度报告"}
      </button>
      {error && (
        <p role="alert" className="w-full text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
