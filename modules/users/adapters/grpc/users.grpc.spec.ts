import { silentLogger } from '@chatterroom/kernel';
import { InMemoryEventBus } from '@chatterroom/kernel/adapters/in-memory-event-bus';
import { forwardedCallerToken, startGrpcServer } from '@chatterroom/platform/grpc';
import { onBehalfOfActingUser } from '@chatterroom/test/contract/ports/on-behalf-of-acting-user';
import { describeUsersApiContract } from '@chatterroom/test/contract/ports/users/users-api.contract';
import { makeInProcessUsers, sessionTokenIssuer } from '@chatterroom/test/contract/ports/users/in-process-users';
import { JoseTokenVerifier } from '../jose/jose-token.verifier';
import { JwksKeyCache } from '../jose/jwks-key-cache';
import { RevocationAwareSessionStatus } from '../jose/revocation-aware.session-status';
import { GrpcUsersClient } from './users.grpc-client';
import { usersGrpcService } from './users.grpc-server';

const NOBODY_IN_THE_CASES = 2_147_483_647;

describeUsersApiContract('GrpcUsersClient over a loopback gRPC server', async () => {
  const eventBus = new InMemoryEventBus({ logger: silentLogger });
  const users = makeInProcessUsers({ eventBus });
  const server = await startGrpcServer({
    host: '127.0.0.1',
    port: 0,
    services: [
      usersGrpcService({
        userAccounts: users.usersService,
        userDirectory: users.usersService,
        userSessions: users.sessionsService,
        jwksProvider: users.keyRing,
      }),
    ],
    auth: { tokenVerifier: users.tokenVerifier },
    logger: silentLogger,
  });
  const client = new GrpcUsersClient({
    usersGrpcAddress: `127.0.0.1:${server.port}`,
    grpcDeadlineMs: 5_000,
    grpcCallCredentials: forwardedCallerToken,
    grpcClientTls: undefined,
    logger: silentLogger,
  });
  // Each call runs as the user it acts for, with a real token of theirs (GetUser shows the
  // email to its owner only; session RPCs act for `userId`). Calls naming nobody (open RPCs,
  // GetUsers) run as a user no case creates, so no case's session list gains a session.
  const remote = onBehalfOfActingUser(client, sessionTokenIssuer(users), NOBODY_IN_THE_CASES);
  // a verifier as a gateway has one: public keys and sessions over gRPC, revocations from the bus
  const sessionStatus = new RevocationAwareSessionStatus({
    userSessions: client,
    eventBus,
    clock: { now: () => new Date() },
    logger: silentLogger,
    sessionCheckCacheSeconds: 30,
  });
  await sessionStatus.start();
  const verifier = new JoseTokenVerifier({
    jwksKeyCache: new JwksKeyCache({ jwksProvider: client }),
    sessionStatus,
    clock: { now: () => new Date() },
    tokenClockToleranceSeconds: 5,
  });
  return {
    accounts: remote,
    directory: remote,
    verifier,
    sessions: remote,
    jwks: client,
    close: async () => {
      await client.close();
      await server.close();
      await eventBus.close();
    },
  };
});
