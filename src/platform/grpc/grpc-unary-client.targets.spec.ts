import { DomainError } from '@chatterroom/kernel';
import { affinityIndex, type GrpcUnaryClient } from './grpc-unary-client';
import { startUserServiceStub, unaryClientTo as clientTo } from '@chatterroom/test/kits/grpc/user-service-stub';

/** A user service whose every call is counted and answered by the server itself (USER_NOT_FOUND). */
const countingServer = (at: { host?: string; port?: number } = {}) => startUserServiceStub(new DomainError('USER_NOT_FOUND', 'not-found', 'No such user'), at);

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

  describe('dns:/// names that resolve to several replicas', () => {
    /** Three replicas on one port, each on its own loopback address, as replicas behind a name are on their own hosts. */
    const replicasOnOnePort = async () => {
      const first = await countingServer({ host: '127.0.0.1' });
      const port = first.server.port;
      const rest = [await countingServer({ host: '127.0.0.2', port }), await countingServer({ host: '127.0.0.3', port })];
      return { port, replicas: [first, ...rest] };
    };
    /** What the name answers now (a DNS name with several records stands in this way: the machine's hosts file is not the test's to edit). */
    let answer: string[] = [];
    const lookup = async (host: string) => {
      if (host !== 'chat-replicas.test') throw new Error(`unknown name ${host}`);
      return answer;
    };

    it('opens a channel per address, sends one affinity to one replica whatever order the name lists them in, spreads the rest, and follows the name as replicas come and go', async () => {
      const { port, replicas } = await replicasOnOnePort();
      answer = ['127.0.0.3', '127.0.0.1', '127.0.0.2'];
      const client = clientTo(`dns:///chat-replicas.test:${port}`, undefined, lookup);
      const calls = () => replicas.map((replica) => replica.calls());
      const call = (affinity?: string) => client.call('GetUser', { userId: 1 }, { retryable: true, ...(affinity === undefined ? {} : { affinity }) }).catch((error: DomainError) => error.code);
      try {
        await client.resolveNow();
        expect(await callsOf(client, 'GetUser', { userId: 1 }, true, 9)).toEqual(Array(9).fill('USER_NOT_FOUND'));
        expect(calls()).toEqual([3, 3, 3]);

        // replicas in sorted address order, as every gateway sorts them
        const key = Array.from({ length: 40 }, (_, index) => `room:${index}`).find((candidate) => affinityIndex(candidate, 3) === 2) as string;
        for (let time = 0; time < 4; time += 1) await call(key);
        expect(calls()).toEqual([3, 3, 7]);

        answer = ['127.0.0.1'];
        await client.resolveNow();
        for (let time = 0; time < 3; time += 1) await call(key);
        expect(calls()).toEqual([6, 3, 7]);

        answer = ['127.0.0.2', '127.0.0.1', '127.0.0.3'];
        await client.resolveNow();
        await call(key);
        expect(calls()).toEqual([6, 3, 8]);
      } finally {
        client.close();
        for (const replica of replicas) await replica.server.close();
      }
    });

    it('moves an affinity to another replica while its own is down, and keeps the channels when the name stops resolving', async () => {
      const { port, replicas } = await replicasOnOnePort();
      answer = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];
      const client = clientTo(`dns:///chat-replicas.test:${port}`, undefined, lookup);
      const key = Array.from({ length: 40 }, (_, index) => `room:${index}`).find((candidate) => affinityIndex(candidate, 3) === 0) as string;
      const call = () => client.call('GetUser', { userId: 1 }, { retryable: true, affinity: key }).catch((error: DomainError) => error.code);
      try {
        await client.resolveNow();
        expect(await call()).toBe('USER_NOT_FOUND');
        expect(replicas[0]?.calls()).toBe(1);
        await replicas[0]?.server.close();
        expect(await call()).toBe('USER_NOT_FOUND');
        expect((replicas[1]?.calls() ?? 0) + (replicas[2]?.calls() ?? 0)).toBe(1);

        answer = [];
        await client.resolveNow();
        expect(await call()).toBe('USER_NOT_FOUND');
        expect((replicas[1]?.calls() ?? 0) + (replicas[2]?.calls() ?? 0)).toBe(2);
      } finally {
        client.close();
        for (const replica of replicas) await replica.server.close();
      }
    });
  });
});
