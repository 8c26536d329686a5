/**
 * A real deployment's first step: the topmost office (a county's by default, or a city's or a province's)
 * and its first admin, created from the command line on the server (no one can sign in yet to do it in the
 * app); the admin then adds the offices and agencies below in the app. Refuses a username that exists and a weak
 * password, in Chinese; writes everything or nothing.
 */
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { first, transaction, type Executor } from "@/db/client";
import { createAgency } from "@/db/queries/agencies";
import { recordAudit } from "@/db/queries/audit";
import { usernameExists } from "@/db/queries/admin";
import { createUser } from "@/db/queries/users";
import { agencies, officeTiers } from "@/db/schema";
import { newPasswordSchema } from "@/lib/account-schemas";
import { userSchema } from "@/lib/workflow/schemas";

export const firstAdminSchema = z.object({
  county: z.string({ error: "请用 --county 给出县（区）名称" }).trim().min(2, "县（区）名称至少需要 2 个字").max(100, "县（区）名称不能超过 100 个字"),
  username: userSchema.shape.username,
  displayName: userSchema.shape.displayName,
  password: newPasswordSchema,
  tier: z.enum(officeTiers, { error: "--tier 应为 county（县、区）、city（市）或 province（省）" }).default("county"),
});
export type FirstAdminInput = z.output<typeof firstAdminSchema>;

export type FirstAdminResult =
  | { ok: true; userId: number; countyId: number; countyCreated: boolean }
  | { ok: false; message: string };

export async function createFirstAdmin(db: Executor, input: FirstAdminInput, passwordHash: string): Promise<FirstAdminResult> {
  return transaction(db, async (tx): Promise<FirstAdminResult> => {
    if ((await usernameExists(tx, input.username))) return { ok: false, message: `用户名“${input.username}”已被使用，请换一个。` };
    const existing = (await first(tx
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.name, input.county), isNull(agencies.parentId), eq(agencies.officeTier, input.tier)))
      ));
    const countyId = existing?.id ?? (await createAgency(tx, { name: input.county, level: "government", officeTier: input.tier })).id;
    const user = await createUser(tx, {
      username: input.username,
      displayName: input.displayName,
      role: "admin",
      agencyId: countyId,
      passwordHash,
    });
    await recordAudit(tx, {
      action: "user-created",
      userId: user.id,
      username: user.username,
      agencyId: countyId,
      detail: `${user.username}（${user.displayName}，${input.county}管理员，由服务器命令行创建）`,
    });
    return { ok: true, userId: user.id, countyId, countyCreated: !existing };
  });
}
