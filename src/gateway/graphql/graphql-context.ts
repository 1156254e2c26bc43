import type { FastifyRequest } from 'fastify';
import type { MercuriusContext } from 'mercurius';
import type { Logger } from '@chatterroom/kernel';
import type { TokenClaims } from '@chatterroom/users/contracts';
import type { GatewayDeps } from '../gateway-deps';
import { bearerTokenOf } from '../http/bearer-token';
import type { GatewayLimits } from '../limits/gateway-limits';
import { Caller } from './caller';
import { UserBatchLoader } from './user-batch-loader';
import type { GraphqlChatFeed } from './subscriptions/graphql-chat-feed';

/** What every resolver gets: the ports, who calls, the request's user loader and logger. */
export interface GraphqlContext {
  readonly ports: GatewayDeps;
  /** The subscription source of this gateway. */
  readonly feed: GraphqlChatFeed;
  readonly caller: Caller;
  readonly users: UserBatchLoader;
  readonly log: Logger;
  readonly limits: GatewayLimits;
  /** The client's address (per-address limits). */
  readonly clientIp: string;
  /** On a subscription socket only: moves the socket's expiry (and session) to fresh claims. */
  readonly renewSocket?: (claims: TokenClaims) => void;
}

/** A resolver's context as mercurius hands it over (`pubsub` is set for subscriptions). */
export type ResolverContext = GraphqlContext & Pick<MercuriusContext, 'pubsub'>;

/** A query or mutation over HTTP: the caller is whoever `Authorization: Bearer` names. */
export const requestContext = (ports: GatewayDeps, feed: GraphqlChatFeed, limits: GatewayLimits, request: FastifyRequest): GraphqlContext => ({
  ports,
  limits,
  clientIp: request.ip,
  feed,
  caller: Caller.withToken(ports.tokenVerifier, bearerTokenOf(request.headers.authorization)),
  users: new UserBatchLoader(ports),
  log: request.log,
});

/** A subscription connection: anonymous until its connection_init proves a token. */
export const connectionContext = (
  ports: GatewayDeps,
  feed: GraphqlChatFeed,
  limits: GatewayLimits,
  request: FastifyRequest,
  renewSocket?: (claims: TokenClaims) => void,
): GraphqlContext => ({
  ports,
  limits,
  clientIp: request.ip,
  feed,
  caller: Caller.withToken(ports.tokenVerifier, undefined),
  users: new UserBatchLoader(ports),
  log: request.log,
  ...(renewSocket === undefined ? {} : { renewSocket }),
});
