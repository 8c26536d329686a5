import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "年报 · 政府信息公开工作年度报告",
  description: "政府信息公开工作年度报告的填写、检查、审核与发布",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans text-sm">{children}</body>
    </html>
  );
}
