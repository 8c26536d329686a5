/**
 * First-start preparation: create the data folder, apply migrations, keep an auth secret, and seed the
 * demo county into an empty database. Safe to run on every start: it never overwrites real data.
 */
import fs from "node:fs";
import path from "node:path";
import { openDb } from "@/db/client";
import { seedDemoData, DEMO_USERS } from "@/db/seed";
import { readEnv } from "@/lib/env";
import { getAuthSecret } from "@/lib/auth/secret";
import { parseInterchange } from "@/lib/report";

const env = readEnv();
const db = openDb(env.databasePath);
getAuthSecret();

const seedFile = path.join(process.cwd(), "lib", "report", "fixtures", "seed-2020.json");
const parsed = parseInterchange(fs.readFileSync(seedFile, "utf8"));
if (!parsed.ok) {
  console.error("示例报告文件无法读取：", parsed.errors.map((error) => error.message).join("；"));
  process.exit(1);
}

const seeded = seedDemoData(db, parsed.report);
db.$client.close();

console.log(`数据库：${env.databasePath}`);
if (seeded) {
  console.log("已创建示例机关和用户：");
  for (const user of DEMO_USERS) console.log(`  ${user.username} / ${user.password}（${user.agency}）`);
} else {
  console.log("数据库已有数据，未写入示例数据。");
}
