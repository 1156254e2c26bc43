import { dirname, join } from 'node:path';
import { Client, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { loadSync, type ServiceDefinition } from '@grpc/proto-loader';
import { FileDescriptorProto, type IDescriptorProto } from 'protobufjs/ext/descriptor';
import { service as healthService } from 'grpc-health-check';
import { DomainError, silentLogger, type ErrorKind, type Logger } from '@chatterroom/kernel';
import type { UserRecord } from '@chatterroom/users/contracts';
import { usersGrpcService } from '@chatterroom/users/adapters/grpc/users.grpc-server';
import { GrpcUsersClient } from '@chatterroom/users/adapters/grpc/users.grpc-client';
import { RpcAccess } from './grpc-access';
import { GRPC_STATUS_BY_KIND } from './grpc-error-table';
import { serviceIdentity } from './grpc-call-credentials';
import { startGrpcServer, type RunningGrpcServer } from './grpc-server';
import { USER_SERVICE_NAME, userServiceProto } from './proto-files';
import { unusedSessionPorts } from '@chatterroom/test/contract/ports/users/unused-session-ports';

const SERVICE_TOKEN = 'grpc-server-spec-service-token-'.padEnd(40, 'x');
/** Services only: these cases call as a service, so no user token is ever valid. */
const AUTH = {
  tokenVerifier: { verify: () => Promise.reject(new DomainError('AUTH_INVALID_TOKEN', 'unauthenticated', 'no users here')) },
  serviceToken: SERVICE_TOKEN,
};

const unused = () => Promise.reject(new Error('unused'));
const unusedPorts = {
  ...unusedSessionPorts,
  userAccounts: { register: unused, authenticate: unused },
  userDirectory: { getUser: unused, getUsers: unused, searchUsers: unused },
};

/** A users server whose getUser does what `getUser` says; register/authenticate are unused here. */
const startUsersServer = (getUser: (userId: number) => Promise<UserRecord>, logger: Logger = silentLogger, maxConcurrentCalls?: number) =>
  startGrpcServer({
    host: '127.0.0.1',
    port: 0,
    logger,
    ...(maxConcurrentCalls === undefined ? {} : { maxConcurrentCalls }),
    auth: AUTH,
    services: [
      usersGrpcService({
        ...unusedSessionPorts,
        userAccounts: { register: () => Promise.reject(new Error('unused')), authenticate: () => Promise.reject(new Error('unused')) },
        userDirectory: { getUser: ({ userId }) => getUser(userId), getUsers: () => Promise.reject(new Error('unused')), searchUsers: () => Promise.reject(new Error('unused')) },
      }),
    ],
  });

const clientOf = (server: RunningGrpcServer, grpcDeadlineMs = 5_000) =>
  new GrpcUsersClient({
    usersGrpcAddress: `127.0.0.1:${server.port}`,
    grpcDeadlineMs,
    grpcCallCredentials: serviceIdentity(SERVICE_TOKEN),
    grpcClientTls: undefined,
    logger: silentLogger,
  });

const rawClient = (server: RunningGrpcServer) => new Client(`127.0.0.1:${server.port}`, credentials.createInsecure());

const healthCheck = (client: Client, service: string): Promise<{ status: string }> => {
  const check = healthService.Check!;
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(check.path, check.requestSerialize, check.responseDeserialize, { service }, new Metadata(), {}, (error, reply) =>
      error ? reject(error) : resolve(reply as { status: string }),
    );
  });
};

const reflectionProto = join(dirname(require.resolve('@grpc/reflection/package.json')), 'build/proto/grpc/reflection/v1/reflection.proto');

