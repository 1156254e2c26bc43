import fastifyWebsocket from '@fastify/websocket';
import fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyLoggerOptions, type RouteOptions } from 'fastify';
import { WebSocket } from 'ws';
import { asyncapiRoutes } from './asyncapi/asyncapi.routes';
import type { GatewayDeps } from './gateway-deps';
import { graphqlPlugin } from './graphql/graphql.plugin';
import { DEFAULT_GRAPHQL_OPTIONS, GRAPHIQL_PATH, GRAPHQL_PATH, type GraphqlOptions } from './graphql/graphql-options';
import { graphiqlRoutes } from './graphiql/graphiql.routes';
import { GraphqlChatFeed } from './graphql/subscriptions/graphql-chat-feed';
import { GraphqlSockets } from './graphql/subscriptions/graphql-sockets';
import { authPlugin } from './http/auth.plugin';
import { errorHandlingPlugin, replyWithError } from './http/error-handling.plugin';
import { AllowedOrigins } from './http/allowed-origins';
import { jsonBodyPlugin } from './http/json-body.plugin';
import { requestIdOf, requestTracingPlugin } from './http/request-tracing.plugin';
import { DOCS_PATH, OPENAPI_PATH, openapiPlugin } from './http/openapi.plugin';
import { originPolicyPlugin } from './http/origin-policy.plugin';
import { securityHeadersPlugin } from './http/security-headers.plugin';
import { STRICT_VALIDATION } from './http/strict-validation';
import { schemaValidationError } from './http/validation-errors';
import { applyLimits } from './limits/gateway-limits';
import { DEFAULT_HTTP_TIMEOUTS, DEFAULT_LIMITS, type HttpTimeouts, type LimitsOptions } from './limits/limits-options';
import { conversationsRoutes } from './routes/conversations.routes';
import { healthRoutes } from './routes/health.routes';
import { httpLatencyPlugin } from './metrics/http-latency.plugin';
import { GatewayDrain } from './gateway-drain';
import { GatewayErrors } from './http/gateway-errors';
import { requestDeadlinePlugin } from './http/request-deadline.plugin';
import { addGaugeSource } from './metrics/gateway-metrics';
import { CountingConcurrencyLimiter, CountingRateLimiter } from './metrics/counting-limiters';
import { privateChatRoutes } from './routes/private-chat.routes';
import { roomChatRoutes } from './routes/room-chat.routes';
import { roomsRoutes } from './routes/rooms.routes';
import { roomAdministrationRoutes } from './routes/room-administration.routes';
import { sessionsRoutes } from './routes/sessions.routes';
import { usersRoutes } from './routes/users.routes';
import { syncRoutes } from './routes/sync.routes';
import { messageChangesRoutes } from './routes/message-changes.routes';
import { webClientRoutes } from './web/web-client.plugin';
import { ChatEventFanOut } from './ws/chat-event-fan-out';
import { TypingRelay } from './ws/typing-relay';
import { PresenceHub } from './ws/presence-hub';
import { ConnectionRegistry } from './ws/connection-registry';
import { Heartbeat } from './ws/heartbeat';
import { SocketSessions } from './ws/socket-sessions';
import { wsChatRoutes } from './ws/ws-chat.routes';
import { closeOnSocketError } from './ws/upgrade-release';

export type { GatewayDeps } from './gateway-deps';
export { DEFAULT_GRAPHQL_OPTIONS, type GraphqlOptions } from './graphql/graphql-options';
export { DEFAULT_HTTP_TIMEOUTS, DEFAULT_LIMITS, type HttpTimeouts, type LimitsOptions } from './limits/limits-options';

/** Largest HTTP body and largest WebSocket frame: 64 KiB. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

/** WebSocket close code sent to every client when the app closes. */
export const GOING_AWAY = 1001;

