import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { hashPassword, hashPasswordSync, SCRYPT_COST, verifyPassword } from "./passwords";

describe("password hashes", () => {
  it("are self-describing scrypt hashes with a fresh salt, checked in constant time", async () => {
    const started = performance.now();
    const hash = await hashPassword("正确的密码-1");
    const elapsed = performance.now() - started;
    console.log(`scrypt N=${SCRYPT_COST.N} r=${SCRYPT_COST.r} p=${SCRYPT_COST.p}: ${elapsed.toFixed(0)} ms per hash`);
    expect(hash).toMatch(new RegExp(`^scrypt\\$${SCRYPT_COST.N}\\$${SCRYPT_COST.r}\\$${SCRYPT_COST.p}\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$`));
    expect(hash).not.toContain("正确的密码");
    expect(await hashPassword("正确的密码-1")).not.toBe(hash);
    expect(await verifyPassword("正确的密码-1", hash)).toEqual({ ok: true, needsRehash: false });
    expect(await verifyPassword("正确的密码-2", hash)).toEqual({ ok: false, needsRehash: false });
    expect(await verifyPassword("正确的密码-1", hashPasswordSync("正确的密码-1"))).toEqual({ ok: true, needsRehash: false });
  });

  it("verify legacy bcrypt hashes and ask for them to be re-stored", async () => {
    const legacy = bcrypt.hashSync("old-password", 4);
    expect(await verifyPassword("old-password", legacy)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword("other-password", legacy)).toEqual({ ok: false, needsRehash: false });
  });

  it("verify scrypt hashes of a lower cost and ask for them to be re-stored", async () => {
    const salt = crypto.randomBytes(16);
    const key = crypto.scryptSync("pw-12345678", salt, 32, { N: 1024, r: 8, p: 1 });
    const weak = `scrypt$1024$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
    expect(await verifyPassword("pw-12345678", weak)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword("pw-87654321", weak)).toEqual({ ok: false, needsRehash: false });
  });

  it("match nothing when the stored hash is unreadable or asks for absurd cost", async () => {
    const salt = Buffer.alloc(16).toString("base64");
    const key = Buffer.alloc(32).toString("base64");
    for (const stored of ["", "plain-text", "scrypt$1000$8$1$x$y", `scrypt$${2 ** 30}$8$1$${salt}$${key}`, `scrypt$1024$8$1$${salt}`]) {
      expect(await verifyPassword("plain-text", stored)).toEqual({ ok: false, needsRehash: false });
    }
  });
});
