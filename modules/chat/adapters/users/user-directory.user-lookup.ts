import { isDomainError } from '@chatterroom/kernel';
import { UsersErrors } from '@chatterroom/users/contracts';
import type { UserDirectory } from '@chatterroom/users/contracts';
import type { UserLookup } from '../../ports';

export interface UserDirectoryUserLookupDeps {
  readonly userDirectory: UserDirectory;
}

const USER_NOT_FOUND = UsersErrors.userNotFound(0).code;
export const USER_LOOKUP_CACHE_SIZE = 10_000;

/**
 * {@link UserLookup} answered by the users module's {@link UserDirectory} port (in
 * process in the monolith, a gRPC client in the split). USERS_USER_NOT_FOUND means
 * "no such user"; any other failure propagates. Users are never deleted, so "exists"
 * answers are kept in a bounded cache (oldest forgotten first); "missing" answers are
 * not, since the user may register a moment later.
 */
export class UserDirectoryUserLookup implements UserLookup {
  private readonly known = new Set<number>();

  constructor(
    private readonly deps: UserDirectoryUserLookupDeps,
    private readonly cacheSize = USER_LOOKUP_CACHE_SIZE,
  ) {}

  async exists(userId: number): Promise<boolean> {
    if (this.known.has(userId)) return true;
    try {
      await this.deps.userDirectory.getUser({ userId });
    } catch (error) {
      if (isDomainError(error) && error.code === USER_NOT_FOUND) return false;
      throw error;
    }
    this.remember(userId);
    return true;
  }

  private remember(userId: number): void {
    if (this.known.size >= this.cacheSize) {
      const oldest = this.known.values().next();
      if (oldest.done !== true) this.known.delete(oldest.value);
    }
    this.known.add(userId);
  }
}
