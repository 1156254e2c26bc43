import { DomainError } from '@chatterroom/kernel';
import type { GrpcUnaryClient } from './grpc-unary-client';
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
