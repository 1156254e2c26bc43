import { GraphqlHttpClient } from './graphql-http-client';
import { GraphqlSubscriber } from './graphql-subscriber';

/** `/graphql` over HTTP of a gateway whose base URL is `httpUrl` (http://host:port). */
export const graphqlHttpUrl = (httpUrl: string): string => `${httpUrl.replace(/\/+$/, '')}/graphql`;

/** `/graphql` over WebSocket of the same gateway. */
export const graphqlWsUrl = (httpUrl: string): string => graphqlHttpUrl(httpUrl).replace(/^http/, 'ws');

/** The HTTP GraphQL client of `user` (its token) on the gateway `httpUrl`. */
export const graphqlOf = (httpUrl: string, token?: string): GraphqlHttpClient => new GraphqlHttpClient(graphqlHttpUrl(httpUrl), token);

/** A graphql-ws client on the gateway `httpUrl` whose connection_init carries `token`. */
export const subscriberOf = (httpUrl: string, token: string): GraphqlSubscriber => GraphqlSubscriber.withToken(graphqlWsUrl(httpUrl), token);
