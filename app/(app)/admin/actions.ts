"use server";

import {
  agencySchema,
  resetPasswordSchema,
  childrenDeadlineSchema,
  userRoleSchema,
  userSchema,
  userStandingSchema,
  type AgencyInput,
  type ResetPasswordInput,
  type ChildrenDeadlineInput,
  type UserInput,
  type UserRoleInput,
  type UserStandingInput,
} from "@/lib/workflow/schemas";
import { createAgency, createUser, resetPassword, setChildrenDeadline } from "@/lib/admin/office";
import { changeUserRole, setUserStanding } from "@/lib/admin/accounts";
import { runAction } from "@/lib/run-action";

/** Form values arrive as text; the schemas convert them. */
type FormValues<T> = { [K in keyof T]: string | T[K] };

export async function createAgencyAction(input: FormValues<AgencyInput>) {
  return runAction(agencySchema, input, createAgency);
}

export async function createUserAction(input: FormValues<UserInput>) {
  return runAction(userSchema, input, createUser);
}

export async function resetPasswordAction(input: FormValues<ResetPasswordInput>) {
  return runAction(resetPasswordSchema, input, resetPassword);
}

export async function setChildrenDeadlineAction(input: FormValues<ChildrenDeadlineInput>) {
  return runAction(childrenDeadlineSchema, input, setChildrenDeadline);
}

/** Disable (停用) or enable (启用) an account of the county; disabling ends its sessions. */
export async function setUserStandingAction(input: FormValues<UserStandingInput>) {
  return runAction(userStandingSchema, input, setUserStanding);
}

/** Change the role of an account of the county; its sessions end. */
export async function changeUserRoleAction(input: FormValues<UserRoleInput>) {
  return runAction(userRoleSchema, input, changeUserRole);
}
