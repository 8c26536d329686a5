/**
 * Which office an overview page looks at: the admin's own, or one below it named in the address
 * (`?office=ID`, the drill-down from a child office's line). An office out of reach is refused in Chinese
 * and audited, like every refusal.
 */
import type { Executor } from "@/db/client";
import { findOfficeInScope, officeLineInScope, type OfficeRef } from "@/db/queries/offices";
import type { UserProfile } from "@/db/queries/users";
import { actorScope, isOfficeAdmin } from "@/lib/permissions";
import { recordRefusal } from "@/lib/refusals";

export const OFFICE_NOT_FOUND = "找不到该政务公开办，或不在您管理的范围内。";

export type OfficeChoice =
  | {
      ok: true;
      /** The office looked at; null for a supervisor, who looks at their own agency only. */
      office: OfficeRef | null;
      /** From the actor's own office down to the one looked at (a way back up). */
      line: { id: number; name: string }[];
    }
  | { ok: false; reason: string };

export async function chooseOffice(db: Executor, actor: UserProfile, asked: string | undefined, page: string): Promise<OfficeChoice> {
  if (!isOfficeAdmin(actor)) return { ok: true, office: null, line: [] };
  const scope = actorScope(actor);
  const officeId = asked === undefined || asked === "" ? actor.agencyId : /^\d{1,12}$/.test(asked) ? Number(asked) : NaN;
  const office = await (Number.isNaN(officeId) ? undefined : findOfficeInScope(db, scope, officeId));
  if (!office) {
    // What the address said, cut short: it is the visitor's text, kept in the audit log.
    await recordRefusal(db, actor, `查看${page}（政务公开办编号 ${String(asked).slice(0, 20)}）`, OFFICE_NOT_FOUND, null);
    return { ok: false, reason: OFFICE_NOT_FOUND };
  }
  return { ok: true, office: office, line: await officeLineInScope(db, scope, office.id) };
}
