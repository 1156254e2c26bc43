import { UsersErrors } from '../../contracts';
import type { NewUser, StoredUser, UserRepository } from '../../ports';
import { SortedKeys } from './sorted-keys';

/**
 * UserRepository in a process's memory, for tests and the single-process monolith
 * without a database. Ids count up from 1. Two maps keyed by the lower-cased username
 * and email play the unique indexes, and a sorted list of the username keys the ordered
 * index that prefix searches walk; `insert` checks and writes without awaiting in
 * between, so concurrent inserts cannot both win. Every call returns a fresh copy.
 */
export class InMemoryUserRepository implements UserRepository {
  private readonly usersById = new Map<number, StoredUser>();
  private readonly idsByUsernameKey = new Map<string, number>();
  private readonly idsByEmailKey = new Map<string, number>();
  private readonly usernameKeys = new SortedKeys();
  private lastId = 0;

  async insert(user: NewUser): Promise<StoredUser> {
    const usernameKey = user.username.toLowerCase();
    const emailKey = user.email.toLowerCase();
    if (this.idsByUsernameKey.has(usernameKey)) throw UsersErrors.usernameTaken();
    if (this.idsByEmailKey.has(emailKey)) throw UsersErrors.emailTaken();
    this.lastId += 1;
    const stored: StoredUser = {
      userId: this.lastId,
      username: user.username,
      email: user.email,
      passwordHash: user.passwordHash,
      createdAt: user.createdAt,
    };
    this.usersById.set(stored.userId, stored);
    this.idsByUsernameKey.set(usernameKey, stored.userId);
    this.idsByEmailKey.set(emailKey, stored.userId);
    this.usernameKeys.add(usernameKey);
    return { ...stored };
  }

  async findById(userId: number): Promise<StoredUser | null> {
    const user = this.usersById.get(userId);
    return user === undefined ? null : { ...user };
  }

  async findManyByIds(userIds: readonly number[]): Promise<StoredUser[]> {
    return [...new Set(userIds)]
      .sort((a, b) => a - b)
      .flatMap((userId) => {
        const user = this.usersById.get(userId);
        return user === undefined ? [] : [{ ...user }];
      });
  }

  async findByUsername(username: string): Promise<StoredUser | null> {
    const userId = this.idsByUsernameKey.get(username.toLowerCase());
    return userId === undefined ? null : this.findById(userId);
  }

  async findByUsernamePrefix(prefix: string, limit: number): Promise<StoredUser[]> {
    return this.usernameKeys.withPrefix(prefix.toLowerCase(), limit).flatMap((key) => {
      const user = this.usersById.get(this.idsByUsernameKey.get(key) ?? 0);
      return user === undefined ? [] : [{ ...user }];
    });
  }
}