export interface GatewayAppOptions {
  /** fastify's logger option (false by default), or a ready pino-compatible logger. */
  readonly logger?: boolean | FastifyLoggerOptions | FastifyBaseLogger;
  /** A ready pino-compatible logger; same as passing one as `logger`. */
  readonly loggerInstance?: FastifyBaseLogger;
  /** How often WebSockets are pinged to find dead peers; 0 disables. Default 30 s. */
  readonly heartbeatIntervalMs?: number;
  /** How often presence marks are renewed and watched states re-read; 0 = never (tests). Default 15 s. */
  readonly presenceBeatMs?: number;
  /** GraphQL at /graphql; each setting left out takes its {@link DEFAULT_GRAPHQL_OPTIONS} value. */
  readonly graphql?: Partial<GraphqlOptions>;
  /**
   * Browser origins other than the gateway's own that may call it (CORS) and open its
   * WebSockets, as `scheme://host[:port]`; none by default (same origin only).
   */
  readonly corsOrigins?: readonly string[];
  /** Sees every route as it is added (the OpenAPI test checks each is documented). */
  readonly onRoute?: (route: RouteOptions) => void;
  /** Abuse limits; each setting left out takes its {@link DEFAULT_LIMITS} value. */
  readonly limits?: Partial<LimitsOptions>;
  /** How long slow clients are waited for; each left out takes its {@link DEFAULT_HTTP_TIMEOUTS} value. */
  readonly httpTimeouts?: Partial<HttpTimeouts>;
  /** fastify's trustProxy: the proxies whose X-Forwarded-For names the client (per-address limits). */
  readonly trustProxy?: string;
  /** Started by whoever stops the gateway, before it closes the app (see {@link GatewayDrain}); closing starts it too. */
  readonly drain?: GatewayDrain;
}

/** Node checks header and request timeouts this often; a fraction of the headers timeout so it bites on time. */
const checkingIntervalFor = (timeouts: HttpTimeouts): number => Math.min(30_000, Math.max(100, Math.floor(timeouts.headersTimeoutMs / 4)));

const isLoggerInstance = (value: unknown): value is FastifyBaseLogger =>
  typeof value === 'object' && value !== null && typeof (value as FastifyBaseLogger).child === 'function';

const loggingOf = (options: GatewayAppOptions) => {
  const instance = options.loggerInstance ?? (isLoggerInstance(options.logger) ? options.logger : undefined);
  if (instance !== undefined) return { loggerInstance: instance };
  return { logger: (options.logger as boolean | FastifyLoggerOptions | undefined) ?? false };
};

/**
 * Builds the gateway (HTTP API, /ws/chat and /graphql) over the modules' inbound ports. It never
 * listens: the caller does, or uses `inject`. Resolves once the app is subscribed to chat
 * events. Closing the app closes its WebSockets (1001); the event bus is the caller's to close.
 */
