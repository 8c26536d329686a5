/**
 * npm run create-admin -- --county "某某县" --username admin --name "张三" [--tier city]
 *
 * Creates the county office (if it is not there yet) and an admin of it. The password is read from the
 * NIANBAO_ADMIN_PASSWORD variable, or typed (twice, not shown) when run in a terminal, or read from the
 * first line of standard input — never from the command line, where it would stay in the shell history.
 */
import readline from "node:readline";
import { closeDb } from "@/db/client";
import { prepareDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import { createFirstAdmin, firstAdminSchema } from "@/lib/admin/first-admin";

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** One line from the terminal without echoing it, or the first line of piped input. */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const lines = readline.createInterface({ input });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return "";
  }
  return new Promise((resolve) => {
    process.stdout.write(prompt);
    input.setRawMode(true);
    input.resume();
    let typed = "";
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n") {
          input.setRawMode(false);
          input.pause();
          input.off("data", onData);
          process.stdout.write("\n");
          resolve(typed);
          return;
        }
        if (char === "\u0003") process.exit(130);
        typed = char === "\u007f" ? typed.slice(0, -1) : typed + char;
      }
    };
    input.on("data", onData);
  });
}

async function main() {
  let password = process.env.NIANBAO_ADMIN_PASSWORD;
  if (password === undefined) {
    password = await readPassword("请输入新管理员的密码：");
    if (process.stdin.isTTY && (await readPassword("请再次输入密码：")) !== password) {
      console.error("两次输入的密码不一致，未创建。");
      process.exit(1);
    }
  }
  const parsed = firstAdminSchema.safeParse({
    county: argument("county"),
    username: argument("username"),
    displayName: argument("name"),
    password,
    tier: argument("tier"),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "参数"}：${issue.message}`);
    console.error('用法：npm run create-admin -- --county "某某县" --username admin --name "张三" [--tier county|city|province]');
    process.exit(1);
  }
  const db = await prepareDb();
  const result = await createFirstAdmin(db, parsed.data, await hashPassword(parsed.data.password));
  await closeDb(db);
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  console.log(
    `已创建${parsed.data.county}管理员 ${parsed.data.username}（${parsed.data.displayName}）${result.countyCreated ? "，并新建了该县（区）" : ""}。现在可以登录。`,
  );
}

void main().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`创建管理员失败${process.env.DATABASE_URL ? "（请检查 DATABASE_URL 所指的 PostgreSQL 是否可以连接）" : ""}：${reason}`);
  process.exit(1);
});
