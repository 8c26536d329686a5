import type { Executor } from "./client";
import { countAgencies, createAgency } from "./queries/agencies";
import { createUser } from "./queries/users";
import { createReport } from "./queries/reports";
import type { UserRole } from "./schema";

export const DEMO_COUNTY = "烟台市蓬莱区";
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
];

/**
 * Create the demo county, agencies, users and the approved 2020 seed report — only into an empty
 * database, so real data is never touched. Returns whether anything was created.
 */
export function seedDemoData(db: Executor, seedReport: { year: number; edition: "2019" | "2021" }): boolean {
  if (countAgencies(db) > 0) return false;
  db.transaction((tx) => {
    const county = createAgency(tx, { name: DEMO_COUNTY, level: "government", townshipDeadline: "02-20" });
    const township = createAgency(tx, { name: DEMO_TOWNSHIP, level: "township", parentId: county.id });
    const department = createAgency(tx, { name: DEMO_DEPARTMENT, level: "department", parentId: county.id });
    const agencyIds: Record<string, number> = {
      [DEMO_COUNTY]: county.id,
      [DEMO_TOWNSHIP]: township.id,
      [DEMO_DEPARTMENT]: department.id,
    };
    const created = DEMO_USERS.map(({ agency, ...user }) =>
      createUser(tx, { ...user, agencyId: agencyIds[agency] }),
    );
    const supervisor = created.find((user) => user.role === "supervisor" && user.agencyId === township.id)!;
    createReport(
      tx,
      { userId: supervisor.id, agencyId: township.id, role: supervisor.role },
      { year: seedReport.year, edition: seedReport.edition, content: seedReport, status: "approved" },
    );
  });
  return true;
}
