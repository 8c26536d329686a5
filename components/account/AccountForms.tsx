"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { changePasswordSchema, NEW_PASSWORD_MIN_LENGTH } from "@/lib/account-schemas";
import { changePasswordAction, signOutEverywhereAction } from "@/app/(app)/account/actions";
import { Field, FormFooter } from "@/components/admin/fields";
import { useActionForm } from "@/components/admin/useActionForm";

type PasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string };

export function ChangePasswordForm({ mustChange }: { mustChange: boolean }) {
  const router = useRouter();
  const { form, onSubmit, message } = useActionForm<PasswordValues>({
    schema: changePasswordSchema,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    action: async (values) => {
      const result = await changePasswordAction(values);
      // A forced change done, the app opens; the page refresh of the form hook shows the rest.
      if (result.ok && mustChange) router.push("/");
      return result;
    },
    done: () => "密码已修改。其他设备上的登录已退出。",
  });
  return (
    <form onSubmit={onSubmit} aria-label="修改密码" className="space-y-3 rounded border border-slate-200 bg-white px-4 py-3" noValidate>
      <h2 className="font-semibold">修改密码</h2>
      <Field form={form} name="currentPassword" label="当前密码" type="password" idPrefix="account" />
      <Field
        form={form}
        name="newPassword"
        label={`新密码（至少 ${NEW_PASSWORD_MIN_LENGTH} 个字符，不要用示例密码）`}
        type="password"
        idPrefix="account"
      />
      <Field form={form} name="confirmPassword" label="再次输入新密码" type="password" idPrefix="account" />
      <FormFooter form={form} label="修改密码" message={message} />
    </form>
  );
}

export function SignOutEverywhereButton() {
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  function run() {
    startTransition(async () => {
      const result = await signOutEverywhereAction();
      if (!result.ok) {
        setError(result.formError ?? "操作失败，请重试。");
        return;
      }
      await signOut({ callbackUrl: "/login" });
    });
  }
  return (
    <div className="space-y-2">
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 px-3 py-2">
          <span>确定退出所有设备上的登录（包括本机）？</span>
          <button type="button" onClick={run} disabled={pending} className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {pending ? "正在退出…" : "确定退出"}
          </button>
          <button type="button" onClick={() => setConfirming(false)} className="rounded border border-slate-300 bg-white px-3 py-1.5">
            取消
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className="rounded border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">
          退出所有设备
        </button>
      )}
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
