import { afterAll, describe, expect, it, vi } from "vitest";
import { openTemporaryDb } from "@/db/test-db";

const state = vi.hoisted(() => ({ getDb: (() => undefined) as () => unknown }));
vi.mock("@/lib/db", () => ({ getDb: () => state.getDb() }));

const { GET } = await import("./route");
const { db, cleanup } = await openTemporaryDb();
afterAll(() => cleanup());

describe("GET /api/health", () => {
  it("answers 200 when the database can be read", async () => {
    state.getDb = () => db;
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 with a Chinese reason and no detail when it cannot", async () => {
    state.getDb = () => {
      throw new Error("SQLITE_CANTOPEN: unable to open database file /secret/path.db");
    };
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", error: "数据库无法访问。" });
  });
});
