import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { verifyCredentials } from "@/db/queries/users";
import { recordAudit } from "@/db/queries/audit";
import { clientAddress } from "@/lib/http/client-address";
import { getAuthSecret } from "./secret";
import { readEnv } from "@/lib/env";
import { LOGIN_THROTTLED, LoginThrottle } from "./login-throttle";

// next-auth builds its redirect addresses from NEXTAUTH_URL; without one, the port the app serves on.
process.env.NEXTAUTH_URL ??= `http://localhost:${readEnv().port}`;

const globalForThrottle = globalThis as unknown as { nianbaoLoginThrottle?: LoginThrottle };
const loginThrottle = (globalForThrottle.nianbaoLoginThrottle ??= new LoginThrottle());

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

/** Sessions last a working day and are renewed by activity, so a clerk who keeps typing is never signed out. */
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: getAuthSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 5 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "用户名和密码",
      credentials: {
        username: { label: "用户名", type: "text" },
        password: { label: "密码", type: "password" },
      },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const db = getDb();
        const { username, password } = parsed.data;
        const address = clientAddress(request?.headers);
        if (loginThrottle.isLocked(username, address)) {
          recordAudit(db, { action: "login-failed", username, address, detail: "throttled" });
          // next-auth passes a thrown message to the client as the sign-in error.
          throw new Error(LOGIN_THROTTLED);
        }
        const profile = await verifyCredentials(db, username, password);
        if (!profile) {
          loginThrottle.recordFailure(username, address);
          recordAudit(db, { action: "login-failed", username, address });
          return null;
        }
        loginThrottle.recordSuccess(username);
        recordAudit(db, { action: "login", userId: profile.id, username: profile.username, agencyId: profile.agencyId, address });
        return { id: String(profile.id), name: profile.displayName };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.userId = Number(user.id);
      return token;
    },
    session({ session, token }) {
      session.userId = token.userId as number;
      return session;
    },
  },
};
