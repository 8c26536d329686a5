import { Workbook } from "exceljs";
import type { Worksheet } from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { openTemporaryDb, storeReportInStatus } from "@/db/test-db";
import { createAgency } from "@/db/queries/agencies";
import { listRecentAudit } from "@/db/queries/audit";
import { createReport } from "@/db/queries/reports";
import { createUser } from "@/db/queries/users";
import type { ReportStatus, UserRole } from "@/db/schema";
import { seedReport } from "@/lib/report/export/testing";
import { cleanReport } from "@/lib/report/testing";

const state = vi.hoisted(() => ({ userId: undefined as number | undefined, db: undefined as unknown }));
vi.mock("@/lib/auth/guards", async (original) => (await import("@/lib/auth/test-session")).signedInAs(await original<object>(), state));
vi.mock("@/lib/db", () => ({ getDb: () => state.db }));

const { GET } = await import("./route");

const COUNTY = "烟台市蓬莱区";
const FILE = `${COUNTY}2020年政府信息公开工作年度报告汇总.xlsx`;
const NEW_RECEIVED = "一、本年新收政府信息公开申请数量";

function get(year?: string): Promise<Response> {
  return GET(new Request(`http://localhost/api/county/xlsx${year === undefined ? "" : `?year=${year}`}`));
}

async function workbookOf(response: Response): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

/** Row and column (1-based) of the first cell holding `text`. */
function find(sheet: Worksheet, text: string): { row: number; col: number } {
  let found: { row: number; col: number } | undefined;
  sheet.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (!found && cell.value === text) found = { row: r, col: c };
    }),
  );
  if (!found) throw new Error(`「${text}」 not in sheet ${sheet.name}`);
  return found;
}

