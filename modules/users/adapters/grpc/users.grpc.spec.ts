import { silentLogger, systemClock } from '../../../kernel';
import { InMemoryEventBus } from '../../../kernel/adapters/in-memory-event-bus';
import { forwardedCallerToken, startGrpcServer } from '../../../../src/platform/grpc';
import { onBehalfOfActingUser } from '../../../../test/contract/ports/on-behalf-of-acting-user';
import { describeUsersApiContract } from '../../../../test/contract/ports/users/users-api.contract';
import { BcryptPasswordHasher } from '../crypto/bcrypt-password.hasher';
import { HmacJwtTokens } from '../crypto/hmac-jwt.tokens';
import { InMemoryUserRepository } from '../in-memory/in-memory-user.repository';
import { UsersService } from '../../application/users.service';
import { GrpcUsersClient } from './users.grpc-client';
import { usersGrpcService } from './users.grpc-server';

const JWT_SECRET = 'loopback-test-secret-'.padEnd(48, 'x');

describeUsersApiContract('GrpcUsersClient over a loopback gRPC server', async () => {
  const tokens = new HmacJwtTokens({ jwtSecret: JWT_SECRET, jwtTtlSeconds: 3600, clock: systemClock });
  const eventBus = new InMemoryEventBus({ logger: silentLogger });
  const service = new UsersService({
    userRepository: new InMemoryUserRepository(),
    passwordHasher: new BcryptPasswordHasher({ bcryptCost: 4 }),
    tokenIssuer: tokens,
    eventBus,
    clock: systemClock,
    logger: silentLogger,
  });
  const server = await startGrpcServer({
    host: '127.0.0.1',
    port: 0,
    services: [usersGrpcService({ userAccounts: service, userDirectory: service })],
    auth: { tokenVerifier: tokens },
    logger: silentLogger,
  });
  const client = new GrpcUsersClient({
    usersGrpcAddress: `127.0.0.1:${server.port}`,
    grpcDeadlineMs: 5_000,
    grpcCallCredentials: forwardedCallerToken,
    grpcClientTls: undefined,
    logger: silentLogger,
  });
  // GetUser shows the email to its owner only: each lookup runs as the user it looks up.
  const remote = onBehalfOfActingUser(client, tokens);
  const verifier = new HmacJwtTokens({ jwtSecret: JWT_SECRET, jwtTtlSeconds: 3600, clock: systemClock });
  return {
    accounts: remote,
    directory: remote,
    verifier,
    close: async () => {
      await client.close();
      await server.close();
      await eventBus.close();
    },
  };
});
