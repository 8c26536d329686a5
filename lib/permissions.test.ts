/**
 * The permission module on its own: every ability for every kind of actor and every status. The
 * authorization matrix (lib/workflow/authorization.test.ts) runs the same questions through the services.
 */
import { describe, expect, it } from "vitest";
import { reportStatuses, type ReportStatus } from "@/db/schema";
import {
  accountPermissions,
  actorScope,
  decide,
  decideAccount,
  isCountyAdmin,
  mayAssignRole,
  REPORT_NOT_FOUND,
  reportAbilities,
  reportPermissions,
  type Actor,
  type ReportAbility,
} from "./permissions";

const COUNTY = 1;
const TOWNSHIP = 2;
const OTHER_COUNTY = 9;
const OTHER_TOWNSHIP = 10;

const actors = {
  clerk: { id: 11, role: "clerk", agencyId: TOWNSHIP, agencyParentId: COUNTY },
  supervisor: { id: 12, role: "supervisor", agencyId: TOWNSHIP, agencyParentId: COUNTY },
  countyAdmin: { id: 13, role: "admin", agencyId: COUNTY, agencyParentId: null },
  townshipAdmin: { id: 14, role: "admin", agencyId: TOWNSHIP, agencyParentId: COUNTY },
  foreignAdmin: { id: 15, role: "admin", agencyId: OTHER_COUNTY, agencyParentId: null },
  foreignSupervisor: { id: 16, role: "supervisor", agencyId: OTHER_TOWNSHIP, agencyParentId: OTHER_COUNTY },
} satisfies Record<string, Actor>;

const townshipReport = (status: ReportStatus) => ({ agencyId: TOWNSHIP, agencyParentId: COUNTY, status });

/** Who may do what to the township's report in each status: the whole table, written out. */
function expected(actor: keyof typeof actors, status: ReportStatus): ReportAbility[] {
  const editable = status === "draft" || status === "returned";
  switch (actor) {
    case "clerk":
      return ["view", "export", ...(editable ? (["edit", "resolveComments", "submit"] as const) : [])];
    case "supervisor":
      return [
        "view",
        "export",
        ...(status === "submitted" ? (["comment", "resolveComments", "deleteOwnComment", "return", "approve"] as const) : []),
        ...(status === "imported" ? (["confirm"] as const) : []),
      ];
    case "countyAdmin":
      return [
        "view",
        "export",
        ...(status === "approved" ? (["reopen"] as const) : []),
        ...(status === "imported" ? (["confirm"] as const) : []),
      ];
    // An "admin" of a township is no admin: it sees its own agency's reports and can do nothing to them.
    case "townshipAdmin":
      return ["view", "export"];
    default:
      return [];
  }
}

describe("report permissions", () => {
  for (const actor of Object.keys(actors) as (keyof typeof actors)[]) {
    for (const status of reportStatuses) {
      it(`${actor} on a ${status} report of the township`, () => {
        const granted = reportAbilities.filter((ability) => reportPermissions(actors[actor], townshipReport(status))[ability]);
        expect(granted.sort()).toEqual([...expected(actor, status)].sort());
      });
    }
  }

  it("refuses another county's report as not found, and explains other refusals in Chinese", () => {
    expect(decide(actors.foreignAdmin, townshipReport("approved"), "reopen")).toEqual({ ok: false, reason: REPORT_NOT_FOUND });
    expect(decide(actors.foreignSupervisor, townshipReport("submitted"), "view")).toEqual({ ok: false, reason: REPORT_NOT_FOUND });
    expect(decide(actors.clerk, townshipReport("imported"), "edit")).toEqual({
      ok: false,
      reason: "这是导入的已发布报告，只供结转和对照，不能修改。",
    });
    expect(decide(actors.clerk, townshipReport("submitted"), "approve")).toEqual({ ok: false, reason: "只有审核人可以批准。" });
    expect(decide(actors.townshipAdmin, townshipReport("approved"), "reopen")).toEqual({
      ok: false,
      reason: "只有本机关的管理员可以重新打开。",
    });
  });
});

describe("account permissions and scope", () => {
  it("gives admin powers to county admins only", () => {
    expect(isCountyAdmin(actors.countyAdmin)).toBe(true);
    expect(isCountyAdmin(actors.townshipAdmin)).toBe(false);
    expect(accountPermissions(actors.townshipAdmin)).toEqual({
      startReport: false,
      importReport: false,
      viewDashboard: false,
      administer: false,
      viewCountyFigures: false,
      checkPublishedReports: false,
      viewAudit: false,
    });
    expect(accountPermissions(actors.countyAdmin)).toMatchObject({
      administer: true,
      viewCountyFigures: true,
      checkPublishedReports: true,
      viewAudit: true,
    });
    expect(accountPermissions(actors.clerk)).toMatchObject({ startReport: true, importReport: true, administer: false });
    // Checking published reports in bulk is the county office's: no clerk, supervisor or township admin.
    for (const actor of [actors.clerk, actors.supervisor, actors.townshipAdmin]) {
      expect(decideAccount(actor, "checkPublishedReports")).toEqual({
        ok: false,
        reason: "只有县（区）管理员可以批量检查已发布的报告。",
      });
    }
    expect(decideAccount(actors.foreignAdmin, "checkPublishedReports")).toEqual({ ok: true });
    expect(actorScope(actors.countyAdmin).reach).toBe("county");
    expect(actorScope(actors.townshipAdmin).reach).toBe("agency");
  });

  it("lets the admin role be given only at the county office", () => {
    const county = { id: COUNTY, parentId: null };
    const township = { id: TOWNSHIP, parentId: COUNTY };
    expect(mayAssignRole(actors.countyAdmin, "admin", county).ok).toBe(true);
    expect(mayAssignRole(actors.countyAdmin, "admin", township)).toEqual({
      ok: false,
      reason: "管理员只能设在县（区）政务公开办本级，不能设在乡镇、街道或部门。",
    });
    expect(mayAssignRole(actors.countyAdmin, "clerk", township).ok).toBe(true);
    expect(mayAssignRole(actors.foreignAdmin, "admin", county).ok).toBe(false);
    expect(mayAssignRole(actors.townshipAdmin, "clerk", township).ok).toBe(false);
  });
});
