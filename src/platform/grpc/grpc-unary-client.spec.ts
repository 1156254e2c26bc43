import { createServer } from 'node:net';
import { DomainError, silentLogger, type Logger } from '@chatterroom/kernel';
import { startUserServiceStub, unaryClientTo as clientTo } from '@chatterroom/test/kits/grpc/user-service-stub';

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
    const { server, calls } = await startUserServiceStub(
      new DomainError('SERVICE_UNAVAILABLE', 'unavailable', 'Something behind it is unavailable'),
    );
    const client = clientTo(`127.0.0.1:${server.port}`, silentLogger);
    try {
      await expect(client.call('GetUser', { userId: 1 }, { retryable: true })).rejects.toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: 'Something behind it is unavailable',
      });
      expect(calls()).toBe(1);
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
