/** A stored user. Usernames and emails are unique ignoring case. */
export interface StoredUser {
  readonly userId: number;
  readonly username: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly createdAt: string;
}

export interface NewUser {
  readonly username: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly createdAt: string;
}

/** Outbound port: durable storage of user accounts. */
export interface UserRepository {
  /**
   * Stores a new user under a freshly allocated userId: a positive int32, never reused
   * and never handed out twice even with several service replicas on one database.
   * Usernames and emails are unique ignoring case; the check and the write are atomic
   * (a unique index), so concurrent registrations cannot both win.
   * @throws DomainError USERS_USERNAME_TAKEN or USERS_EMAIL_TAKEN when either is taken
   */
  insert(user: NewUser): Promise<StoredUser>;

  /** Returns the user or null when none has that id. */
  findById(userId: number): Promise<StoredUser | null>;

  /** Returns the users among `userIds` that exist, ascending by userId, each once; unknown ids are left out. */
  findManyByIds(userIds: readonly number[]): Promise<StoredUser[]>;

  /** Returns the user whose username equals `username` ignoring case, or null. */
  findByUsername(username: string): Promise<StoredUser | null>;

  /**
   * Users whose lower-cased username starts with `prefix` (lower-cased here), ascending by
   * lower-cased username, at most `limit`; empty when none. The prefix is data, not a
   * pattern. Served by the unique username index (a range on the key), never a scan.
   */
  findByUsernamePrefix(prefix: string, limit: number): Promise<StoredUser[]>;
}
