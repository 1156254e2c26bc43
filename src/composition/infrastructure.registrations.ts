import { asFunction, asValue, type NameAndRegistrationPair } from 'awilix';
import type { Redis } from 'ioredis';
import type { ConcurrencyLimiter, EventBus, Logger, PresenceDirectory, RateLimiter, SignalBus, SignalThrottle } from '@chatterroom/kernel';
import {
  InMemoryConcurrencyLimiter,
  InMemoryEventBus,
  InMemoryPresenceDirectory,
  InMemoryRateLimiter,
  InMemorySignalBus,
  InMemorySignalThrottle,
} from '@chatterroom/kernel/adapters';
import { RabbitMqEventBus } from '@chatterroom/platform/amqp/rabbitmq-event-bus';
import { closeMongoOrm, createMongoOrm, type MongoOrm, type MongoOrmOptions } from '@chatterroom/platform/mongo';
import { closeRedis, createRedis } from '@chatterroom/platform/redis/create-redis';
import { RedisConcurrencyLimiter } from '@chatterroom/platform/redis/redis-concurrency-limiter';
import { RedisRateLimiter } from '@chatterroom/platform/redis/redis-rate-limiter';
import { RedisSignalBus } from '@chatterroom/platform/redis/redis-signal-bus';
import { RedisPresenceDirectory } from '@chatterroom/platform/redis/redis-presence-directory';
import { RedisSignalThrottle } from '@chatterroom/platform/redis/redis-signal-throttle';
import type { AmqpConfig, RedisConfig } from '@chatterroom/platform/config/app-config';
import { brokerReadiness, mongoReadiness } from '@chatterroom/platform/health/dependency-checks';
import type { ReadinessCheck } from '@chatterroom/kernel';
import { GrpcHealthProbe } from '@chatterroom/platform/grpc/grpc-health-probe';
import { forwardedCallerToken, serviceIdentity, type GrpcCallCredentials, type GrpcClientTls } from '@chatterroom/platform/grpc';

interface GrpcClientSecurityCradle {
  grpcCallCredentials: GrpcCallCredentials;
  grpcClientTls: GrpcClientTls | undefined;
}

/** gRPC clients of a gateway: each call carries the access token of the request it serves. */
export const forwardedCallerGrpcRegistrations = (tls: GrpcClientTls | undefined): NameAndRegistrationPair<GrpcClientSecurityCradle> => ({
  grpcCallCredentials: asValue(forwardedCallerToken),
  grpcClientTls: asValue(tls),
});

/** gRPC clients of a service: each call carries the service identity, never a user's token. */
export const serviceIdentityGrpcRegistrations = (
  serviceToken: string,
  tls: GrpcClientTls | undefined,
): NameAndRegistrationPair<GrpcClientSecurityCradle> => ({
  grpcCallCredentials: asValue(serviceIdentity(serviceToken)),
  grpcClientTls: asValue(tls),
});

/** The single-process event bus; delivery stops when the container is disposed. */
export const inMemoryEventBusRegistration = (): NameAndRegistrationPair<{ eventBus: EventBus }> => ({
  eventBus: asFunction(({ logger }: { logger: Logger }) => new InMemoryEventBus({ logger }))
    .singleton()
    .disposer((bus) => bus.close()),
});

/** RabbitMQ; connects at start so a wrong AMQP_URL fails the start with a clear message. */
export const rabbitMqEventBusRegistration = async (
  amqp: AmqpConfig,
  logger: Logger,
): Promise<NameAndRegistrationPair<{ eventBus: EventBus; brokerReadiness: ReadinessCheck }>> => {
  const bus = new RabbitMqEventBus({ amqpUrl: amqp.url, exchange: amqp.exchange, logger });
  await bus.connect();
  return { eventBus: asFunction(() => bus).singleton().disposer(() => bus.close()), brokerReadiness: asValue(brokerReadiness(bus)) };
};

/** One MikroORM for the given entities; indexes are ensured when it opens. */
export const mongoOrmRegistration = async (
  clientUrl: string,
  entities: MongoOrmOptions['entities'],
  logger: Logger,
): Promise<NameAndRegistrationPair<{ mongoOrm: MongoOrm; databaseReadiness: ReadinessCheck }>> => {
  const orm = await createMongoOrm({ clientUrl, entities, logger });
  return { mongoOrm: asFunction(() => orm).singleton().disposer(() => closeMongoOrm(orm)), databaseReadiness: asValue(mongoReadiness(orm)) };
};

