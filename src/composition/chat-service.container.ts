import { hostname } from 'node:os';
import { asValue, createContainer, InjectionMode, type AwilixContainer } from 'awilix';
import type { Logger } from '@chatterroom/kernel';
import {
  usersGrpcClientRegistrations,
  usersRemoteVerificationRegistrations,
  type UsersVerificationCradle,
} from '@chatterroom/users/users.registrations';
import {
  chatApplicationRegistrations,
  chatMongoStorageRegistrations,
  chatRedisMembershipRegistrations,
  redisRelayLeadershipRegistration,
  type ChatApplicationCradle,
} from '@chatterroom/chat/chat.registrations';
import { chatEntities } from '@chatterroom/chat/adapters/mongo';
import type { ChatServiceConfig } from '@chatterroom/roles/role-configs';
import type { OpenCradle, ReadinessCradle } from './gateway-cradle';
import { authRegistrations, platformRegistrations } from './shared.registrations';
import {
  mongoOrmRegistration,
  rabbitMqEventBusRegistration,
  readinessChecksRegistration,
  redisRegistration,
  serviceIdentityGrpcRegistrations,
} from './infrastructure.registrations';
import { watchOutboxLag, watchRelayLeading } from '@chatterroom/platform/metrics/broker-metrics';

/**
 * The chat service: the chat module over its own MongoDB database, room membership
 * cached in Redis, one replica's outbox relay at a time (a lease in Redis), events to
 * RabbitMQ, and users looked up in the user service over gRPC under the service identity.
 * `tokenVerifier` verifies the end users' access tokens the gateway forwards (public keys
 * and sessions from the user service).
 */
export const createChatServiceContainer = async (
  config: ChatServiceConfig,
  logger: Logger,
): Promise<AwilixContainer<OpenCradle<ChatApplicationCradle & UsersVerificationCradle & ReadinessCradle>>> => {
  const container = createContainer<OpenCradle<ChatApplicationCradle & UsersVerificationCradle & ReadinessCradle>>({ injectionMode: InjectionMode.PROXY, strict: true });
  container.register({
    ...platformRegistrations(logger),
    ...authRegistrations(config.auth),
    ...chatApplicationRegistrations(config.chatEventRetentionSeconds),
    ...(await mongoOrmRegistration(config.mongoUrl, chatEntities, logger)),
    ...chatMongoStorageRegistrations(),
    ...redisRegistration(config.redis, logger),
    ...chatRedisMembershipRegistrations(),
    // no other live process listens where this one does, so a restart in its place takes its relay lease back at once
    ...redisRelayLeadershipRegistration(`${hostname()}|${config.grpcServer.host}:${config.grpcServer.port}`),
    usersGrpcAddress: asValue(config.usersAddress),
    grpcDeadlineMs: asValue(config.deadlineMs),
    ...serviceIdentityGrpcRegistrations(config.grpcSecurity.serviceToken, config.grpcClientTls),
    ...usersGrpcClientRegistrations(),
    ...usersRemoteVerificationRegistrations(),
    ...(await rabbitMqEventBusRegistration(config.amqp, logger)),
    ...readinessChecksRegistration('databaseReadiness', 'brokerReadiness'),
  });
  await container.cradle.sessionStatus.start();
  const relay = container.cradle.chatEventRelay;
  relay.start();
  watchOutboxLag(() => relay.pendingSince());
  watchRelayLeading(() => relay.isLeading());
  return container;
};
