import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { clientAddress } from "@/lib/http/client-address";
import { readEnv } from "@/lib/env";
import { getAuthSecret } from "./secret";
import { throttledCode } from "./login-throttle";
import { checkSession, endSession, SESSION_MAX_AGE_MS } from "./sessions";
import { signInWithPassword } from "./sign-in";

// next-auth builds its redirect addresses from NEXTAUTH_URL; without one, the port the app serves on.
process.env.NEXTAUTH_URL ??= `http://localhost:${readEnv().port}`;

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

/**
 * The cookie lives as long as a session can (12 hours); whether the session still holds — idle time,
 * sign-out, a password reset — is decided by its row on the server (sessions.ts), read on every use.
 */
export const authOptions: NextAuthOptions = {
  secret: getAuthSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_MS / 1000, updateAge: 5 * 60 },
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
        const result = await signInWithPassword(getDb(), { ...parsed.data, address: clientAddress(request?.headers) });
        if (result.ok) return { id: String(result.user.id), name: result.user.displayName, sessionId: result.sessionId };
        // next-auth passes a thrown message to the client as the sign-in error.
        if (result.reason === "throttled") throw new Error(throttledCode(result.throttledBy ?? "pair"));
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.userId = Number(user.id);
        token.sid = user.sessionId;
      }
      return token;
    },
    /**
     * Every reader of the session (getServerSession on the server, the browser's /api/auth/session) sees
     * the user only while the server-side session holds; reading it counts as use. Without one the session
     * names nobody, so the login page shows the form instead of sending the visitor round in circles.
     */
    async session({ session, token }) {
      const userId = typeof token.userId === "number" ? token.userId : undefined;
      const sessionId = typeof token.sid === "string" ? token.sid : undefined;
      if (userId && sessionId && (await checkSession(getDb(), { sessionId, userId }))) {
        session.userId = userId;
        session.sessionId = sessionId;
      } else {
        delete session.user;
      }
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(getDb(), token.sid);
    },
  },
};
