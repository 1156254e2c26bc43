import { DomainError } from '@chatterroom/kernel';
import { UsersErrors } from '@chatterroom/users/contracts';
import type { GetUserInput, UserDirectory, UserRecord, UserSummary } from '@chatterroom/users/contracts';
import { UserDirectoryUserLookup } from './user-directory.user-lookup';

/** A UserDirectory over a set of ids that counts its calls (the users module's real service is not needed here). */
const directoryOf = (userIds: number[], failWith?: Error) => {
  const calls: number[] = [];
  const userDirectory: UserDirectory = {
    async getUser({ userId }: GetUserInput): Promise<UserRecord> {
      calls.push(userId);
      if (failWith) throw failWith;
      if (!userIds.includes(userId)) throw UsersErrors.userNotFound(userId);
      return { userId, username: `user${userId}`, email: `user${userId}@example.com` };
    },
    async getUsers(): Promise<UserSummary[]> {
      throw new Error('UserDirectoryUserLookup looks users up one by one');
    },
    async searchUsers(): Promise<UserSummary[]> {
      throw new Error('UserDirectoryUserLookup never searches');
    },
  };
  return { userDirectory, calls, userIds };
};

describe('UserDirectoryUserLookup', () => {
  it('answers true for a user the directory has, false for USERS_USER_NOT_FOUND', async () => {
    const lookup = new UserDirectoryUserLookup(directoryOf([1, 2]));
    expect(await lookup.exists(2)).toBe(true);
    expect(await lookup.exists(3)).toBe(false);
  });

  it('lets any other failure through', async () => {
    const unavailable = new DomainError('UNAVAILABLE', 'unavailable', 'users service down');
    await expect(new UserDirectoryUserLookup(directoryOf([1], unavailable)).exists(1)).rejects.toBe(unavailable);
    const crash = new Error('boom');
    await expect(new UserDirectoryUserLookup(directoryOf([1], crash)).exists(1)).rejects.toBe(crash);
  });

  it('remembers users that exist, but asks again about missing ones', async () => {
    const directory = directoryOf([1]);
    const lookup = new UserDirectoryUserLookup(directory);
    await lookup.exists(1);
    await lookup.exists(1);
    await lookup.exists(5);
    directory.userIds.push(5);
    expect(await lookup.exists(5)).toBe(true);
    expect(directory.calls).toEqual([1, 5, 5]);
  });

  it('forgets the oldest users beyond its cache size', async () => {
    const directory = directoryOf([1, 2, 3]);
    const lookup = new UserDirectoryUserLookup(directory, 2);
    for (const userId of [1, 2, 3, 2, 3, 1]) await lookup.exists(userId);
    expect(directory.calls).toEqual([1, 2, 3, 1]);
  });
});
