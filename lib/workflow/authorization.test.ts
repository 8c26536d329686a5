/**
 * Every mutating core, and the content save, called as every role of the report's agency, as users of
 * another agency of the county and of another county, and as the admins of the city above the county and of
 * another city: only the one role the workflow names (for admins: of an office above the report's agency)
 * may act, and a refused call leaves every table exactly as it was.
 */
import { describe, expect } from "vitest";
import { first, type Executor } from "@/db/client";
import { insertComment } from "@/db/queries/comments";
import { saveReport } from "@/lib/reports/save";
import type { UserProfile } from "@/db/queries/users";
import { agencies, reportStatuses, type ReportStatus } from "@/db/schema";
import { eq } from "drizzle-orm";
import { createAgency, createUserWithHash, resetPasswordWithHash, setChildrenDeadline } from "@/lib/admin/office";
import { addComment, deleteComment, resolveComment } from "./comments";
import { approveReport, confirmImportedReport, reopenReport, returnReport, submitReport } from "./steps";
import { changeUserRole, setUserStanding } from "@/lib/admin/accounts";
import { auditTrail, cleanTownshipReport, sharedWorld, snapshot, storeReport, worldPasswordHash, type World } from "./test-fixture";

const shared = sharedWorld();
const { itRolledBack } = shared;

type ActorName = keyof World["actors"];
const ACTORS: ActorName[] = [
  "clerk",
  "supervisor",
  "admin",
  "countySupervisor",
  "townshipAdmin",
  "otherClerk",
  "otherSupervisor",
  "foreignClerk",
  "foreignSupervisor",
  "foreignAdmin",
  "cityAdmin",
  "otherCityAdmin",
];

type Case = {
  name: string;
  /** The status the report is in before the call (null: the call concerns no report). */
  status: ReportStatus | null;
  /** The only actors allowed to make the call. */
  allowed: ActorName[];
  call: (tx: Executor, actor: UserProfile, reportId: number, prepared: number) => Promise<{ ok: boolean } | { kind: string }>;
  /** Sets up what the call acts on (before the tables are compared); its result is passed to the call. */
  prepare?: (tx: Executor, reportId: number) => Promise<number>;
};

const commentOn = async (tx: Executor, reportId: number) =>
  insertComment(tx, { reportId, section: "requests", cell: null, body: "请核对表三。", authorId: shared.world.actors.supervisor.id });

const succeeded = (result: { ok: boolean } | { kind: string }) => ("ok" in result ? result.ok : result.kind === "saved");

