"use server";

import {
  agencySchema,
  resetPasswordSchema,
  townshipDeadlineSchema,
  userRoleSchema,
  userSchema,
  userStandingSchema,
  type AgencyInput,
  type ResetPasswordInput,
  type TownshipDeadlineInput,
  type UserInput,
  type UserRoleInput,
  type UserStandingInput,
} from "@/lib/workflow/schemas";
import { createAgency, createUser, resetPassword, setTownshipDeadline } from "@/lib/workflow/service";
import { changeUserRole, setUserStanding } from "@/lib/admin/accounts";
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

/** Disable (停用) or enable (启用) an account of the county; disabling ends its sessions. */
export async function setUserStandingAction(input: FormValues<UserStandingInput>) {
  return runCore(userStandingSchema, input, setUserStanding);
}

/** Change the role of an account of the county; its sessions end. */
export async function changeUserRoleAction(input: FormValues<UserRoleInput>) {
  return runCore(userRoleSchema, input, changeUserRole);
}
