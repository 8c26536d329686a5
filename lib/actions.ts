import type { z } from "zod";

/** The one result shape every server action returns; field errors name the field, in Chinese. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> };

export function actionFailure(formError: string, fieldErrors?: Record<string, string[]>): ActionResult<never> {
  return { ok: false, formError, fieldErrors };
}

/** Every field error of a zod failure, keyed by the field's path. */
export function zodFailure(error: z.ZodError, formError = "提交的内容有误，请检查标出的字段。"): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, formError, fieldErrors };
}
