import { ALICE, MALLORY, describeGrpcAccessCases, reachedPorts, startAccessLoopback } from '@chatterroom/test/contract/ports/grpc-access.cases';
import { unusedSessionPorts } from '@chatterroom/test/contract/ports/users/unused-session-ports';
import { usersGrpcService } from './users.grpc-server';

const allReached = () =>
  usersGrpcService({ userAccounts: reachedPorts(), userDirectory: reachedPorts(), userSessions: reachedPorts(), jwksProvider: reachedPorts() });

describeGrpcAccessCases('UserService', allReached, {
  CreateUser: { access: 'open', request: { username: 'alice', email: 'alice@example.com', password: 'correct horse' } },
  AuthenticateUser: { access: 'open', request: { username: 'alice', password: 'correct horse' } },
  GetUser: { access: 'any user or service', request: { userId: ALICE } },
  GetUsers: { access: 'any user or service', request: { userIds: [ALICE, 7] } },
  RefreshSession: { access: 'open', request: { refreshToken: 'session.secret' } },
  RevokeSession: { access: 'only the user in userId', request: { userId: ALICE, sessionId: 'a-session' } },
  ListSessions: { access: 'only the user in userId', request: { userId: ALICE, currentSessionId: '' } },
  GetJwks: { access: 'open', request: {} },
  CheckSession: { access: 'open', request: { userId: ALICE, sessionId: 'a-session' } },
  IssueWsTicket: { access: 'only the user in userId', request: { userId: ALICE, sessionId: 'a-session', expiresAt: '2030-01-01T00:00:00.000Z' } },
  RedeemWsTicket: { access: 'open', request: { ticket: 'a-ticket' } },
  SearchUsers: { access: 'any user or service', request: { query: 'ali' } },
});

describe('UserService GetUser', () => {
  it('answers the email to its owner only: empty to another user and to a service', async () => {
    const loopback = await startAccessLoopback(
      usersGrpcService({
        ...unusedSessionPorts,
        userAccounts: reachedPorts(),
        userDirectory: { getUser: async ({ userId }) => ({ userId, username: 'alice', email: 'alice@example.com' }), getUsers: reachedPorts(), searchUsers: reachedPorts() },
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
