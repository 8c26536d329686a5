import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/passwords";
import { reportDeadline } from "@/lib/dashboard/deadlines";
import { editionForYear } from "@/lib/report/editions";
import { validate } from "@/lib/report/rules";
import { readStoredReport } from "@/lib/stored-report";
import { generateProvince, parseArgs, type GeneratedProvince } from "./generate-province";

const YEARS = [2020, 2021, 2022, 2023, 2024];
let dir: string;
let result: GeneratedProvince;
let db: Database.Database;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-province-"));
  // 1 city × 2 counties × 4 agencies, 2 departments of the province's and of the city's own: 1 + 2 + 1 + 2 + 8 = 14.
  result = generateProvince(path.join(dir, "province.db"), {
    cities: 1,
    counties: 2,
    agencies: 4,
    provinceDepartments: 2,
    cityDepartments: 2,
    years: YEARS,
    // 30 % so that a tiny province surely has some.
    unbalancedShare: 0.3,
  });
  db = new Database(result.file, { readonly: true });
});

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type AgencyRow = { id: number; name: string; level: string; parent_id: number | null; office_tier: string | null; children_deadline: string | null };

describe("generate-province", () => {
  it("builds the tree asked for: a province, its city, the counties with their agencies", () => {
    const agencies = db.prepare("select * from agencies order by id").all() as AgencyRow[];
    expect(agencies).toHaveLength(14);
    expect(result.agencies).toBe(14);
    const tiers = agencies.map((agency) => agency.office_tier).filter(Boolean);
    expect(tiers.sort()).toEqual(["city", "county", "county", "province"]);
    const province = agencies.find((agency) => agency.office_tier === "province")!;
    expect(province.parent_id).toBeNull();
    const counties = agencies.filter((agency) => agency.office_tier === "county");
    for (const county of counties) {
      expect(agencies.filter((agency) => agency.parent_id === county.id)).toHaveLength(3);
      expect(agencies.find((agency) => agency.id === county.parent_id)?.office_tier).toBe("city");
    }
    expect(agencies.every((agency) => agency.office_tier === null || agency.children_deadline !== null)).toBe(true);
  });

  it("gives every agency its depth-0 row and one row per office above it, at the right depth", () => {
    const agencies = db.prepare("select id, parent_id from agencies").all() as { id: number; parent_id: number | null }[];
    const parentOf = new Map(agencies.map((agency) => [agency.id, agency.parent_id]));
    const rows = db.prepare("select ancestor_id, agency_id, depth from agency_ancestors").all() as {
      ancestor_id: number;
      agency_id: number;
      depth: number;
    }[];
    const expected: string[] = [];
    for (const { id } of agencies) {
      let depth = 0;
      for (let at: number | null = id; at !== null; at = parentOf.get(at) ?? null) expected.push(`${at}>${id}@${depth++}`);
    }
    expect(rows.map((row) => `${row.ancestor_id}>${row.agency_id}@${row.depth}`).sort()).toEqual(expected.sort());
    // The county-level agencies sit three levels below the province.
    expect(Math.max(...rows.map((row) => row.depth))).toBe(3);
  });

  it("writes five approved years per agency, each with the revision of its version, the content stored once", () => {
    const counts = db
      .prepare("select count(*) as reports, count(distinct agency_id) as agencies, min(status) as lo, max(status) as hi from reports")
      .get() as { reports: number; agencies: number; lo: string; hi: string };
    expect(counts).toEqual({ reports: 14 * 5, agencies: 14, lo: "approved", hi: "approved" });
    expect(result.reports).toBe(70);
    // The current version's revision keeps no copy (null stands for the report's own content), as the app stores it.
    const mismatched = db
      .prepare(
        `select count(*) as n from reports r left join report_revisions v on v.report_id = r.id and v.version = r.version
         where v.id is null or v.content is not null`,
      )
      .get() as { n: number };
    expect(mismatched.n).toBe(0);
    expect((db.prepare("select count(*) as n from report_revisions").get() as { n: number }).n).toBe(70);
    const rows = db.prepare("select year, edition from reports").all() as { year: number; edition: string }[];
    for (const row of rows) expect(row.edition).toBe(editionForYear(row.year));
    expect([...new Set(rows.map((row) => row.year))].sort()).toEqual(YEARS);
  });

  it("has each report approved by its agency's supervisor around its deadline, a few late", () => {
    const rows = db
      .prepare(
        `select r.year, r.approved_at, a.level, p.children_deadline as parent_deadline, u.role, u.agency_id = r.agency_id as own
         from reports r join agencies a on a.id = r.agency_id left join agencies p on p.id = a.parent_id
         join users u on u.id = r.approved_by`,
      )
      .all() as { year: number; approved_at: number; level: "department" | "government" | "township"; parent_deadline: string | null; role: string; own: number }[];
    const daysLate = rows.map((row) => {
      expect(row.role).toBe("supervisor");
      expect(row.own).toBe(1);
      const due = reportDeadline(row.level, row.year, row.parent_deadline)!.date;
      return (row.approved_at - Date.parse(`${due}T23:59:59+08:00`)) / 86_400_000;
    });
    expect(Math.min(...daysLate)).toBeGreaterThan(-22);
    expect(Math.max(...daysLate)).toBeLessThan(31);
  });

  it("makes valid reports without errors except the deliberately unbalanced ones, which fail only R3-BALANCE", () => {
    const rows = db.prepare("select id, agency_id, year, content from reports order by agency_id, year").all() as {
      id: number;
      agency_id: number;
      year: number;
      content: string;
    }[];
    expect(result.unbalancedReportIds.length).toBeGreaterThan(0);
    const unbalanced = new Set(result.unbalancedReportIds);
    const byRule = new Map<string, number>();
    const newReceived: number[] = [];
    let previous: { agencyId: number; report: Awaited<ReturnType<typeof readStoredReport>> } | undefined;
    for (const row of rows) {
      const report = readStoredReport(JSON.parse(row.content));
      const findings = validate(report, previous?.agencyId === row.agency_id ? { previous: previous.report } : {});
      for (const finding of findings) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
      const errors = [...new Set(findings.filter((finding) => finding.severity === "error").map((finding) => finding.rule))];
      expect(errors, `report ${row.id}`).toEqual(unbalanced.has(row.id) ? ["R3-BALANCE"] : []);
      newReceived.push(report.requests.newReceived.total ?? 0);
      previous = { agencyId: row.agency_id, report };
    }
    // Warnings: only the carried-over requests of a year after an unbalanced one may differ; nothing is copied.
    expect(byRule.get("X-COPIED") ?? 0).toBe(0);
    expect(byRule.get("R2-IN-FORCE") ?? 0).toBe(0);
    expect(byRule.get("R2-LAST-YEAR") ?? 0).toBe(0);
    expect(byRule.get("N-MISMATCH") ?? 0).toBe(0);
    // Varied figures, not all zero.
    expect(new Set(newReceived).size).toBeGreaterThan(10);
    expect(Math.max(...newReceived)).toBeGreaterThan(10);
  });

  it("creates a supervisor and one or two clerks per agency and two admins per office, all with the one password", async () => {
    const roles = db.prepare("select role, count(*) as n from users group by role order by role").all() as { role: string; n: number }[];
    const byRole = Object.fromEntries(roles.map((row) => [row.role, row.n]));
    expect(byRole.supervisor).toBe(14);
    expect(byRole.clerk).toBeGreaterThanOrEqual(14);
    expect(byRole.clerk).toBeLessThanOrEqual(28);
    expect(byRole.admin).toBe(4 * 2);
    expect(result.users).toBe(byRole.supervisor + byRole.clerk + byRole.admin);
    expect(result.admins.map((admin) => admin.username)).toEqual([
      "admin-province",
      "admin-city01",
      "admin-city01-county01",
      "admin-city01-county02",
    ]);
    const hashes = db.prepare("select distinct password_hash as hash, max(must_change_password) as must from users").all() as { hash: string; must: number }[];
    expect(hashes).toHaveLength(1);
    expect(hashes[0].must).toBe(0);
    expect((await verifyPassword(result.password, hashes[0].hash)).ok).toBe(true);
  });

  it("is deterministic: the same options give the same reports", () => {
    const again = generateProvince(path.join(dir, "again.db"), {
      cities: 1,
      counties: 2,
      agencies: 4,
      provinceDepartments: 2,
      cityDepartments: 2,
      years: YEARS,
      unbalancedShare: 0.3,
    });
    const other = new Database(again.file, { readonly: true });
    const contents = (handle: Database.Database) =>
      (handle.prepare("select content from reports order by id").all() as { content: string }[]).map((row) => row.content);
    expect(contents(other)).toEqual(contents(db));
    other.close();
  });

  it("makes one county of N agencies with --county-only", () => {
    const single = generateProvince(path.join(dir, "county.db"), { countyOnly: 9, years: [2023, 2024] });
    const handle = new Database(single.file, { readonly: true });
    const agencies = handle.prepare("select parent_id, office_tier from agencies").all() as { parent_id: number | null; office_tier: string | null }[];
    handle.close();
    expect(agencies).toHaveLength(9);
    expect(agencies.filter((agency) => agency.parent_id === null)).toEqual([{ parent_id: null, office_tier: "county" }]);
    expect(single.reports).toBe(18);
    expect(single.admins.map((admin) => admin.username)).toEqual(["admin-county01"]);
  });

  it("reads its options from the command line", () => {
    expect(parseArgs(["x.db", "--cities", "2", "--counties", "3", "--agencies", "10", "--years", "2021-2023", "--force"])).toEqual({
      file: "x.db",
      force: true,
      options: { cities: 2, counties: 3, agencies: 10, years: [2021, 2022, 2023] },
    });
    expect(parseArgs(["--county-only", "7000"]).options).toEqual({ countyOnly: 7000 });
    expect(() => parseArgs(["--cities", "0"])).toThrow(/--cities/);
    expect(() => parseArgs(["--years", "2024-2020"])).toThrow(/--years/);
  });
});
