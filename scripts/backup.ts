/** Copy the live database to a consistent backup file while the app keeps running. */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { readEnv } from "@/lib/env";

async function main() {
  const env = readEnv();
  if (env.databaseUrl) {
    console.error("本命令只备份 SQLite 数据库文件。使用 PostgreSQL（DATABASE_URL）时请用 pg_dump 备份，例如：");
    console.error('  pg_dump -Fc -f nianbao-备份.dump "$DATABASE_URL"');
    process.exit(2);
  }
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, "");
  const target = path.resolve(process.argv[2] ?? path.join(env.dataDir, "backups", `nianbao-${stamp}.db`));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const source = new Database(env.databasePath, { readonly: true, fileMustExist: true });
  await source.backup(target);
  source.close();
  console.log(`已备份到 ${target}`);
}

void main().catch((error: unknown) => {
  console.error(`备份失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
