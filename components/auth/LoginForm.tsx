"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { throttleMessage } from "@/lib/auth/login-throttle";

type LoginValues = { username: string; password: string };

export function LoginForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues>({ defaultValues: { username: "", password: "" } });

  async function onSubmit(values: LoginValues) {
    setFormError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFormError(throttleMessage(result?.error) ?? "用户名或密码错误，请重新输入。");
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4" aria-label="登录">
      <div>
        <label htmlFor="username" className="mb-1 block font-medium text-slate-700">
          用户名
        </label>
        <input
          id="username"
          autoComplete="username"
          autoFocus
          className="w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? "username-error" : undefined}
          {...register("username", { required: "请输入用户名" })}
        />
        {errors.username && (
          <p id="username-error" className="mt-1 text-red-700">
            {errors.username.message}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block font-medium text-slate-700">
          密码
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          className="w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...register("password", { required: "请输入密码" })}
        />
        {errors.password && (
          <p id="password-error" className="mt-1 text-red-700">
            {errors.password.message}
          </p>
        )}
      </div>
      {formError && (
        <p role="alert" data-testid="login-error" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {formError}
        </p>
      )}
      <button
        type="submit"
        disabled={isSubmitting}
        className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {isSubmitting ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
