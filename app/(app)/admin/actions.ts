"use server";

import {
  agencySchema,
  resetPasswordSchema,
  townshipDeadlineSchema,
  userSchema,
  type AgencyInput,
  type ResetPasswordInput,
  type TownshipDeadlineInput,
  type UserInput,
} from "@/lib/workflow/schemas";
import { createAgency, createUser, resetPassword, setTownshipDeadline } from "@/lib/workflow/service";
import { runCore } from "@/lib/workflow/run-action";

/** Form values arrive as text; the schemas convert them. */
type FormValues<T> = { [K in keyof T]: string | T[K] };

export async function createAgencyAction(input: FormValues<AgencyInput>) {
  return runCore(agencySchema, input, createAgency);
}

export async function createUserAction(input: FormValues<UserInput>) {
  return runCore(userSchema, input, createUser);
}

export async function resetPasswordAction(input: FormValues<ResetPasswordInput>) {
  return runCore(resetPasswordSchema, input, resetPassword);
}

export async function setTownshipDeadlineAction(input: FormValues<TownshipDeadlineInput>) {
  return runCore(townshipDeadlineSchema, input, setTownshipDeadline);
}
