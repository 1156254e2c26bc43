import { ALICE, MALLORY, describeGrpcAccessCases, reachedPorts, startAccessLoopback } from '../../../../test/contract/ports/grpc-access.cases';
import { usersGrpcService } from './users.grpc-server';

describeGrpcAccessCases('UserService', () => usersGrpcService({ userAccounts: reachedPorts(), userDirectory: reachedPorts() }), {
  CreateUser: { access: 'open', request: { username: 'alice', email: 'alice@example.com', password: 'correct horse' } },
  AuthenticateUser: { access: 'open', request: { username: 'alice', password: 'correct horse' } },
  GetUser: { access: 'any user or service', request: { userId: ALICE } },
  GetUsers: { access: 'any user or service', request: { userIds: [ALICE, 7] } },
});

describe('UserService GetUser', () => {
  it('answers the email to its owner only: empty to another user and to a service', async () => {
    const loopback = await startAccessLoopback(
      usersGrpcService({
        userAccounts: reachedPorts(),
        userDirectory: { getUser: async ({ userId }) => ({ userId, username: 'alice', email: 'alice@example.com' }), getUsers: reachedPorts() },
      }),
    );
    try {
      const asked = async (credential: string) => (await loopback.caller.call('GetUser', { userId: ALICE }, credential)).reply;
      expect(await asked(await loopback.bearer(ALICE))).toEqual({ userId: ALICE, username: 'alice', email: 'alice@example.com' });
      expect(await asked(await loopback.bearer(MALLORY))).toEqual({ userId: ALICE, username: 'alice', email: '' });
      expect(await asked(loopback.service)).toEqual({ userId: ALICE, username: 'alice', email: '' });
    } finally {
      await loopback.close();
    }
  });
});
