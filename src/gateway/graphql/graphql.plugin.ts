import type { FastifyPluginAsync } from 'fastify';
import mercurius from 'mercurius';
import type { WebSocket } from 'ws';
import type { GatewayDeps } from '../gateway-deps';
import type { Heartbeat } from '../ws/heartbeat';
import { formatGraphqlErrors } from './error-formatter';
import { GATEWAY_SCHEMA } from './gateway.schema';
import { connectionContext, requestContext } from './graphql-context';
import { GRAPHQL_PATH, type GraphqlOptions } from './graphql-options';
import { httpDocumentGuard } from './limits/http-document-guard';
import { gatewayValidationRules } from './limits/validation-rules';
import type { GatewayLimits } from '../limits/gateway-limits';
import { mutationResolvers } from './resolvers/mutation.resolvers';
import { conversationResolvers } from './resolvers/conversation.resolvers';
import { messageResolvers, roomResolvers, userResolvers } from './resolvers/object.resolvers';
import {
  roomAdministrationMutationResolvers,
  roomAdministrationQueryResolvers,
  roomMemberResolvers,
} from './resolvers/room-administration.resolvers';
import { onBehalfOfCaller } from './on-behalf-of-caller';
import { queryResolvers } from './resolvers/query.resolvers';
import { strictGraphqlRoute } from './strict-graphql-route';
import { GraphqlConnectionAuth } from './subscriptions/connection-init';
import type { SocketSessions } from '../ws/socket-sessions';
import type { GraphqlChatFeed } from './subscriptions/graphql-chat-feed';
import type { GraphqlSockets } from './subscriptions/graphql-sockets';
import { subscriptionResolvers } from './subscriptions/subscription.resolvers';
import { validateSubscription } from './subscriptions/subscription-validation';

export interface GraphqlPluginOptions {
  readonly deps: GatewayDeps;
  readonly options: GraphqlOptions;
  /** Fed by the app's chat event fan-out; publishes to this plugin's subscriptions. */
  readonly feed: GraphqlChatFeed;
  readonly sockets: GraphqlSockets;
  readonly heartbeat: Heartbeat;
  readonly limits: GatewayLimits;
  /** Closes subscription sockets when their token expires or their session is revoked. */
  readonly sessions: SocketSessions;
}

/**
 * /graphql: queries and mutations over HTTP (the token in `Authorization: Bearer`),
 * subscriptions over WebSocket with graphql-transport-ws (the token or a ticket in connection_init).
 * The route itself is public: resolvers ask for the caller, so createUser and
 * authenticate need no token and every other field does.
 */
export const graphqlPlugin: FastifyPluginAsync<GraphqlPluginOptions> = async (app, { deps, options, feed, sockets, heartbeat, limits, sessions }) => {
  const connectionAuth = new GraphqlConnectionAuth({ tokenVerifier: deps.tokenVerifier, userSessions: deps.userSessions, sessions, logger: app.log });
  sockets.watch(app.websocketServer, GRAPHQL_PATH, (socket) => {
    heartbeat.track(socket);
    connectionAuth.intercept(socket);
  });
  app.addHook('onRoute', strictGraphqlRoute);
  const guard = httpDocumentGuard(options.maxDepth);
  app.addHook('preHandler', async (request, reply) => (request.routeOptions.url === GRAPHQL_PATH ? guard(request, reply) : undefined));

  await app.register(mercurius, {
    schema: GATEWAY_SCHEMA,
    resolvers: onBehalfOfCaller({
      Query: { ...queryResolvers, ...roomAdministrationQueryResolvers },
      Mutation: { ...mutationResolvers, ...roomAdministrationMutationResolvers },
      Subscription: subscriptionResolvers,
      User: userResolvers,
      Room: roomResolvers,
      RoomMember: roomMemberResolvers,
      Message: messageResolvers,
      Conversation: conversationResolvers,
    }),
    path: GRAPHQL_PATH,
    // GraphiQL is ours (graphiql.routes.ts): mercurius' page loads it from a CDN
    graphiql: false,
    // the validation rules read each request's variables, which mercurius's document cache cannot
    cache: false,
    validationRules: ({ variables }) => gatewayValidationRules(options, variables ?? undefined),
    errorFormatter: formatGraphqlErrors,
    context: (request) => requestContext(deps, feed, limits, request),
    additionalRouteOptions: {
      config: { public: true },
      // mercurius's response schema would print the list indices of an error's path as strings
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    subscription: {
      // queries and mutations may also run over the socket: renewSocketToken must
      fullWsTransport: true,
      onConnect: connectionAuth.onConnect,
      context: (socket, request) =>
        connectionContext(deps, feed, limits, request, (claims) => sessions.renew(socket as unknown as WebSocket, claims)),
    },
  });

  app.graphql.addHook('preSubscriptionParsing', validateSubscription(options));
  feed.connect(app.graphql.pubsub);
  app.addHook('onClose', async () => feed.disconnect());
};
