import { DomainError } from '@chatterroom/kernel';
import type { GetUsersInput, UserDirectory, UserSummary } from '@chatterroom/users/contracts';
import { UserBatchLoader } from './user-batch-loader';

const directory = (known: (userId: number) => boolean = () => true) => {
  const calls: number[][] = [];
  const userDirectory: Pick<UserDirectory, 'getUsers'> = {
    getUsers: async ({ userIds }: GetUsersInput): Promise<UserSummary[]> => {
      calls.push([...userIds]);
      return userIds.filter(known).map((userId) => ({ userId, username: `user${userId}` }));
    },
  };
  return { calls, userDirectory: userDirectory as UserDirectory };
};

describe('UserBatchLoader', () => {
  it('asks once, in one call, for every user loaded in the same tick', async () => {
    const { calls, userDirectory } = directory();
    const loader = new UserBatchLoader({ userDirectory });
    const users = await Promise.all([loader.load(3), loader.load(1), loader.load(3), loader.load(2)]);
    expect(users.map((user) => user?.username)).toEqual(['user3', 'user1', 'user3', 'user2']);
    expect(calls).toEqual([[3, 1, 2]]);
  });

  it('remembers users already loaded', async () => {
    const { calls, userDirectory } = directory();
    const loader = new UserBatchLoader({ userDirectory });
    await loader.loadMany([1, 2]);
    await loader.loadMany([2, 3]);
    expect(calls).toEqual([[1, 2], [3]]);
  });

  it('loads an unknown user as null, and loadMany leaves it out', async () => {
    const { userDirectory } = directory((userId) => userId !== 2);
    const loader = new UserBatchLoader({ userDirectory });
    expect(await loader.load(2)).toBeNull();
    expect((await loader.loadMany([1, 2, 3])).map((user) => user.userId)).toEqual([1, 3]);
  });

  it('splits more than 500 users into calls of at most 500', async () => {
    const { calls, userDirectory } = directory();
    const loader = new UserBatchLoader({ userDirectory });
    await loader.loadMany(Array.from({ length: 1_001 }, (_, index) => index + 1));
    expect(calls.map((call) => call.length)).toEqual([500, 500, 1]);
  });

  it('fails the loads of a failed call, and asks again next time', async () => {
    const { calls, userDirectory } = directory();
    const getUsers = userDirectory.getUsers.bind(userDirectory);
    let fail = true;
    userDirectory.getUsers = async (input) => {
      if (fail) throw new DomainError('SERVICE_UNAVAILABLE', 'unavailable', 'down');
      return getUsers(input);
    };
    const loader = new UserBatchLoader({ userDirectory });
    await expect(loader.load(1)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    fail = false;
    expect(await loader.load(1)).toEqual({ userId: 1, username: 'user1' });
    expect(calls).toEqual([[1]]);
  });
});