const CASES: Case[] = [
  {
    name: "submit",
    status: "draft",
    allowed: ["clerk"],
    call: async (tx, actor, reportId) => (await submitReport(tx, actor, { reportId })),
  },
  {
    name: "submit a returned report",
    status: "returned",
    allowed: ["clerk"],
    call: async (tx, actor, reportId) => (await submitReport(tx, actor, { reportId })),
  },
  {
    name: "return",
    status: "submitted",
    allowed: ["supervisor"],
    call: async (tx, actor, reportId) => (await returnReport(tx, actor, { reportId, version: 1, comment: "请核对表三。" })),
  },
  {
    name: "approve",
    status: "submitted",
    allowed: ["supervisor"],
    call: async (tx, actor, reportId) => (await approveReport(tx, actor, { reportId, version: 1 })),
  },
  {
    name: "confirm an imported report",
    status: "imported",
    allowed: ["supervisor", "admin", "cityAdmin"],
    call: async (tx, actor, reportId) => (await confirmImportedReport(tx, actor, { reportId, version: 1 })),
  },
  // Approval and confirmation start from their own status only: nothing else becomes approved.
  ...reportStatuses
    .filter((status) => status !== "submitted")
    .map(
      (status): Case => ({
        name: `approve a ${status} report`,
        status,
        allowed: [],
        call: async (tx, actor, reportId) => (await approveReport(tx, actor, { reportId, version: 1 })),
      }),
    ),
  ...reportStatuses
    .filter((status) => status !== "imported")
    .map(
      (status): Case => ({
        name: `confirm a ${status} report as imported`,
        status,
        allowed: [],
        call: async (tx, actor, reportId) => (await confirmImportedReport(tx, actor, { reportId, version: 1 })),
      }),
    ),
  {
    name: "reopen",
    status: "approved",
    allowed: ["admin", "cityAdmin"],
    call: (tx, actor, reportId) => reopenReport(tx, actor, { reportId, reason: "表三数字有误，需要更正。" }),
  },
  {
    name: "comment",
    status: "submitted",
    allowed: ["supervisor"],
    call: (tx, actor, reportId) =>
      addComment(tx, actor, { reportId, section: "requests", cell: "requests.newReceived.total", body: "请核对。" }),
  },
  // A comment is marked as dealt with by whoever works on the report at the time; an approved report is locked.
  ...reportStatuses.map(
    (status): Case => ({
      name: `mark a comment on a ${status} report as dealt with`,
      status,
      allowed: status === "submitted" ? ["supervisor"] : status === "draft" || status === "returned" ? ["clerk"] : [],
      prepare: commentOn,
      call: async (tx, actor, reportId, commentId) => (await resolveComment(tx, actor, { reportId, commentId, resolved: true })),
    }),
  ),
  // A supervisor takes back their own comment, and only while the report is under review.
  ...reportStatuses.map(
    (status): Case => ({
      name: `delete the supervisor's comment on a ${status} report`,
      status,
      allowed: status === "submitted" ? ["supervisor"] : [],
      prepare: commentOn,
      call: async (tx, actor, reportId, commentId) => (await deleteComment(tx, actor, { reportId, commentId })),
    }),
  ),
  // Content is saved by the agency's clerk, and only while the report is a draft or returned.
  ...reportStatuses.map(
    (status): Case => ({
      name: `save a ${status} report`,
      status,
      allowed: status === "draft" || status === "returned" ? ["clerk"] : [],
      call: async (tx, actor, reportId) =>
        (await saveReport(tx, actor, reportId, {
          baseVersion: 1,
          payload: { content: { ...cleanTownshipReport(shared.world), problems: "改过了。" }, acknowledgements: [], tableNotes: {} },
        })),
    }),
  ),
  {
    name: "create an agency",
    status: null,
    allowed: ["admin", "foreignAdmin", "cityAdmin", "otherCityAdmin"],
    call: (tx, actor) => createAgency(tx, actor, { name: "新设的局", level: "department" }),
  },
  {
    name: "create a department under 甲县 (from above it too)",
    status: null,
    allowed: ["admin", "cityAdmin"],
    call: async (tx, actor) => createAgency(tx, actor, { name: "新设的局", level: "department", parentId: shared.world.agencies.countyA.id }),
  },
  {
    name: "create a county government under 甲市",
    status: null,
    allowed: ["cityAdmin"],
    call: async (tx, actor) => createAgency(tx, actor, { name: "丁县", level: "government", parentId: shared.world.agencies.city.id }),
  },
  {
    name: "create an admin of 乙县",
    status: null,
    allowed: ["foreignAdmin", "cityAdmin"],
    call: async (tx, actor) =>
      createUserWithHash(
        tx,
        actor,
        { username: "new-admin", displayName: "新管理员", role: "admin", agencyId: shared.world.agencies.countyB.id, password: "long-enough-1" },
        worldPasswordHash(),
      ),
  },
  {
    name: "create a user in the township",
    status: null,
    allowed: ["admin", "cityAdmin"],
    call: async (tx, actor) =>
      createUserWithHash(
        tx,
        actor,
        {
          username: "new-clerk",
          displayName: "新经办人",
          role: "clerk",
          agencyId: shared.world.agencies.township.id,
          password: "long-enough-1",
        },
        worldPasswordHash(),
      ),
  },
  {
    name: "disable the township clerk",
    status: null,
    allowed: ["admin", "cityAdmin"],
    call: async (tx, actor) => setUserStanding(tx, actor, { userId: shared.world.actors.clerk.id, standing: "disabled" }),
  },
  {
    name: "make the township clerk a supervisor",
    status: null,
    allowed: ["admin", "cityAdmin"],
    call: async (tx, actor) => changeUserRole(tx, actor, { userId: shared.world.actors.clerk.id, role: "supervisor" }),
  },
  {
    name: "make the township clerk an admin (only offices have admins)",
    status: null,
    allowed: [],
    call: async (tx, actor) => changeUserRole(tx, actor, { userId: shared.world.actors.clerk.id, role: "admin" }),
  },
  {
    name: "reset the township clerk's password",
    status: null,
    allowed: ["admin", "cityAdmin"],
    call: async (tx, actor) =>
      // The hash only has to differ from the stored one: the cores store what they are given.
      resetPasswordWithHash(tx, actor, { userId: shared.world.actors.clerk.id, password: "another-pass-1" }, "hash-of-another-pass-1"),
  },
];

