import { z } from "zod";
import path from "node:path";

const envSchema = z.object({
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_PATH: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET 至少需要 16 个字符").optional(),
  PORT: z.coerce.number().int().positive().default(3000),
});

export type AppEnv = {
  dataDir: string;
  databasePath: string;
  authSecret: string | undefined;
  port: number;
};

/** Read and check the environment once; a bad value stops start-up with a message naming the variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`环境变量配置有误：\n${lines.join("\n")}`);
  }
  const { DATA_DIR, DATABASE_PATH, NEXTAUTH_SECRET, PORT } = parsed.data;
  // The data folder is chosen at run time; it is no part of the build to trace.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ DATA_DIR);
  return {
    dataDir,
    databasePath: path.resolve(/*turbopackIgnore: true*/ DATABASE_PATH ?? path.join(dataDir, "nianbao.db")),
    authSecret: NEXTAUTH_SECRET,
    port: PORT,
  };
}
