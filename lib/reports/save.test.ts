import { describe, expect } from "vitest";
import { eq } from "drizzle-orm";
import { getReportForActor } from "@/db/queries/reports";
import { reportRevisions } from "@/db/schema";
import { actorScope } from "@/lib/permissions";
import { cleanTownshipReport, sharedWorld, storeReport } from "@/lib/workflow/test-fixture";
import { saveReport } from "./save";

const shared = sharedWorld();

describe("saving a report", () => {
  shared.itRolledBack("takes the agency's name and level from the database, never from the browser", async (tx) => {
    const { clerk } = shared.world.actors;
    const reportId = await storeReport(tx, shared.world, "draft");
    // The level decides which rules apply (X-REGULATIONS): a browser claiming another agency is ignored.
    const forged = { ...cleanTownshipReport(shared.world), agency: { name: "某市人民政府", level: "government" } };
    const outcome = await saveReport(tx, clerk, reportId, { baseVersion: 1, payload: { content: forged, acknowledgements: [], tableNotes: {} } });
    expect(outcome).toMatchObject({ kind: "saved", version: 2 });
    const stored = (await getReportForActor(tx, actorScope(clerk), reportId))!.content as { agency: unknown };
    expect(stored.agency).toEqual({ name: shared.world.agencies.township.name, level: "township" });
  });

  shared.itRolledBack("refuses an imported report in Chinese, saying why", async (tx) => {
    const { clerk } = shared.world.actors;
    const reportId = await storeReport(tx, shared.world, "imported");
    const outcome = await saveReport(tx, clerk, reportId, {
      baseVersion: 1,
      payload: { content: cleanTownshipReport(shared.world), acknowledgements: [], tableNotes: {} },
    });
    expect(outcome).toEqual({ kind: "refused", message: "这是导入的已发布报告，只供结转和对照，不能修改。" });
  });

  shared.itRolledBack("stores no new version when nothing changed, so the history shows only changes", async (tx) => {
    const { clerk } = shared.world.actors;
    const reportId = await storeReport(tx, shared.world, "draft");
    const content = { ...cleanTownshipReport(shared.world), problems: "改过了。" };
    const request = (baseVersion: number) => ({ baseVersion, payload: { content, acknowledgements: [], tableNotes: {} } });
    expect(await saveReport(tx, clerk, reportId, request(1))).toMatchObject({ kind: "saved", version: 2 });
    const again = await saveReport(tx, clerk, reportId, request(2));
    expect(again).toMatchObject({ kind: "saved", version: 2 });
    const revisions = (await tx.select().from(reportRevisions).where(eq(reportRevisions.reportId, reportId)));
    expect(revisions.map((revision) => revision.version)).toEqual([1, 2]);
  });

  shared.itRolledBack("takes a patch of what changed against the version it names; a stale or broken patch stores nothing", async (tx) => {
    const { clerk } = shared.world.actors;
    const reportId = await storeReport(tx, shared.world, "draft");
    const patch = (baseVersion: number, operations: unknown[]) => saveReport(tx, clerk, reportId, { baseVersion, patch: operations });
    const phone = { op: "replace", path: "/content/contact/phone", value: "0535-7654321" };
    expect(await patch(1, [phone])).toMatchObject({ kind: "saved", version: 2 });
    const stored = async () => (await getReportForActor(tx, actorScope(clerk), reportId))!;
    expect(((await stored()).content as { contact: { phone: string } }).contact.phone).toBe("0535-7654321");
    // Made against version 1 while 2 is stored: a conflict, as a whole save's would be.
    expect(await patch(1, [{ ...phone, value: "0535-0000000" }])).toEqual({ kind: "conflict", currentVersion: 2 });
    // A path that is not there, or an operation that would break the report: the editor is asked for the whole payload.
    expect(await patch(2, [{ op: "replace", path: "/content/no/such/cell", value: 1 }])).toEqual({ kind: "send-whole" });
    expect(await patch(2, [{ op: "remove", path: "/acknowledgements" }])).toEqual({ kind: "send-whole" });
    expect((await stored()).version).toBe(2);
    // The agency stays the database's, whatever a patch says: nothing changed, no new version.
    expect(await patch(2, [{ op: "replace", path: "/content/agency/level", value: "government" }])).toMatchObject({ kind: "saved", version: 2 });
    expect(((await stored()).content as { agency: unknown }).agency).toEqual({ name: shared.world.agencies.township.name, level: "township" });
    // Not a patch at all: refused with the reason, audited like every refusal.
    expect(await patch(2, [{ op: "move", from: "/content", path: "/x" }])).toMatchObject({ kind: "refused" });
  });
});
