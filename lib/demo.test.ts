import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { first, type Db } from "@/db/client";
import { openTemporaryDb } from "@/db/test-db";
import { auditEvents, reports, users } from "@/db/schema";
import { findSignInCandidate } from "@/db/queries/users";
import { listAgencyReports } from "@/db/queries/reports";
import { seedDemoData, DEMO_USERS, DEMO_TOWNSHIP } from "./demo";

let db: Db;
let cleanup: () => void;
beforeEach(async () => ({ db, cleanup } = await openTemporaryDb()));
afterEach(() => cleanup());

describe("demo seed", () => {
  const fakeHash = (password: string) => `hash-of-${password}`;

  it("seeds an empty database once and never again", async () => {
    const seedReport = { year: 2020, edition: "2019" as const };
    expect(await seedDemoData(db, seedReport, { hashPassword: fakeHash })).toBe(true);
    expect(await seedDemoData(db, seedReport, { hashPassword: fakeHash })).toBe(false);
    for (const user of DEMO_USERS) {
      expect((await first(db.select().from(users).where(eq(users.username, user.username))))?.passwordHash).toBe(fakeHash(user.password));
    }
  });

  it("makes every demo account set a new password first, unless tests ask otherwise", async () => {
    await seedDemoData(db, { year: 2020, edition: "2019" }, { hashPassword: fakeHash });
    expect((await db.select({ must: users.mustChangePassword }).from(users))).toEqual(DEMO_USERS.map(() => ({ must: true })));
  });

  it("stores the seed report as the approved 2020 report of the township, approved through the workflow by its supervisor", async () => {
    await seedDemoData(db, { year: 2020, edition: "2019" }, { hashPassword: fakeHash });
    const clerk = (await findSignInCandidate(db, "clerk"))!;
    expect(clerk.agencyName).toBe(DEMO_TOWNSHIP);
    const [report] = await listAgencyReports(db, { userId: clerk.id, agencyId: clerk.agencyId, reach: "agency" });
    expect(report).toMatchObject({ year: 2020, edition: "2019", status: "approved" });
    const supervisor = (await findSignInCandidate(db, "supervisor"))!;
    const stored = (await first(db.select().from(reports).where(eq(reports.id, report.id))))!;
    expect(stored).toMatchObject({ approvedBy: supervisor.id, importedBy: clerk.id });
    const approvals = (await db.select().from(auditEvents).where(eq(auditEvents.action, "report-approved")));
    expect(approvals).toMatchObject([{ userId: supervisor.id, reportId: report.id }]);
  });
});

