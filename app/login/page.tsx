import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { LoginForm } from "@/components/auth/LoginForm";

export const metadata = { title: "登录 · 年报" };

export default async function LoginPage() {
  const session = await getServerSession(authOptions);
  if (session?.userId) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="font-serif text-2xl font-bold tracking-wide text-brand-700">年报</h1>
          <p className="mt-1 text-slate-600">政府信息公开工作年度报告 编写与审核</p>
        </div>
        <div className="rounded border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="mb-4 text-base font-semibold">登录</h2>
          <LoginForm />
        </div>
      </div>
    </main>
  );
}
