import { createServer } from 'node:net';
import { DomainError, silentLogger, type Logger } from '../../../modules/kernel';
import { usersGrpcService } from '../../../modules/users/adapters/grpc/users.grpc-server';
import { startGrpcServer } from './grpc-server';
import { serviceIdentity } from './grpc-call-credentials';
import { GrpcUnaryClient } from './grpc-unary-client';
import { userServiceProto } from './proto-files';
import { unusedSessionPorts } from '../../../test/contract/ports/users/unused-session-ports';

/** A port nothing listens on: bound, then released. */
const closedPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

const recordingLogger = () => {
  const debug: object[] = [];
  const logger: Logger = { ...silentLogger, debug: (obj) => debug.push(obj) };
  return { logger, debug };
};

const SERVICE_TOKEN = 'unary-client-spec-service-token-'.padEnd(40, 'x');

const clientTo = (address: string, logger: Logger) =>
  new GrpcUnaryClient({
    address,
    proto: userServiceProto(),
    serviceLabel: 'User service',
    deadlineMs: 5_000,
    callCredentials: serviceIdentity(SERVICE_TOKEN),
    logger,
  });

describe('GrpcUnaryClient', () => {
  it('reports an unreachable service as SERVICE_UNAVAILABLE, after retrying a retryable call', async () => {
    const { logger, debug } = recordingLogger();
    const client = clientTo(`127.0.0.1:${await closedPort()}`, logger);
    try {
      const error = await client.call('GetUser', { userId: 1 }, { retryable: true }).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', kind: 'unavailable', message: 'User service is unavailable' });
      expect(debug).toHaveLength(2);
    } finally {
      client.close();
    }
  });

  it('does not retry a call that is not retryable', async () => {
    const { logger, debug } = recordingLogger();
    const client = clientTo(`127.0.0.1:${await closedPort()}`, logger);
    try {
      await expect(client.call('CreateUser', { username: 'x' }, { retryable: false })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(debug).toHaveLength(0);
    } finally {
      client.close();
    }
  });

  it('does not retry an "unavailable" DomainError the server itself answered', async () => {
    let calls = 0;
    const server = await startGrpcServer({
      host: '127.0.0.1',
      port: 0,
      logger: silentLogger,
      auth: { tokenVerifier: { verify: () => Promise.reject(new Error('no users here')) }, serviceToken: SERVICE_TOKEN },
      services: [
        usersGrpcService({
        ...unusedSessionPorts,
          userAccounts: { register: () => Promise.reject(new Error('unused')), authenticate: () => Promise.reject(new Error('unused')) },
          userDirectory: {
            getUser: async () => {
              calls += 1;
              throw new DomainError('SERVICE_UNAVAILABLE', 'unavailable', 'Something behind it is unavailable');
            },
            getUsers: () => Promise.reject(new Error('unused')),
            searchUsers: () => Promise.reject(new Error('unused')),
          },
        }),
      ],
    });
    const client = clientTo(`127.0.0.1:${server.port}`, silentLogger);
    try {
      await expect(client.call('GetUser', { userId: 1 }, { retryable: true })).rejects.toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: 'Something behind it is unavailable',
      });
      expect(calls).toBe(1);
    } finally {
      client.close();
      await server.close();
    }
  });

  it('refuses a method the proto does not have', async () => {
    const client = clientTo('127.0.0.1:1', silentLogger);
    try {
      await expect(client.call('VerifyToken', {}, { retryable: true })).rejects.toThrow(/no method VerifyToken/);
    } finally {
      client.close();
    }
  });
});
