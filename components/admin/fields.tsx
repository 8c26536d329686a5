"use client";

import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

const control = "w-full rounded border border-slate-300 bg-white px-2 py-1.5 aria-invalid:border-red-500";

/** A labelled input or select of a react-hook-form form, with its Chinese error under it. */
export function Field<T extends FieldValues>({
  form,
  name,
  label,
  type = "text",
  options,
  idPrefix,
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  type?: "text" | "password";
  /** Turns the field into a select. */
  options?: { value: string; label: string }[];
  idPrefix: string;
}) {
  const id = `${idPrefix}-${name}`;
  const error = form.formState.errors[name]?.message;
  const errorId = `${id}-error`;
  const common = {
    id,
    className: control,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
    ...form.register(name),
  };
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-slate-700">
        {label}
      </label>
      {options ? (
        <select {...common}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input type={type} autoComplete={type === "password" ? "new-password" : "off"} {...common} />
      )}
      {typeof error === "string" && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** The submit button, the form's general error and the confirmation. */
export function FormFooter<T extends FieldValues>({
  form,
  label,
  message,
}: {
  form: UseFormReturn<T>;
  label: string;
  message: string | null;
}) {
  const rootError = form.formState.errors.root?.message;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="submit"
        disabled={form.formState.isSubmitting}
        className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {form.formState.isSubmitting ? "正在保存…" : label}
      </button>
      {rootError && (
        <p role="alert" className="text-red-700">
          {rootError}
        </p>
      )}
      {message && (
        <p role="status" className="text-emerald-700">
          {message}
        </p>
      )}
    </div>
  );
}
