import { requireServices } from '../../services/require-services';
import { originEnv } from '../browser-origins';
import { freePorts } from '../free-port';
import { grpcServing, httpHealthy, waitUntilReady } from '../readiness';
import { RoleProcess } from '../role-process';
import { compiledMain, gatewayEndpoint, runningTarget, stopAllOnFailure, type RunningTarget, type TargetOptions } from './running-target';
import { splitGrpcSecurity } from './split-grpc-security';
import { prepareSplitResources, releaseSplitResources, sharedServicesUsed, splitResourcesWith } from './split-resources';

const HOST = '127.0.0.1';
const GATEWAY_COUNT = 2;

/**
 * The split deployment as separate processes: one user-service, one chat-service and
 * two gateways, over real MongoDB (FerretDB), Redis and RabbitMQ. Clients spread over
 * both gateways, so realtime tests cross gateway instances. A broker, Redis or database that
 * `options.env` names (AMQP_URL, REDIS_URL, USERS_MONGO_URL, CHAT_MONGO_URL) replaces the shared one. With `options.grpcTls` every
 * gRPC channel runs mTLS with development certificates, as the compose file runs it.
 */
export const startSplit = async (options: TargetOptions): Promise<RunningTarget> => {
  const mainPath = compiledMain(options.rootDir);
  const resources = splitResourcesWith(prepareSplitResources(), options.env);
  await requireServices(sharedServicesUsed(resources));
  const security = splitGrpcSecurity(resources.serviceToken, options.grpcTls ?? false);
  const chatReplicas = options.chatReplicas ?? 1;
  const ports = await freePorts(2 * (1 + chatReplicas + GATEWAY_COUNT), HOST);
  const [usersPort] = ports as [number];
  const chatPorts = ports.slice(1, 1 + chatReplicas);
  const gatewayPorts = ports.slice(1 + chatReplicas, 1 + chatReplicas + GATEWAY_COUNT);
  const metricsPorts = ports.slice(1 + chatReplicas + GATEWAY_COUNT);
  const gatewayMetricsPorts = metricsPorts.slice(1 + chatReplicas);
  const usersAddress = `${HOST}:${usersPort}`;
  // The chat service and the second gateway dial the user service by name, a channel per address the system resolver gives.
  const usersByName = `dns:///localhost:${usersPort}`;
  const chatAddress = chatPorts.map((port) => `${HOST}:${port}`).join(',');
  const common = { LOG_LEVEL: options.logLevel, AMQP_URL: resources.amqpUrl, AMQP_EXCHANGE: resources.amqpExchange };
  const role = (name: string, roleName: string, env: Record<string, string>, own: Readonly<Record<string, string>> = {}) =>
    new RoleProcess({ name, role: roleName, mainPath, cwd: options.rootDir, env: { ...common, ...env, ...options.env, ...own } });

  const started: RoleProcess[] = [];
  const users = role('user-service', 'user-service', {
    GRPC_HOST: HOST, GRPC_PORT: String(usersPort), BCRYPT_COST: '4', METRICS_PORT: String(metricsPorts[0]),
    USERS_MONGO_URL: resources.usersMongoUrl, ...security.users,
  });
  const chats = chatPorts.map((port, index) => ({
    port,
    process: role(index === 0 ? 'chat-service' : `chat-service-${index + 1}`, 'chat-service', {
      GRPC_HOST: HOST, GRPC_PORT: String(port), CHAT_MONGO_URL: resources.chatMongoUrl, METRICS_PORT: String(metricsPorts[index + 1]),
      REDIS_URL: resources.redisUrl, REDIS_KEY_PREFIX: resources.redisKeyPrefix, USERS_GRPC_ADDRESS: usersByName,
      ...security.chat,
    }),
  }));
  started.push(users, ...chats.map((chat) => chat.process));
  await stopAllOnFailure(started, () =>
    Promise.all([
      waitUntilReady(users, `gRPC ${usersAddress}`, () => grpcServing(HOST, usersPort, security.clientTls), options.startTimeoutMs),
      ...chats.map(({ port, process: chat }) =>
        waitUntilReady(chat, `gRPC ${HOST}:${port}`, () => grpcServing(HOST, port, security.clientTls), options.startTimeoutMs),
      ),
    ]),
  );

  const gateways = gatewayPorts.map((port, index) => ({
    endpoint: gatewayEndpoint(HOST, port, gatewayMetricsPorts[index]),
    process: role(`gateway-${index + 1}`, 'gateway', {
      PORT: String(port), HOST, METRICS_PORT: String(gatewayMetricsPorts[index]),
      USERS_GRPC_ADDRESS: index === 0 ? usersAddress : usersByName, CHAT_GRPC_ADDRESS: chatAddress, ...security.gateway, ...originEnv,
      REDIS_URL: resources.redisUrl, REDIS_KEY_PREFIX: resources.redisKeyPrefix,
    }, options.gatewayEnv?.[index]),
  }));
  started.push(...gateways.map((gateway) => gateway.process));
  await stopAllOnFailure(started, () =>
    Promise.all(
      gateways.map(({ endpoint, process: child }) =>
        waitUntilReady(child, `GET ${endpoint.httpUrl}/health`, () => httpHealthy(endpoint.httpUrl), options.startTimeoutMs),
      ),
    ),
  );
  return runningTarget(
    {
      gateways: gateways.map((gateway) => gateway.endpoint),
      grpcServices: { usersGrpcAddress: usersAddress, chatGrpcAddress: chatAddress, ...(security.clientTls ? { tls: security.clientTls } : {}) },
    },
    started,
    async () => {
      security.release();
      await releaseSplitResources(resources);
    },
  );
};