describe("every mutating call is refused to everyone but the role the workflow names", () => {
  for (const testCase of CASES) {
    for (const actorName of ACTORS) {
      const allowed = testCase.allowed.includes(actorName);
      itRolledBack(`${testCase.name} as ${actorName}: ${allowed ? "allowed" : "refused, nothing changes"}`, async (tx) => {
        const reportId = await (testCase.status ? storeReport(tx, shared.world, testCase.status) : 0);
        const prepared = ((await testCase.prepare?.(tx, reportId)) ?? 0);
        const before = await snapshot(tx);
        const auditBefore = (await auditTrail(tx)).length;
        const actor = shared.world.actors[actorName];
        const result = await testCase.call(tx, actor, reportId, prepared);
        expect(succeeded(result)).toBe(allowed);
        if (allowed) {
          expect(await snapshot(tx)).not.toEqual(before);
        } else {
          expect(await snapshot(tx)).toEqual(before);
          // Every refusal is audited: one event, naming who was refused and why, in Chinese.
          const added = (await auditTrail(tx)).slice(auditBefore);
          expect(added).toHaveLength(1);
          expect(added[0]).toMatchObject({ action: "action-refused", userId: actor.id });
          expect(added[0].detail).toMatch(/[\u4e00-\u9fff]/);
        }
      });
    }
  }
});

describe("the deadline an office sets for the agencies directly under it", () => {
  itRolledBack("is set by the office's admins only; every admin sets only their own office's", async (tx) => {
    const setters: ActorName[] = ["admin", "foreignAdmin", "cityAdmin", "otherCityAdmin"];
    for (const name of ACTORS.filter((name) => !setters.includes(name))) {
      const before = await snapshot(tx);
      expect((await setChildrenDeadline(tx, shared.world.actors[name], { deadline: "03-01" })).ok).toBe(false);
      expect(await snapshot(tx)).toEqual(before);
    }
    expect((await setChildrenDeadline(tx, shared.world.actors.foreignAdmin, { deadline: "03-01" })).ok).toBe(true);
    expect((await setChildrenDeadline(tx, shared.world.actors.admin, { deadline: "02-25" })).ok).toBe(true);
    expect((await setChildrenDeadline(tx, shared.world.actors.cityAdmin, { deadline: "03-15" })).ok).toBe(true);
    const stored = (id: number) => first(tx.select({ d: agencies.childrenDeadline }).from(agencies).where(eq(agencies.id, id)));
    expect(await stored(shared.world.agencies.countyA.id)).toEqual({ d: "02-25" });
    expect(await stored(shared.world.agencies.countyB.id)).toEqual({ d: "03-01" });
    expect(await stored(shared.world.agencies.city.id)).toEqual({ d: "03-15" });
    expect(await stored(shared.world.agencies.otherCity.id)).toEqual({ d: null });
  });
});

describe("refusals say why, in Chinese", () => {
  itRolledBack("treats another agency's report exactly like a missing one", async (tx) => {
    const reportId = await storeReport(tx, shared.world, "submitted");
    const foreign = await approveReport(tx, shared.world.actors.foreignSupervisor, { reportId: reportId, version: 1 });
    const missing = await approveReport(tx, shared.world.actors.supervisor, { reportId: reportId + 100, version: 1 });
    expect(foreign).toEqual(missing);
    expect(foreign).toMatchObject({ ok: false, formError: "找不到该报告，或您无权查看该报告。" });
  });

  itRolledBack("names the role that may act when the reader may not", async (tx) => {
    const reportId = await (storeReport(tx, shared.world, "submitted"));
    expect(await approveReport(tx, shared.world.actors.admin, { reportId: reportId, version: 1 })).toMatchObject({
      ok: false,
      formError: "只有审核人可以批准。",
    });
  });
});
