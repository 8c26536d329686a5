/**
 * First-start preparation: create the data folder, apply migrations, keep an auth secret, and seed the
 * demo county into an empty database (not with DEMO_DATA=off: a real deployment then creates its first
 * county admin with `npm run create-admin`). Safe to run on every start: it never overwrites real data.
 */
import fs from "node:fs";
import path from "node:path";
import { closeDb } from "@/db/client";
import { prepareDb } from "@/lib/db";
import { countAgencies } from "@/db/queries/agencies";
import { seedDemoData, DEMO_USERS } from "@/lib/demo";
import { readEnv } from "@/lib/env";
import { getAuthSecret } from "@/lib/auth/secret";
import { hashPasswordSync } from "@/lib/auth/passwords";
import { parseInterchange } from "@/lib/report/interchange";

async function main(): Promise<void> {
  const env = readEnv();
  const db = await prepareDb();
  getAuthSecret();

  const demoWanted = !/^(off|false|0|no)$/i.test(process.env.DEMO_DATA ?? "");
  // Only automated tests keep the demo passwords usable without a change (their accounts sign in many times).
  const forcePasswordChange = !/^(off|false|0|no)$/i.test(process.env.DEMO_FORCE_PASSWORD_CHANGE ?? "");

  const seedFile = path.join(process.cwd(), "lib", "report", "fixtures", "seed-2020.json");
  const parsed = parseInterchange(fs.readFileSync(seedFile, "utf8"));
  if (!parsed.ok) {
    console.error("示例报告文件无法读取：", parsed.errors.map((error) => error.message).join("；"));
    process.exit(1);
  }

  const seeded = demoWanted && (await seedDemoData(db, parsed.report, { hashPassword: hashPasswordSync, forcePasswordChange }));

  const empty = (await countAgencies(db)) === 0;
  await closeDb(db);

  console.log(`数据库：${env.databaseUrl ? env.databaseUrl.replace(/\/\/[^@/]*@/, "//…@") : env.databasePath}`);
  if (seeded) {
    console.log("已创建示例机关和用户：");
    for (const user of DEMO_USERS) console.log(`  ${user.username} / ${user.password}（${user.agency}）`);
    if (forcePasswordChange) console.log("首次登录时须为每个示例账号设置新密码。");
  } else if (empty) {
    console.log("数据库是空的（DEMO_DATA=off，未写入示例数据）。请用以下命令创建第一个县（区）管理员：");
    console.log('  npm run create-admin -- --county "某某县" --username admin --name "张三"');
  } else {
    console.log("数据库已有数据，未写入示例数据。");
  }
}

void main().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  // The cause names the database; the line before it says what could not be done, in Chinese.
  console.error(`准备数据库失败${process.env.DATABASE_URL ? "（请检查 DATABASE_URL 所指的 PostgreSQL 是否可以连接）" : ""}：${reason}`);
  process.exit(1);
});
