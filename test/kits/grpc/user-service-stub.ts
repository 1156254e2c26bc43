import { silentLogger, type DomainError, type Logger } from '@chatterroom/kernel';
import { usersGrpcService } from '@chatterroom/users/adapters/grpc/users.grpc-server';
import { unusedSessionPorts } from '@chatterroom/test/contract/ports/users/unused-session-ports';
import { serviceIdentity } from '@chatterroom/platform/grpc/grpc-call-credentials';
import { startGrpcServer, type RunningGrpcServer } from '@chatterroom/platform/grpc/grpc-server';
import { GrpcUnaryClient } from '@chatterroom/platform/grpc/grpc-unary-client';
import type { LookupAddresses } from '@chatterroom/platform/grpc/grpc-channel-set';
import { userServiceProto } from '@chatterroom/platform/grpc/proto-files';

/** The service token the stub server accepts and {@link unaryClientTo} presents. */
const STUB_SERVICE_TOKEN = 'unary-client-stub-service-token-'.padEnd(40, 'x');

/** A user service on a loopback address (a free port unless given) whose every call is counted and answered by the server itself with `error`. */
export const startUserServiceStub = async (error: DomainError, at: { host?: string; port?: number } = {}): Promise<{ server: RunningGrpcServer; calls: () => number }> => {
  let calls = 0;
  const answer = async (): Promise<never> => {
    calls += 1;
    throw error;
  };
  const server = await startGrpcServer({
    host: at.host ?? '127.0.0.1',
    port: at.port ?? 0,
    logger: silentLogger,
    auth: { tokenVerifier: { verify: () => Promise.reject(new Error('no users here')) }, serviceToken: STUB_SERVICE_TOKEN },
    services: [
      usersGrpcService({
        ...unusedSessionPorts,
        userAccounts: { register: answer, authenticate: answer },
        userDirectory: { getUser: answer, getUsers: answer, searchUsers: answer },
      }),
    ],
  });
  return { server, calls: () => calls };
};

/** A user-service client to `address` (one target or a comma-separated list) with the stub's service token. */
export const unaryClientTo = (address: string, logger: Logger = silentLogger, lookupAddresses?: LookupAddresses): GrpcUnaryClient =>
  new GrpcUnaryClient({
    address,
    ...(lookupAddresses === undefined ? {} : { lookupAddresses }),
    proto: userServiceProto(),
    serviceLabel: 'User service',
    deadlineMs: 5_000,
    callCredentials: serviceIdentity(STUB_SERVICE_TOKEN),
    logger,
  });