const listedServices = (client: Client): Promise<string[]> => {
  const service = loadSync(reflectionProto, { keepCase: true, defaults: true, arrays: true })['grpc.reflection.v1.ServerReflection'];
  const method = (service as ServiceDefinition).ServerReflectionInfo!;
  return new Promise((resolve, reject) => {
    const stream = client.makeBidiStreamRequest(method.path, method.requestSerialize, method.responseDeserialize);
    stream.on('data', (reply: { list_services_response?: { service: { name: string }[] } }) => {
      resolve((reply.list_services_response?.service ?? []).map((entry) => entry.name));
      stream.end();
    });
    stream.on('error', reject);
    stream.write({ list_services: '*' });
  });
};

/** The file descriptors reflection answers for the file defining `symbol`. */
const reflectedFiles = (client: Client, symbol: string): Promise<Array<{ messageType?: IDescriptorProto[] }>> => {
  const service = loadSync(reflectionProto, { keepCase: true, defaults: true, arrays: true })['grpc.reflection.v1.ServerReflection'];
  const method = (service as ServiceDefinition).ServerReflectionInfo!;
  return new Promise((resolve, reject) => {
    const stream = client.makeBidiStreamRequest(method.path, method.requestSerialize, method.responseDeserialize);
    stream.on('data', (reply: { file_descriptor_response?: { file_descriptor_proto: Buffer[] } }) => {
      resolve((reply.file_descriptor_response?.file_descriptor_proto ?? []).map((bytes) => FileDescriptorProto.decode(bytes) as never));
      stream.end();
    });
    stream.on('error', reject);
    stream.write({ file_containing_symbol: symbol });
  });
};

