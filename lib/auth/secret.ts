import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readEnv } from "@/lib/env";

/**
 * The secret that signs session cookies: NEXTAUTH_SECRET when set, otherwise one generated on first
 * start and kept in the data folder (never in the repository), so sessions survive restarts.
 */
export function getAuthSecret(): string {
  const env = readEnv();
  if (env.authSecret) return env.authSecret;
  const file = path.join(env.dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(env.dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    // "wx" refuses to overwrite a secret another process wrote meanwhile; then read theirs.
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}
