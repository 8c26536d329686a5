/**
 * The demo county for trying the app out, inside a demo city: the city's office over two counties, one of
 * them with a township and a department; one user of each role, the city's admin, and the township's published 2020 report (../shared/seeds) — imported by its clerk and confirmed by
 * its supervisor through the workflow, like any real agency's past report, so even the demo's 已批准 is a
 * recorded approval. Written only into an empty database; real data is never touched.
 */
import { transaction, type Executor } from "@/db/client";
import type { EditionId } from "@/lib/report/editions/types";
import { setMustChangePassword } from "@/db/queries/account";
import { countAgencies, createAgency } from "@/db/queries/agencies";
import { createReport } from "@/db/queries/reports";
import { createUser } from "@/db/queries/users";
import type { UserRole } from "@/db/schema";
import { actorScope } from "@/lib/permissions";
import { confirmImportedReport } from "@/lib/workflow/steps";

export const DEMO_CITY = "烟台市";
export const DEMO_COUNTY = "烟台市蓬莱区";
/** A second county of the city, with one department and no user of its own: the city admin sees it. */
export const DEMO_OTHER_COUNTY = "烟台市芝罘区";
export const DEMO_TOWNSHIP = "烟台市蓬莱区蓬莱阁街道办事处";
export const DEMO_DEPARTMENT = "烟台市蓬莱区司法局";

export const DEMO_USERS: {
  username: string;
  password: string;
  displayName: string;
  role: UserRole;
  agency: string;
}[] = [
  { username: "clerk", password: "clerk2026", displayName: "王晓梅", role: "clerk", agency: DEMO_TOWNSHIP },
  { username: "supervisor", password: "super2026", displayName: "李建国", role: "supervisor", agency: DEMO_TOWNSHIP },
  { username: "admin", password: "admin2026", displayName: "张立新", role: "admin", agency: DEMO_COUNTY },
  { username: "clerk2", password: "clerk2026", displayName: "赵敏", role: "clerk", agency: DEMO_DEPARTMENT },
  { username: "city-admin", password: "city2026", displayName: "孙海涛", role: "admin", agency: DEMO_CITY },
];

export type DemoOptions = {
  /** A hash of a password (lib/auth/passwords' hashPasswordSync: seeding runs before the app serves anyone). */
  hashPassword: (password: string) => string;
  /**
   * Whether the demo accounts must set a new password at their first sign-in (their passwords are in the
   * README, the same on every install). Only automated tests turn this off.
   */
  forcePasswordChange?: boolean;
};

/** Create the demo county into an empty database; returns whether anything was created. */
export async function seedDemoData(db: Executor, seedReport: { year: number; edition: EditionId }, options: DemoOptions): Promise<boolean> {
  if ((await countAgencies(db)) > 0) return false;
  await transaction(db, async (tx) => {
    const city = await createAgency(tx, { name: DEMO_CITY, level: "government", officeTier: "city" });
    const county = await createAgency(tx, {
      name: DEMO_COUNTY,
      level: "government",
      officeTier: "county",
      parentId: city.id,
      childrenDeadline: "02-20",
    });
    const township = await createAgency(tx, { name: DEMO_TOWNSHIP, level: "township", parentId: county.id });
    const department = await createAgency(tx, { name: DEMO_DEPARTMENT, level: "department", parentId: county.id });
    const otherCounty = await createAgency(tx, { name: DEMO_OTHER_COUNTY, level: "government", officeTier: "county", parentId: city.id });
    await createAgency(tx, { name: `${DEMO_OTHER_COUNTY}司法局`, level: "department", parentId: otherCounty.id });
    const agencyIds: Record<string, number> = {
      [DEMO_CITY]: city.id,
      [DEMO_COUNTY]: county.id,
      [DEMO_TOWNSHIP]: township.id,
      [DEMO_DEPARTMENT]: department.id,
    };
    const created = [];
    for (const { agency, password, ...user } of DEMO_USERS) {
      created.push(await createUser(tx, { ...user, agencyId: agencyIds[agency], passwordHash: options.hashPassword(password) }));
    }
    const clerk = created.find((user) => user.role === "clerk" && user.agencyId === township.id)!;
    const supervisor = created.find((user) => user.role === "supervisor" && user.agencyId === township.id)!;
    const imported = await createReport(tx, actorScope(clerk), {
      year: seedReport.year,
      edition: seedReport.edition,
      content: seedReport,
      imported: { fileName: "seed-2020.json（示例数据）" },
      auditDetail: `${seedReport.year}（示例数据：导入的已发布报告）`,
    });
    const confirmed = await confirmImportedReport(tx, supervisor, { reportId: imported.id, version: 1 });
    if (!confirmed.ok) throw new Error(`demo report not confirmed: ${confirmed.formError}`);
    if (options.forcePasswordChange ?? true) {
      for (const user of created) await setMustChangePassword(tx, user.id, true);
    }
  });
  return true;
}
