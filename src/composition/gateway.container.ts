import { asValue, createContainer, InjectionMode, type AwilixContainer } from 'awilix';
import type { Logger } from '@chatterroom/kernel';
import {
  usersGrpcClientRegistrations,
  usersRemoteVerificationRegistrations,
  type UsersVerificationCradle,
} from '@chatterroom/users/users.registrations';
import { chatGrpcClientRegistrations } from '@chatterroom/chat/chat.registrations';
import type { GatewayConfig } from '@chatterroom/roles/role-configs';
import { authRegistrations, platformRegistrations, warnAboutLegacyJwtSettings } from './shared.registrations';
import {
  forwardedCallerGrpcRegistrations,
  grpcServicesReadinessRegistrations,
  rabbitMqEventBusRegistration,
  readinessChecksRegistration,
  redisLimitersRegistration,
  redisRegistration,
  redisSignalBusRegistration,
} from './infrastructure.registrations';
import type { GatewayCradle, OpenCradle } from './gateway-cradle';

/**
 * A gateway of the split deployment: the modules' inbound ports are gRPC clients that
 * forward each request's access token, tokens are verified locally against the user
 * service's public keys (no private key here), sessions are checked with it and revoked by
 * its events, chat events arrive from RabbitMQ, and the abuse limits count in Redis, shared
 * with every other gateway.
 */
export const createGatewayContainer = async (config: GatewayConfig, logger: Logger): Promise<AwilixContainer<OpenCradle<GatewayCradle & UsersVerificationCradle>>> => {
  const container = createContainer<OpenCradle<GatewayCradle & UsersVerificationCradle>>({ injectionMode: InjectionMode.PROXY, strict: true });
  container.register({
    ...platformRegistrations(logger),
    ...authRegistrations(config.auth),
    usersGrpcAddress: asValue(config.grpc.usersAddress),
    chatGrpcAddress: asValue(config.grpc.chatAddress),
    grpcDeadlineMs: asValue(config.grpc.deadlineMs),
    ...forwardedCallerGrpcRegistrations(config.grpcClientTls),
    ...usersGrpcClientRegistrations(),
    ...chatGrpcClientRegistrations(),
    ...usersRemoteVerificationRegistrations(),
    ...(await rabbitMqEventBusRegistration(config.amqp, logger)),
    ...redisRegistration(config.redis, logger),
    ...redisLimitersRegistration(),
    ...grpcServicesReadinessRegistrations(config.grpc.usersAddress, config.grpc.chatAddress, config.grpcClientTls),
    ...readinessChecksRegistration('userServiceReadiness', 'chatServiceReadiness', 'brokerReadiness'),
    ...redisSignalBusRegistration(config.presenceTtlSeconds * 1000),
  });
  warnAboutLegacyJwtSettings(config.auth, logger);
  await container.cradle.sessionStatus.start();
  return container;
};
