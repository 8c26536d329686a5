import { setMustChangePassword } from "@/db/queries/account";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { openTemporaryDb, storeReportInStatus } from "@/db/test-db";
import { createAgency } from "@/db/queries/agencies";
import { listRecentAudit } from "@/db/queries/audit";
import { createReport } from "@/db/queries/reports";
import { createUser } from "@/db/queries/users";

const state = vi.hoisted(() => ({ userId: undefined as number | undefined, db: undefined as unknown }));
vi.mock("@/lib/auth/guards", async (original) => (await import("@/lib/auth/test-session")).signedInAs(await original<object>(), state));
vi.mock("@/lib/db", () => ({ getDb: () => state.db }));

const { GET } = await import("./route");

const seed = JSON.parse(
  fs.readFileSync(path.join(process.cwd(), "lib/report/fixtures/seed-2020.json"), "utf8"),
) as Record<string, unknown>;
const NAME = "烟台市蓬莱区蓬莱阁街道办事处2020年政府信息公开工作年度报告";

async function get(id: string | number, format?: string): Promise<Response> {
  const query = format === undefined ? "" : `?format=${format}`;
  return GET(new Request(`http://localhost/api/reports/${id}/export${query}`), {
    params: Promise.resolve({ id: String(id) }),
  });
}

describe("GET /api/reports/{id}/export", () => {
  let db: Db;
  let cleanup: () => void;
  let township: { clerk: number; approved: number; draft: number };
  let other: { clerk: number };

  beforeAll(async () => {
    ({ db, cleanup } = await openTemporaryDb());
    state.db = db;
    const make = async (name: string) => {
      const agency = await createAgency(db, { name, level: "township" });
      const user = await createUser(db, { username: name, displayName: "经办人", role: "clerk", agencyId: agency.id, passwordHash: "not-a-real-hash" });
      return { agencyId: agency.id, userId: user.id, scope: { userId: user.id, agencyId: agency.id, reach: "agency" as const } };
    };
    const a = await make("烟台市蓬莱区蓬莱阁街道办事处");
    const b = await make("烟台市蓬莱区司法局");
    const approved = (await storeReportInStatus(db, a.scope, { year: 2020, edition: "2019", content: seed, status: "approved" })).id;
    const draft = (await createReport(db, a.scope, { year: 2019, edition: "2019", content: { ...seed, year: 2019 } })).id;
    township = { clerk: a.userId, approved, draft };
    other = { clerk: b.userId };
  });
  afterAll(() => cleanup());

  it("answers 401 without a session", async () => {
    state.userId = undefined;
    const response = await get(township.approved, "docx");
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatch(/登录/);
  });

  it("refuses a user who must first set a new password", async () => {
    await setMustChangePassword(db, township.clerk, true);
    state.userId = township.clerk;
    const response = await get(township.approved, "docx");
    await setMustChangePassword(db, township.clerk, false);
    expect(response.status).toBe(403);
    expect((await response.json()).error).toBe("请先在“账号与密码”页设置新密码，然后再继续。");
  });

  it("downloads the approved report as DOCX under its official name, and records it", async () => {
    state.userId = township.clerk;
    const response = await get(township.approved, "docx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="annual-report-2020.docx"; filename*=UTF-8''${encodeURIComponent(NAME)}.docx`,
    );
    const body = new Uint8Array(await response.arrayBuffer());
    expect(String.fromCharCode(body[0], body[1])).toBe("PK");
    const event = (await listRecentAudit(db, 1))[0];
    expect(event).toMatchObject({ action: "report-downloaded", userId: township.clerk, reportId: township.approved, detail: "docx" });
  });

  it("marks a report that is not approved as a draft", async () => {
    state.userId = township.clerk;
    const draft = await (await get(township.draft, "html")).text();
    expect(draft).toContain('<p class="draft" role="note">草稿</p>');
    const approved = await get(township.approved, "html");
    expect(approved.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await approved.text()).not.toContain("草稿");
    const md = await get(township.draft, "md");
    expect(md.headers.get("content-disposition")).toContain('filename="annual-report-2019-draft.md"');
    expect(await md.text()).toMatch(/^> \*\*草稿\*\*/);
  });

  it("answers 400 for a missing or unknown format", async () => {
    state.userId = township.clerk;
    expect((await get(township.approved)).status).toBe(400);
    expect((await get(township.approved, "pdf")).status).toBe(400);
  });

  it("finds nothing for another agency's report or an unknown id, and audits the refusal", async () => {
    state.userId = other.clerk;
    const response = await get(township.approved, "docx");
    expect(response.status).toBe(404);
    expect((await response.json()).error).toMatch(/找不到/);
    // Recorded against the asking clerk's own agency: nothing of the other report is revealed.
    expect((await listRecentAudit(db, 1))[0]).toMatchObject({
      action: "action-refused",
      userId: other.clerk,
      reportId: null,
      detail: `下载报告（报告编号 ${township.approved}）：找不到该报告，或您无权查看该报告。`,
    });
    state.userId = township.clerk;
    expect((await get(999999, "docx")).status).toBe(404);
    expect((await get("abc", "docx")).status).toBe(404);
  });
});
