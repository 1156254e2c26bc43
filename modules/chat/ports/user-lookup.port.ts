/** Outbound port: what chat needs to know about users, answered by the users module. */
export interface UserLookup {
  /** True when a user with this id exists. Users are never deleted, so a true may be cached. */
  exists(userId: number): Promise<boolean>;
}
