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
  isOfficeAdmin,
  mayAssignRole,
  REPORT_NOT_FOUND,
  reportAbilities,
  reportPermissions,
  type Actor,
  type ReportAbility,
} from "./permissions";

// A province over a city over the county of the township; another county and another city beside them.
const PROVINCE = 100;
const CITY = 50;
const COUNTY = 1;
const TOWNSHIP = 2;
const OTHER_COUNTY = 9;
const OTHER_TOWNSHIP = 10;
const OTHER_CITY = 60;

const actors = {
  clerk: { id: 11, role: "clerk", agencyId: TOWNSHIP, agencyOfficeTier: null },
  supervisor: { id: 12, role: "supervisor", agencyId: TOWNSHIP, agencyOfficeTier: null },
  countyAdmin: { id: 13, role: "admin", agencyId: COUNTY, agencyOfficeTier: "county" },
  townshipAdmin: { id: 14, role: "admin", agencyId: TOWNSHIP, agencyOfficeTier: null },
  foreignAdmin: { id: 15, role: "admin", agencyId: OTHER_COUNTY, agencyOfficeTier: "county" },
  foreignSupervisor: { id: 16, role: "supervisor", agencyId: OTHER_TOWNSHIP, agencyOfficeTier: null },
  cityAdmin: { id: 17, role: "admin", agencyId: CITY, agencyOfficeTier: "city" },
  provinceAdmin: { id: 18, role: "admin", agencyId: PROVINCE, agencyOfficeTier: "province" },
  otherCityAdmin: { id: 19, role: "admin", agencyId: OTHER_CITY, agencyOfficeTier: "city" },
  // A supervisor of the city's own office reviews the city government's report, never the townships'.
  citySupervisor: { id: 20, role: "supervisor", agencyId: CITY, agencyOfficeTier: "city" },
} satisfies Record<string, Actor>;

const townshipReport = (status: ReportStatus) => ({ agencyId: TOWNSHIP, agencyOfficesAbove: [COUNTY, CITY, PROVINCE], status });

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
    case "cityAdmin":
    case "provinceAdmin":
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
    expect(decide(actors.otherCityAdmin, townshipReport("approved"), "view")).toEqual({ ok: false, reason: REPORT_NOT_FOUND });
    expect(decide(actors.citySupervisor, townshipReport("submitted"), "view")).toEqual({ ok: false, reason: REPORT_NOT_FOUND });
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
  it("gives admin powers to admins of offices only, at any tier", () => {
    expect(isOfficeAdmin(actors.countyAdmin)).toBe(true);
    expect(isOfficeAdmin(actors.cityAdmin)).toBe(true);
    expect(isOfficeAdmin(actors.provinceAdmin)).toBe(true);
    expect(isOfficeAdmin(actors.townshipAdmin)).toBe(false);
    expect(isOfficeAdmin(actors.citySupervisor)).toBe(false);
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
        reason: "只有政务公开办的管理员可以批量检查已发布的报告。",
      });
    }
    expect(decideAccount(actors.foreignAdmin, "checkPublishedReports")).toEqual({ ok: true });
    expect(actorScope(actors.countyAdmin).reach).toBe("subtree");
    expect(actorScope(actors.cityAdmin)).toEqual({ userId: 17, agencyId: CITY, reach: "subtree" });
    expect(actorScope(actors.townshipAdmin).reach).toBe("agency");
    expect(actorScope(actors.citySupervisor).reach).toBe("agency");
  });

  it("lets the admin role be given only at an office (the caller finds the agency within the admin's subtree)", () => {
    const county = { officeTier: "county" as const };
    const township = { officeTier: null };
    expect(mayAssignRole(actors.countyAdmin, "admin", county).ok).toBe(true);
    expect(mayAssignRole(actors.cityAdmin, "admin", county).ok).toBe(true);
    expect(mayAssignRole(actors.cityAdmin, "admin", township).ok).toBe(false);
    expect(mayAssignRole(actors.countyAdmin, "admin", township)).toEqual({
      ok: false,
      reason: "管理员只能设在政务公开办（县、市、省人民政府办公室）本级，不能设在乡镇、街道或部门。",
    });
    expect(mayAssignRole(actors.countyAdmin, "clerk", township).ok).toBe(true);
    expect(mayAssignRole(actors.townshipAdmin, "clerk", township).ok).toBe(false);
  });
});
