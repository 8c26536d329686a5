"use server";

import { getDb } from "@/lib/db";
import { changeOwnPassword, signOutEverywhere } from "@/lib/account";
import { changePasswordSchema } from "@/lib/account-schemas";
import { zodFailure, actionFailure } from "@/lib/actions";
import { getSignedIn } from "@/lib/auth/guards";

const SIGNED_OUT = "登录已过期，请重新登录。";

/** The signed-in user changes their own password; their other sessions end. */
export async function changePasswordAction(input: unknown) {
  const signedIn = await getSignedIn();
  if (!signedIn) return actionFailure(SIGNED_OUT);
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  return changeOwnPassword(getDb(), signedIn.user, signedIn.sessionId, parsed.data);
}

/** 「退出所有设备」: every session of the signed-in user ends, this one too. */
export async function signOutEverywhereAction() {
  const signedIn = await getSignedIn();
  if (!signedIn) return actionFailure(SIGNED_OUT);
  return signOutEverywhere(getDb(), signedIn.user);
}
