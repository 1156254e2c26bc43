import { asValue, createContainer, InjectionMode, type AwilixContainer } from 'awilix';
import type { Logger } from '../../modules/kernel';
import { usersCryptoRegistrations, usersGrpcClientRegistrations } from '../../modules/users/users.registrations';
import { chatGrpcClientRegistrations } from '../../modules/chat/chat.registrations';
import type { GatewayConfig } from '../roles/role-configs';
import { authRegistrations, platformRegistrations } from './shared.registrations';
import { forwardedCallerGrpcRegistrations, rabbitMqEventBusRegistration, redisLimitersRegistration, redisRegistration } from './infrastructure.registrations';
import type { GatewayCradle, OpenCradle } from './gateway-cradle';

/**
 * A gateway of the split deployment: the modules' inbound ports are gRPC clients that
 * forward each request's access token, tokens are verified locally with the shared
 * secret, chat events arrive from RabbitMQ, and the abuse limits count in Redis, shared
 * with every other gateway.
 */
export const createGatewayContainer = async (config: GatewayConfig, logger: Logger): Promise<AwilixContainer<OpenCradle<GatewayCradle>>> => {
  const container = createContainer<OpenCradle<GatewayCradle>>({ injectionMode: InjectionMode.PROXY, strict: true });
  container.register({
    ...platformRegistrations(logger),
    ...authRegistrations(config.auth),
    ...usersCryptoRegistrations(),
    usersGrpcAddress: asValue(config.grpc.usersAddress),
    chatGrpcAddress: asValue(config.grpc.chatAddress),
    grpcDeadlineMs: asValue(config.grpc.deadlineMs),
    ...forwardedCallerGrpcRegistrations(config.grpcClientTls),
    ...usersGrpcClientRegistrations(),
    ...chatGrpcClientRegistrations(),
    ...(await rabbitMqEventBusRegistration(config.amqp, logger)),
    ...redisRegistration(config.redis, logger),
    ...redisLimitersRegistration(),
  });
  return container;
};
