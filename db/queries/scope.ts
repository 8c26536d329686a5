import type { UserRole } from "../schema";

/** Who is acting: every query that reads or writes agency data is limited by it. */
export type ActorScope = {
  userId: number;
  agencyId: number;
  role: UserRole;
};
