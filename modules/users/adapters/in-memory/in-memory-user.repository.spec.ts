import { describeUserRepositoryContract } from '@chatterroom/test/contract/ports/users/user-repository.contract';
import { InMemoryUserRepository } from './in-memory-user.repository';

describeUserRepositoryContract('InMemoryUserRepository', async () => ({
  repository: new InMemoryUserRepository(),
  close: async () => {},
}));

describe('InMemoryUserRepository', () => {
  const newUser = (username: string) => ({
    username,
    email: `${username}@example.com`,
    passwordHash: 'hash',
    createdAt: '2024-01-01T00:00:00.000Z',
  });

  it('allocates ids 1, 2, 3 in order', async () => {
    const repository = new InMemoryUserRepository();
    const ids = [];
    for (const name of ['one', 'two', 'three']) ids.push((await repository.insert(newUser(name))).userId);
    expect(ids).toEqual([1, 2, 3]);
  });

  it('shares no mutable object with its callers', async () => {
    const repository = new InMemoryUserRepository();
    const input = { ...newUser('alice') };
    const stored = await repository.insert(input);
    input.username = 'mallory';
    (stored as { username: string }).username = 'mallory';
    const found = await repository.findById(stored.userId);
    (found as { email: string }).email = 'mallory@example.com';
    expect(await repository.findByUsername('alice')).toMatchObject({ username: 'alice', email: 'alice@example.com' });
    expect(await repository.findByUsername('mallory')).toBeNull();
  });
});
