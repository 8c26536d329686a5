"use client";

import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { applyServerErrors, schemaResolver } from "@/components/ui/form-errors";

type Result = { ok: true } | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> };

/**
 * A react-hook-form form bound to a server action: checked in the browser with the action's own schema,
 * the server's field errors put back on their fields, a Chinese confirmation on success, and the page
 * refreshed so the lists show the change.
 */
export function useActionForm<T extends FieldValues>({
  schema,
  defaultValues,
  action,
  done,
  keepValues = false,
}: {
  schema: z.ZodType;
  defaultValues: DefaultValues<T>;
  action: (values: T) => Promise<Result>;
  /** The confirmation, from the submitted values. */
  done: (values: T) => string;
  /** After success keep what was entered (a setting) instead of clearing the form (a new record). */
  keepValues?: boolean;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<T>({ defaultValues, resolver: schemaResolver<T>(schema) });
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await action(values);
    if (!result.ok) {
      applyServerErrors(result, form.setError, Object.keys(defaultValues) as Path<T>[]);
      return;
    }
    form.reset(keepValues ? values : defaultValues);
    setMessage(done(values));
    router.refresh();
  });
  return { form, onSubmit, message };
}
