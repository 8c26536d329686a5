import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { openTemporaryDb } from "@/db/test-db";
import { buildWorld, cleanTownshipReport, storeReport, type World } from "@/lib/workflow/test-fixture";
import { defaultCountyYear } from "./figures";

let db: Db;
let cleanup: () => void;
let world: World;
beforeAll(async () => {
  ({ db, cleanup } = await openTemporaryDb());
  world = await buildWorld(db);
});
afterAll(() => cleanup());

describe("defaultCountyYear", () => {
  const november2026 = new Date(2026, 10, 29);

  it("opens a county without reports on the year being reported", async () => {
    expect(await defaultCountyYear(db, world.actors.admin, november2026)).toBe(2025);
  });

  it("opens on the latest year a county has while it has nothing of the year being reported", async () => {
    await storeReport(db, world, "approved", cleanTownshipReport(world, 2021));
    expect(await defaultCountyYear(db, world.actors.admin, november2026)).toBe(2021);
    // Another county's reports are not looked at.
    expect(await defaultCountyYear(db, world.actors.foreignAdmin, november2026)).toBe(2025);
  });

  it("never opens past the year being reported, though a report of the current year was started", async () => {
    await storeReport(db, world, "draft", cleanTownshipReport(world, 2026));
    expect(await defaultCountyYear(db, world.actors.admin, november2026)).toBe(2025);
  });
});
