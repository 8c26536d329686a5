import { z } from "zod";
import path from "node:path";

const envSchema = z.object({
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_PATH: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S+$/i, "DATABASE_URL 应为 PostgreSQL 连接地址，例如 postgres://用户:密码@主机:5432/数据库；不设则使用内置 SQLite 文件")
    .optional()
    .or(z.literal("")),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET 至少需要 16 个字符").optional(),
  NEXTAUTH_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/]+/i, "NEXTAUTH_URL 应为以 http:// 或 https:// 开头的网址，例如 https://nianbao.example.cn")
    .optional()
    .or(z.literal("")),
  PORT: z.coerce.number().int().positive().default(3000),
  TRUST_PROXY: z.coerce
    .number({ error: "TRUST_PROXY 应为前置反向代理的层数，例如 1；不设或 0 表示不信任 X-Forwarded-For" })
    .int("TRUST_PROXY 应为整数，例如 1")
    .min(0, "TRUST_PROXY 不能为负数")
    .max(10, "TRUST_PROXY 不应超过 10")
    .default(0),
});

export type AppEnv = {
  dataDir: string;
  databasePath: string;
  /** PostgreSQL's address when the deployment uses one (several instances); otherwise the SQLite file is used. */
  databaseUrl: string | undefined;
  authSecret: string | undefined;
  port: number;
  /** The address users open (NEXTAUTH_URL), when set. */
  publicUrl: string | undefined;
  /** How many reverse proxies in front may be believed about the client (X-Forwarded-For); 0: none. */
  trustedProxies: number;
};

/** Read and check the environment once; a bad value stops start-up with a message naming the variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): AppEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`环境变量配置有误：\n${lines.join("\n")}`);
  }
  const { DATA_DIR, DATABASE_PATH, DATABASE_URL, NEXTAUTH_SECRET, NEXTAUTH_URL, PORT, TRUST_PROXY } = parsed.data;
  // Instances behind one load balancer must sign sessions alike; a secret generated in one data folder would not be shared.
  if (DATABASE_URL && !NEXTAUTH_SECRET) {
    throw new Error("环境变量配置有误：\nNEXTAUTH_SECRET: 使用 PostgreSQL（DATABASE_URL）时必须设置，且各实例相同（至少 16 个字符）");
  }
  // The data folder is chosen at run time; it is no part of the build to trace.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ DATA_DIR);
  return {
    dataDir,
    databasePath: path.resolve(/*turbopackIgnore: true*/ DATABASE_PATH ?? path.join(dataDir, "nianbao.db")),
    databaseUrl: DATABASE_URL || undefined,
    authSecret: NEXTAUTH_SECRET,
    port: PORT,
    publicUrl: NEXTAUTH_URL || undefined,
    trustedProxies: TRUST_PROXY,
  };
}
