/** The three route handlers of 「检查已发布的报告」 over HTTP: start, one file, the workbook. */
import { Workbook } from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { openTemporaryDb } from "@/db/test-db";
import { createAgency } from "@/db/queries/agencies";
import { createUser } from "@/db/queries/users";
import { exportHtml } from "@/lib/report/export";
import { seedReport } from "@/lib/report/export/testing";
import { MAX_CHECK_FILE_BYTES } from "@/lib/county/check-source";

vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-of-enough-length");
const state = vi.hoisted(() => ({ userId: undefined as number | undefined, db: undefined as unknown }));
vi.mock("@/lib/auth/guards", async (original) => (await import("@/lib/auth/test-session")).signedInAs(await original<object>(), state));
vi.mock("@/lib/db", () => ({ getDb: () => state.db }));

const start = (await import("./route")).POST;
const file = (await import("./file/route")).POST;
const xlsx = (await import("./xlsx/route")).POST;

const json = (body: unknown) =>
  new Request("http://localhost/api/county/check", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

function upload(name: string, body: BodyInit, token: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost/api/county/check/file?name=${encodeURIComponent(name)}`, {
    method: "POST",
    body,
    headers: { "x-check-batch": token, "content-type": "application/octet-stream", ...headers },
  });
}

describe("POST /api/county/check, /file and /xlsx", () => {
  let db: Db;
  let cleanup: () => void;
  const ids = { admin: 0, clerk: 0 };
  beforeAll(async () => {
    ({ db, cleanup } = await openTemporaryDb());
    state.db = db;
    const county = await createAgency(db, { name: "某县", level: "government", officeTier: "county" });
    const township = await createAgency(db, { name: "某县某镇", level: "township", parentId: county.id });
    ids.admin = (await createUser(db, { username: "admin", displayName: "admin", role: "admin", agencyId: county.id, passwordHash: "x" })).id;
    ids.clerk = (await createUser(db, { username: "clerk", displayName: "clerk", role: "clerk", agencyId: township.id, passwordHash: "x" })).id;
  });
  afterAll(() => cleanup());

  it("answers 401 without a session and 403 to a clerk", async () => {
    state.userId = undefined;
    for (const response of [await start(json({ files: [] })), await file(upload("a.html", "x", "t")), await xlsx(json({ entries: [] }))]) {
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatch(/登录/);
    }
    state.userId = ids.clerk;
    const refused = await start(json({ files: [{ name: "a.html", size: 10 }] }));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toBe("只有政务公开办的管理员可以批量检查已发布的报告。");
  });

  it("starts a batch, checks a file sent as the body, and gives the workbook", async () => {
    state.userId = ids.admin;
    const html = exportHtml(seedReport(), { draft: false });
    const started = await start(json({ files: [{ name: "报告 一.html", size: html.length }] }));
    expect(started.status).toBe(200);
    const { token, files } = await started.json();
    expect(files).toBe(1);

    const checked = await file(upload("报告 一.html", html, token));
    expect(checked.status).toBe(200);
    const entry = await checked.json();
    expect(entry).toMatchObject({ file: "报告 一.html", ok: true, year: 2020, cells: { read: 218, printed: 218 }, errors: 2 });

    const workbook = await xlsx(json({ entries: [entry] }));
    expect(workbook.status).toBe(200);
    expect(workbook.headers.get("content-disposition")).toContain("published-reports-check.xlsx");
    const book = new Workbook();
    await book.xlsx.load(await workbook.arrayBuffer());
    expect(book.getWorksheet("汇总")!.getCell("B2").value).toBe("报告 一.html");
  });

  it("refuses a missing token, a missing name and a body over the limit", async () => {
    state.userId = ids.admin;
    expect((await file(upload("a.html", "x", ""))).status).toBe(400);
    const nameless = new Request("http://localhost/api/county/check/file", { method: "POST", body: "x" });
    expect((await file(nameless)).status).toBe(400);
    const declared = await file(upload("a.html", "x", "t", { "content-length": String(MAX_CHECK_FILE_BYTES + 1) }));
    expect(declared.status).toBe(413);
    const streamed = await file(upload("a.html", new Uint8Array(MAX_CHECK_FILE_BYTES + 1), "t"));
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error).toBe("文件超过 10 MB，未读取。");
    expect((await xlsx(new Request("http://localhost/x", { method: "POST", body: "{" }))).status).toBe(400);
  });
});