describe("GET /api/county/xlsx", () => {
  let db: Db;
  let cleanup: () => void;
  const ids = { admin: 0, clerk: 0, otherAdmin: 0 };

  beforeAll(async () => {
    ({ db, cleanup } = await openTemporaryDb());
    state.db = db;
    const user = async (username: string, role: UserRole, agencyId: number) =>
      (await createUser(db, { username, displayName: username, role, agencyId, passwordHash: "not-a-real-hash" })).id;
    const county = await createAgency(db, { name: COUNTY, level: "government", officeTier: "county" });
    ids.admin = await user("admin", "admin", county.id);
    const agency = async (name: string, level: "township" | "department", status: ReportStatus | null, content?: unknown) => {
      const created = await createAgency(db, { name, level, parentId: county.id });
      const clerk = await user(`clerk-${created.id}`, "clerk", created.id);
      if (status) {
        const edition = (content as { edition: "2019" | "2021" }).edition;
        await storeReportInStatus(db, { userId: clerk, agencyId: created.id, reach: "agency" }, { year: 2020, edition, content, status });
      }
      return clerk;
    };
    await agency("烟台市蓬莱区蓬莱阁街道办事处", "township", "approved", seedReport());
    const second = cleanReport("2019");
    second.agency = { name: "烟台市蓬莱区财政局", level: "department" };
    second.requests.newReceived.naturalPerson = 4;
    second.requests.newReceived.total = 4;
    second.activeDisclosure.procurement = { projects: 3, amount: 12.5 };
    second.activeDisclosure.licensing.change = -3;
    delete second.activeDisclosure.regulations;
    delete second.activeDisclosure.fees;
    await agency("烟台市蓬莱区财政局", "department", "approved", second);
    ids.clerk = await agency("烟台市蓬莱区司法局", "department", "submitted", { ...cleanReport("2019"), agency: { name: "烟台市蓬莱区司法局" } });
    await agency("烟台市蓬莱区教育局", "department", "approved", { ...cleanReport("2021", { year: 2020 }), agency: { name: "烟台市蓬莱区教育局" } });
    await agency("烟台市蓬莱区刘家沟镇", "township", null);
    const other = await createAgency(db, { name: "某县", level: "government", officeTier: "county" });
    ids.otherAdmin = await user("other-admin", "admin", other.id);
  });
  afterAll(() => cleanup());

  it("answers 401 without a session and 403 to anyone but an admin", async () => {
    state.userId = undefined;
    const anonymous = await get("2020");
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error).toMatch(/登录/);
    state.userId = ids.clerk;
    const clerk = await get("2020");
    expect(clerk.status).toBe(403);
    expect((await clerk.json()).error).toMatch(/管理员/);
    expect((await listRecentAudit(db, 1))[0]).toMatchObject({ action: "action-refused", userId: ids.clerk });
  });

  it("answers 400 for a missing or impossible year", async () => {
    state.userId = ids.admin;
    for (const year of [undefined, "", "abc", "2018", "99999", String(new Date().getFullYear() + 1)]) {
      const response = await get(year);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(/报告年度/);
    }
  });

  it("downloads the combined tables, the per-agency sheet and the missing agencies, and records it", async () => {
    state.userId = ids.admin;
    const response = await get("2020");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="county-report-2020.xlsx"; filename*=UTF-8''${encodeURIComponent(FILE)}`,
    );
    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["汇总", "各机关", "未报送"]);

    const summary = workbook.getWorksheet("汇总")!;
    expect(summary.getCell("A1").value).toBe(`${COUNTY}2020年政府信息公开工作年度报告汇总`);
    // Table 三: 申请人情况 merged over the applicant columns, the sum under 自然人 and 总计.
    const applicants = find(summary, "申请人情况");
    const natural = find(summary, "自然人");
    const total = find(summary, "总计");
    const newReceived = find(summary, NEW_RECEIVED);
    expect(summary.getCell(applicants.row, applicants.col + 1).master.address).toBe(summary.getCell(applicants.row, applicants.col).address);
    expect(summary.getCell(newReceived.row, natural.col).value).toBe(5);
    expect(summary.getCell(newReceived.row, total.col).value).toBe(5);
    // Table 二: the 政府集中采购 row summed, a signed 本年增/减 printed with its sign.
    const procurement = find(summary, "政府集中采购");
    expect(summary.getCell(procurement.row, procurement.col + 1).value).toBe(3);
    expect(summary.getCell(procurement.row, procurement.col + 2).value).toBe(12.5);
    const licensing = find(summary, "行政许可");
    expect(summary.getCell(licensing.row, licensing.col + 2).value).toBe(-3);
    expect(summary.getCell(licensing.row, licensing.col + 2).numFmt).toBe("+0;-0;0");
    // Table 四's header and the seed's wrong （七）总计 reported.
    find(summary, "行政复议");
    find(summary, "未经复议直接起诉");
    find(summary, "汇总表不平衡：");

    const agencies = workbook.getWorksheet("各机关")!;
    const column = find(agencies, `「${NEW_RECEIVED}」的「自然人」`).col;
    expect(find(agencies, "三、收到和处理政府信息公开申请情况").row).toBe(1);
    const rowOf = (name: string) => find(agencies, name).row;
    expect(agencies.getCell(rowOf("烟台市蓬莱区蓬莱阁街道办事处"), column).value).toBe(1);
    expect(agencies.getCell(rowOf("烟台市蓬莱区财政局"), column).value).toBe(4);
    expect(agencies.getCell(rowOf("合计"), column).value).toBe(5);
    // 收费 applies to the township only; 规章 to nobody, so it has no column.
    const fees = find(agencies, "「行政事业性收费」的「上一年项目数量」").col;
    expect(agencies.getCell(rowOf("烟台市蓬莱区财政局"), fees).value).toBe("不适用");
    expect(agencies.getCell(rowOf("烟台市蓬莱区蓬莱阁街道办事处"), fees).value).toBe(0);
    expect(() => find(agencies, "「规章」的「本年新制作数量」")).toThrow();
    expect(() => find(agencies, "烟台市蓬莱区司法局")).toThrow();

    const missing = workbook.getWorksheet("未报送")!;
    const rows: string[][] = [];
    missing.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ["机关", "层级", "状态"],
      ["烟台市蓬莱区", "人民政府", "未开始"],
      ["烟台市蓬莱区刘家沟镇", "乡镇、街道", "未开始"],
      ["烟台市蓬莱区司法局", "部门", "待审核"],
      ["烟台市蓬莱区教育局", "部门", "已批准"],
    ]);
    expect(rows[4][3]).toMatch(/2021年版.*未计入汇总/);

    expect((await listRecentAudit(db, 1))[0]).toMatchObject({ action: "report-downloaded", userId: ids.admin, detail: "county-xlsx" });
  });

  it("sums only the admin's own county", async () => {
    state.userId = ids.otherAdmin;
    const workbook = await workbookOf(await get("2020"));
    const summary = workbook.getWorksheet("汇总")!;
    expect(summary.getCell("A1").value).toBe("某县2020年政府信息公开工作年度报告汇总");
    const natural = find(summary, "自然人");
    expect(summary.getCell(find(summary, NEW_RECEIVED).row, natural.col).value).toBeNull();
    expect(find(workbook.getWorksheet("未报送")!, "某县").row).toBe(2);
  });
});
