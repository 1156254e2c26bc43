import { silentLogger } from '../../../kernel';
import { InMemoryEventBus } from '../../../kernel/adapters/in-memory-event-bus';
import { startGrpcServer } from '../../../../src/platform/grpc';
import { describeUsersApiContract } from '../../../../test/contract/ports/users/users-api.contract';
import { makeInProcessUsers } from '../../../../test/contract/ports/users/in-process-users';
import { JoseTokenVerifier } from '../jose/jose-token.verifier';
import { JwksKeyCache } from '../jose/jwks-key-cache';
import { RevocationAwareSessionStatus } from '../jose/revocation-aware.session-status';
import { GrpcUsersClient } from './users.grpc-client';
import { usersGrpcService } from './users.grpc-server';

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
    logger: silentLogger,
  });
  const client = new GrpcUsersClient({ usersGrpcAddress: `127.0.0.1:${server.port}`, grpcDeadlineMs: 5_000, logger: silentLogger });
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
    accounts: client,
    directory: client,
    verifier,
    sessions: client,
    jwks: client,
    close: async () => {
      await client.close();
      await server.close();
      await eventBus.close();
    },
  };
});
