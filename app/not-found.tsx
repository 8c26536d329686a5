import Link from "next/link";
import { connection } from "next/server";

export const metadata = { title: "找不到该页面 · 年报" };

/** Rendered per request, like every page, so Next marks its scripts with the request's CSP nonce. */
export default async function NotFound() {
  await connection();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4">
      <h1 className="text-xl font-semibold">找不到该页面</h1>
      <p className="text-slate-600">地址可能有误，或该页面已不存在。</p>
      <Link href="/" className="text-brand-700 underline">
        返回年度报告
      </Link>
    </main>
  );
}
