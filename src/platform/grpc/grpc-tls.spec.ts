import { DomainError, silentLogger } from '@chatterroom/kernel';
import { usersGrpcService } from '@chatterroom/users/adapters/grpc/users.grpc-server';
import { makeDevCerts, type DevCerts } from '@chatterroom/test/harness/dev-certs';
import { serviceIdentity } from './grpc-call-credentials';
import { startGrpcServer, type RunningGrpcServer } from './grpc-server';
import type { GrpcClientTls, GrpcServerTls } from './grpc-tls';
import { GrpcUnaryClient } from './grpc-unary-client';
import type { LookupAddresses } from './grpc-channel-set';
import { userServiceProto } from './proto-files';
import { unusedSessionPorts } from '@chatterroom/test/contract/ports/users/unused-session-ports';

const SERVICE_TOKEN = 'grpc-tls-spec-service-token-'.padEnd(40, 'x');
const unused = () => Promise.reject(new Error('unused'));

describe('gRPC over TLS and mTLS (certificates from scripts/dev-certs.sh)', () => {
  let certs: DevCerts;
  let otherCa: DevCerts;
  const servers: RunningGrpcServer[] = [];

  beforeAll(() => {
    certs = makeDevCerts();
    otherCa = makeDevCerts();
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });
  afterAll(() => {
    certs.remove();
    otherCa.remove();
  });

  const serve = async (tls: GrpcServerTls, host = '127.0.0.1'): Promise<RunningGrpcServer> => {
    const server = await startGrpcServer({
      host,
      port: 0,
      logger: silentLogger,
      tls,
      auth: { tokenVerifier: { verify: unused }, serviceToken: SERVICE_TOKEN },
      services: [
        usersGrpcService({
          ...unusedSessionPorts,
          userAccounts: { register: unused, authenticate: unused },
          userDirectory: { getUser: async ({ userId }) => ({ userId, username: 'tls', email: 'tls@example.com' }), getUsers: unused, searchUsers: unused },
        }),
      ],
    });
    servers.push(server);
    return server;
  };

  /** One GetUser through a fresh channel: the reply, or the DomainError the client rebuilt. */
  const getUserThrough = async (server: RunningGrpcServer, tls: GrpcClientTls | undefined, address = `127.0.0.1:${server.port}`, lookupAddresses?: LookupAddresses): Promise<unknown> => {
    const client = new GrpcUnaryClient({
      address,
      ...(lookupAddresses === undefined ? {} : { lookupAddresses }),
      proto: userServiceProto(),
      serviceLabel: 'User service',
      deadlineMs: 15_000,
      callCredentials: serviceIdentity(SERVICE_TOKEN),
      tls,
      logger: silentLogger,
    });
    try {
      await client.resolveNow();
      return await client.call('GetUser', { userId: 4 }, { retryable: false });
    } catch (error) {
      return error;
    } finally {
      client.close();
    }
  };

  const mtlsServer = () =>
    serve({ certChain: certs.read('user-service.crt'), privateKey: certs.read('user-service.key'), clientCa: certs.read('ca.crt') });
  const refused = expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' });

  it('accepts a client that trusts its CA and shows a certificate from the same CA', async () => {
    const server = await mtlsServer();
    const tls = { ca: certs.read('ca.crt'), certChain: certs.read('gateway.crt'), privateKey: certs.read('gateway.key') };
    expect(await getUserThrough(server, tls)).toEqual({ userId: 4, username: 'tls', email: '' });
  });

  it('refuses a plaintext client', async () => {
    const error = await getUserThrough(await mtlsServer(), undefined);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toEqual(refused);
  });

  it('refuses a client whose certificate another CA signed', async () => {
    const tls = { ca: certs.read('ca.crt'), certChain: otherCa.read('gateway.crt'), privateKey: otherCa.read('gateway.key') };
    expect(await getUserThrough(await mtlsServer(), tls)).toEqual(refused);
  });

  it('refuses a client without a certificate when it requires one', async () => {
    expect(await getUserThrough(await mtlsServer(), { ca: certs.read('ca.crt') })).toEqual(refused);
  });

  it('is refused by a client that does not trust the CA of its certificate', async () => {
    const tls = { ca: otherCa.read('ca.crt'), certChain: otherCa.read('gateway.crt'), privateKey: otherCa.read('gateway.key') };
    expect(await getUserThrough(await mtlsServer(), tls)).toEqual(refused);
  });

  it('serves TLS without client certificates when it has no client CA', async () => {
    const server = await serve({ certChain: certs.read('chat-service.crt'), privateKey: certs.read('chat-service.key') });
    expect(await getUserThrough(server, { ca: certs.read('ca.crt') })).toEqual({ userId: 4, username: 'tls', email: '' });
    expect(await getUserThrough(server, undefined)).toEqual(refused);
  });

  it('checks the certificate against the name when a dns:/// name is dialled address by address', async () => {
    // 127.0.0.2 is not in the certificate (DNS:user-service, DNS:localhost, IP:127.0.0.1); the name is
    const server = await serve({ certChain: certs.read('user-service.crt'), privateKey: certs.read('user-service.key') }, '127.0.0.2');
    const tls = { ca: certs.read('ca.crt') };
    const resolvesTo = (address: string) => async () => [address];
    expect(await getUserThrough(server, tls, `dns:///user-service:${server.port}`, resolvesTo('127.0.0.2'))).toEqual({ userId: 4, username: 'tls', email: '' });
    expect(await getUserThrough(server, tls, `127.0.0.2:${server.port}`)).toEqual(refused);
    expect(await getUserThrough(server, tls, `dns:///gateway:${server.port}`, resolvesTo('127.0.0.2'))).toEqual(refused);
  });
});
