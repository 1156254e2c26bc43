import { DomainError } from '@chatterroom/kernel';
import { affinityIndex, type GrpcUnaryClient } from './grpc-unary-client';
import { startUserServiceStub, unaryClientTo as clientTo } from './testing/user-service-stub';

/** A user service whose every call is counted and answered by the server itself (USER_NOT_FOUND). */
const countingServer = () => startUserServiceStub(new DomainError('USER_NOT_FOUND', 'not-found', 'No such user'));

const callsOf = async (client: GrpcUnaryClient, method: string, request: object, retryable: boolean, times: number): Promise<string[]> => {
  const codes: string[] = [];
  for (let index = 0; index < times; index += 1) {
    codes.push(await client.call(method, request, { retryable }).then(() => 'ok', (error: DomainError) => error.code));
  }
  return codes;
};

describe('GrpcUnaryClient over several targets', () => {
  it('spreads calls over a comma-separated list, and keeps serving every call on the survivor once one server is gone', async () => {
    const first = await countingServer();
    const second = await countingServer();
    const client = clientTo(`127.0.0.1:${first.server.port},127.0.0.1:${second.server.port}`);
    try {
      expect(await callsOf(client, 'GetUser', { userId: 1 }, true, 10)).toEqual(Array(10).fill('USER_NOT_FOUND'));
      expect([first.calls(), second.calls()]).toEqual([5, 5]);

      await second.server.close();
      const before = first.calls();
      // not retryable: a call no server saw moves on; none is lost to the dead target
      expect(await callsOf(client, 'CreateUser', { username: 'x', email: 'x@example.com', password: 'password1' }, false, 6)).toEqual(
        Array(6).fill('USER_NOT_FOUND'),
      );
      expect(first.calls() - before).toBe(6);
    } finally {
      client.close();
      await first.server.close();
      await second.server.close();
    }
  });

  it('sends the calls of one affinity to one target, spreads affinities, and moves one to a survivor when its target is gone', async () => {
    const first = await countingServer();
    const second = await countingServer();
    const client = clientTo(`127.0.0.1:${first.server.port},127.0.0.1:${second.server.port}`);
    const keys = Array.from({ length: 40 }, (_, index) => `room:${index}`);
    const onFirst = keys.filter((key) => affinityIndex(key, 2) === 0);
    const call = (affinity: string) => client.call('GetUser', { userId: 1 }, { retryable: true, affinity }).catch((error: DomainError) => error.code);
    try {
      expect(onFirst.length).toBeGreaterThan(0);
      expect(onFirst.length).toBeLessThan(keys.length);
      for (const key of onFirst) for (let time = 0; time < 3; time += 1) await call(key);
      expect([first.calls(), second.calls()]).toEqual([onFirst.length * 3, 0]);

      await first.server.close();
      expect(await call(onFirst[0] as string)).toBe('USER_NOT_FOUND');
      expect(second.calls()).toBe(1);
    } finally {
      client.close();
      await first.server.close();
      await second.server.close();
    }
  });

  it('maps an affinity to a target the same way in every process and version (32-bit FNV-1a)', () => {
    // FNV-1a of "a" is 0xe40c292c (the published test vector)
    expect(affinityIndex('a', 2 ** 32 - 1)).toBe(0xe40c292c);
    expect(new Set(Array.from({ length: 300 }, (_, index) => affinityIndex(`room:${index}`, 3)))).toEqual(new Set([0, 1, 2]));
  });

  it('dials dns:///host:port', async () => {
    const only = await countingServer();
    const client = clientTo(`dns:///localhost:${only.server.port}`);
    try {
      expect(await callsOf(client, 'GetUser', { userId: 1 }, true, 3)).toEqual(Array(3).fill('USER_NOT_FOUND'));
      expect(only.calls()).toBe(3);
    } finally {
      client.close();
      await only.server.close();
    }
  });
});
