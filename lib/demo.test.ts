import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { openTemporaryDb } from "@/db/test-db";
import { auditEvents, reports, users } from "@/db/schema";
import { findSignInCandidate } from "@/db/queries/users";
import { listAgencyReports } from "@/db/queries/reports";
import { seedDemoData, DEMO_USERS, DEMO_TOWNSHIP } from "./demo";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = openTemporaryDb()));
afterEach(() => cleanup());

describe("demo seed", () => {
  const fakeHash = (password: string) => `hash-of-${password}`;

  it("seeds an empty database once and never again", () => {
    const seedReport = { year: 2020, edition: "2019" as const };
    expect(seedDemoData(db, seedReport, { hashPassword: fakeHash })).toBe(true);
    expect(seedDemoData(db, seedReport, { hashPassword: fakeHash })).toBe(false);
    for (const user of DEMO_USERS) {
      expect(db.select().from(users).where(eq(users.username, user.username)).get()?.passwordHash).toBe(fakeHash(user.password));
    }
  });

  it("makes every demo account set a new password first, unless tests ask otherwise", () => {
    seedDemoData(db, { year: 2020, edition: "2019" }, { hashPassword: fakeHash });
    expect(db.select({ must: users.mustChangePassword }).from(users).all()).toEqual(DEMO_USERS.map(() => ({ must: true })));
  });

  it("stores the seed report as the approved 2020 report of the township, approved through the workflow by its supervisor", async () => {
    seedDemoData(db, { year: 2020, edition: "2019" }, { hashPassword: fakeHash });
    const clerk = findSignInCandidate(db, "clerk")!;
    expect(clerk.agencyName).toBe(DEMO_TOWNSHIP);
    const [report] = listAgencyReports(db, { userId: clerk.id, agencyId: clerk.agencyId, reach: "agency" });
    expect(report).toMatchObject({ year: 2020, edition: "2019", status: "approved" });
    const supervisor = findSignInCandidate(db, "supervisor")!;
    const stored = db.select().from(reports).where(eq(reports.id, report.id)).get()!;
    expect(stored).toMatchObject({ approvedBy: supervisor.id, importedBy: clerk.id });
    const approvals = db.select().from(auditEvents).where(eq(auditEvents.action, "report-approved")).all();
    expect(approvals).toMatchObject([{ userId: supervisor.id, reportId: report.id }]);
  });
});