export const buildGatewayApp = async (ports: GatewayDeps, options: GatewayAppOptions = {}): Promise<FastifyInstance> => {
  const timeouts = { ...DEFAULT_HTTP_TIMEOUTS, ...options.httpTimeouts };
  const app = fastify({
    ...loggingOf(options),
    bodyLimit: MAX_PAYLOAD_BYTES,
    ajv: { customOptions: STRICT_VALIDATION },
    schemaErrorFormatter: schemaValidationError,
    connectionTimeout: timeouts.idleTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    http: { headersTimeout: timeouts.headersTimeoutMs, requestTimeout: timeouts.requestTimeoutMs, connectionsCheckingInterval: checkingIntervalFor(timeouts) },
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    genReqId: requestIdOf,
    frameworkErrors: (error, request, reply) => {
      replyWithError(error, request, reply);
    },
  });
  if (options.onRoute !== undefined) app.addHook('onRoute', options.onRoute);
  const countedPorts: GatewayDeps = {
    ...ports,
    rateLimiter: new CountingRateLimiter(ports.rateLimiter),
    concurrencyLimiter: new CountingConcurrencyLimiter(ports.concurrencyLimiter),
  };
  const { deps, limits } = applyLimits(countedPorts, { ...DEFAULT_LIMITS, ...options.limits }, app.log);
  const connections = new ConnectionRegistry();
  const graphqlSockets = new GraphqlSockets();
  const openSockets = () => [...connections.all(), ...graphqlSockets.all()];
  const heartbeat = new Heartbeat({ all: openSockets });
  const graphqlFeed = new GraphqlChatFeed();
  const sessions = new SocketSessions({ eventBus: deps.eventBus, logger: app.log });
  const fanOut = new ChatEventFanOut({
    eventBus: deps.eventBus,
    connections,
    logger: app.log,
    listeners: [(event) => graphqlFeed.relay(event)],
  });

  const removeGaugeSource = addGaugeSource({
    wsChatSockets: () => connections.all().length,
    graphqlSockets: () => graphqlSockets.all().length,
    queuedBytes: () => openSockets().reduce((total, socket) => total + socket.bufferedAmount, 0),
  });
  app.addHook('onClose', async () => removeGaugeSource());
  const typing = new TypingRelay({ signalBus: deps.signalBus, signalThrottle: deps.signalThrottle, roomRegistry: deps.roomRegistry, connections, logger: app.log });
  const presence = new PresenceHub({ directory: deps.presenceDirectory, signalBus: deps.signalBus, connections, logger: app.log });

  const drain = options.drain ?? new GatewayDrain();
  const closeSockets = () => {
    for (const socket of openSockets()) {
      if (socket.readyState === WebSocket.OPEN) socket.close(GOING_AWAY, 'Server shutting down');
    }
  };
  drain.whenStarted(closeSockets);
  app.addHook('onReady', async () => heartbeat.start(options.heartbeatIntervalMs ?? 30_000));
  app.addHook('onRequest', async (request) => {
    if (drain.draining && request.headers.upgrade?.toLowerCase() === 'websocket') throw GatewayErrors.shuttingDown();
  });
  // while draining, no connection is kept alive (a refused upgrade's neither): the listener's close waits for none
  app.addHook('onSend', async (_request, reply) => {
    if (drain.draining) reply.header('connection', 'close');
  });
  app.addHook('onResponse', async (request) => {
    if (drain.draining && request.headers.upgrade !== undefined) request.raw.socket.end();
  });
  app.addHook('preClose', async () => {
    drain.start();
    fanOut.stop();
    typing.stop();
    presence.stop();
    sessions.stop();
    heartbeat.stop();
    closeSockets();
  });

  app.register(requestTracingPlugin);
  app.register(requestDeadlinePlugin, { budgetMs: timeouts.requestDeadlineMs });
  app.register(errorHandlingPlugin);
  app.register(securityHeadersPlugin);
  app.register(originPolicyPlugin, { origins: new AllowedOrigins(options.corsOrigins ?? []) });
  app.register(openapiPlugin);
  app.register(jsonBodyPlugin);
  app.register(authPlugin, {
    tokenVerifier: deps.tokenVerifier,
    userSessions: deps.userSessions,
    publicPathPrefixes: [GRAPHIQL_PATH, DOCS_PATH, OPENAPI_PATH],
  });
  app.register(fastifyWebsocket, {
    // the app keeps its own registries of sockets (and closes them when it stops): no per-socket 'close' listener of ws's own
    options: { maxPayload: MAX_PAYLOAD_BYTES, clientTracking: false },
    errorHandler: (error, socket, request) => closeOnSocketError(request.log, socket, error),
  });
  app.register(httpLatencyPlugin);
  app.register(healthRoutes, { readinessChecks: deps.readinessChecks ?? [], drain });
  app.register(asyncapiRoutes);
  app.register(usersRoutes, { deps, limits });
  app.register(sessionsRoutes, { deps });
  app.register(privateChatRoutes, { deps });
  app.register(roomsRoutes, { deps });
  app.register(roomChatRoutes, { deps });
  app.register(syncRoutes, { deps });
  app.register(conversationsRoutes, { deps });
  app.register(roomAdministrationRoutes, { deps });
  app.register(messageChangesRoutes, { deps });
  app.register(wsChatRoutes, { deps, connections, heartbeat, limits, sessions, typing, presence, frameDeadlineMs: timeouts.requestDeadlineMs });
  const graphqlOptions = { ...DEFAULT_GRAPHQL_OPTIONS, ...options.graphql };
  if (graphqlOptions.graphiql) app.register(graphiqlRoutes, { path: GRAPHIQL_PATH, graphqlPath: GRAPHQL_PATH });
  app.register(graphqlPlugin, {
    deps,
    options: graphqlOptions,
    feed: graphqlFeed,
    sockets: graphqlSockets,
    heartbeat,
    limits,
    sessions,
  });
  app.register(webClientRoutes);

  await sessions.start();
  await fanOut.start();
  await typing.start();
  await presence.start(options.presenceBeatMs);
  return app;
};