/** Readiness of the services a gateway calls: their gRPC health, over channels of its own. */
export const grpcServicesReadinessRegistrations = (
  usersAddress: string,
  chatAddress: string,
  tls: GrpcClientTls | undefined,
): NameAndRegistrationPair<{ userServiceReadiness: GrpcHealthProbe; chatServiceReadiness: GrpcHealthProbe }> => ({
  userServiceReadiness: asFunction(() => new GrpcHealthProbe('user-service', usersAddress, tls)).singleton().disposer((probe) => probe.close()),
  chatServiceReadiness: asFunction(() => new GrpcHealthProbe('chat-service', chatAddress, tls)).singleton().disposer((probe) => probe.close()),
});

/** `readinessChecks`: the named checks, in order (what /health/ready and gRPC health ask). */
export const readinessChecksRegistration = (...names: string[]): NameAndRegistrationPair<{ readinessChecks: readonly ReadinessCheck[] }> => ({
  readinessChecks: asFunction((cradle: Record<string, ReadinessCheck>) => names.map((name) => cradle[name] as ReadinessCheck)).singleton(),
});

/** ioredis with fail-fast options (it reconnects by itself), and the deployment's key prefix. */
export const redisRegistration = (config: RedisConfig, logger: Logger): NameAndRegistrationPair<{ redis: Redis; keyPrefix: string }> => {
  const redis = createRedis(config.url, logger);
  return {
    redis: asFunction(() => redis).singleton().disposer(() => closeRedis(redis)),
    keyPrefix: asValue(config.keyPrefix),
  };
};

type Limiters = { rateLimiter: RateLimiter; concurrencyLimiter: ConcurrencyLimiter };

/** The abuse limits' counters of one process (the monolith). */
export const inMemoryLimitersRegistration = (): NameAndRegistrationPair<Limiters> => ({
  rateLimiter: asFunction(({ clock }) => new InMemoryRateLimiter({ clock })).singleton(),
  concurrencyLimiter: asFunction(({ clock }) => new InMemoryConcurrencyLimiter({ clock })).singleton(),
});

/** The abuse limits' counters in Redis (needs `redis` and `keyPrefix`), shared by every gateway. */
export const redisLimitersRegistration = (): NameAndRegistrationPair<Limiters> => ({
  rateLimiter: asFunction(({ redis, logger, keyPrefix }) => new RedisRateLimiter({ redis, logger, keyPrefix })).singleton(),
  concurrencyLimiter: asFunction(({ redis, logger, keyPrefix }) => new RedisConcurrencyLimiter({ redis, logger, keyPrefix })).singleton(),
});

type Live = { signalBus: SignalBus; presenceDirectory: PresenceDirectory; signalThrottle: SignalThrottle };

/** Signals (typing, presence changes), their throttle and presence (marks lasting `presenceTtlMs`) within one process: the monolith. */
export const inMemorySignalBusRegistration = (presenceTtlMs: number): NameAndRegistrationPair<Live> => ({
  signalBus: asFunction(({ logger }) => new InMemorySignalBus({ logger }))
    .singleton()
    .disposer((bus) => bus.close()),
  presenceDirectory: asFunction(() => new InMemoryPresenceDirectory({ ttlMs: presenceTtlMs })).singleton(),
  signalThrottle: asFunction(({ clock }) => new InMemorySignalThrottle({ clock })).singleton(),
});

/**
 * Signals over Redis pub/sub, their throttle and presence in Redis (marks lasting `presenceTtlMs`),
 * shared by the gateways (needs `redis` and `keyPrefix`).
 */
export const redisSignalBusRegistration = (presenceTtlMs: number): NameAndRegistrationPair<Live> => ({
  signalBus: asFunction(({ redis, logger, keyPrefix }) => new RedisSignalBus({ redis, logger, keyPrefix }))
    .singleton()
    .disposer((bus) => bus.close()),
  presenceDirectory: asFunction(({ redis, keyPrefix }) => new RedisPresenceDirectory({ redis, keyPrefix, ttlMs: presenceTtlMs })).singleton(),
  signalThrottle: asFunction(({ redis, logger, keyPrefix }) => new RedisSignalThrottle({ redis, logger, keyPrefix })).singleton(),
});