describe('startGrpcServer', () => {
  const started: Array<{ close(): unknown }> = [];
  afterEach(async () => {
    for (const item of started.splice(0).reverse()) await item.close();
  });
  const track = <T extends { close(): unknown }>(item: T): T => {
    started.push(item);
    return item;
  };

  it('binds a free port when asked for port 0', async () => {
    const server = track(await startUsersServer(async (userId) => ({ userId, username: 'u', email: 'u@example.com' })));
    expect(server.port).toBeGreaterThan(0);
    // a service identity is not the user: no email
    await expect(track(clientOf(server)).getUser({ userId: 9 })).resolves.toEqual({ userId: 9, username: 'u', email: '' });
  });

  it('runs at most maxConcurrentCalls calls at once: a waiting call whose deadline passes is refused without running, health still answers', async () => {
    let started = 0;
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const server = track(
      await startUsersServer(
        async (userId) => {
          started += 1;
          if (userId === 1) await held;
          return { userId, username: 'u', email: 'u@example.com' };
        },
        silentLogger,
        1,
      ),
    );
    const first = track(clientOf(server)).getUser({ userId: 1 });
    while (started === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(track(clientOf(server, 200)).getUser({ userId: 2 })).rejects.toBeInstanceOf(DomainError);
    await expect(healthCheck(track(rawClient(server)), '')).resolves.toEqual({ status: 'SERVING' });
    expect(started).toBe(1);
    release();
    await expect(first).resolves.toMatchObject({ userId: 1 });
    await expect(track(clientOf(server)).getUser({ userId: 3 })).resolves.toMatchObject({ userId: 3 });
    expect(started).toBe(2);
  });

  it('answers health checks SERVING for the whole server and each service, NOT_FOUND for others', async () => {
    const server = track(await startUsersServer(async () => Promise.reject(new Error('unused'))));
    const client = track(rawClient(server));
    await expect(healthCheck(client, '')).resolves.toEqual({ status: 'SERVING' });
    await expect(healthCheck(client, USER_SERVICE_NAME)).resolves.toEqual({ status: 'SERVING' });
    await expect(healthCheck(client, 'no.such.Service')).rejects.toMatchObject({ code: 5 });
  });

  it('lists its services and the health service through server reflection', async () => {
    const server = track(await startUsersServer(async () => Promise.reject(new Error('unused'))));
    const names = await listedServices(track(rawClient(server)));
    expect(names.sort()).toEqual(['chatterroom.users.v1.UserService', 'grpc.health.v1.Health']);
  });

  it('describes the health service through reflection with protoc-style map entries, so reflection clients can call it', async () => {
    const server = track(await startUsersServer(async () => Promise.reject(new Error('unused'))));
    const files = await reflectedFiles(track(rawClient(server)), 'grpc.health.v1.Health');
    const listResponse = files.flatMap((file) => file.messageType ?? []).find((message) => message.name === 'HealthListResponse');
    expect(listResponse?.nestedType?.map((nested) => nested.name)).toEqual(['StatusesEntry']);
    expect(listResponse?.field?.map((field) => field.typeName)).toEqual(['StatusesEntry']);
  });

  it.each(Object.entries(GRPC_STATUS_BY_KIND))('carries a DomainError of kind %s as status %i and rebuilds it', async (kind, status) => {
    const thrown = new DomainError(`TEST_${kind.toUpperCase()}`, kind as ErrorKind, `failure of kind ${kind} \u2013 caf\u00e9`);
    const server = track(await startUsersServer(async () => Promise.reject(thrown)));
    const raw = await new Promise<ServiceError>((resolve) => {
      const method = userServiceProto().definition.GetUser!;
      const metadata = serviceIdentity(SERVICE_TOKEN)();
      track(rawClient(server)).makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, { userId: 1 }, metadata, {}, (error) =>
        resolve(error as ServiceError),
      );
    });
    expect(raw.code).toBe(status);
    expect(raw.metadata.get('x-error-code')).toEqual([thrown.code]);
    expect(raw.metadata.get('x-error-kind')).toEqual([kind]);
    const rebuilt = await track(clientOf(server)).getUser({ userId: 1 }).catch((error: unknown) => error);
    expect(rebuilt).toBeInstanceOf(DomainError);
    expect(rebuilt).toMatchObject({ code: thrown.code, kind: thrown.kind, message: thrown.message });
  });

  it('answers an unexpected exception with INTERNAL and a generic message, logs it, and keeps serving', async () => {
    const logged: object[] = [];
    const logger: Logger = { ...silentLogger, error: (obj) => logged.push(obj) };
    const bug = new TypeError('secret detail of a bug');
    let calls = 0;
    const server = track(
      await startUsersServer(async (userId) => {
        calls += 1;
        if (calls === 1) throw bug;
        return { userId, username: 'after', email: 'after@example.com' };
      }, logger),
    );
    const client = track(clientOf(server));
    const error = await client.getUser({ userId: 1 }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'INTERNAL_ERROR', kind: 'internal' });
    expect((error as Error).message).not.toContain('secret');
    expect(logged).toEqual([expect.objectContaining({ err: bug, method: `${USER_SERVICE_NAME}/GetUser` })]);
    await expect(client.getUser({ userId: 2 })).resolves.toMatchObject({ userId: 2, username: 'after' });
  });

  it('refuses to start when an RPC of the proto has no handler', async () => {
    const binding = { proto: userServiceProto(), access: usersGrpcService(unusedPorts).access, handlers: { GetUser: async () => ({}) } };
    await expect(startGrpcServer({ host: '127.0.0.1', port: 0, services: [binding], auth: AUTH, logger: silentLogger })).rejects.toThrow(
      /no handler for CreateUser/,
    );
  });

  it('refuses to start when an RPC of the proto has no access rule', async () => {
    const { handlers } = usersGrpcService(unusedPorts);
    const binding = { proto: userServiceProto(), access: { CreateUser: RpcAccess.open() }, handlers };
    await expect(startGrpcServer({ host: '127.0.0.1', port: 0, services: [binding], auth: AUTH, logger: silentLogger })).rejects.toThrow(
      /no access rule for AuthenticateUser/,
    );
  });

  it('stops serving on close, and close can be called twice', async () => {
    const server = await startUsersServer(async (userId) => ({ userId, username: 'u', email: 'u@example.com' }));
    const client = track(clientOf(server));
    await client.getUser({ userId: 1 });
    await Promise.all([server.close(), server.close()]);
    await expect(client.getUser({ userId: 1 })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', kind: 'unavailable' });
  });
});
