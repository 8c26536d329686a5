/**
 * Which rows a query may touch on behalf of whom. The permission module (lib/permissions.ts) builds it;
 * queries only apply it: "agency" reaches the actor's own agency, "county" the county office and the
 * agencies under it.
 */
export type ActorScope = {
  userId: number;
  agencyId: number;
  reach: "agency" | "county";
};
