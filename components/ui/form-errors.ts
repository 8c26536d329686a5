import type { z } from "zod";
import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from "react-hook-form";

/**
 * Put a refused action's errors onto the form: each field's messages under that field, anything else
 * (and the general message when no field error explains the refusal) as the form's root error.
 */
export function applyServerErrors<T extends FieldValues>(
  result: { formError?: string; fieldErrors?: Record<string, string[]> },
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): void {
  let placed = false;
  for (const field of fields) {
    const messages = result.fieldErrors?.[field];
    if (messages?.length) {
      setError(field, { type: "server", message: messages.join("；") });
      placed = true;
    }
  }
  const unplaced = Object.entries(result.fieldErrors ?? {})
    .filter(([key]) => !(fields as readonly string[]).includes(key))
    .flatMap(([, messages]) => messages);
  // The general message only when no field says what is wrong (it would repeat the field's message).
  const general = placed ? "" : (result.formError ?? "操作失败，请重试。");
  const root = [general, ...unplaced].filter(Boolean).join("；");
  if (root) setError("root", { type: "server", message: root });
}

/**
 * A react-hook-form resolver from a zod schema (the same schema the server action parses with), so
 * the browser shows the server's Chinese messages before a round trip.
 */
export function schemaResolver<T extends FieldValues>(schema: z.ZodType): Resolver<T> {
  return async (values) => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".");
      errors[key] ??= { type: issue.code, message: issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<T> };
  };
}
