import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** Set only while the server-side session holds (see lib/auth/sessions.ts). */
    userId?: number;
    sessionId?: string;
  }
  interface User {
    /** The server-side session started by this sign-in. */
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: number;
    /** The id of the server-side session (a `sessions` row). */
    sid?: string;
  }
}
